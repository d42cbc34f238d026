using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using Applivery.Generators.Diagnostics;
using Applivery.Generators.OpenApi;

namespace Applivery.Generators.Model;

/// <summary>
/// Collects the distinct patterns of a spec. Each one is compiled here, at generation time, so that a pattern
/// .NET rejects becomes a diagnostic at its line instead of an exception in the user's program.
/// </summary>
internal sealed class PatternRegistry
{
    private readonly Dictionary<string, int> _indexByPattern = new(StringComparer.Ordinal);
    private readonly List<(string Pattern, List<string> UsedBy)> _patterns = new();
    private readonly Dictionary<string, bool> _validity = new(StringComparer.Ordinal);
    private readonly SpecDiagnostics _diagnostics;

    public PatternRegistry(SpecDiagnostics diagnostics) => _diagnostics = diagnostics;

    /// <summary>Returns false (after reporting it) when .NET cannot compile the pattern.</summary>
    public bool TryRegister(string pattern, string usedBy, SourceSpan span)
    {
        if (!_validity.TryGetValue(pattern, out var isValid))
        {
            isValid = TryCompile(pattern, out var error);
            _validity[pattern] = isValid;
            if (!isValid)
            {
                _diagnostics.Report(DiagnosticDescriptors.InvalidPattern, span, pattern, error!);
            }
        }

        if (!isValid)
        {
            return false;
        }

        if (!_indexByPattern.TryGetValue(pattern, out var index))
        {
            index = _patterns.Count;
            _indexByPattern.Add(pattern, index);
            _patterns.Add((pattern, new List<string>()));
        }

        if (!_patterns[index].UsedBy.Contains(usedBy))
        {
            _patterns[index].UsedBy.Add(usedBy);
        }

        return true;
    }

    public EquatableArray<PatternSpec> ToSpecs()
    {
        var specs = new List<PatternSpec>(_patterns.Count);
        for (var i = 0; i < _patterns.Count; i++)
        {
            specs.Add(new PatternSpec(_patterns[i].Pattern, EcmaScriptPattern.ToDotNet(_patterns[i].Pattern), FieldName(i), _patterns[i].UsedBy.ToEquatableArray()));
        }

        return specs.ToEquatableArray();
    }

    public static string FieldName(int index) => "Pattern" + (index + 1).ToString(CultureInfo.InvariantCulture);

    private static bool TryCompile(string pattern, out string? error)
    {
        try
        {
            _ = new Regex(EcmaScriptPattern.ToDotNet(pattern), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            error = null;
            return true;
        }
        catch (ArgumentException exception)
        {
            error = exception.Message;
            return false;
        }
    }
}
