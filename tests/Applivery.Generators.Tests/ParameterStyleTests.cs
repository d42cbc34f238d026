using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Applivery.Generators.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Applivery.Generators.Tests;

/// <summary>
/// Every parameter style of OpenAPI 3.1 on the wire, from <c>Specs/features-parameters.yaml</c> compiled and called
/// against Kestrel: the bytes are the spec's own Style Examples (<c>color</c> = "blue", ["blue","black","brown"],
/// {"R":100,"G":200,"B":150}), plus escaping, allowReserved, JSON content, invariant formats, enums, nulls and servers.
/// </summary>
public class ParameterStyleTests : IAsyncLifetime
{
    /// <summary>Operations whose single <c>color</c> parameter takes the example value of their kind.</summary>
    private static readonly string[] StyleOperations =
    {
        "pathSimplePrimitive", "pathSimpleArray", "pathSimpleArrayExplode", "pathSimpleObject", "pathSimpleObjectExplode",
        "pathLabelPrimitive", "pathLabelArray", "pathLabelArrayExplode", "pathLabelObject", "pathLabelObjectExplode",
        "pathMatrixPrimitive", "pathMatrixArray", "pathMatrixArrayExplode", "pathMatrixObject", "pathMatrixObjectExplode",
        "queryFormPrimitive", "queryFormArray", "queryFormArrayExplode", "queryFormObject", "queryFormObjectExplode",
        "querySpaceDelimitedArray", "querySpaceDelimitedObject", "queryPipeDelimitedArray", "queryPipeDelimitedObject",
        "queryDeepObject", "queryDefaultArray", "queryDefaultObject",
        "headerPrimitive", "headerArray", "headerArrayExplode", "headerObject", "headerObjectExplode",
        "cookiePrimitive", "cookieArray", "cookieArrayExplode", "cookieObject", "cookieObjectExplode",
    };

    /// <summary>The other calls, each with its arguments.</summary>
    private static readonly Dictionary<string, string> OtherCalls = new()
    {
        ["cookies"] = "CookiesAsync(\"abc\", new[] { \"a\", \"b\" })",
        ["escaping"] = "EscapingAsync(\"a/b c?d\", \"a b&c=d/é?#[]+\", new[] { \"x,y\", \"z\" }, \"a, b\")",
        ["allowReserved"] = "AllowReservedAsync(\"a/b?c=d:e@f!$'()*+,;[]#x y%20é\", new[] { \"/a/b\", \"/c\" }, \"a/b\")",
        ["contentJson"] = "ContentJsonAsync(new[] { \"a b\", \"c\" }, Rgb(), Rgb(), new Dictionary<string, int> { [\"x\"] = 1 }, \"hi there\")",
        ["formats"] = "FormatsAsync(Shade.DarkBlue, new long[] { 1, 2 }, new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)), new[] { new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)), new DateTimeOffset(2024, 12, 31, 23, 59, 59, 500, TimeSpan.FromHours(-5)) }, new[] { Shade.DarkBlue, Shade.LightBlue }, 1.5, 0.25f)",
        ["nulls"] = "NullsAsync()",
        ["generatedNames"] = "GeneratedNamesAsync(status: new[] { \"a\", \"b\" }, request: \"r\", separator: 1, error: \"e\", uri: new[] { \"u\", \"v\" })",
        ["maps"] = "MapsAsync(new Dictionary<string, string> { [\"a\"] = \"1\", [\"b\"] = \"x y\" }, new Dictionary<string, int> { [\"a\"] = 1, [\"b\"] = 2 })",
        ["notSendableNulls"] = "NotSendableAsync()",
        ["notSendableFilter"] = "NotSendableAsync(filter: new Nested { Name = \"n\", Inner = Rgb() })",
        ["notSendableMatrix"] = "NotSendableAsync(matrix: new[] { new[] { \"a\" } })",
        ["notSendableRequired"] = "NotSendableRequiredAsync(1)",
        ["invalidStyle"] = "InvalidStyleAsync(\"x\", new[] { \"a\", \"b\" })",
        ["pathLevelServer"] = "PathLevelServerAsync(\"x\")",
        ["operationLevelServer"] = "OperationLevelServerAsync()",
        ["relativeServer"] = "RelativeServerAsync()",
        ["serverWithoutDefault"] = "ServerWithoutDefaultAsync()",
        ["documentServerRepeated"] = "DocumentServerRepeatedAsync()",
    };

