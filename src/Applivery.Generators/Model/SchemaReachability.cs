using System;
using System.Collections.Generic;
using Applivery.Generators.OpenApi;

namespace Applivery.Generators.Model;

/// <summary>
/// The schemas the kept operations can reach: through their parameters (the path item's too), request bodies, responses
/// (error responses included), headers and media types, then transitively through <c>$ref</c>s, properties, items,
/// <c>allOf</c>/<c>oneOf</c>/<c>anyOf</c>, <c>additionalProperties</c>, discriminator mappings and the other subschema
/// keywords. Only these component schemas are generated, unless the file's <c>Schemas</c> metadata is <c>all</c> or
/// the document has no operation at all (without an <see cref="OperationFilter"/>, every operation is kept).
/// It errs on the side of reaching more (a header schema the client does not read still counts), never less: a schema
/// this walk misses is still mapped when the operation reaches it, only later.
/// </summary>
internal sealed class SchemaReachability
{
    private static readonly string[] SingleSchemaKeywords =
    {
        "items", "additionalProperties", "additionalItems", "not", "if", "then", "else", "contains", "propertyNames",
        "unevaluatedItems", "unevaluatedProperties", "contentSchema",
    };

    private static readonly string[] SchemaListKeywords = { "allOf", "oneOf", "anyOf", "prefixItems" };

    private static readonly string[] SchemaMapKeywords = { "properties", "patternProperties", "dependentSchemas" };

    private readonly ReferenceResolver _references;
    private readonly HashSet<SpecNode> _schemas = new();
    private readonly HashSet<SpecNode> _visited = new();
    private readonly Stack<SpecNode> _pendingSchemas = new();

    /// <param name="references">A resolver whose diagnostics are discarded: the builders report the same references as they map them.</param>
    private SchemaReachability(ReferenceResolver references) => _references = references;

    public static SchemaReachability Of(IEnumerable<KeptOperation> operations, ReferenceResolver references)
    {
        var reachability = new SchemaReachability(references);
        foreach (var kept in operations)
        {
            reachability.WalkParameters(kept.PathItem.GetSequence("parameters"));
            reachability.WalkParameters(kept.Operation.GetSequence("parameters"));
            if (kept.Operation["requestBody"] is { } body && reachability.Enter(body) is { } requestBody)
            {
                reachability.WalkContent(requestBody.GetMapping("content"));
            }

            foreach (var response in kept.Operation.GetMapping("responses")?.Entries ?? Array.Empty<KeyValuePair<SpecScalar, SpecNode>>())
            {
                if (reachability.Enter(response.Value) is { } resolved)
                {
                    reachability.WalkHeaders(resolved.GetMapping("headers"));
                    reachability.WalkContent(resolved.GetMapping("content"));
                }
            }
        }

        reachability.DrainSchemas();
        return reachability;
    }

    /// <summary>Whether the schema (or the end of its <c>$ref</c> chain) is reached by a kept operation.</summary>
    public bool IsReachable(SpecNode schema) => _schemas.Contains(schema) || (_references.Resolve(schema) is { } target && _schemas.Contains(target));

    /// <summary>The mapping a node stands for, once: null when it cannot be resolved or was walked already.</summary>
    private SpecMapping? Enter(SpecNode node) =>
        _references.Resolve(node) is SpecMapping resolved && _visited.Add(resolved) ? resolved : null;

    private void WalkParameters(SpecSequence? parameters)
    {
        foreach (var item in parameters?.Items ?? Array.Empty<SpecNode>())
        {
            if (Enter(item) is { } parameter)
            {
                AddSchema(parameter["schema"]);
                WalkContent(parameter.GetMapping("content"));
            }
        }
    }

    private void WalkHeaders(SpecMapping? headers)
    {
        foreach (var entry in headers?.Entries ?? Array.Empty<KeyValuePair<SpecScalar, SpecNode>>())
        {
            if (Enter(entry.Value) is { } header)
            {
                AddSchema(header["schema"]);
                WalkContent(header.GetMapping("content"));
            }
        }
    }

    private void WalkContent(SpecMapping? content)
    {
        foreach (var entry in content?.Entries ?? Array.Empty<KeyValuePair<SpecScalar, SpecNode>>())
        {
            if (entry.Value is not SpecMapping mediaType)
            {
                continue;
            }

            AddSchema(mediaType["schema"]);
            foreach (var encoding in mediaType.GetMapping("encoding")?.Entries ?? Array.Empty<KeyValuePair<SpecScalar, SpecNode>>())
            {
                WalkHeaders((encoding.Value as SpecMapping)?.GetMapping("headers"));
            }
        }
    }

    private void AddSchema(SpecNode? schema)
    {
        if (schema is not null)
        {
            _pendingSchemas.Push(schema);
        }
    }

    /// <summary>Walks the pending schemas and everything they lead to, without recursion (a deep spec cannot overflow the stack).</summary>
    private void DrainSchemas()
    {
        while (_pendingSchemas.Count > 0)
        {
            var node = _pendingSchemas.Pop();
            _schemas.Add(node);
            if (_references.Resolve(node) is not SpecMapping schema || !_visited.Add(schema))
            {
                continue;
            }

            _schemas.Add(schema);

            foreach (var keyword in SingleSchemaKeywords)
            {
                switch (schema[keyword])
                {
                    case SpecMapping single:
                        AddSchema(single);
                        break;
                    case SpecSequence list:
                        AddAll(list);
                        break;
                }
            }

            foreach (var keyword in SchemaListKeywords)
            {
                AddAll(schema.GetSequence(keyword));
            }

            foreach (var keyword in SchemaMapKeywords)
            {
                foreach (var entry in schema.GetMapping(keyword)?.Entries ?? Array.Empty<KeyValuePair<SpecScalar, SpecNode>>())
                {
                    AddSchema(entry.Value);
                }
            }

            // discriminator.mapping: "dog": "#/components/schemas/Dog" or just "Dog".
            foreach (var entry in schema.GetMapping("discriminator")?.GetMapping("mapping")?.Entries ?? Array.Empty<KeyValuePair<SpecScalar, SpecNode>>())
            {
                if (entry.Value is SpecScalar { Value: { Length: > 0 } target })
                {
                    var reference = target.StartsWith("#", StringComparison.Ordinal) ? target : "#/components/schemas/" + JsonPointer.Escape(target);
                    AddSchema(new SpecMapping(new[] { new KeyValuePair<SpecScalar, SpecNode>(new SpecScalar("$ref", true, entry.Value.Span), new SpecScalar(reference, false, entry.Value.Span)) }, entry.Value.Span));
                }
            }
        }
    }

    private void AddAll(SpecSequence? schemas)
    {
        foreach (var item in schemas?.Items ?? Array.Empty<SpecNode>())
        {
            AddSchema(item);
        }
    }
}
