using System.Linq;
using Applivery.Generators.Tests.Infrastructure;

namespace Applivery.Generators.Tests;

/// <summary>An <c>enum</c> without a <c>type</c> has the type of its values, so it goes on the wire as the spec says.</summary>
public class EnumTypeInferenceTests
{
    [Fact]
    public void AnEnumWithoutATypeTakesTheTypeOfItsValues()
    {
        var run = GeneratorRun.Run(new[] { new SpecFile("/project/spec/inferred.yaml", """
            openapi: 3.0.3
            info: { title: Inferred, version: '1' }
            paths: {}
            components:
              schemas:
                Settings:
                  type: object
                  properties:
                    flag: { enum: [true, false] }
                    level: { enum: [1, 2, 3] }
                    ratio: { enum: [0.5, 1.5] }
                    quoted: { enum: ['true', 'false'] }
            """) });
        Assert.Empty(run.CompilationDiagnostics());

        var settings = run.Source("InferredClient.Settings.g.cs");
        Assert.Contains("public bool? Flag { get; init; }", settings);
        Assert.Contains("public double? Level { get; init; }", settings);
        Assert.Contains("public double? Ratio { get; init; }", settings);
        Assert.DoesNotContain("public bool? Quoted", settings);

        // Written as JSON literals, not strings.
        var assembly = CompiledAssembly.Load(run.Output);
        var type = assembly.Type("Consumer.Settings");
        var value = System.Activator.CreateInstance(type)!;
        type.GetProperty("Flag")!.SetValue(value, true);
        type.GetProperty("Level")!.SetValue(value, 2.0);
        var resolver = (System.Text.Json.JsonSerializerOptions)assembly.Type("Consumer.InferredClientJsonTypeInfoResolver").GetProperty("Options")!.GetValue(null)!;
        Assert.Equal("{\"flag\":true,\"level\":2}", System.Text.Json.JsonSerializer.Serialize(value, resolver.GetTypeInfo(type)));
    }
}
