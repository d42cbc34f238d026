using System;
using System.IO;
using System.Linq;
using Applivery.Generators.Tests.Infrastructure;

namespace Applivery.Generators.Tests;

/// <summary>
/// A spec written to break generators: keywords, digits, punctuation and non-ASCII in names, names that collide,
/// hostile enum values and descriptions. The output must compile, mean what the spec says, and let no text inject code.
/// </summary>
public class AdversarialSpecTests
{
    private const string Harness = """
        namespace Consumer
        {
            public static class AdversarialHarness
            {
                public static string RoundTrip(string json)
                {
                    var value = HostileSummaryClientJson.Parse(System.Text.Encoding.UTF8.GetBytes(json), HostileSummaryClientJson.ReadClass);
                    return System.Text.Encoding.UTF8.GetString(HostileSummaryClientJson.Serialize(value, HostileSummaryClientJson.WriteClass));
                }

                public static string Kinds() => string.Join(",", System.Linq.Enumerable.Select(
                    (ClassKind[])System.Enum.GetValues(typeof(ClassKind)),
                    kind => kind + "=" + (kind.ToWireValue() ?? "null")));

                public static int Errors(string quoted) => new Class { ClassValue = "x", Quoted = quoted }.Validate().Count;

                public static void CheckParameters(string classValue) =>
                    HostileSummaryClientValidation.ValidateGetItemsNowParameters(classValue, "first", null, null, null, null);
            }
        }
        """;

    private static readonly Lazy<GeneratorRun> Run = new(() => GeneratorRun.Run(
        new[] { SpecFile.Feature("adversarial.yaml").WithAllSchemas() },
        csharpSources: new[] { Harness }));

    private static readonly Lazy<CompiledAssembly> Assembly = new(() => CompiledAssembly.Load(Run.Value.Output));

    [Fact]
    public void ItCompilesWithoutAnyWarningAndReportsOnlyRenames()
    {
        var diagnostics = Run.Value.CompilationDiagnostics();
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
        Assert.All(Run.Value.GeneratorDiagnostics, diagnostic => Assert.Equal("APG007", diagnostic.Id));
    }

    [Fact]
    public void NoSpecTextBecomesCode()
    {
        foreach (var source in Run.Value.Sources.Select(source => source.SourceText.ToString()))
        {
            // Spec text may only appear inside comments and string literals; directives and calls from it must not.
            var code = source.Split('\n').Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal)).ToList();
            Assert.DoesNotContain(code, line => line.TrimStart().StartsWith('#') && !line.TrimStart().StartsWith("#nullable", StringComparison.Ordinal) && !line.TrimStart().StartsWith("#pragma", StringComparison.Ordinal));
            Assert.DoesNotContain(code, line => line.Contains("Environment.Exit", StringComparison.Ordinal));
            Assert.DoesNotContain('\u2028', source.Replace("\\u2028", string.Empty));
        }
    }

    [Fact]
    public void WireNamesSurviveARoundTrip()
    {
        const string json = """{"class":"c","event":"e","namespace":1,"1st":"f","a-b":"ab","a.b":"dot","a b":"space","$dollar":"d","ñandú":"n","日本":"j","Validate":"v","ToString":"t","Class":"C","UnrecognizedValues":"u","kind":"a b","quoted":"\"q\"","nested":{"x":"1","":"empty"}}""";

        var written = (string)Assembly.Value.Call("Consumer.AdversarialHarness", "RoundTrip", json)!;

        // Non-ASCII names come back \u-escaped, which is the same JSON.
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(json), System.Text.Json.Nodes.JsonNode.Parse(written)), written);
    }

    [Fact]
    public void HostileEnumValuesGetDistinctMembersBoundToTheirExactText()
    {
        var kinds = (string)Assembly.Value.Call("Consumer.AdversarialHarness", "Kinds")!;

        Assert.Equal("Unrecognized2=null,Empty=,_1=1,AB=a b,A=A,A2=a,Unrecognized=Unrecognized,Value=*/,Value2=\",Value3=\\", kinds);
    }

    [Fact]
    public void PatternsWithQuotesAndBackslashesMeanWhatTheSpecSays()
    {
        Assert.Equal(0, (int)Assembly.Value.Call("Consumer.AdversarialHarness", "Errors", "\"quoted\"\\")!);
        Assert.Equal(1, (int)Assembly.Value.Call("Consumer.AdversarialHarness", "Errors", "not quoted")!);
        Assembly.Value.Call("Consumer.AdversarialHarness", "CheckParameters", "ab\"'\\");
        Assert.Throws<ArgumentException>(() => Assembly.Value.Call("Consumer.AdversarialHarness", "CheckParameters", "AB"));
    }
}
