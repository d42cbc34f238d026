using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Applivery.Generators.Diagnostics;
using Applivery.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Applivery.Generators.Emit;

/// <summary>The emit stage: every client of the compilation to source files, one hint name per type or concern.</summary>
internal static class SourceEmitter
{
    /// <summary>An exception escaping a generator removes all of its output (CS8785): it becomes APG099 instead.</summary>
    public static void EmitSafely(SourceProductionContext context, ImmutableArray<ClientSpec?> clients, TargetFeatures features)
    {
        try
        {
            Emit(context, clients, features);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // Reported as a diagnostic: the user's build must say what failed, not lose every generated file.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            var names = string.Join(", ", clients.Where(client => client is not null).Select(client => client!.SpecFileName));
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, names, exception.GetType().Name + ": " + exception.Message));
        }
    }

    public static void Emit(SourceProductionContext context, ImmutableArray<ClientSpec?> clients, TargetFeatures features)
    {
        var present = clients.Where(client => client is not null).Select(client => client!).ToList();
        if (present.Count == 0)
        {
            return;
        }

        if (features.LanguageVersion is > 0 and < 9)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LanguageVersionTooLow, Location.None, features.LanguageVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return;
        }

        var files = new List<(string HintName, string Source)>();
        var typeOwners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var namespaces = new SortedSet<string>(StringComparer.Ordinal);
        var needsRequiredMembers = false;
        var fileUploadNamespaces = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var client in present)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (!ClaimTypeNames(context, client, typeOwners))
            {
                continue;
            }

            namespaces.Add(client.Namespace);
            if (FileUploadEmitter.IsUsedBy(client))
            {
                fileUploadNamespaces.Add(client.Namespace);
            }

            needsRequiredMembers |= client.Objects.Any(type => type.Properties.Any(property => property.IsRequired && !property.IsNullable));
            foreach (var type in client.Objects)
            {
                files.Add((GeneratedFile.HintName(client, type.Name), ObjectTypeEmitter.Emit(client, type, features)));
            }

            foreach (var spec in client.Enums)
            {
                files.Add((GeneratedFile.HintName(client, spec.Name), EnumEmitter.Emit(client, spec)));
            }

            files.Add((GeneratedFile.HintName(client, "Validation"), ValidationEmitter.EmitValidationClass(client)));
            files.Add((GeneratedFile.HintName(client, "Json"), JsonEmitter.Emit(client, features)));
            files.Add((GeneratedFile.HintName(client, "Client"), ClientEmitter.Emit(client)));
            if (features.HasHttpClientFactory)
            {
                files.Add((GeneratedFile.HintName(client, "ServiceCollectionExtensions"), ServiceCollectionEmitter.Emit(client)));
            }
        }

        foreach (var ns in namespaces)
        {
            files.Add(($"{ns}.ValidationError.g.cs", ValidationEmitter.EmitValidationError(ns)));
        }

        foreach (var ns in fileUploadNamespaces)
        {
            files.Add(($"{ns}.{FileUploadEmitter.TypeName}.g.cs", FileUploadEmitter.Emit(ns)));
        }

        if (PolyfillEmitter.Emit(features, needsRequiredMembers) is { } polyfills)
        {
            files.Add((PolyfillEmitter.HintName, polyfills));
        }

        foreach (var (hintName, source) in files.OrderBy(file => file.HintName, StringComparer.Ordinal))
        {
            context.AddSource(hintName, source);
        }
    }

    /// <summary>
    /// Two specs that would generate a type of the same name in one namespace cannot both be emitted: the later one
    /// (in AdditionalFiles order) is skipped with a diagnostic, so the build says why instead of failing on duplicates.
    /// </summary>
    private static bool ClaimTypeNames(SourceProductionContext context, ClientSpec client, Dictionary<string, string> typeOwners)
    {
        var names = client.Objects.Select(type => type.Name)
            .Concat(client.Enums.SelectMany(spec => new[] { spec.Name, spec.ExtensionsName }))
            .Concat(ClientSpecBuilder.SupportTypeNames(client.ClientName).Select(pair => pair.Key).Where(name => name is not ("ValidationError" or FileUploadEmitter.TypeName)))
            .Select(name => client.Namespace + "." + name)
            .ToList();
        foreach (var name in names)
        {
            if (typeOwners.TryGetValue(name, out var owner))
            {
                var location = Location.Create(client.SpecFilePath, default, default);
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateClient, location, client.SpecFileName, name, owner));
                return false;
            }
        }

        foreach (var name in names)
        {
            typeOwners[name] = client.SpecFileName;
        }

        return true;
    }
}
