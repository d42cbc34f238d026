using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Applivery.Generators.Diagnostics;
using Applivery.Generators.OpenApi;

namespace Applivery.Generators.Model;

/// <summary>The parse stage: one spec file in, its <see cref="ClientSpec"/> and diagnostics out. Never throws.</summary>
internal static class ClientSpecBuilder
{
    private const string FallbackNamespace = "OpenApiClient";

    public static SpecResult? Build(SpecInput input, CancellationToken cancellationToken)
    {
        var diagnostics = new SpecDiagnostics(input.FilePath);
        try
        {
            var client = BuildCore(input, diagnostics, cancellationToken, out var isSpec);
            return isSpec ? new SpecResult(client, diagnostics.Items.ToEquatableArray()) : null;
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // An exception escaping a generator removes all of its output (CS8785); report it instead.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            diagnostics.Report(DiagnosticDescriptors.InternalError, new SourceSpan(0, 0, 0, 0, 0, 0), Path.GetFileName(input.FilePath), exception.GetType().Name + ": " + exception.Message);
            return new SpecResult(null, diagnostics.Items.ToEquatableArray());
        }
    }

    private static ClientSpec? BuildCore(SpecInput input, SpecDiagnostics diagnostics, CancellationToken cancellationToken, out bool isSpec)
    {
        var fileName = Path.GetFileName(input.FilePath);
        var text = input.Text ?? string.Empty;

        // Other YAML/JSON files (stylecop.json, pipelines) are common: skip them silently, before any parsing. A file
        // whose first key is openapi is a spec even when something hides the key from the reader (SpecRecognition).
        var startsWithVersionKey = SpecRecognition.StartsWithVersionKey(text, out var versionKeySpan, out var hiddenBefore);
        isSpec = input.IsMarkedOpenApi || startsWithVersionKey || SpecRecognition.HasVersionKey(text);
        if (!isSpec)
        {
            return null;
        }

        var readDiagnostics = new SpecDiagnostics(input.FilePath);
        var root = SpecTextReader.Read(text, readDiagnostics);
        cancellationToken.ThrowIfCancellationRequested();
        if (startsWithVersionKey && hiddenBefore.Length > 0 && !SpecRecognition.HasRootVersionKey(root))
        {
            // The file opens with the key, but something before it (a second BOM, a tab) kept the reader from seeing
            // it: one APG001 at the key naming what hides it, rather than the reader's error somewhere after it.
            diagnostics.Malformed(SpecRecognition.HiddenKeyMessage(text, versionKeySpan, hiddenBefore), versionKeySpan);
            return null;
        }

        diagnostics.Add(readDiagnostics);
        if (root is not SpecMapping document)
        {
            if (root is not null || !diagnostics.HasErrors)
            {
                diagnostics.Malformed("the document must be a mapping with an 'openapi' key at its root", root?.Span ?? default);
            }

            return null;
        }

        // The text only mentioned the key somewhere: a file whose root does not have it is not a spec either.
        isSpec = input.IsMarkedOpenApi || document.ContainsKey("openapi") || document.ContainsKey("swagger");
        if (!isSpec || !CheckVersion(document, fileName, diagnostics))
        {
            return null;
        }

        var info = document.GetMapping("info");
        var title = info?.GetString("title") ?? Path.GetFileNameWithoutExtension(fileName);
        var ns = ChooseNamespace(input, fileName, diagnostics);
        var clientName = ChooseClientName(input, title, fileName, diagnostics);
        var isPublic = ChooseVisibility(input, fileName, diagnostics);

        var references = new ReferenceResolver(document, diagnostics);
        var typeNames = new TypeNameRegistry(diagnostics, SupportNames.ReservedTypeNames(clientName));
        var patterns = new PatternRegistry(diagnostics);
        var schemas = new SchemaTypeMapper(references, diagnostics, typeNames, patterns);

        // IncludeOperations/ExcludeOperations: only the kept operations are generated. Schemas="used" (the default):
        // only the component schemas the generated operations reach, unless the document has no operation at all
        // (a library of types); Schemas="all": every component.
        HashSet<string>? keptOperations = null;
        Func<SpecNode, bool>? isReachable = null;
        var filter = OperationFilter.Parse(input, fileName, diagnostics);
        var onlyUsedSchemas = ChooseOnlyUsedSchemas(input, fileName, diagnostics);
        if (filter is not null || onlyUsedSchemas)
        {
            var quietReferences = new ReferenceResolver(document, new SpecDiagnostics(input.FilePath));
            var kept = (filter ?? OperationFilter.KeepAll).Select(document.GetMapping("paths"), quietReferences);
            if (filter is not null)
            {
                filter.ReportUnmatched(fileName, diagnostics);
                keptOperations = new HashSet<string>(kept.Select(operation => operation.Key), StringComparer.Ordinal);
            }

            if (onlyUsedSchemas && (filter is not null || kept.Count > 0))
            {
                isReachable = SchemaReachability.Of(kept, quietReferences).IsReachable;
            }
        }

        var components = document.GetMapping("components");
        schemas.MapComponents(components?.GetMapping("schemas"), isReachable);
        cancellationToken.ThrowIfCancellationRequested();
        var security = new SecurityBuilder(references, diagnostics, document, clientName);
        var operations = new OperationBuilder(references, diagnostics, schemas) { Security = security, TypeNames = typeNames, KeptOperations = keptOperations }.Build(document.GetMapping("paths"));
        security.ReportCredentialsNoOperationSends(operations);
        typeNames.ReportCollisions();
        if (filter is null)
        {
            // With a filter, leaving out what the kept operations do not reach is what the user asked for.
            ReportUnusedSchemas(components?.KeyNode("schemas"), schemas.ComponentsNotGenerated(), diagnostics);
        }

        cancellationToken.ThrowIfCancellationRequested();

        if (document.KeyNode("webhooks") is { } webhooks)
        {
            diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, webhooks.Span, "'webhooks'", "no webhook types are generated");
        }

