using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Applivery.Generators.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Applivery.Generators.OpenApi;

/// <summary>
/// Reads YAML or JSON text into <see cref="SpecNode"/>s. Strict JSON goes through <see cref="JsonSpecReader"/>; the
/// rest is built on YamlDotNet's event parser with an explicit stack, so deeply nested input cannot overflow the
/// compiler's stack, and aliases share one node instead of being expanded.
/// </summary>
internal static class SpecTextReader
{
    /// <summary>Deeper nesting than this is not a plausible OpenAPI document.</summary>
    public const int MaxDepth = 256;

    public static SpecNode? Read(string text, SpecDiagnostics problems)
    {
        // A .json file is always tried as JSON: one that is not (a trailing comma, a comment, single quotes) still reads
        // as YAML, but says so, since other JSON tools will refuse it.
        var isJsonFile = problems.FilePath.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        if (!isJsonFile && !JsonSpecReader.LooksLikeJson(text))
        {
            return ReadYaml(text, problems);
        }

        if (JsonSpecReader.TryRead(text, problems, out var root, out var violation))
        {
            return root;
        }

        var yamlProblems = new SpecDiagnostics(problems.FilePath);
        var yaml = ReadYaml(text, yamlProblems);
        if (yaml is null && isJsonFile && violation is { } broken)
        {
            // A .json file that YAML cannot read either: the JSON reader's reason ("expected ',' or '}'") is the one its
            // author can act on, not YAML's ("while parsing a flow mapping"). Other files stay YAML's to judge.
            problems.Malformed(broken.Reason + " (read as JSON; YAML cannot read it either)", broken.Span);
            return null;
        }

        problems.Add(yamlProblems);
        if (isJsonFile && violation is { } notJson && yaml is not null && yamlProblems.Items.All(item => item.Id != DiagnosticDescriptors.MalformedSpec.Id))
        {
            problems.NotStrictJson(notJson.Reason, notJson.Span);
        }

        return yaml;
    }

    /// <summary>The YAML path, for YAML and for any JSON that <see cref="JsonSpecReader"/> leaves to it.</summary>
    internal static SpecNode? ReadYaml(string text, SpecDiagnostics problems)
    {
        var parser = new Parser(new StringReader(text));
        try
        {
            return ReadCore(parser, problems);
        }
        catch (YamlException exception)
        {
            problems.Malformed(exception.Message, SpanOf(exception.Start, exception.End));
            return null;
        }
        catch (InvalidOperationException exception)
        {
            // YamlDotNet's scanner throws this on some malformed input instead of a YamlException: still a syntax error.
            var near = parser.Current is { } last ? SpanOf(last.Start, last.End) : default;
            problems.Malformed($"the YAML cannot be read after line {near.StartLine + 1} ({exception.Message})", near);
            return null;
        }
    }

