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

    /// <summary>
    /// The APG007s of names handed out so far, by name, in the order they were handed out: reported only by
    /// <see cref="ReportCollisions"/>, so that a name given back (its schema merged with an identical earlier one) takes
    /// its diagnostic with it instead of naming a type that is not generated.
    /// </summary>
    private readonly List<(string Name, string What, string Source, string Desired, string Owner, SourceSpan? Span)> _collisions = new();

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
        _collisions.RemoveAll(collision => string.Equals(collision.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Reports APG007 for every name handed out under another than the desired one and still in use.</summary>
    public void ReportCollisions()
    {
        foreach (var collision in _collisions)
        {
            // The owner may have been merged into an identical earlier type since: the name stays as handed out.
            var owner = _ownerByName.ContainsKey(collision.Desired) ? collision.Owner : collision.Owner + " (since merged into an identical earlier type)";
            _diagnostics.Report(DiagnosticDescriptors.NameCollision, collision.Span, collision.What, collision.Source, collision.Desired, owner, collision.Name);
        }

        _collisions.Clear();
    }

    /// <param name="what">What is being named, e.g. <c>The schema</c>.</param>
    /// <param name="source">Where the name comes from, e.g. <c>#/components/schemas/member-type</c>.</param>
    public string Reserve(string desired, string what, string source, SourceSpan? span)
    {
        var name = Identifiers.MakeUnique(desired, _taken);
        if (!string.Equals(name, desired, StringComparison.Ordinal))
        {
            var owner = _ownerByName.TryGetValue(desired, out var existing) ? existing : "another generated type";
            _collisions.Add((name, what, source, desired, owner, span));
        }

        _ownerByName[name] = source;
        return name;
    }
}
