using System.Linq;
using Applivery.Generators.Tests.Infrastructure;

namespace Applivery.Generators.Tests;

/// <summary>
/// Identical inline enums are one type (README, naming rules): the petstore's <c>findPetsByStatus</c> takes the
/// <c>PetStatus</c> of <c>Pet.status</c>; a component enum keeps the name the spec gave it.
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
        var run = GeneratorRun.Run(new SpecFile("/project/spec/store.yaml", Spec));
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
}
