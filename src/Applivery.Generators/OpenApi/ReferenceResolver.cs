using System;
using System.Collections.Generic;
using System.Text;
using Applivery.Generators.Diagnostics;

namespace Applivery.Generators.OpenApi;

/// <summary>Follows local <c>$ref</c>s (JSON pointers into the same document), reporting the ones that go nowhere.</summary>
internal sealed class ReferenceResolver
{
    /// <summary>A chain of $refs longer than this is treated as a loop.</summary>
    private const int MaxChainLength = 64;

    private readonly SpecMapping _root;
    private readonly SpecDiagnostics _diagnostics;

    public ReferenceResolver(SpecMapping root, SpecDiagnostics diagnostics)
    {
        _root = root;
        _diagnostics = diagnostics;
    }

    /// <summary>
    /// Returns the node that <paramref name="node"/> stands for: itself, or the end of its <c>$ref</c> chain.
    /// Null when a reference cannot be followed (already reported).
    /// </summary>
    public SpecNode? Resolve(SpecNode node) => Resolve(node, out _);

    public SpecNode? Resolve(SpecNode node, out string? lastReference)
    {
        lastReference = null;
        var visited = new List<string>();
        var current = node;
        while (current is SpecMapping mapping && mapping.GetScalar("$ref") is { } reference)
        {
            if (visited.Contains(reference.Value) || visited.Count >= MaxChainLength)
            {
                visited.Add(reference.Value);
                _diagnostics.Report(DiagnosticDescriptors.CircularReference, reference.Span, visited[0], string.Join(" → ", visited));
                return null;
            }

            visited.Add(reference.Value);
            var target = ResolvePointer(reference);
            if (target is null)
            {
                return null;
            }

            lastReference = reference.Value;
            current = target;
        }

        return current;
    }

    private SpecNode? ResolvePointer(SpecScalar reference)
    {
        var text = reference.Value;
        if (!text.StartsWith("#", StringComparison.Ordinal))
        {
            _diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, reference.Span, $"The external reference '{text}'", "only references inside the same document (#/...) are followed; the value is represented as JsonElement");
            return null;
        }

        if (text.Length > 1 && text[1] != '/')
        {
            _diagnostics.Report(DiagnosticDescriptors.UnresolvableReference, reference.Span, text, "a local reference must be a JSON pointer starting with '#/'");
            return null;
        }

        SpecNode current = _root;
        var segments = text.Length <= 2 ? Array.Empty<string>() : text.Substring(2).Split('/');
        var walked = new StringBuilder("#");
        foreach (var rawSegment in segments)
        {
            var segment = JsonPointer.UnescapeFragment(rawSegment);
            walked.Append('/').Append(rawSegment);
            SpecNode? next = current switch
            {
                SpecMapping mapping => mapping[segment],
                SpecSequence sequence when int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < sequence.Items.Count => sequence.Items[index],
                _ => null,
            };

            if (next is null)
            {
                _diagnostics.Report(DiagnosticDescriptors.UnresolvableReference, reference.Span, text, $"'{walked}' does not exist in the document");
                return null;
            }

            current = next;
        }

        return current;
    }
}
