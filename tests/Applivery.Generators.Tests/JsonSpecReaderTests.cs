using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Applivery.Generators.OpenApi;
using Applivery.Generators.Tests.Infrastructure;

namespace Applivery.Generators.Tests;

/// <summary>
/// The JSON fast path must read exactly what the YAML path reads: the same nodes, values, plain/quoted flags, spans
/// and diagnostics; whatever it cannot read that way it must leave to the YAML path without reporting anything.
/// </summary>
public class JsonSpecReaderTests : IClassFixture<PublicSpecs>
{
    private readonly PublicSpecs _specs;

    public JsonSpecReaderTests(PublicSpecs specs) => _specs = specs;

    [Fact]
    public void EveryPublicJsonDocumentReadsAsTheYamlPathReadsIt()
    {
        _ = _specs; // the fixture installs the pinned packages
        var modules = Path.Combine(RepositoryPaths.TestProject, "public-specs", "node_modules");
        var documents = Directory.GetFiles(Path.Combine(modules, "@readme", "oas-examples"), "*.json", SearchOption.AllDirectories)
            .Where(path => path.Contains(Path.DirectorySeparatorChar + "json" + Path.DirectorySeparatorChar, System.StringComparison.Ordinal))
            .Concat(Directory.GetFiles(Path.Combine(modules, "@scalar", "galaxy", "dist"), "*.json"))
            .OrderBy(path => path, System.StringComparer.Ordinal)
            .ToList();
        Assert.True(documents.Count > 50, documents.Count + " documents");

        foreach (var document in documents)
        {
            AssertReadsAsYaml(File.ReadAllText(document), expectFastPath: true, Path.GetFileName(document));
        }
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("  \n{\"openapi\": \"3.1.0\", \"info\": {\"title\": \"T\", \"version\": \"1\"}, \"paths\": {}}\n")]
    [InlineData("{\r\n  \"a\": [1, -2.5e+10, 0, 1E3, true, false, null],\r\n  \"b\": {\"c\": []}\r\n}")]
    [InlineData("{\r  \"lone\": \"carriage returns\",\r  \"n\": 1\r}")]
    [InlineData("{\n\t\"tabbed\": \"value\"\n}")]
    [InlineData("{\"escapes\": \"quote \\\" backslash \\\\ slash \\/ \\b\\f\\n\\r\\t é \\u00e9 \\ud83d\\ude00\"}")]
    [InlineData("{\"raw\": \"é ☃ 😀 after\", \"next\": \"😀😀\", \"k😀\": 1}")]
    [InlineData("{\"a\": 1, \"a\": 2, \"b\": {\"c\": 1, \"c\": {\"d\": 1, \"d\": 2}}, \"b\": 3}")]
    [InlineData("{\"k1\":1,\"k2\":2,\"k3\":3,\"k4\":4,\"k5\":5,\"k6\":6,\"k7\":7,\"k8\":8,\"k9\":9,\"k10\":10,\"k11\":11,\"k12\":12,\"k13\":13,\"k14\":14,\"k15\":15,\"k16\":16,\"k17\":17,\"k3\":18,\"k17\":19}")]
    [InlineData("[[[\"deep\"]], {\"x\": [{}]}, \"\"]")]
    [InlineData("{\"number\": \"12\", \"plain\": 12, \"text\": \"true\", \"flag\": true, \"nothing\": null, \"empty\": \"\"}")]
    public void JsonReadsAsTheYamlPathReadsIt(string text) => AssertReadsAsYaml(text, expectFastPath: true, text);

    [Fact]
    public void LongKeysAndKeysWithTheColonOnTheNextLineReadAsTheYamlPathReadsThem()
    {
        var longKey = new string('k', 1100);
        AssertReadsAsYaml("{\"" + longKey + "\": 1, \"b\"\n  : 2, \"c\"\r\n:\t3, \"d\"" + new string(' ', 1100) + ": 4}", expectFastPath: true, "long keys");

        // Duplicates around the 16 keys where the reader switches from a scan to a set.
        var keys = string.Join(", ", Enumerable.Range(1, 18).Select(i => $"\"k{i}\": {i}"));
        AssertReadsAsYaml("{" + keys + ", \"k1\": 0, \"k16\": 0, \"k18\": 0}", expectFastPath: true, "duplicates past 16 keys");
    }

