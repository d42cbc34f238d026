using System;
using System.Collections.Generic;
using Applivery.Generators.Diagnostics;
using Applivery.Generators.OpenApi;

namespace Applivery.Generators.Model;

/// <summary>
/// Hands out the C# type names of one spec. Names are compared ignoring case because they become hint names
/// and file names, which must stay distinct on case-insensitive file systems too.
/// </summary>
internal sealed class TypeNameRegistry
{
    private readonly Dictionary<string, string> _ownerByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);
    private readonly SpecDiagnostics _diagnostics;

    public TypeNameRegistry(SpecDiagnostics diagnostics, IEnumerable<KeyValuePair<string, string>> reserved)
    {
        _diagnostics = diagnostics;
        foreach (var pair in reserved)
        {
            _taken.Add(pair.Key);
            _ownerByName[pair.Key] = pair.Value;
        }
    }

    /// <summary>Gives back a name reserved for a type that is not generated after all (an inline schema identical to an earlier one).</summary>
    public void Release(string name)
    {
        _taken.Remove(name);
        _ownerByName.Remove(name);
    }

    /// <param name="what">What is being named, e.g. <c>The schema</c>.</param>
    /// <param name="source">Where the name comes from, e.g. <c>#/components/schemas/member-type</c>.</param>
    public string Reserve(string desired, string what, string source, SourceSpan? span)
    {
        var name = Identifiers.MakeUnique(desired, _taken);
        if (!string.Equals(name, desired, StringComparison.Ordinal))
        {
            var owner = _ownerByName.TryGetValue(desired, out var existing) ? existing : "another generated type";
            _diagnostics.Report(DiagnosticDescriptors.NameCollision, span, what, source, desired, owner, name);
        }

        _ownerByName[name] = source;
        return name;
    }
}
