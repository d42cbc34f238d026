using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Applivery.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Applivery.Generators.Tests;

/// <summary>Bad input becomes a diagnostic at its line in the spec, and whatever can still be generated is.</summary>
public class DiagnosticTests
{
    private const string SpecPath = "/project/spec/api.yaml";

    [Fact]
    public void MalformedYamlIsReportedAtItsLine()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: { title: Broken, version: '1' }
            paths:
              /a: [unclosed
            """);

        var diagnostic = Single(run, "APG001");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.DefaultSeverity);
        Assert.Contains("api.yaml", Message(diagnostic));
        Assert.True(diagnostic.Location.GetLineSpan().StartLinePosition.Line >= 3);
        Assert.Equal(SpecPath, diagnostic.Location.GetLineSpan().Path);
    }

    [Fact]
    public void MalformedJsonIsReported()
    {
        var run = GeneratorRun.Run(new[] { new SpecFile("/project/spec/api.json", "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"x\",, }") });

        Single(run, "APG001");
    }

    [Fact]
    public void JsonSpecsWork()
    {
        var run = GeneratorRun.Run(new[] { new SpecFile("/project/spec/api.json", """
            {"openapi": "3.0.3", "info": {"title": "Json API", "version": "1"}, "paths": {},
             "components": {"schemas": {"Pet": {"type": "object", "properties": {"name": {"type": "string", "maxLength": 5}}}}}}
            """) });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("public string? Name { get; init; }", run.Source("JsonClient.Pet.g.cs"));
    }

    [Fact]
    public void Swagger2GetsAHintToConvert()
    {
        var run = Generate("""
            swagger: '2.0'
            info: { title: Old, version: '1' }
            paths: {}
            """);

        var diagnostic = Single(run, "APG002");
        Assert.Contains("Swagger 2.0", Message(diagnostic));
        Assert.Contains("convert it to OpenAPI 3", Message(diagnostic));
        Assert.Equal(0, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void AnOpenApi2VersionIsRejected()
    {
        var run = Generate("""
            openapi: 2.5.0
            info: { title: Odd, version: '1' }
            """);

        Assert.Contains("only 3.0 and 3.1", Message(Single(run, "APG002")));
    }

    [Fact]
    public void OtherYamlAndJsonFilesAreIgnoredSilently()
    {
        var run = GeneratorRun.Run(new[]
        {
            new SpecFile("/project/stylecop.json", "{ \"settings\": { \"documentationRules\": {} } }"),
            new SpecFile("/project/.github/workflows/ci.yml", "on: push\njobs: { build: { runs-on: ubuntu } }"),
            new SpecFile("/project/broken.yaml", "key: [unclosed"),
            new SpecFile("/project/docker-compose.yml", "services:\n  openapi:\n    image: swaggerapi/swagger-ui\n"),
            new SpecFile("/project/tools.json", "{ \"tools\": { \"openapi-generator\": \"7.0\" } }"),
            new SpecFile("/project/notes.yaml", "\uFEFFtitle: mentions openapi: in a value\n"),
        });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void OpenApiMetadataMarksAFileWithoutTheRootKey()
    {
        var run = GeneratorRun.Run(new[] { new SpecFile("/project/api.yaml", "info: { title: x }", new Dictionary<string, string> { ["OpenApi"] = "true" }) });

        Assert.Contains("no 'openapi' key", Message(Single(run, "APG002")));
    }

    [Fact]
    public void AnUnresolvableRefIsReportedAndTheRestStillGenerates()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: { title: Refs, version: '1' }
            paths: {}
            components:
              schemas:
                Good:
                  type: object
                  properties:
                    name: { type: string }
                Bad:
                  type: object
                  properties:
                    missing:
                      $ref: '#/components/schemas/DoesNotExist'
            """);