    private static readonly Lazy<GeneratorRun> Run = new(() => GeneratorRun.Run(new[] { FeatureSpec() }, csharpSources: new[] { Harness() }));

    private static readonly Lazy<CompiledAssembly> Assembly = new(() => CompiledAssembly.Load(Run.Value.Output));

    private LoopbackServer _server = null!;

    private readonly List<(string Target, IHeaderDictionary Headers)> _received = new();

    internal static SpecFile FeatureSpec() =>
        new("/project/spec/features-parameters.yaml", File.ReadAllText(Path.Combine(RepositoryPaths.TestProject, "Specs", "features-parameters.yaml")));

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync();
        _server.Respond = context =>
        {
            var target = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget;
            lock (_received)
            {
                _received.Add((target, new HeaderDictionary(context.Request.Headers.ToDictionary(pair => pair.Key, pair => pair.Value))));
            }

            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        };
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string, string> PathAndQueryExamples => new()
    {
        // Path: simple, label, matrix (the Style Examples; unexploded label with commas, as RFC 6570 expands {.list}).
        { "pathSimplePrimitive", "/v1/path/simple/primitive/blue" },
        { "pathSimpleArray", "/v1/path/simple/array/blue,black,brown" },
        { "pathSimpleArrayExplode", "/v1/path/simple/array/explode/blue,black,brown" },
        { "pathSimpleObject", "/v1/path/simple/object/R,100,G,200,B,150" },
        { "pathSimpleObjectExplode", "/v1/path/simple/object/explode/R=100,G=200,B=150" },
        { "pathLabelPrimitive", "/v1/path/label/primitive/.blue" },
        { "pathLabelArray", "/v1/path/label/array/.blue,black,brown" },
        { "pathLabelArrayExplode", "/v1/path/label/array/explode/.blue.black.brown" },
        { "pathLabelObject", "/v1/path/label/object/.R,100,G,200,B,150" },
        { "pathLabelObjectExplode", "/v1/path/label/object/explode/.R=100.G=200.B=150" },
        { "pathMatrixPrimitive", "/v1/path/matrix/primitive/;color=blue" },
        { "pathMatrixArray", "/v1/path/matrix/array/;color=blue,black,brown" },
        { "pathMatrixArrayExplode", "/v1/path/matrix/array/explode/;color=blue;color=black;color=brown" },
        { "pathMatrixObject", "/v1/path/matrix/object/;color=R,100,G,200,B,150" },
        { "pathMatrixObjectExplode", "/v1/path/matrix/object/explode/;R=100;G=200;B=150" },

        // Query: form (explode true by default), spaceDelimited, pipeDelimited ('|' is not allowed in a URI: %7C), deepObject.
        { "queryFormPrimitive", "/v1/query/form/primitive?color=blue" },
        { "queryFormArray", "/v1/query/form/array?color=blue,black,brown" },
        { "queryFormArrayExplode", "/v1/query/form/array/explode?color=blue&color=black&color=brown" },
        { "queryFormObject", "/v1/query/form/object?color=R,100,G,200,B,150" },
        { "queryFormObjectExplode", "/v1/query/form/object/explode?R=100&G=200&B=150" },
        { "querySpaceDelimitedArray", "/v1/query/spaceDelimited/array?color=blue%20black%20brown" },
        { "querySpaceDelimitedObject", "/v1/query/spaceDelimited/object?color=R%20100%20G%20200%20B%20150" },
        { "queryPipeDelimitedArray", "/v1/query/pipeDelimited/array?color=blue%7Cblack%7Cbrown" },
        { "queryPipeDelimitedObject", "/v1/query/pipeDelimited/object?color=R%7C100%7CG%7C200%7CB%7C150" },
        { "queryDeepObject", "/v1/query/deepObject?color[R]=100&color[G]=200&color[B]=150" },
        { "queryDefaultArray", "/v1/query/default/array?color=blue&color=black&color=brown" },
        { "queryDefaultObject", "/v1/query/default/object?R=100&G=200&B=150" },
    };

    [Theory]
    [MemberData(nameof(PathAndQueryExamples))]
    public async Task PathAndQueryStylesSendTheSpecsExamples(string operation, string expectedTarget)
    {
        var (target, _) = await CallAsync(operation);

        Assert.Equal(expectedTarget, target);
    }

