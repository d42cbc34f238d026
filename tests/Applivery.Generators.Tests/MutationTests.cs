using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Applivery.Generators.Tests.Infrastructure;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Applivery.Generators.Tests;

/// <summary>
/// Hostile specs made by mutating real ones: the generator must never throw, always finish, and either produce code
/// that compiles or say why not. CsCheck prints the seed of a failing case; set CSCHECK_SEED to replay it, and
/// MUTATION_CASES / MUTATION_COMPILED to run longer.
/// </summary>
public class MutationTests
{
    private static readonly int Cases = Setting("MUTATION_CASES", 10_000);

    /// <summary>Compiling is ~100× slower than generating: every Nth case is also compiled and generated twice.</summary>
    private static readonly int CompileEvery = Math.Max(1, Cases / Setting("MUTATION_COMPILED", 250));

    /// <summary>What one run of the generator (and Roslyn's parse of its output) may allocate: a runaway detector.</summary>
    private const long MaxAllocatedBytes = 512L * 1024 * 1024;

    /// <summary>A hang detector, not a performance bound: performance lives in the benchmarks.</summary>
    private static readonly TimeSpan MaxRunTime = TimeSpan.FromSeconds(30);

    private static readonly Lazy<string[]> Seeds = new(() => new[]
    {
        RepositoryPaths.ReadAppliverySpec(),
        File.ReadAllText(Path.Combine(RepositoryPaths.TestProject, "Specs", "adversarial.yaml")),
        """{"openapi":"3.0.3","info":{"title":"Json","version":"1"},"paths":{"/a/{id}":{"get":{"operationId":"getA","parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"integer","minimum":1}}],"responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"type":"array","items":{"$ref":"#/components/schemas/A"}}}}}}}}},"components":{"schemas":{"A":{"type":"object","required":["id"],"properties":{"id":{"type":"string","pattern":"^[a-z]+$"},"tags":{"type":"object","additionalProperties":{"type":"string","maxLength":3}},"child":{"$ref":"#/components/schemas/A"},"kind":{"oneOf":[{"$ref":"#/components/schemas/B"},{"type":"object","properties":{"x":{"type":"number"}}}]}}},"B":{"allOf":[{"type":"object","properties":{"y":{"type":"boolean"}}},{"type":"object","properties":{"z":{"type":"string","enum":["p","q"]}}}]}}}}""",
    });

    private static readonly string[] OddScalars =
    {
        "~", "null", "[]", "{}", "-1", "1e400", "0x10", "\"", "'", "*", "&", "!!binary AAA", "|", ">", "? x", "- - -",
        "\"\\u0000\"", "'unclosed", "{a: [b, {c: d}]}", "true", ".nan", "2024-01-01T00: 00:00Z", "\"#/components/schemas/\"",
    };

    private const string OddCharacters = ":{}[]&*!|>'\"%@`#,-?";