    [Theory]
    [InlineData("{\"a\": 1, # a YAML comment\n\"b\": 2}")]
    [InlineData("{\"a\": 1,}")]
    [InlineData("{'a': 1}")]
    [InlineData("{a: 1}")]
    [InlineData("{\"a\": \"\\ud800 lone surrogate\"}")]
    [InlineData("{\"a\": \"\\x41\"}")]
    [InlineData("\uFEFF{\"a\": 1}")]
    [InlineData("{\"a\": \"line\u2028separator\"}")]
    [InlineData("{\"a\": \"tab\tinside\"}")]
    [InlineData("{\"a\": 01}")]
    [InlineData("{\"a\": .5}")]
    [InlineData("{\"a\": True}")]
    [InlineData("{} trailing")]
    [InlineData("{\"a\": 1")]
    [InlineData("{\"a\" 1}")]
    [InlineData("[1 2]")]
    public void TextThatIsNotStrictJsonIsLeftToTheYamlPath(string text)
    {
        var problems = new SpecDiagnostics("/spec/case.yaml");
        Assert.False(JsonSpecReader.TryRead(text, problems, out var root));
        Assert.Null(root);
        Assert.Empty(problems.Items);
        AssertReadsAsYaml(text, expectFastPath: false, text);
    }

    [Fact]
    public void NestingDeeperThanTheLimitIsLeftToTheYamlPathWhichReportsIt()
    {
        var text = new string('[', SpecTextReader.MaxDepth + 1) + new string(']', SpecTextReader.MaxDepth + 1);
        Assert.False(JsonSpecReader.TryRead(text, new SpecDiagnostics("/spec/deep.json"), out _));
        var problems = new SpecDiagnostics("/spec/deep.json");
        Assert.Null(SpecTextReader.Read(text, problems));
        Assert.Contains(problems.Items, item => item.Arguments.Contains($"nesting deeper than {SpecTextReader.MaxDepth} levels"));

        var limit = new string('[', SpecTextReader.MaxDepth) + new string(']', SpecTextReader.MaxDepth);
        AssertReadsAsYaml(limit, expectFastPath: true, "the deepest nesting allowed");
    }

    [Theory]
    [InlineData("{\n  \"a\": 1,\n  \"b\": 2,\n}", 3, 0, "a comma before '}'")]
    [InlineData("{\"a\": [1, 2,]}", 0, 12, "a comma before ']'")]
    [InlineData("{\"a\": 1, # a comment\n\"b\": 2}", 0, 9, "expected a property name in double quotes")]
    [InlineData("{'a': 1}", 0, 1, "expected a property name in double quotes")]
    [InlineData("{\"a\": yes}", 0, 6, "a value JSON does not define (text is in double quotes; true, false, null and numbers are plain)")]
    [InlineData("# comment\n{\"a\": 1}", 0, 0, "a value JSON does not define (text is in double quotes; true, false, null and numbers are plain)")]
    [InlineData("{\"a\": 1}\n# a trailing comment\n", 1, 0, "text after the end of the document")]
    public void AJsonFileThatIsNotStrictJsonIsReadAsYamlAndSaysWhereItIsNotJson(string text, int line, int column, string reason)
    {
        var problems = new SpecDiagnostics("/spec/api.json");
        var root = SpecTextReader.Read(text, problems);

        var yamlProblems = new SpecDiagnostics("/spec/api.json");
        Assert.True(Describe(SpecTextReader.ReadYaml(text, yamlProblems)).SequenceEqual(Describe(root)));
        var warning = Assert.Single(problems.Items.Except(yamlProblems.Items));
        Assert.Equal("APG015", warning.Id);
        Assert.Equal(new[] { "api.json", reason }, warning.Arguments.ToArray());
        Assert.Equal((line, column), (warning.Location!.StartLine, warning.Location.StartColumn));
    }

    [Theory]
    [InlineData("{\"a\": \"line\u2028separator\"}")] // JSON, only read by the YAML path
    [InlineData("{\"a\": 1}")]
    public void AJsonFileThatIsJsonGetsNoAPG015(string text)
    {
        var problems = new SpecDiagnostics("/spec/api.json");
        Assert.NotNull(SpecTextReader.Read(text, problems));
        Assert.DoesNotContain(problems.Items, item => item.Id == "APG015");
    }