    public static TheoryData<string, string, string> HeaderAndCookieExamples => new()
    {
        { "headerPrimitive", "X-Color", "blue" },
        { "headerArray", "X-Color", "blue,black,brown" },
        { "headerArrayExplode", "X-Color", "blue,black,brown" },
        { "headerObject", "X-Color", "R,100,G,200,B,150" },
        { "headerObjectExplode", "X-Color", "R=100,G=200,B=150" },
        { "cookiePrimitive", "Cookie", "color=blue" },
        { "cookieArray", "Cookie", "color=blue,black,brown" },
        { "cookieArrayExplode", "Cookie", "color=blue; color=black; color=brown" },
        { "cookieObject", "Cookie", "color=R,100,G,200,B,150" },
        { "cookieObjectExplode", "Cookie", "R=100; G=200; B=150" },
        { "cookies", "Cookie", "session=abc; prefs=a,b" },
    };

    [Theory]
    [MemberData(nameof(HeaderAndCookieExamples))]
    public async Task HeaderAndCookieStylesSendTheSpecsExamples(string operation, string header, string expected)
    {
        var (_, headers) = await CallAsync(operation);

        Assert.Equal(new[] { expected }, headers[header].ToArray());
    }

    [Fact]
    public async Task ReservedCharactersAreEscapedInThePathTheQueryButNotInHeaders()
    {
        var (target, headers) = await CallAsync("escaping");

        Assert.Equal("/v1/escaping/a%2Fb%20c%3Fd?q=a%20b%26c%3Dd%2F%C3%A9%3F%23%5B%5D%2B&items=x%2Cy,z", target);
        Assert.Equal("a, b", headers["X-Note"].ToString());
    }

    [Fact]
    public async Task AllowReservedKeepsReservedCharactersButNotTheFragmentMark()
    {
        var (target, _) = await CallAsync("allowReserved");

        Assert.Equal("/v1/allow-reserved?q=a/b?c=d:e@f!$'()*+,;[]%23x%20y%20%C3%A9&paths=/a/b,/c&plain=a%2Fb", target);
    }

    [Fact]
    public async Task ContentParametersAreJsonFromTheGeneratedWriterThenEscaped()
    {
        var (target, headers) = await CallAsync("contentJson");

        Assert.Equal(
            "/v1/content/%5B%22a%20b%22%2C%22c%22%5D?filter=%7B%22R%22%3A100%2C%22G%22%3A200%2C%22B%22%3A150%7D&tags=%7B%22x%22%3A1%7D&note=hi%20there",
            target);
        Assert.Equal("{\"R\":100,\"G\":200,\"B\":150}", headers["X-Filter"].ToString());
    }

    [Theory]
    [InlineData("ar-SA")]
    [InlineData("de-DE")]
    [InlineData("th-TH")]
    public async Task DatesNumbersAndEnumsAreInvariantWhateverTheCulture(string culture)
    {
        var (target, headers) = await CallAsync("formats", culture: culture);

        Assert.Equal(
            "/v1/formats/dark-blue/.1.2?since=2024-01-02T03%3A04%3A05%2B02%3A00&days=2024-01-02T03%3A04%3A05%2B02%3A00,2024-12-31T23%3A59%3A59.5-05%3A00&shades=dark-blue%7Clight-blue&ratio=1.5",
            target);
        Assert.Equal("0.25", headers["X-Ratio"].ToString());
    }

    [Fact]
    public async Task NullOptionalParametersAreNotSentAnywhere()
    {
        var (target, headers) = await CallAsync("nulls");

        Assert.Equal("/v1/nulls", target);
        Assert.False(headers.ContainsKey("X-Color"));
        Assert.False(headers.ContainsKey("Cookie"));
    }

    [Fact]
    public async Task ParametersNamedLikeGeneratedLocalsKeepTheirNamesAndAreSent()
    {
        var (target, headers) = await CallAsync("generatedNames");

        Assert.Equal("/v1/generated-names?status=a&status=b&request=r&separator=1", target);
        Assert.Equal("e", headers["error"].ToString());
        Assert.Equal("uri=u,v", headers["Cookie"].ToString());
    }

    [Fact]
    public async Task MapsAreObjectsWithTheirEntriesInOrder()
    {
        var (target, headers) = await CallAsync("maps");

        Assert.Equal("/v1/maps?a=1&b=x%20y", target);
        Assert.Equal("a=1,b=2", headers["X-Labels"].ToString());
    }

