using System;
using System.Collections.Generic;

namespace Applivery.Generators.OpenApi;

/// <summary>Where a node starts and ends in the spec text; lines and columns are 0-based, as Roslyn expects.</summary>
internal readonly struct SourceSpan
{
    public SourceSpan(int startIndex, int endIndex, int startLine, int startColumn, int endLine, int endColumn)
    {
        StartIndex = startIndex;
        EndIndex = endIndex;
        StartLine = startLine;
        StartColumn = startColumn;
        EndLine = endLine;
        EndColumn = endColumn;
    }

    public int StartIndex { get; }

    public int EndIndex { get; }

    public int StartLine { get; }

    public int StartColumn { get; }

    public int EndLine { get; }

    public int EndColumn { get; }
}

/// <summary>A node of the parsed YAML/JSON document, with its position in the source text.</summary>
internal abstract class SpecNode
{
    protected SpecNode(SourceSpan span) => Span = span;

    public SourceSpan Span { get; }

    /// <summary>
    /// Nodes are equal only to themselves, but the mapper keys dictionaries by node: a hash from the span spares the
    /// runtime an identity hash for each of a big spec's million nodes (a node and its first key share a start, not
    /// an end).
    /// </summary>
    public override int GetHashCode() => unchecked((Span.StartIndex * 397) ^ Span.EndIndex);

    public override bool Equals(object? obj) => ReferenceEquals(this, obj);
}

internal sealed class SpecScalar : SpecNode
{
    public SpecScalar(string value, bool isPlain, SourceSpan span)
        : base(span)
    {
        Value = value;
        IsPlain = isPlain;
    }

    public string Value { get; }

    /// <summary>Unquoted in the source: only plain scalars can mean null, booleans or numbers.</summary>
    public bool IsPlain { get; }

    public bool IsNull => IsPlain && (Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");

    public bool? AsBoolean()
    {
        if (!IsPlain)
        {
            return null;
        }

        return Value switch
        {
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => false,
            _ => null,
        };
    }

    public override string ToString() => Value;
}

internal sealed class SpecSequence : SpecNode
{
    public SpecSequence(IReadOnlyList<SpecNode> items, SourceSpan span)
        : base(span) => Items = items;

    public IReadOnlyList<SpecNode> Items { get; }
}

internal sealed class SpecMapping : SpecNode
{
    /// <summary>Most mappings have a few keys, found faster by a scan than by a dictionary built for each of them.</summary>
    private const int MaxScannedKeys = 8;

    private readonly Dictionary<string, int>? _indexByKey;

    public SpecMapping(IReadOnlyList<KeyValuePair<SpecScalar, SpecNode>> entries, SourceSpan span)
        : base(span)
    {
        Entries = entries;
        if (entries.Count <= MaxScannedKeys)
        {
            return;
        }

        _indexByKey = new Dictionary<string, int>(entries.Count, StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            // The reader reports duplicate keys; the first occurrence wins, as in most JSON readers.
            if (!_indexByKey.ContainsKey(entries[i].Key.Value))
            {
                _indexByKey.Add(entries[i].Key.Value, i);
            }
        }
    }

    public IReadOnlyList<KeyValuePair<SpecScalar, SpecNode>> Entries { get; }

    public SpecNode? this[string key] => IndexOf(key) is var index and >= 0 ? Entries[index].Value : null;

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public SpecScalar? KeyNode(string key) => IndexOf(key) is var index and >= 0 ? Entries[index].Key : null;

    /// <summary>Most mappings are small: their keys are compared in place, a set is made only for a big one.</summary>
    /// <remarks>Both readers drop a repeated key through here (the first one wins) and report it.</remarks>
    internal static bool IsNewKey(List<KeyValuePair<SpecScalar, SpecNode>> entries, ref HashSet<string>? keys, string key)
    {
        if (keys is null && entries.Count < 16)
        {
            foreach (var entry in entries)
            {
                if (string.Equals(entry.Key.Value, key, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        if (keys is null)
        {
            keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                keys.Add(entry.Key.Value);
            }
        }

        return keys.Add(key);
    }

    private int IndexOf(string key)
    {
        if (_indexByKey is not null)
        {
            return _indexByKey.TryGetValue(key, out var found) ? found : -1;
        }

        for (var i = 0; i < Entries.Count; i++)
        {
            if (string.Equals(Entries[i].Key.Value, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    public SpecMapping? GetMapping(string key) => this[key] as SpecMapping;

    public SpecSequence? GetSequence(string key) => this[key] as SpecSequence;

    public SpecScalar? GetScalar(string key) => this[key] as SpecScalar is { IsNull: false } scalar ? scalar : null;

    public string? GetString(string key) => GetScalar(key)?.Value;
}
