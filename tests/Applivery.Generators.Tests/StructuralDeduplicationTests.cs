using System.Linq;
using Applivery.Generators.Tests.Infrastructure;

namespace Applivery.Generators.Tests;

/// <summary>
/// Identical inline enums and objects are one type (README, naming rules): the petstore's <c>findPetsByStatus</c>
/// takes the <c>PetStatus</c> of <c>Pet.status</c>; components keep the names the spec gave them.
/// </summary>
public class StructuralDeduplicationTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Store, version: '1' }
        servers: [{ url: 'https://example.test/' }]
        paths:
          /pets/findByStatus:
            get:
              operationId: findPetsByStatus
              parameters:
                - name: status
                  in: query
                  schema:
                    type: array
                    items: { type: string, enum: [available, pending, sold] }
                - name: order
                  in: query
                  schema: { type: string, enum: [sold, pending, available] }
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: { type: array, items: { $ref: '#/components/schemas/Pet' } }
        components:
          schemas:
            Pet:
              type: object
              properties:
                status: { type: string, enum: [available, pending, sold] }
            Availability: { type: string, enum: [available, pending, sold] }
        """;

    [Fact]
    public void AnInlineEnumWithTheValuesOfAnotherIsThatEnum()
    {
        // Schemas="all": the component enum Availability is used by no operation.
        var run = GeneratorRun.Run(new SpecFile("/project/spec/store.yaml", Spec).WithAllSchemas());
        Assert.Empty(run.CompilationDiagnostics());

        var assembly = CompiledAssembly.Load(run.Output);
        var parameters = assembly.Type("Consumer.StoreClient").GetMethod("FindPetsByStatusAsync")!.GetParameters();
        Assert.Equal("System.Collections.Generic.IReadOnlyList`1[Consumer.PetStatus]", parameters[0].ParameterType.ToString());
        Assert.Equal("Consumer.PetStatus", assembly.Type("Consumer.Pet").GetProperty("Status")!.PropertyType.GetGenericArguments().Single().FullName);

        // The same values in another order are another enum; a component enum is its own type even with the same values.
        Assert.Equal("Consumer.FindPetsByStatusOrder", parameters[1].ParameterType.GetGenericArguments().Single().FullName);
        Assert.NotNull(assembly.Type("Consumer.Availability"));
        Assert.DoesNotContain(run.Sources, source => source.HintName.Contains("FindPetsByStatusStatusItem"));
    }

    [Fact]
    public void AnInlineObjectWithTheShapeOfAnEarlierOneIsThatType()
    {
        var run = GeneratorRun.Run(new SpecFile("/project/spec/shapes.yaml", """
            openapi: 3.0.3
            info: { title: Shapes, version: '1' }
            servers: [{ url: 'https://example.test/' }]
            paths:
              /a:
                get:
                  operationId: getA
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            description: the first copy
                            required: [url]
                            properties:
                              url: { type: string, description: where }
                              owner: { type: object, properties: { login: { type: string } } }
              /b:
                get:
                  operationId: getB
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            description: the same shape, other docs
                            required: [url]
                            properties:
                              url: { type: string, description: the address }
                              owner: { type: object, properties: { login: { type: string } } }
              /c:
                get:
                  operationId: getC
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              url: { type: string }
                              owner: { type: object, properties: { login: { type: string } } }
            """));
        Assert.Empty(run.CompilationDiagnostics());

        var client = CompiledAssembly.Load(run.Output).Type("Consumer.ShapesClient");
        string ResultOf(string method) => client.GetMethod(method)!.ReturnType.GetGenericArguments().Single().Name;

        // B is A's type, nested owner included; C differs (url is not required) and keeps its own, but its owner is A's.
        Assert.Equal("GetAResponse", ResultOf("GetBAsync"));
        Assert.Equal("GetCResponse", ResultOf("GetCAsync"));
        Assert.DoesNotContain(run.Sources, source => source.HintName.Contains("GetBResponse"));
        Assert.Contains("GetAResponseOwner? Owner", run.Source("ShapesClient.GetCResponse.g.cs"));
    }
    [Theory]
    [InlineData("integer", false)]
    [InlineData("string", true)]
    public void AnInlineObjectMergedWithAnIdenticalEarlierOneReportsNoRename(string secondType, bool renamed)
    {
        // Foo.bar_baz and FooBar.baz both want the name FooBarBaz. Identical, the second is the first's type and no
        // APG007 names a FooBarBaz2 that is never generated; different, the second is FooBarBaz2, and APG007 says so.
        var spec = $$"""
            openapi: 3.0.3
            info: { title: Names, version: '1' }
            paths: {}
            components:
              schemas:
                Foo:
                  type: object
                  properties:
                    bar_baz: { type: object, properties: { size: { type: integer } } }
                FooBar:
                  type: object
                  properties:
                    baz: { type: object, properties: { size: { type: {{secondType}} } } }
            """;

        var run = GeneratorRun.Run(new SpecFile("/project/spec/names.yaml", spec));

        Assert.Empty(run.CompilationDiagnostics());
        var renames = run.GeneratorDiagnostics.Where(diagnostic => diagnostic.Id == "APG007").Select(diagnostic => diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Contains("FooBarBaz", run.ConsumerTypeNames());
        if (renamed)
        {
            Assert.Contains("FooBarBaz2", run.ConsumerTypeNames());
            Assert.Equal("it is generated as 'FooBarBaz2'", Assert.Single(renames).Split("; ").Last());
        }
        else
        {
            Assert.DoesNotContain("FooBarBaz2", run.ConsumerTypeNames());
            Assert.Empty(renames);
        }
    }
}