    [Theory]
    [InlineData("{\"a\": 1", "expected ',' or '}'")] // YAML cannot read it either: APG001 alone
    [InlineData("{\"a\": [1,}", "a comma before '}'")]
    [InlineData("{\"a\": 1 \"b\": 2}", "expected ',' or '}'")]
    public void AJsonFileNeitherPathReadsIsAPG001AloneWithTheJsonReason(string text, string reason)
    {
        var problems = new SpecDiagnostics("/spec/api.json");
        Assert.Null(SpecTextReader.Read(text, problems));
        var problem = Assert.Single(problems.Items);
        Assert.Equal("APG001", problem.Id);

        // The JSON reader's words, not YAML's ("while parsing a flow mapping"), which a JSON author cannot act on.
        Assert.True(problem.Arguments[1].StartsWith(reason, System.StringComparison.Ordinal), problem.Arguments[1]);
        Assert.EndsWith("(read as JSON; YAML cannot read it either)", problem.Arguments[1], System.StringComparison.Ordinal);
    }

    [Fact]
    public void AJsonFileNestedTooDeeplyIsAPG001AloneAndAYamlFileWithTheSameTextGetsNoAPG015()
    {
        var deep = new string('[', SpecTextReader.MaxDepth + 1) + new string(']', SpecTextReader.MaxDepth + 1);
        var problems = new SpecDiagnostics("/spec/api.json");
        Assert.Null(SpecTextReader.Read(deep, problems));
        Assert.Equal(new[] { "APG001" }, problems.Items.Select(item => item.Id).ToArray());

        var yaml = new SpecDiagnostics("/spec/api.yaml");
        Assert.NotNull(SpecTextReader.Read("{\"a\": 1,}", yaml));
        Assert.Empty(yaml.Items);
    }

    [Theory]
    [InlineData("openapi: 3.1.0\ninfo: {title: T, version: '1'}\n")]
    [InlineData("# {\"a\": 1}\n{\"a\": 1}")]
    public void YamlIsNotTakenForJson(string text) => Assert.False(JsonSpecReader.LooksLikeJson(text));

    private static void AssertReadsAsYaml(string text, bool expectFastPath, string what)
    {
        // A .yaml path: a .json one adds APG015 for text that is not strict JSON (tested below).
        var yamlProblems = new SpecDiagnostics("/spec/case.yaml");
        var yaml = SpecTextReader.ReadYaml(text, yamlProblems);
        var problems = new SpecDiagnostics("/spec/case.yaml");
        var read = SpecTextReader.Read(text, problems);
        Assert.Equal(expectFastPath, JsonSpecReader.LooksLikeJson(text) && JsonSpecReader.TryRead(text, new SpecDiagnostics("/spec/case.json"), out _));
        if (expectFastPath)
        {
            Assert.NotNull(yaml);
        }

        Assert.True(Describe(yaml).SequenceEqual(Describe(read)), what + ":\n" + FirstDifference(Describe(yaml), Describe(read)));
        Assert.Equal(yamlProblems.Items, problems.Items);
    }

    private static string FirstDifference(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        for (var i = 0; i < System.Math.Max(expected.Count, actual.Count); i++)
        {
            var left = i < expected.Count ? expected[i] : "(none)";
            var right = i < actual.Count ? actual[i] : "(none)";
            if (left != right)
            {
                return $"line {i}: YAML path {left}\n        fast path {right}";
            }
        }

        return "no difference";
    }

    /// <summary>Every node in document order: its kind, its span, and a scalar's value and plain flag.</summary>
    private static IReadOnlyList<string> Describe(SpecNode? root)
    {
        var lines = new List<string>();
        void Visit(SpecNode? node, string path)
        {
            var span = node is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"{node.Span.StartIndex}-{node.Span.EndIndex} {node.Span.StartLine}:{node.Span.StartColumn}-{node.Span.EndLine}:{node.Span.EndColumn}");
            switch (node)
            {
                case SpecScalar scalar:
                    lines.Add($"{path} scalar {(scalar.IsPlain ? "plain" : "quoted")} [{scalar.Value}] {span}");
                    break;
                case SpecSequence sequence:
                    lines.Add($"{path} sequence {sequence.Items.Count} {span}");
                    for (var i = 0; i < sequence.Items.Count; i++)
                    {
                        Visit(sequence.Items[i], path + "/" + i.ToString(CultureInfo.InvariantCulture));
                    }

                    break;
                case SpecMapping mapping:
                    lines.Add($"{path} mapping {mapping.Entries.Count} {span}");
                    foreach (var entry in mapping.Entries)
                    {
                        Visit(entry.Key, path + "/" + entry.Key.Value + "(key)");
                        Visit(entry.Value, path + "/" + entry.Key.Value);
                    }

                    break;
                default:
                    lines.Add(path + " none");
                    break;
            }
        }

        Visit(root, "#");
        return lines;
    }
}
