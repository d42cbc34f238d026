using System.Linq;
using System.Threading;
using Applivery.Generators.Tests.Infrastructure;

namespace Applivery.Generators.Tests;

/// <summary>
/// The spec's parameter names are public contract: the generated method body owns its locals (they end in <c>_</c>),
/// so no spec parameter is renamed for them; only the method's own parameters (the body, the cancellation token) yield.
/// </summary>
public class ParameterNamingTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Names, version: '1' }
        servers: [{ url: 'https://example.test/' }]
        paths:
          /pets/findByStatus:
            get:
              operationId: findPetsByStatus
              parameters:
                - { name: status, in: query, schema: { type: string } }
                - { name: request, in: query, schema: { type: string } }
                - { name: response, in: query, schema: { type: string } }
                - { name: content, in: query, schema: { type: string } }
                - { name: uri, in: query, schema: { type: string } }
                - { name: error, in: query, schema: { type: string } }
                - { name: separator, in: header, schema: { type: string } }
              responses:
                '204': { description: none }
          /pets:
            post:
              operationId: addPet
              parameters:
                - { name: body, in: query, schema: { type: string } }
                - { name: cancellationToken, in: query, schema: { type: string } }
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { type: object, properties: { name: { type: string } } }
              responses:
                '204': { description: none }
        """;

    [Fact]
    public void AParametersRulesFollowItsDescriptionAsSentences()
    {
        const string Rules = """
            openapi: 3.0.3
            info: { title: Rules, version: '1' }
            servers: [{ url: 'https://example.test/' }]
            paths:
              /images:
                get:
                  operationId: searchImages
                  parameters:
                    - { name: page, in: query, description: Page number, schema: { type: integer, minimum: 1 } }
                    - { name: per_page, in: query, description: Results per page., schema: { type: integer, maximum: 500 } }
                  responses:
                    '204': { description: none }
            """;

        var run = GeneratorRun.Run(new[] { new SpecFile("/project/spec/rules.yaml", Rules) });

        var client = run.Source("RulesClient.g.cs");
        Assert.Contains("/// <param name=\"page\">Page number. At least 1.</param>", client, System.StringComparison.Ordinal);
        Assert.Contains("/// <param name=\"perPage\">Results per page. At most 500.</param>", client, System.StringComparison.Ordinal);
    }

    [Fact]
    public void TheSpecsDefaultsAreInTheDocsOfOptionalParametersAndOfProperties()
    {
        // A default is the server's: the client sends nothing for an absent value, so the docs are where a caller learns it.
        const string Defaults = """
            openapi: 3.0.3
            info: { title: Defaults, version: '1' }
            servers: [{ url: 'https://example.test/' }]
            paths:
              /images/{id}:
                get:
                  operationId: searchImages
                  parameters:
                    - { name: id, in: path, required: true, schema: { type: string, default: ignored } }
                    - { name: per_page, in: query, description: Results per page., schema: { type: integer, maximum: 100, default: 30 } }
                    - { name: sort, in: query, schema: { $ref: '#/components/schemas/Sort' } }
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              direction: { type: string, default: desc }
                              tags: { type: array, items: { type: string }, default: [] }
            components:
              schemas:
                Sort: { type: string, enum: [popular, newest], default: popular }
            """;

        var run = GeneratorRun.Run(new[] { new SpecFile("/project/spec/defaults.yaml", Defaults) });

        Assert.Empty(run.CompilationDiagnostics());
        var client = run.Source("DefaultsClient.g.cs");
        Assert.Contains("/// <param name=\"perPage\">Results per page. At most 100. Default (the server's, when absent): <c>30</c>.</param>", client, System.StringComparison.Ordinal);
        Assert.Contains("/// <param name=\"sort\">The sort query parameter. Default (the server's, when absent): <c>popular</c>.</param>", client, System.StringComparison.Ordinal);
        Assert.Contains("/// <param name=\"id\">The id path parameter.</param>", client, System.StringComparison.Ordinal);
        var response = run.Source("DefaultsClient.SearchImagesResponse.g.cs");
        Assert.Contains("Default (the server's, when absent): <c>desc</c>.", response, System.StringComparison.Ordinal);
        Assert.Contains("Default (the server's, when absent): <c>[]</c>.", response, System.StringComparison.Ordinal);
    }

    [Fact]
    public void SpecParametersKeepTheirNaturalNames()
    {
        var run = GeneratorRun.Run(new[] { new SpecFile("/project/spec/names.yaml", Spec) });
        Assert.Empty(run.CompilationDiagnostics());

        var client = CompiledAssembly.Load(run.Output).Type("Consumer.NamesClient");
        var find = client.GetMethod("FindPetsByStatusAsync")!;
        Assert.Equal(
            new[] { "status", "request", "response", "content", "uri", "error", "separator", "cancellationToken" },
            find.GetParameters().Select(parameter => parameter.Name));
        Assert.DoesNotContain(run.GeneratorDiagnostics, diagnostic => diagnostic.GetMessage().Contains("findPetsByStatus", System.StringComparison.Ordinal));
    }

    [Fact]
    public void TheMethodsOwnParametersYieldToSpecNamesWithAWarning()
    {
        var run = GeneratorRun.Run(new[] { new SpecFile("/project/spec/names.yaml", Spec) });
        Assert.Empty(run.CompilationDiagnostics());

        var client = CompiledAssembly.Load(run.Output).Type("Consumer.NamesClient");
        var add = client.GetMethod("AddPetAsync")!;
        var parameters = add.GetParameters();
        // The required body comes first, then the optional query parameters, then the token.
        Assert.Equal(new[] { "body2", "body", "cancellationToken", "cancellationToken2" }, parameters.Select(parameter => parameter.Name));
        Assert.Equal(typeof(CancellationToken), parameters.Last().ParameterType);
        Assert.Equal("Consumer.AddPetRequest", parameters[0].ParameterType.FullName);
        Assert.Equal(typeof(string), parameters[1].ParameterType);

        var renames = run.GeneratorDiagnostics.Where(diagnostic => diagnostic.Id == "APG007").Select(diagnostic => diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, renames.Count);
        Assert.Contains(renames, message => message.Contains("'body'", System.StringComparison.Ordinal) && message.Contains("'body2'", System.StringComparison.Ordinal));
        Assert.Contains(renames, message => message.Contains("'cancellationToken2'", System.StringComparison.Ordinal));
        Assert.All(run.GeneratorDiagnostics.Where(diagnostic => diagnostic.Id == "APG007"), diagnostic => Assert.Equal(20, diagnostic.Location.GetLineSpan().StartLinePosition.Line));
    }
}
