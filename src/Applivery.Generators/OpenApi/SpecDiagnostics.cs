using System.Collections.Generic;
using System.Linq;
using Applivery.Generators.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Applivery.Generators.OpenApi;

/// <summary>Collects the diagnostics found in one spec file, each placed at the node it is about.</summary>
internal sealed class SpecDiagnostics
{
    private readonly List<DiagnosticInfo> _items = new();
    private readonly HashSet<DiagnosticInfo> _seen = new();

    public SpecDiagnostics(string filePath) => FilePath = filePath;

    public string FilePath { get; }

    public IReadOnlyList<DiagnosticInfo> Items => _items;

    public bool HasErrors => _items.Any(item => DiagnosticDescriptors.Get(item.Id).DefaultSeverity == DiagnosticSeverity.Error);

    public void Report(DiagnosticDescriptor descriptor, SourceSpan? span, params string[] arguments)
    {
        var location = span is { } s
            ? new SpecLocation(FilePath, s.StartIndex, s.EndIndex - s.StartIndex, s.StartLine, s.StartColumn, s.EndLine, s.EndColumn)
            : null;
        var info = new DiagnosticInfo(descriptor.Id, arguments.ToEquatableArray(), location);

        // A node reached along two paths (aliases, shared $refs) must not report the same problem twice.
        if (_seen.Add(info))
        {
            _items.Add(info);
        }
    }

    /// <summary>Takes over what another collector found (in order, without duplicates).</summary>
    public void Add(SpecDiagnostics other)
    {
        foreach (var item in other.Items)
        {
            if (_seen.Add(item))
            {
                _items.Add(item);
            }
        }
    }

    public void Malformed(string reason, SourceSpan span) =>
        Report(DiagnosticDescriptors.MalformedSpec, span, System.IO.Path.GetFileName(FilePath), reason);

    public void NotStrictJson(string reason, SourceSpan span) =>
        Report(DiagnosticDescriptors.NotStrictJson, span, System.IO.Path.GetFileName(FilePath), reason);

    public void DuplicateKey(string key, SourceSpan span) =>
        Report(DiagnosticDescriptors.DuplicateKey, span, key);
}
