using System;
using System.Threading;
using Applivery.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Applivery.Generators;

/// <summary>Picks the candidate spec files among the additional files and reads their text and metadata.</summary>
internal static class SpecFiles
{
    private const string MetadataPrefix = "build_metadata.AdditionalFiles.";

    public static bool HasSpecExtension(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) ||
        path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) ||
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    public static SpecInput ReadInput(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        var fileOptions = options.GetOptions(file);
        options.GlobalOptions.TryGetValue("build_property.RootNamespace", out var rootNamespace);
        return new SpecInput(
            file.Path,
            file.GetText(cancellationToken)?.ToString(),
            rootNamespace,
            Metadata(fileOptions, "Namespace"),
            Metadata(fileOptions, "ClientName"),
            Metadata(fileOptions, "Visibility"),
            string.Equals(Metadata(fileOptions, "OpenApi"), "true", StringComparison.OrdinalIgnoreCase),
            Metadata(fileOptions, "IncludeOperations"),
            Metadata(fileOptions, "ExcludeOperations"),
            Metadata(fileOptions, "Schemas"));
    }

    private static string? Metadata(AnalyzerConfigOptions options, string name) =>
        options.TryGetValue(MetadataPrefix + name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}
