using System;
using System.Collections.Generic;
using System.Linq;
using Applivery.Generators.Diagnostics;
using Applivery.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Applivery.Generators.Emit;

/// <summary>
/// The emit stage, in three outputs: each spec's own files (one output per spec, so editing one spec re-emits only that
/// spec), the compilation-wide files and checks (shared types per namespace, polyfills, APG009, APG010), and the fixed
/// runtime (<see cref="RuntimeEmitter"/>) once per compilation.
/// </summary>
internal static class SourceEmitter
{
    /// <summary>One spec's files, unless an earlier spec owns one of its type names (reported by <see cref="EmitShared"/>).</summary>
    public static void EmitClient(SourceProductionContext context, ClientSpec? client, EquatableArray<string> skippedSpecPaths, TargetFeatures features)
    {
        if (client is null || !SupportsLanguage(features) || skippedSpecPaths.Contains(client.SpecFilePath))
        {
            return;
        }

        Safely(context, features, client.SpecFileName, () =>
        {
            var files = new List<(string HintName, string Source)>();
            var json = JsonEmitter.Emit(client, features);
            string? JsonOf(string typeName) => json.TypeParts.TryGetValue(typeName, out var part) ? part : null;
            foreach (var type in client.Objects)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                files.Add((GeneratedFile.HintName(client, type.Name), ObjectTypeEmitter.Emit(client, type, features, JsonOf(type.Name))));
            }

            foreach (var spec in client.Enums)
            {
                files.Add((GeneratedFile.HintName(client, spec.Name), EnumEmitter.Emit(client, spec, JsonOf(spec.Name))));
            }

            foreach (var union in client.Unions)
            {
                files.Add((GeneratedFile.HintName(client, union.Name), UnionTypeEmitter.Emit(client, union, JsonOf(union.Name))));
            }

            foreach (var (resultName, operation) in OperationResultEmitter.ResultTypes(client))
            {
                files.Add((GeneratedFile.HintName(client, resultName), OperationResultEmitter.Emit(client, resultName, operation)));
            }

            files.Add((GeneratedFile.SupportHintName(client, ValidationEmitter.ValidationClassName(client)), ValidationEmitter.EmitValidationClass(client)));
            files.Add((GeneratedFile.SupportHintName(client, JsonEmitter.ClassName(client)), json.MainFile));
            var operationFiles = ClientEmitter.OperationFiles(client);
            var calls = ClientEmitter.CallsOf(client);
            files.Add((GeneratedFile.SupportHintName(client, client.ClientName), ClientEmitter.Emit(client, calls, operationFiles)));
            foreach (var (suffix, operations) in operationFiles)
            {
                files.Add((GeneratedFile.OperationsHintName(client, suffix), ClientEmitter.EmitOperationFile(client, calls, operations)));
            }

            if (CredentialsEmitter.HasCredentials(client))
            {
                files.Add((GeneratedFile.SupportHintName(client, CredentialsEmitter.ClassName(client)), CredentialsEmitter.Emit(client)));
            }
            if (features.HasHttpClientFactory)
            {
                files.Add((GeneratedFile.SupportHintName(client, SupportNames.ServiceCollectionExtensions(client.ClientName)), ServiceCollectionEmitter.Emit(client)));
            }

            return files;
        });
    }

    /// <summary>What every spec of the compilation shares: one file per namespace, the polyfills, and the cross-spec checks.</summary>
    public static void EmitShared(SourceProductionContext context, ClaimsResolution resolution, TargetFeatures features)
    {
        if (resolution.SharedFiles.IsEmpty && resolution.Duplicates.IsEmpty)
        {
            return;
        }

        if (!SupportsLanguage(features))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LanguageVersionTooLow, Location.None, features.LanguageVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return;
        }

        // Two specs that would generate a type of the same name in one namespace cannot both be emitted: the later one
        // is skipped with a diagnostic, so the build says why instead of failing on duplicate types.
        foreach (var duplicate in resolution.Duplicates)
        {
            var location = Location.Create(duplicate.SpecFilePath, default, default);
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateClient, location, duplicate.SpecFileName, duplicate.TypeName, duplicate.OwnerFileName));
        }

        Safely(context, features, "the shared types", () =>
        {
            var files = new List<(string HintName, string Source)>();
            foreach (var file in resolution.SharedFiles)
            {
                if (file.Concern == SharedConcern.ValidationError)
                {
                    files.Add(($"{file.Namespace}.{SupportNames.ValidationRules}.g.cs", ValidationEmitter.EmitValidationRules(file.Namespace, file.Parts)));
                }

                files.Add(($"{file.Namespace}.{file.Concern}.g.cs", file.Concern switch
                {
                    SharedConcern.ValidationError => ValidationEmitter.EmitValidationError(file.Namespace),
                    SharedConcern.Credentials => CredentialsEmitter.EmitShared(file.Namespace, file.Parts),
                    SharedConcern.FileDownload => FileDownloadEmitter.Emit(file.Namespace),
                    SharedConcern.FileUpload => FileUploadEmitter.Emit(file.Namespace),
                    _ => throw new InvalidOperationException("No emitter for the shared concern " + file.Concern),
                }));
            }

            if (PolyfillEmitter.Emit(features, resolution.NeedsRequiredMembers) is { } polyfills)
            {
                files.Add((PolyfillEmitter.HintName, polyfills));
            }

            return files;
        });
    }

    /// <summary>The fixed runtime, once per compilation, with the parts the specs use (none when no spec generates).</summary>
    public static void EmitRuntime(SourceProductionContext context, EquatableArray<string> parts, TargetFeatures features)
    {
        if (parts.IsEmpty || !SupportsLanguage(features))
        {
            return;
        }

        Safely(context, features, "the runtime", () => RuntimeEmitter.Emit(parts).ToList());
    }

    private static bool SupportsLanguage(TargetFeatures features) => features.LanguageVersion is not (> 0 and < 9);

    /// <summary>
    /// Adds the files in hint-name order, with file-scoped namespaces from C# 10 on; an exception escaping a generator
    /// removes all of its output (CS8785), so it becomes APG099 naming the spec instead.
    /// </summary>
    private static void Safely(SourceProductionContext context, TargetFeatures features, string what, Func<List<(string HintName, string Source)>> emit)
    {
        List<(string HintName, string Source)> files;
        try
        {
            files = emit();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // Reported as a diagnostic: the user's build must say what failed, not lose every generated file.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, what, exception.GetType().Name + ": " + exception.Message));
            return;
        }

        foreach (var (hintName, source) in files.OrderBy(file => file.HintName, StringComparer.Ordinal))
        {
            context.AddSource(hintName, features.LanguageVersion >= 10 ? GeneratedFile.WithFileScopedNamespace(source) : source);
        }
    }
}