    private static readonly Lazy<CSharpCompilation> BaseCompilation = new(() => CSharpCompilation.Create(
        "Mutant",
        new[] { CSharpSyntaxTree.ParseText("namespace Consumer { internal static class Placeholder { } }", new CSharpParseOptions(LanguageVersion.Latest)) },
        TargetFrameworkReferences.For(TargetFramework.Net100),
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)));

    [Fact]
    public void MutatedSpecsNeverBreakTheGenerator()
    {
        var index = 0;
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, int.MaxValue].Array[1, 4])
            .Sample(
                (seed, operations) =>
                {
                    var text = Mutate(Seeds.Value[seed], operations);
                    var compile = Interlocked.Increment(ref index) % CompileEvery == 0;
                    Check(text, compile);
                },
                iter: Cases,
                threads: 1,
                print: tuple => $"seed spec {tuple.Item1}, mutations [{string.Join(", ", tuple.Item2)}]");
    }

    [Theory]
    [InlineData(100_000)]
    public void DeepNestingIsRefusedWithoutStackOverflow(int depth)
    {
        var text = "openapi: 3.0.3\ninfo: {title: Deep, version: '1'}\npaths: {}\nx-deep: " + new string('[', depth) + new string(']', depth) + "\n";

        var diagnostics = Check(text, compile: false);

        Assert.Contains(diagnostics, diagnostic => diagnostic.Id == "APG001" && diagnostic.GetMessage(null).Contains("nesting deeper than", StringComparison.Ordinal));
    }

    [Fact]
    public void BillionLaughsAliasesAreSharedNotExpanded()
    {
        var builder = new StringBuilder("openapi: 3.0.3\ninfo: {title: Laughs, version: '1'}\npaths: {}\nx-lol0: &l0 {type: string}\n");
        for (var level = 1; level <= 30; level++)
        {
            builder.Append("x-lol").Append(level).Append(": &l").Append(level).Append(" [")
                .Append(string.Join(", ", Enumerable.Repeat("*l" + (level - 1), 10))).Append("]\n");
        }

        builder.Append("components:\n  schemas:\n    Laugh:\n      type: object\n      properties:\n        a: *l0\n        lots: {type: array, items: *l0}\n");

        var diagnostics = Check(builder.ToString(), compile: true);

        Assert.DoesNotContain(diagnostics, diagnostic => diagnostic.Severity == DiagnosticSeverity.Error && diagnostic.Id.StartsWith("APG", StringComparison.Ordinal));
    }

    [Fact]
    public void ALongRefChainAndAHugeSpecGenerate()
    {
        var builder = new StringBuilder("openapi: 3.0.3\ninfo: {title: Huge, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n");
        for (var i = 0; i < 60; i++)
        {
            builder.Append("    Chain").Append(i).Append(": {$ref: '#/components/schemas/Chain").Append(i + 1).Append("'}\n");
        }

        builder.Append("    Chain60: {type: object, properties: {end: {type: string}}}\n");
        for (var i = 0; builder.Length < 20 * 1024 * 1024; i++)
        {
            builder.Append("    Thing").Append(i).Append(":\n      type: object\n      description: '").Append('d', 2000).Append("'\n      properties:\n")
                .Append("        id: {type: string, pattern: '^[a-f0-9]{24}$', maxLength: 24}\n")
                .Append("        next: {$ref: '#/components/schemas/Thing").Append(i).Append("'}\n")
                .Append("        chain: {$ref: '#/components/schemas/Chain0'}\n");
        }

        // Twenty megabytes become about eighty of C#, which Roslyn then parses: the bound is for that, not for us.
        var diagnostics = Check(builder.ToString(), compile: false, TimeSpan.FromMinutes(5), maxAllocatedBytes: 8L * 1024 * 1024 * 1024);

        Assert.DoesNotContain(diagnostics, diagnostic => diagnostic.Id.StartsWith("APG", StringComparison.Ordinal));
    }

    /// <summary>Runs the generator (and, when asked, the compiler) on one spec and checks every property.</summary>
    private static ImmutableArray<Diagnostic> Check(string text, bool compile, TimeSpan? maxRunTime = null, long maxAllocatedBytes = MaxAllocatedBytes)
    {
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var stopwatch = Stopwatch.StartNew();
        var (result, output) = Generate(text);
        stopwatch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        var run = result.Results.Single();
        Assert.True(run.Exception is null, "The generator threw: " + run.Exception);
        Assert.DoesNotContain(run.Diagnostics, diagnostic => diagnostic.Id is "APG099" or "CS8785");
        Assert.True(stopwatch.Elapsed < (maxRunTime ?? MaxRunTime), $"The generator took {stopwatch.Elapsed} (hang?)");
        Assert.True(allocated < maxAllocatedBytes, $"The generator allocated {allocated:N0} bytes for a {text.Length:N0}-character spec");
        if (!compile)
        {
            return run.Diagnostics;
        }

        var (again, _) = Generate(text);
        Assert.Equal(
            run.GeneratedSources.Select(source => source.HintName + "\n" + source.SourceText),
            again.Results.Single().GeneratedSources.Select(source => source.HintName + "\n" + source.SourceText));

        var errors = output.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
        var explained = run.Diagnostics.Any(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        Assert.True(errors.Count == 0 || explained, "Generated code does not compile and no diagnostic says why:\n" + string.Join("\n", errors.Take(10)));
        return run.Diagnostics;
    }

    private static (GeneratorDriverRunResult Result, Compilation Output) Generate(string text)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new OpenApiClientGenerator().AsSourceGenerator() },
            new AdditionalText[] { new InMemoryAdditionalText("/project/spec/mutant.yaml", text) },
            new CSharpParseOptions(LanguageVersion.Latest));
        driver = driver.RunGeneratorsAndUpdateCompilation(BaseCompilation.Value, out var output, out _);
        return (driver.GetRunResult(), output);
    }

    private static string Mutate(string text, int[] operations)
    {
        foreach (var operation in operations)
        {
            text = Mutate(text, operation % 16, operation / 16);
        }

        return text;
    }

    private static string Mutate(string text, int kind, int position)
    {
        var lines = text.Split('\n').ToList();
        var line = position % lines.Count;
        switch (kind)
        {
            case 0:
                lines.RemoveAt(line);
                break;
            case 1:
                lines.Insert(line, lines[line]);
                break;
            case 2:
                lines[line] = ReplaceValue(lines[line], OddScalars[position % OddScalars.Length]);
                break;
            case 3:
                return text.Replace("#/components/schemas/", (position % 3) switch { 0 => "#/components/schemas/Missing", 1 => "other.yaml#/", _ => "#/" });
            case 4:
                lines[line] = "\t" + lines[line];
                break;
            case 5:
                return "\uFEFF" + text;
            case 6:
                return text.Replace("\n", "\r\n");
            case 7:
                lines[line] = lines[line].Insert(position % (lines[line].Length + 1), (position % 2) == 0 ? "\uD800" : "\uFFFD\u0000\u0085");
                break;
            case 8:
                lines[line] = ReplaceValue(lines[line], "'" + new string('x', 200_000 + (position % 1000)) + "'");
                break;
            case 9:
                lines[line] = ReplaceValue(lines[line], new string('[', 300) + new string(']', 300));
                break;
            case 10:
                lines[line] = ReplaceValue(lines[line], "&anchor" + (position % 3) + " " + Value(lines[line]));
                lines.Insert((position / 7) % lines.Count, Indentation(lines[(position / 7) % lines.Count]) + "x-alias: *anchor" + (position % 3));
                break;
            case 11:
                lines[line] = lines[line].Replace("type: object", "type: array").Replace("type: string", "type: integer").Replace("\"object\"", "\"string\"");
                break;
            case 12:
                lines[line] = (position % 2 == 0 ? "  " : string.Empty) + lines[line].TrimStart().PadLeft(Math.Max(0, lines[line].Length - 2));
                break;
            case 13:
                lines[line] = lines[line].Insert(position % (lines[line].Length + 1), OddCharacters[position % OddCharacters.Length].ToString());
                break;
            case 14:
                return text.Substring(0, position % (text.Length + 1));
            default:
                lines[line] = ReplaceValue(lines[line], "{$ref: '#/components/schemas/" + (position % 2 == 0 ? "DownloadsByUserResponse" : "Member") + "'}");
                break;
        }

        return string.Join("\n", lines);
    }

    private static string ReplaceValue(string line, string value)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0 ? line + " " + value : line.Substring(0, colon + 2) + value;
    }

    private static string Value(string line)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0 ? "x" : line.Substring(colon + 2);
    }

    private static string Indentation(string line) => line.Substring(0, line.Length - line.TrimStart().Length);

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;
}
