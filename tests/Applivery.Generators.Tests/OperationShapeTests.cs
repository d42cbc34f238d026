using System.Globalization;
using System.Linq;
using Applivery.Generators.Tests.Infrastructure;

namespace Applivery.Generators.Tests;

/// <summary>Parameters OpenAPI itself says are ignored, or that could never be sent, are left out out loud.</summary>
public class OperationShapeTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Shapes, version: '1' }
        servers: [{ url: 'https://example.test/' }]
        paths:
          /things/{id}:
            get:
              operationId: getThing
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
                - { name: other, in: path, required: true, schema: { type: string } }
                - { name: Accept, in: header, schema: { type: string } }
                - { name: content-type, in: header, schema: { type: string } }
                - { name: Authorization, in: header, schema: { type: string } }
                - { name: X-Trace, in: header, schema: { type: string } }
              responses:
                '204': { description: none }
        """;

    [Fact]
    public void ReservedHeadersAndUnusedPathParametersAreReportedAndLeftOut()
    {
        var run = GeneratorRun.Run(new[] { new SpecFile("/project/spec/shapes.yaml", Spec) });
        Assert.Empty(run.CompilationDiagnostics());

        var method = CompiledAssembly.Load(run.Output).Type("Consumer.ShapesClient").GetMethod("GetThingAsync")!;
        Assert.Equal(new[] { "id", "xTrace", "cancellationToken" }, method.GetParameters().Select(parameter => parameter.Name));

        var messages = run.GeneratorDiagnostics.Where(diagnostic => diagnostic.Id == "APG013")
            .Select(diagnostic => (Line: diagnostic.Location.GetLineSpan().StartLinePosition.Line, Text: diagnostic.GetMessage(CultureInfo.InvariantCulture)))
            .ToList();
        Assert.Equal(4, messages.Count);
        Assert.Contains(messages, message => message.Text.StartsWith("The path parameter 'other' of GetThing must be a placeholder '{other}' of the path '/things/{id}'", System.StringComparison.Ordinal));
        foreach (var (header, line) in new[] { ("Accept", 10), ("content-type", 11), ("Authorization", 12) })
        {
            Assert.Contains(messages, message => message.Line == line && message.Text.StartsWith($"The header parameter '{header}' of GetThing must be described by the operation's responses, request body or security instead (OpenAPI ignores it)", System.StringComparison.Ordinal));
        }
    }

    [Fact]
    public void ABinaryParameterStaysInTheSignatureAndIsNamedAsNotSendable()
    {
        var run = GeneratorRun.Run(new[] { new SpecFile("/project/spec/shapes.yaml", """
            openapi: 3.0.3
            info: { title: Shapes, version: '1' }
            servers: [{ url: 'https://example.test/' }]
            paths:
              /things:
                get:
                  operationId: getThings
                  parameters:
                    - { name: blob, in: query, schema: { type: string, format: binary } }
                  responses:
                    '204': { description: none }
            """) });
        Assert.Empty(run.CompilationDiagnostics());

        var method = CompiledAssembly.Load(run.Output).Type("Consumer.ShapesClient").GetMethod("GetThingsAsync")!;
        Assert.Equal("Consumer.FileUpload", method.GetParameters()[0].ParameterType.FullName);
        var warning = Assert.Single(run.GeneratorDiagnostics, diagnostic => diagnostic.Id == "APG005");
        Assert.Contains("'blob' of GetThings (a binary value (format: binary) has no text form in a parameter)", warning.GetMessage(CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.Equal(8, warning.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void ADeprecatedOperationIsObsoleteOnTheInterfaceAndTheClass()
    {
        var run = GeneratorRun.Run(new[] { new SpecFile("/project/spec/shapes.yaml", """
            openapi: 3.0.3
            info: { title: Shapes, version: '1' }
            servers: [{ url: 'https://example.test/' }]
            paths:
              /old:
                get: { operationId: getOld, deprecated: true, responses: { '204': { description: none } } }
              /new:
                get: { operationId: getNew, responses: { '204': { description: none } } }
            """) });
        Assert.Empty(run.CompilationDiagnostics());

        var assembly = CompiledAssembly.Load(run.Output);
        foreach (var type in new[] { "Consumer.IShapesClient", "Consumer.ShapesClient" })
        {
            var obsolete = assembly.Type(type).GetMethod("GetOldAsync")!.GetCustomAttributes(typeof(System.ObsoleteAttribute), inherit: false);
            Assert.Equal("Deprecated in the spec.", Assert.IsType<System.ObsoleteAttribute>(Assert.Single(obsolete)).Message);
            Assert.Empty(assembly.Type(type).GetMethod("GetNewAsync")!.GetCustomAttributes(typeof(System.ObsoleteAttribute), inherit: false));
        }
    }
}