        return new ClientSpec(
            input.FilePath,
            fileName,
            ns,
            clientName,
            isPublic,
            title,
            info?.GetString("description"),
            ReadServerUrl(document),
            security.Schemes,
            schemas.Objects.ToEquatableArray(),
            schemas.Enums.ToEquatableArray(),
            operations,
            patterns.ToSpecs(),
            schemas.Unions.ToEquatableArray());
    }

    /// <summary>The names of the types generated beside the schemas' types, which schemas must not take (owned by <see cref="SupportNames"/>).</summary>

    private static bool CheckVersion(SpecMapping document, string fileName, SpecDiagnostics diagnostics)
    {
        if (document.GetScalar("openapi") is { } openapi)
        {
            if (openapi.Value.StartsWith("3.", StringComparison.Ordinal))
            {
                return true;
            }

            diagnostics.Report(DiagnosticDescriptors.NotOpenApi3, openapi.Span, fileName, $"it declares openapi '{openapi.Value}'; only 3.0 and 3.1 are supported");
            return false;
        }

        if (document.GetScalar("swagger") is { } swagger)
        {
            diagnostics.Report(DiagnosticDescriptors.NotOpenApi3, swagger.Span, fileName, $"it is a Swagger {swagger.Value} document; convert it to OpenAPI 3 first (for example with the swagger2openapi converter or Swagger Editor's 'Convert to OpenAPI 3')");
            return false;
        }

        diagnostics.Report(DiagnosticDescriptors.NotOpenApi3, document.Entries.Count > 0 ? document.Entries[0].Key.Span : document.Span, fileName, "it has no 'openapi' key at its root");
        return false;
    }

    private static string ChooseNamespace(SpecInput input, string fileName, SpecDiagnostics diagnostics)
    {
        var fallback = SanitizeNamespace(input.RootNamespace) ?? FallbackNamespace;
        if (string.IsNullOrWhiteSpace(input.NamespaceOption))
        {
            return fallback;
        }

        var requested = input.NamespaceOption!.Trim();
        if (requested.StartsWith("global::", StringComparison.Ordinal))
        {
            requested = requested.Substring("global::".Length);
        }

        if (Identifiers.IsValidNamespace(requested))
        {
            return requested;
        }

        diagnostics.Report(DiagnosticDescriptors.InvalidMetadata, FileStart, "Namespace", input.NamespaceOption!, fileName, "it is not a valid C# namespace", fallback);
        return fallback;
    }

    private static string ChooseClientName(SpecInput input, string title, string fileName, SpecDiagnostics diagnostics)
    {
        var words = Identifiers.SplitWords(title).ToList();
        if (words.Count > 1 && string.Equals(words[words.Count - 1], "api", StringComparison.OrdinalIgnoreCase))
        {
            words.RemoveAt(words.Count - 1);
        }

        var fallback = Identifiers.ToPascalCase(string.Join(" ", words)) + "Client";
        if (string.IsNullOrWhiteSpace(input.ClientNameOption))
        {
            return fallback;
        }

        var requested = input.ClientNameOption!.Trim();
        if (Identifiers.IsValidIdentifier(requested))
        {
            return requested;
        }

        diagnostics.Report(DiagnosticDescriptors.InvalidMetadata, FileStart, "ClientName", input.ClientNameOption!, fileName, "it is not a valid C# identifier", fallback);
        return fallback;
    }

    /// <summary>The <c>Schemas</c> metadata: <c>used</c> (the default) or <c>all</c>; anything else is APG008 and the default.</summary>
    private static bool ChooseOnlyUsedSchemas(SpecInput input, string fileName, SpecDiagnostics diagnostics) =>
        ChooseBetween("Schemas", input.SchemasOption, "used", "all", fileName, diagnostics);

    /// <summary>
    /// APG016 (info), once per spec at <c>components.schemas</c>: how many components no generated operation uses,
    /// the first few by pointer, and how to get them, so a type that is not generated is never a silent surprise.
    /// </summary>
    private static void ReportUnusedSchemas(SpecNode? schemasKey, IReadOnlyList<string> unusedPointers, SpecDiagnostics diagnostics)
    {
        const int Named = 3;
        if (unusedPointers.Count == 0)
        {
            return;
        }

        var names = string.Join(", ", unusedPointers.Take(Named).Select(pointer => "'" + pointer + "'"));
        var more = unusedPointers.Count > Named ? string.Format(CultureInfo.InvariantCulture, " and {0:N0} more", unusedPointers.Count - Named) : string.Empty;
        var count = unusedPointers.Count == 1
            ? "1 component schema that no generated operation uses is"
            : unusedPointers.Count.ToString("N0", CultureInfo.InvariantCulture) + " component schemas that no generated operation uses are";
        diagnostics.Report(DiagnosticDescriptors.UnusedSchemasNotGenerated, schemasKey?.Span ?? FileStart, count, names + more);
    }

    private static bool ChooseVisibility(SpecInput input, string fileName, SpecDiagnostics diagnostics) =>
        ChooseBetween("Visibility", input.VisibilityOption, "public", "internal", fileName, diagnostics);

    /// <summary>
    /// A metadata value that is one of two words, compared ignoring case and surrounding spaces: true for
    /// <paramref name="first"/> (also the default, when the value is not set), false for <paramref name="second"/>;
    /// anything else is APG008 naming both, and the default.
    /// </summary>
    private static bool ChooseBetween(string metadata, string? value, string first, string second, string fileName, SpecDiagnostics diagnostics)
    {
        var requested = value?.Trim();
        if (string.IsNullOrEmpty(requested) || string.Equals(requested, first, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(requested, second, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        diagnostics.Report(DiagnosticDescriptors.InvalidMetadata, FileStart, metadata, value!, fileName, $"it must be '{first}' or '{second}'", first);
        return true;
    }

    private static string? SanitizeNamespace(string? rootNamespace)
    {
        if (string.IsNullOrWhiteSpace(rootNamespace))
        {
            return null;
        }

        var parts = rootNamespace!.Split('.').Where(part => part.Length > 0).Select(part =>
        {
            var cleaned = new string(part.Select(c => Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsIdentifierPartCharacter(c) ? c : '_').ToArray());
            cleaned = Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsIdentifierStartCharacter(cleaned[0]) ? cleaned : "_" + cleaned;
            return Identifiers.IsValidIdentifier(cleaned) ? cleaned : "@" + cleaned;
        }).ToList();
        return parts.Count == 0 ? null : string.Join(".", parts);
    }

    private static string? ReadServerUrl(SpecMapping document)
    {
        if (document.GetSequence("servers")?.Items.FirstOrDefault() is not SpecMapping server || server.GetString("url") is not { } url)
        {
            return null;
        }

        // Server variables take their default values: the user can still set HttpClient.BaseAddress.
        if (server.GetMapping("variables") is { } variables)
        {
            foreach (var variable in variables.Entries)
            {
                if ((variable.Value as SpecMapping)?.GetString("default") is { } value)
                {
                    url = url.Replace("{" + variable.Key.Value + "}", value);
                }
            }
        }

        return url;
    }

    private static SourceSpan FileStart => new(0, 0, 0, 0, 0, 0);
}