    private static SpecNode? ReadCore(IParser parser, SpecDiagnostics problems)
    {
        var anchors = new Dictionary<string, SpecNode>(StringComparer.Ordinal);
        var stack = new Stack<PendingCollection>();
        SpecNode? root = null;
        var documents = 0;

        while (parser.MoveNext())
        {
            var current = parser.Current;
            switch (current)
            {
                case DocumentStart start:
                    if (++documents > 1)
                    {
                        problems.Malformed("the file holds more than one YAML document; only the first is read", SpanOf(start.Start, start.End));
                        return root;
                    }

                    break;
                case MappingStart mappingStart:
                    if (stack.Count >= MaxDepth)
                    {
                        problems.Malformed($"nesting deeper than {MaxDepth} levels", SpanOf(mappingStart.Start, mappingStart.End));
                        return null;
                    }

                    stack.Push(new PendingCollection(isMapping: true, mappingStart.Start, AnchorOf(mappingStart.Anchor)));
                    break;
                case SequenceStart sequenceStart:
                    if (stack.Count >= MaxDepth)
                    {
                        problems.Malformed($"nesting deeper than {MaxDepth} levels", SpanOf(sequenceStart.Start, sequenceStart.End));
                        return null;
                    }

                    stack.Push(new PendingCollection(isMapping: false, sequenceStart.Start, AnchorOf(sequenceStart.Anchor)));
                    break;
                case MappingEnd mappingEnd:
                    {
                        var pending = stack.Pop();
                        var node = new SpecMapping(pending.Entries, SpanOf(pending.Start, mappingEnd.End));
                        Register(pending.Anchor, node, anchors);
                        if (Attach(node, stack, problems))
                        {
                            root = node;
                        }

                        break;
                    }

                case SequenceEnd sequenceEnd:
                    {
                        var pending = stack.Pop();
                        var node = new SpecSequence(pending.Items, SpanOf(pending.Start, sequenceEnd.End));
                        Register(pending.Anchor, node, anchors);
                        if (Attach(node, stack, problems))
                        {
                            root = node;
                        }

                        break;
                    }

                case Scalar scalar:
                    {
                        var node = new SpecScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, SpanOf(scalar.Start, scalar.End));
                        Register(AnchorOf(scalar.Anchor), node, anchors);
                        if (Attach(node, stack, problems))
                        {
                            root = node;
                        }

                        break;
                    }

                case AnchorAlias alias:
                    {
                        var name = alias.Value.Value;
                        if (!anchors.TryGetValue(name, out var target))
                        {
                            problems.Malformed($"the alias '*{name}' names no anchor defined before it", SpanOf(alias.Start, alias.End));
                            return null;
                        }

                        if (Attach(target, stack, problems))
                        {
                            root = target;
                        }

                        break;
                    }
            }
        }

        return root;
    }

    private static string? AnchorOf(AnchorName anchor) => anchor.IsEmpty ? null : anchor.Value;

    private static void Register(string? anchor, SpecNode node, Dictionary<string, SpecNode> anchors)
    {
        if (anchor is not null)
        {
            anchors[anchor] = node;
        }
    }

    /// <summary>Adds a finished node to its parent; returns true when it is the document's root.</summary>
    private static bool Attach(SpecNode node, Stack<PendingCollection> stack, SpecDiagnostics problems)
    {
        if (stack.Count == 0)
        {
            return true;
        }

        var parent = stack.Peek();
        if (!parent.IsMapping)
        {
            parent.Items.Add(node);
            return false;
        }

        if (parent.PendingKey is null)
        {
            if (node is not SpecScalar key)
            {
                problems.Malformed("a mapping key must be a plain value, not a mapping or a sequence", node.Span);
                parent.PendingKey = new SpecScalar("?", isPlain: false, node.Span);
                return false;
            }

            parent.PendingKey = key;
            return false;
        }

        var pendingKey = parent.PendingKey;
        parent.PendingKey = null;
        if (!SpecMapping.IsNewKey(parent.Entries, ref parent.Keys, pendingKey.Value))
        {
            problems.DuplicateKey(pendingKey.Value, pendingKey.Span);
            return false;
        }

        parent.Entries.Add(new KeyValuePair<SpecScalar, SpecNode>(pendingKey, node));
        return false;
    }

    internal static SourceSpan SpanOf(Mark start, Mark end) =>
        new(
            (int)Math.Min(start.Index, int.MaxValue),
            (int)Math.Min(Math.Max(end.Index, start.Index), int.MaxValue),
            (int)Math.Max(start.Line - 1, 0),
            (int)Math.Max(start.Column - 1, 0),
            (int)Math.Max(end.Line - 1, 0),
            (int)Math.Max(end.Column - 1, 0));

    private sealed class PendingCollection
    {
        public PendingCollection(bool isMapping, Mark start, string? anchor)
        {
            IsMapping = isMapping;
            Start = start;
            Anchor = anchor;
        }

        public bool IsMapping { get; }

        public Mark Start { get; }

        public string? Anchor { get; }

        public List<SpecNode> Items { get; } = new();

        public List<KeyValuePair<SpecScalar, SpecNode>> Entries { get; } = new();

        /// <summary>The keys so far, once there are too many to compare in place (<see cref="SpecMapping.IsNewKey"/>).</summary>
        public HashSet<string>? Keys;

        public SpecScalar? PendingKey { get; set; }
    }
}