        var diagnostic = Single(run, "APG003");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.DefaultSeverity);
        Assert.Contains("#/components/schemas/DoesNotExist", Message(diagnostic));
        Assert.Contains("represented as JsonElement", Message(diagnostic));
        Assert.Equal(13, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("JsonElement? Missing", run.Source("RefsClient.Bad.g.cs"));
        Assert.Contains("string? Name", run.Source("RefsClient.Good.g.cs"));
        Assert.Empty(run.CompilationDiagnostics());
    }

    [Fact]
    public void ARefThatOnlyPointsAtItselfIsReported()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: { title: Loop, version: '1' }
            paths: {}
            components:
              schemas:
                A:
                  $ref: '#/components/schemas/B'
                B:
                  $ref: '#/components/schemas/A'
                Holder:
                  type: object
                  properties:
                    a: { $ref: '#/components/schemas/A' }
            """);

        var loop = run.GeneratorDiagnostics.First(diagnostic => diagnostic.Id == "APG004");
        Assert.Equal(DiagnosticSeverity.Warning, loop.DefaultSeverity);
        Assert.Contains("#/components/schemas/B → #/components/schemas/A", Message(loop));
        Assert.Contains("JsonElement? A", run.Source("LoopClient.Holder.g.cs"));
        Assert.Empty(run.CompilationDiagnostics());
    }

    [Fact]
    public void AnArrayOfItselfIsAWarningAndTheRestGenerates()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: { title: Nested, version: '1' }
            paths: {}
            components:
              schemas:
                Nested:
                  type: array
                  items: { $ref: '#/components/schemas/Nested' }
                Holder:
                  type: object
                  properties:
                    nested: { $ref: '#/components/schemas/Nested' }
                    name: { type: string }
            """);

        var diagnostic = Single(run, "APG004");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.DefaultSeverity);
        Assert.Contains("without an object in between", Message(diagnostic));
        Assert.Equal(6, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("public string? Name", run.Source("NestedClient.Holder.g.cs"));
        Assert.Empty(run.CompilationDiagnostics());
    }

    /// <summary>
    /// Planet's properties are first met as an allOf part and a oneOf alternative (before Planet itself), then again
    /// through Planet.satellites[] → Satellite.orbit.planet → Planet: valid recursion, so no diagnostic at all.
    /// </summary>
    [Fact]
    public void RecursionMetThroughAPartBeforeItsOwnSchemaIsNotALoop()
    {
        var run = Generate("""
            openapi: 3.1.0
            info: { title: Galaxy, version: '1' }
            paths: {}
            components:
              schemas:
                Body:
                  oneOf:
                    - type: object
                      properties:
                        planets: { type: array, items: { $ref: '#/components/schemas/Planet' } }
                    - $ref: '#/components/schemas/Planet'
                Detailed:
                  allOf:
                    - $ref: '#/components/schemas/Planet'
                    - { type: object, properties: { note: { type: string } } }
                Planet:
                  type: object
                  properties:
                    satellites:
                      type: array
                      items:
                        type: object
                        properties:
                          orbit:
                            type: object
                            properties:
                              planet: { $ref: '#/components/schemas/Planet' }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("IReadOnlyList<PlanetSatellitesItem>? Satellites", run.Source("GalaxyClient.Detailed.g.cs"));
        Assert.Contains("Planet? Planet", run.Source("GalaxyClient.PlanetSatellitesItemOrbit.g.cs"));
        Assert.Empty(run.CompilationDiagnostics());
    }

    /// <summary>The common discriminator shape: the base lists its subtypes, and each subtype extends the base.</summary>
    [Fact]
    public void SubtypesThatExtendTheirUnionGenerate()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: { title: Pets, version: '1' }
            paths: {}
            components:
              schemas:
                Pet:
                  type: object
                  required: [petType]
                  properties:
                    petType: { type: string }
                  oneOf:
                    - $ref: '#/components/schemas/Cat'
                    - $ref: '#/components/schemas/Dog'
                  discriminator: { propertyName: petType }
                Cat:
                  allOf:
                    - $ref: '#/components/schemas/Pet'
                    - { type: object, properties: { meows: { type: boolean } } }
                Dog:
                  allOf:
                    - $ref: '#/components/schemas/Pet'
                    - { type: object, properties: { barks: { type: boolean } } }
            """);

        Assert.True(run.GeneratorDiagnostics.IsEmpty, GeneratedSnapshots.FormatDiagnostics(run.GeneratorDiagnostics));
        var cat = run.Source("PetsClient.Cat.g.cs");
        Assert.Contains("public required string PetType", cat);
        Assert.Contains("public bool? Meows", cat);
        Assert.DoesNotContain("Barks", cat);
        Assert.Contains("public bool? Barks", run.Source("PetsClient.Pet.g.cs"));
        Assert.Empty(run.CompilationDiagnostics());
    }

    [Fact]
    public void OnlyWhatStopsGenerationIsAnError()
    {
        var errors = new[] { "APG001", "APG002", "APG009", "APG010", "APG099" };
        var infos = new[] { "APG016" }; // nothing is wrong: it says what the default leaves out
        foreach (var descriptor in typeof(OpenApiClientGenerator).Assembly.GetType("Applivery.Generators.Diagnostics.DiagnosticDescriptors")!
                     .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
                     .Select(field => field.GetValue(null)).OfType<DiagnosticDescriptor>())
        {
            var expected = errors.Contains(descriptor.Id) ? DiagnosticSeverity.Error : infos.Contains(descriptor.Id) ? DiagnosticSeverity.Info : DiagnosticSeverity.Warning;
            Assert.True(expected == descriptor.DefaultSeverity, $"{descriptor.Id} is {descriptor.DefaultSeverity}, expected {expected}");
        }
    }

    [Theory]
    [InlineData("\uFEFF\uFEFFopenapi: 3.0.3\ninfo: { title: Bom, version: '1' }\npaths: {}\n", "U+FEFF (a byte order mark)", 0)]
    [InlineData("\uFEFFopenapi: 3.0.3\ninfo: { title: Bom, version: '1' }\npaths: {}\n", "U+FEFF (a byte order mark)", 0)]
    [InlineData("\topenapi: 3.0.3\ninfo: { title: Tab, version: '1' }\npaths: {}\n", "U+0009 (a tab)", 0)]
    [InlineData("# A comment first\n\n\u200Bopenapi: 3.0.3\ninfo: { title: Zwsp, version: '1' }\npaths: {}\n", "U+200B (a zero-width space)", 2)]
    public void ASpecWhoseOpenApiKeyCannotBeReadIsAnErrorAtItsLine(string text, string named, int line)
    {
        var run = GeneratorRun.Run(new[] { new SpecFile("/project/spec/api.yaml", System.Text.RegularExpressions.Regex.Unescape(text)) });

        var diagnostic = Single(run, "APG001");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.DefaultSeverity);
        Assert.True(line == diagnostic.Location.GetLineSpan().StartLinePosition.Line, Message(diagnostic) + " at " + diagnostic.Location.GetLineSpan());
        Assert.Contains(named, Message(diagnostic));
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void AJsonSpecWithALeadingTabStillGenerates()
    {
        var run = GeneratorRun.Run(new[] { new SpecFile("/project/spec/api.json", "\t{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"Tab\", \"version\": \"1\"}, \"paths\": {}}") });

        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void RecursiveSchemasGenerate()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: { title: Tree, version: '1' }
            paths: {}
            components:
              schemas:
                Node:
                  type: object
                  properties:
                    name: { type: string, maxLength: 10 }
                    parent: { $ref: '#/components/schemas/Node' }
                    children:
                      type: array
                      items: { $ref: '#/components/schemas/Node' }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        var node = run.Source("TreeClient.Node.g.cs");
        Assert.Contains("public Node? Parent { get; init; }", node);
        Assert.Contains("IReadOnlyList<Node>? Children", node);
        Assert.Empty(run.CompilationDiagnostics());
    }

    [Fact]
    public void UnsupportedConstructsAreNamedAndSkipped()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: { title: Unsupported, version: '1' }
            paths:
              /things:
                get:
                  operationId: getThings
                  parameters:
                    - { name: session, in: cookie, schema: { type: string } }
                  responses:
                    '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Thing' } } } }
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    count: { type: integer, multipleOf: 5 }
                    choice:
                      oneOf: [{ type: string }, { type: integer }]
                    other: { not: { type: string } }
            """);

        var messages = run.GeneratorDiagnostics.Where(diagnostic => diagnostic.Id == "APG005").Select(Message).ToList();
        Assert.Contains(messages, message => message.Contains("'multipleOf'"));
        Assert.DoesNotContain(messages, message => message.Contains("'oneOf'")); // a union of primitives is a type now (UnionTypeTests)
        Assert.Contains("public ThingChoice(int value)", run.Source("UnsupportedClient.ThingChoice.g.cs"));
        Assert.Contains(messages, message => message.Contains("'not'"));
        Assert.DoesNotContain(messages, message => message.Contains("'session'")); // cookie parameters are sent now (ParameterStyleTests)
        Assert.All(run.GeneratorDiagnostics, diagnostic => Assert.Equal(DiagnosticSeverity.Warning, diagnostic.DefaultSeverity));
        Assert.Contains("public int? Count { get; init; }", run.Source("UnsupportedClient.Thing.g.cs"));
        Assert.Empty(run.CompilationDiagnostics());
    }

    [Fact]
    public void APatternDotNetCannotCompileIsReportedAtItsLineAndSkipped()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: { title: Patterns, version: '1' }
            paths: {}
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    good: { type: string, pattern: '^[a-z]+$' }
                    bad: { type: string, pattern: '^(unclosed$' }
            """);

        var diagnostic = Single(run, "APG006");
        Assert.Contains("^(unclosed$", Message(diagnostic));
        Assert.Equal(9, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        var validation = run.Source("PatternsClientValidation.g.cs");
        Assert.Contains("\"^[a-z]+$\"", validation);
        Assert.DoesNotContain("unclosed", validation);
        Assert.Empty(run.CompilationDiagnostics());
    }

    [Fact]
    public void TwoSchemasWithOneCSharpNameAreRenamedDeterministically()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: { title: Names, version: '1' }
            paths: {}
            components:
              schemas:
                member-type: { type: string, enum: [a, b] }
                MemberType: { type: string, enum: [c, d] }
                ValidationError: { type: object, properties: { text: { type: string } } }
            """);

        var renames = run.GeneratorDiagnostics.Where(diagnostic => diagnostic.Id == "APG007").Select(Message).ToList();
        Assert.Contains(renames, message => message.Contains("#/components/schemas/MemberType") && message.Contains("'MemberType2'"));
        Assert.Contains(renames, message => message.Contains("#/components/schemas/ValidationError") && message.Contains("'ValidationError2'"));
        Assert.Contains("public enum MemberType\n", run.Source("NamesClient.MemberType.g.cs"));
        Assert.Contains("public enum MemberType2\n", run.Source("NamesClient.MemberType2.g.cs"));
        Assert.Empty(run.CompilationDiagnostics());
    }

    [Theory]
    [InlineData("ClientName", "My Client", "it is not a valid C# identifier")]
    [InlineData("ClientName", "class", "it is not a valid C# identifier")]
    [InlineData("Namespace", "My..Namespace", "it is not a valid C# namespace")]
    [InlineData("Visibility", "protected", "it must be 'public' or 'internal'")]
    public void InvalidMetadataIsReportedAndADefaultUsed(string metadata, string value, string reason)
    {
        var spec = SpecFile.Applivery() with { Metadata = new Dictionary<string, string> { [metadata] = value } };

        var run = GeneratorRun.Run(new[] { spec });

        var diagnostic = Single(run, "APG008");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.DefaultSeverity);
        Assert.Contains(value, Message(diagnostic));
        Assert.Contains(reason, Message(diagnostic));
        Assert.NotEmpty(run.Sources);
        Assert.Empty(run.CompilationDiagnostics());
    }

    [Fact]
    public void MetadataChoosesNamespaceClientNameAndVisibility()
    {
        var spec = SpecFile.Applivery() with
        {
            Metadata = new Dictionary<string, string> { ["Namespace"] = "Company.Api", ["ClientName"] = "DownloadsClient", ["Visibility"] = "internal" },
        };

        var run = GeneratorRun.Run(new[] { spec });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("internal sealed partial class Member", run.Source("Company.Api.DownloadsClient.Member.g.cs"));
        Assert.Contains("internal static partial class DownloadsClientValidation", run.Source("Company.Api.DownloadsClientValidation.g.cs"));
        Assert.Empty(run.CompilationDiagnostics());
    }

    [Fact]
    public void TwoSpecsInOneNamespaceWithTheSameTypesGetADiagnosticNotACompileError()
    {
        var first = SpecFile.Applivery();
        var second = first with { Path = "/project/spec/copy.yaml" };

        var run = GeneratorRun.Run(new[] { first, second });

        Assert.Contains("copy.yaml", Message(Single(run, "APG010")));
        Assert.Empty(run.CompilationDiagnostics());
    }

    [Fact]
    public void TwoSpecsInTheirOwnNamespacesGenerateSideBySide()
    {
        var first = SpecFile.Applivery() with { Metadata = new Dictionary<string, string> { ["Namespace"] = "First" } };
        var second = SpecFile.Applivery() with { Path = "/project/spec/copy.yaml", Metadata = new Dictionary<string, string> { ["Namespace"] = "Second" } };

        var run = GeneratorRun.Run(new[] { first, second });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains(run.Sources, source => source.HintName == "First.AppliveryClient.Member.g.cs");
        Assert.Contains(run.Sources, source => source.HintName == "Second.AppliveryClient.Member.g.cs");
        Assert.Empty(run.CompilationDiagnostics());
    }

    [Fact]
    public void DuplicateKeysAreReportedAtTheSecondKey()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: { title: Dup, version: '1' }
            paths: {}
            paths: {}
            """);

        var diagnostic = Single(run, "APG012");
        Assert.Equal(3, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void InvalidKeywordValuesAreReported()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: { title: Values, version: '1' }
            paths: {}
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    name: { type: string, maxLength: many }
            """);

        Assert.Contains("'many'", Message(Single(run, "APG011")));
        Assert.Empty(run.CompilationDiagnostics());
    }

    private static GeneratorRun Generate(string yaml) => GeneratorRun.Run(new[] { new SpecFile(SpecPath, yaml) });

    private static Diagnostic Single(GeneratorRun run, string id)
    {
        var matching = run.GeneratorDiagnostics.Where(diagnostic => diagnostic.Id == id).ToList();
        Assert.True(matching.Count == 1, $"Expected one {id}, got:\n" + GeneratedSnapshots.FormatDiagnostics(run.GeneratorDiagnostics));
        return matching[0];
    }

    private static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);
}
