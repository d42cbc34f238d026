using System.IO;
using System.Linq;
using Applivery.Generators.Emit;
using Applivery.Generators.Model;
using Applivery.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Applivery.Generators.Tests;

/// <summary>
/// The fixed JSON runtime lives in <c>src/Applivery.Generators/Runtime/</c> as C# files: they compile as they are, the
/// generator carries exactly them, and a compilation gets one copy with only the parts its specs use.
/// </summary>
public class RuntimeSourceTests
{
    private static readonly string RuntimeFolder = Path.Combine(RepositoryPaths.Root, "src", "Applivery.Generators", "Runtime");

    [Theory]
    [InlineData(TargetFramework.Net100, LanguageVersion.Latest)]
    [InlineData(TargetFramework.NetStandard20, LanguageVersion.CSharp9)]
    public void EveryRuntimeFileCompilesWithoutWarnings(TargetFramework framework, LanguageVersion languageVersion)
    {
        var parseOptions = new CSharpParseOptions(languageVersion);
        var trees = Directory.GetFiles(RuntimeFolder, "*.cs").OrderBy(path => path, System.StringComparer.Ordinal)
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), parseOptions, path))
            .ToList();
        var compilation = CSharpCompilation.Create(
            "Runtime",
            trees,
            TargetFrameworkReferences.For(framework),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, generalDiagnosticOption: ReportDiagnostic.Error, warningLevel: 9999));

        var problems = compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning).Select(diagnostic => diagnostic.ToString()).ToList();

        Assert.Empty(problems);
    }

    [Fact]
    public void EachPartCompilesWithTheCoreAlone()
    {
        // A spec gets the core and only some parts: no part may lean on another optional one.
        var sets = JsonRuntimeEmitter.OptionalParts.Select(part => new[] { JsonRuntimeEmitter.FileName(part) })
            .Concat(RuntimeEmitter.ClientFiles.Select(file => new[] { file + ".cs" }))
            .Append(new[] { "ValidationError.cs", "ValidationRules.cs" })
            .Concat(SupportNames.ValidationRuleFamilies.Select(family => new[] { "ValidationError.cs", "ValidationRules.cs", $"ValidationRules.{family}.cs" }))
            .Append(System.Array.Empty<string>());
        foreach (var set in sets)
        {
            var files = set.Prepend(JsonRuntimeEmitter.FileName(JsonRuntimeEmitter.Core));
            var compilation = CSharpCompilation.Create(
                "Runtime",
                files.Select(file => CSharpSyntaxTree.ParseText(File.ReadAllText(Path.Combine(RuntimeFolder, file)), path: file)),
                TargetFrameworkReferences.For(TargetFramework.Net100),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, generalDiagnosticOption: ReportDiagnostic.Error, warningLevel: 9999));

            Assert.Empty(compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning).Select(diagnostic => string.Join(" + ", files) + ": " + diagnostic));
        }
    }

    [Fact]
    public void TheFormStylesOfTheRuntimeAreTheModelsFormStyles() =>
        Assert.Equal(
            System.Enum.GetNames(typeof(Applivery.Generators.Model.FormStyle)).OrderBy(name => name, System.StringComparer.Ordinal),
            System.Text.RegularExpressions.Regex.Matches(Enum(File.ReadAllText(Path.Combine(RuntimeFolder, "FormBody.cs"))), @"^\s*(\w+),\s*$", System.Text.RegularExpressions.RegexOptions.Multiline)
                .Select(match => match.Groups[1].Value).OrderBy(name => name, System.StringComparer.Ordinal));

    private static string Enum(string source)
    {
        var start = source.IndexOf("internal enum FormStyle", System.StringComparison.Ordinal);
        return source.Substring(start, source.IndexOf('}', start) - start);
    }

    [Fact]
    public void TheGeneratorCarriesEveryRuntimeFileAsItIsInTheRepository()
    {
        var files = Directory.GetFiles(RuntimeFolder, "*.cs").Select(Path.GetFileName).OrderBy(name => name, System.StringComparer.Ordinal).ToList();
        var parts = new[] { JsonRuntimeEmitter.Core }.Concat(JsonRuntimeEmitter.OptionalParts).ToList();
        var validation = new[] { "ValidationError.cs", "ValidationRules.cs" }.Concat(SupportNames.ValidationRuleFamilies.Select(family => $"ValidationRules.{family}.cs"));
        var client = RuntimeEmitter.ClientFiles.Select(file => file + ".cs");

        Assert.Equal(parts.Select(JsonRuntimeEmitter.FileName).Concat(validation).Concat(client).OrderBy(name => name, System.StringComparer.Ordinal), files);
        foreach (var file in files)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(RuntimeFolder, file!)).Replace("\r\n", "\n"), RuntimeResources.Text(file!));
        }

        foreach (var part in parts)
        {
            Assert.NotEmpty(JsonRuntimeEmitter.Members(part));
        }

        foreach (var family in SupportNames.ValidationRuleFamilies)
        {
            Assert.NotEmpty(RuntimeResources.Members($"ValidationRules.{family}.cs", "    internal static partial class ValidationRules"));
        }
    }

    [Fact]
    public void ASpecGetsOnlyTheRuntimePartsItUses()
    {
        const string Spec = """
            openapi: 3.0.3
            info: { title: Tiny, version: '1' }
            servers: [{ url: 'https://example.test/' }]
            paths:
              /things/{id}:
                get:
                  operationId: getThing
                  parameters:
                    - { name: id, in: path, required: true, schema: { type: string } }
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              name: { type: string }
                              count: { type: integer }
            """;

        var run = GeneratorRun.Run(new SpecFile("/project/spec/tiny.yaml", Spec));
        var runtime = run.Source(JsonRuntimeEmitter.HintName);

        Assert.Empty(run.CompilationDiagnostics());
        Assert.Contains("internal static int ReadInt32(", runtime, System.StringComparison.Ordinal);
        Assert.Contains("internal static string ReadString(", runtime, System.StringComparison.Ordinal);
        foreach (var unused in new[] { "ReadGuid(", "ReadDecimal(", "ReadDateTimeOffset(", "ReadBoolean(", "ArrayBuilder<T>", "RawScalarText(", "PickObjectCase(", "ReadJsonElement(" })
        {
            Assert.DoesNotContain(unused, runtime, System.StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ANamespaceGetsOnlyTheCredentialTypesAndRuleFamiliesItsSpecsUse()
    {
        // Applivery: one bearer scheme; its rules are patterns, lengths and ranges, never an item count.
        var applivery = GeneratorRun.Run(SpecFile.Applivery());
        var credentials = applivery.Source("Consumer.Credentials.g.cs");
        var rules = applivery.Source("Consumer.ValidationRules.g.cs");

        Assert.Empty(applivery.CompilationDiagnostics());
        Assert.Contains("public sealed class BearerCredential", credentials, System.StringComparison.Ordinal);
        foreach (var unused in new[] { "class ApiKeyCredential", "class BasicCredential", "class AuthorizationCredential" })
        {
            Assert.DoesNotContain(unused, credentials, System.StringComparison.Ordinal);
        }

        Assert.Contains("internal static void RequirePattern(", rules, System.StringComparison.Ordinal);
        Assert.Contains("internal static void CheckMaxLength(", rules, System.StringComparison.Ordinal);
        Assert.DoesNotContain("MinItems", rules, System.StringComparison.Ordinal);

        // A second spec in the same namespace with a basic scheme and an item count adds them to the same two files.
        const string Spec = """
            openapi: 3.0.3
            info: { title: Second, version: '1' }
            servers: [{ url: 'https://example.test/' }]
            components:
              securitySchemes:
                basic: { type: http, scheme: basic }
            security: [{ basic: [] }]
            paths:
              /tags:
                get:
                  operationId: listTags
                  parameters:
                    - { name: tag, in: query, schema: { type: array, minItems: 1, items: { type: string } } }
                  responses:
                    '204': { description: ok }
            """;
        var both = GeneratorRun.Run(new[] { SpecFile.Applivery(), new SpecFile("/project/spec/second.yaml", Spec) });

        Assert.Empty(both.CompilationDiagnostics());
        Assert.Contains("public sealed class BasicCredential", both.Source("Consumer.Credentials.g.cs"), System.StringComparison.Ordinal);
        Assert.Contains("public sealed class BearerCredential", both.Source("Consumer.Credentials.g.cs"), System.StringComparison.Ordinal);
        Assert.Contains("internal static void RequireMinItems<T>(", both.Source("Consumer.ValidationRules.g.cs"), System.StringComparison.Ordinal);
    }

    [Fact]
    public void TwoSpecsInOneCompilationShareOneRuntimeWithThePartsOfBoth()
    {
        var applivery = SpecFile.Applivery();
        var unions = SpecFile.Feature("features-union-types.yaml") with { Metadata = new System.Collections.Generic.Dictionary<string, string> { ["Namespace"] = "Unions" } };

        var run = GeneratorRun.Run(new[] { applivery, unions });

        Assert.Empty(run.CompilationDiagnostics());
        var runtime = Assert.Single(run.Sources, source => source.HintName.Contains("JsonRuntime", System.StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("internal static int PickObjectCase(", runtime, System.StringComparison.Ordinal);
        Assert.Contains("internal static global::System.DateTimeOffset ReadDateTimeOffset(", runtime, System.StringComparison.Ordinal);
        Assert.Contains(": global::Applivery.Generators.Runtime.JsonRuntime", run.Source("Consumer.AppliveryClientJson.g.cs"), System.StringComparison.Ordinal);

        // The validation runtime holds the namespace's public ValidationError: one copy per namespace, not per compilation.
        Assert.Equal(new[] { "Consumer.ValidationRules.g.cs", "Unions.ValidationRules.g.cs" }, run.Sources.Select(source => source.HintName).Where(name => name.EndsWith(".ValidationRules.g.cs", System.StringComparison.Ordinal)).OrderBy(name => name, System.StringComparer.Ordinal));
    }
}