    [Fact]
    public async Task AStyleInvalidForItsLocationIsReportedAndSentInTheDefaultStyle()
    {
        var (target, headers) = await CallAsync("invalidStyle");

        Assert.Equal("/v1/invalid-style/x", target);
        Assert.Equal("a,b", headers["X-Tags"].ToString());
        var messages = Run.Value.GeneratorDiagnostics.Where(diagnostic => diagnostic.Id == "APG011").Select(diagnostic => diagnostic.GetMessage()).ToList();
        Assert.Equal(
            new[]
            {
                "'style' has the invalid value 'form': the header parameter 'X-Tags' of InvalidStyle takes simple, and is sent in its default style, simple; it is ignored",
                "'style' has the invalid value 'form': the path parameter 'id' of InvalidStyle takes simple, label or matrix, and is sent in its default style, simple; it is ignored",
            },
            messages.OrderBy(message => message, StringComparer.Ordinal));
    }

    [Fact]
    public async Task WhatCannotBeSentStaysInTheSignatureIsReportedAndRefusesAValue()
    {
        var (target, _) = await CallAsync("notSendableNulls");
        Assert.Equal("/v1/not-sendable", target);

        var filter = await CallExpectingFailureAsync("notSendableFilter");
        var matrix = await CallExpectingFailureAsync("notSendableMatrix");
        var required = await CallExpectingFailureAsync("notSendableRequired");

        Assert.Equal("NotSupportedException: The query parameter 'filter' cannot be sent: the 'deepObject' style is defined for objects whose properties are primitive, and the property 'inner' is an object.", filter);
        Assert.StartsWith("NotSupportedException: The query parameter 'matrix' cannot be sent: the 'form' style is defined for arrays of primitive values, and this is an array of arrays.", matrix);
        Assert.StartsWith("NotSupportedException: The query parameter 'id' cannot be sent: the deepObject style is defined for objects only", required);
        Assert.Empty(_received); // refused before anything was sent

        var unsupported = Run.Value.GeneratorDiagnostics.Where(diagnostic => diagnostic.Id == "APG005").Select(diagnostic => diagnostic.GetMessage()).OrderBy(message => message, StringComparer.Ordinal).ToList();
        Assert.Equal(4, unsupported.Count(message => message.StartsWith("Sending the", StringComparison.Ordinal)));
        Assert.All(unsupported.Where(message => message.StartsWith("Sending the", StringComparison.Ordinal)), message => Assert.EndsWith("the parameter stays in the signature, and a value other than null throws NotSupportedException", message));
        Assert.Contains(unsupported, message => message.StartsWith("Sending the query parameter 'filter' of NotSendable (the 'deepObject' style", StringComparison.Ordinal));
        var docs = Run.Value.Sources.Single(source => source.HintName.EndsWith(".ParameterFeaturesClient.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("Not sent: the 'deepObject' style is defined for objects whose properties are primitive, and the property 'inner' is an object (APG005)", docs);
    }

    [Fact]
    public async Task AnOperationsOwnServerIsUsedWithItsVariablesOverridable()
    {
        var port = new Uri(_server.BaseAddress).Authority;
        var variables = new Dictionary<string, string> { ["host"] = port };

        var (pathLevel, _) = await CallAsync("pathLevelServer", variables);
        var (otherVersion, _) = await CallAsync("pathLevelServer", new Dictionary<string, string> { ["host"] = port, ["version"] = "v3" });
        var (rootRelative, _) = await CallAsync("operationLevelServer");
        var (relative, _) = await CallAsync("relativeServer");
        var (everyOperationToBase, _) = await CallAsync("pathLevelServer", useBaseAddress: true);
        var (documentServerRepeated, _) = await CallAsync("documentServerRepeated");

        Assert.Equal("/files/v2/servers/path-level?name=x", pathLevel);
        Assert.Equal("/files/v3/servers/path-level?name=x", otherVersion);
        Assert.Equal("/root-relative/servers/path-level", rootRelative);
        Assert.Equal("/v1/sub/servers/relative", relative);
        Assert.Equal("/v1/servers/path-level?name=x", everyOperationToBase);
        Assert.Equal("/v1/servers/same-as-document", documentServerRepeated);
        Assert.DoesNotContain(Run.Value.GeneratorDiagnostics, diagnostic => diagnostic.GetMessage().Contains("servers", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AServerVariableWithoutADefaultIsReportedAndMustBeSet()
    {
        var unset = await CallExpectingFailureAsync("serverWithoutDefault");
        var (target, _) = await CallAsync("serverWithoutDefault", new Dictionary<string, string> { ["tenant"] = new Uri(_server.BaseAddress).Authority });

        Assert.Equal("InvalidOperationException: Set ServerVariables[\"tenant\"]: the server 'http://{tenant}/api' gives no default for it.", unset);
        Assert.Equal("/api/servers/no-default", target);
        var diagnostic = Assert.Single(Run.Value.GeneratorDiagnostics, diagnostic => diagnostic.GetMessage().Contains("'tenant'", StringComparison.Ordinal));
        Assert.Equal("The server variable 'tenant' of ServerWithoutDefault without a 'default' is not supported yet: the call throws InvalidOperationException until ServerVariables sets it", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData(TargetFramework.Net100)]
    [InlineData(TargetFramework.Net80)]
    [InlineData(TargetFramework.NetStandard20)]
    public void TheFeatureSpecCompilesWithoutAWarningOnEveryTarget(TargetFramework framework)
    {
        // Diagnose mode reports doc-comment problems, as GenerateDocumentationFile does in a consumer.
        var run = GeneratorRun.Run(
            new[] { FeatureSpec() },
            framework,
            csharpSources: new[] { "namespace Consumer { /// <summary>A documented placeholder.</summary>\n public static class Placeholder { } }" },
            documentationMode: Microsoft.CodeAnalysis.DocumentationMode.Diagnose);

        var diagnostics = run.CompilationDiagnostics();
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
    }

    private async Task<(string Target, IHeaderDictionary Headers)> CallAsync(string operation, IReadOnlyDictionary<string, string>? serverVariables = null, bool useBaseAddress = false, string culture = "en-US")
    {
        var outcome = await (Task<string>)Assembly.Value.Call("Consumer.ParameterHarness", "CallAsync", _server.BaseAddress, operation, serverVariables, useBaseAddress, culture)!;
        Assert.Equal("ok", outcome);
        lock (_received)
        {
            var request = Assert.Single(_received);
            _received.Clear();
            return request;
        }
    }

    private async Task<string> CallExpectingFailureAsync(string operation) =>
        await (Task<string>)Assembly.Value.Call("Consumer.ParameterHarness", "CallAsync", _server.BaseAddress, operation, null, false, "en-US")!;

    private static string Harness()
    {
        var cases = StyleOperations.Select(operation =>
        {
            var argument = operation.EndsWith("Primitive", StringComparison.Ordinal) ? "\"blue\"" : operation.Contains("Array", StringComparison.Ordinal) ? "Colors" : "Rgb()";
            return (operation, $"{char.ToUpperInvariant(operation[0])}{operation[1..]}Async({argument})");
        }).Concat(OtherCalls.Select(pair => (pair.Key, pair.Value)));
        var switchCases = string.Join("\n", cases.Select(call => $"                    case \"{call.Item1}\": await client.{call.Item2}; break;"));
        return $$"""
            using System;
            using System.Collections.Generic;
            using System.Globalization;
            using System.Net.Http;
            using System.Threading.Tasks;

            namespace Consumer
            {
                public static class ParameterHarness
                {
                    private static readonly string[] Colors = { "blue", "black", "brown" };

                    private static Rgb Rgb() => new Rgb { R = 100, G = 200, B = 150 };

                    public static async Task<string> CallAsync(string baseAddress, string operation, IReadOnlyDictionary<string, string>? serverVariables, bool useBaseAddress, string culture)
                    {
                        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
                        using var http = new HttpClient { BaseAddress = new Uri(baseAddress) };
                        var client = new ParameterFeaturesClient(http) { ServerVariables = serverVariables, UseBaseAddressForEveryOperation = useBaseAddress };
                        try
                        {
                            switch (operation)
                            {
            {{switchCases}}
                                default: return "unknown operation " + operation;
                            }

                            return "ok";
                        }
                        catch (Exception exception)
                        {
                            return exception.GetType().Name + ": " + exception.Message;
                        }
                    }
                }
            }
            """;
    }
}

/// <summary>The generated source of the feature spec, approved.</summary>
public class ParameterSnapshotTests
{
    [Fact]
    public void FeatureParametersSpecGeneratesTheApprovedSources() =>
        GeneratedSnapshots.Verify(GeneratorRun.Run(ParameterStyleTests.FeatureSpec()), "FeatureParameters");
}
