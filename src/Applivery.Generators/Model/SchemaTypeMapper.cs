using System;
using System.Collections.Generic;
using System.Linq;
using Applivery.Generators.Diagnostics;
using Applivery.Generators.OpenApi;

namespace Applivery.Generators.Model;

/// <summary>What a schema means for C#: its type plus what a property using it needs to say about it.</summary>
internal readonly struct MappedSchema
{
    public MappedSchema(TypeRef type, EquatableArray<string> constantValues, string? summary, bool isNullable, bool isDeprecated)
    {
        Type = type;
        ConstantValues = constantValues;
        Summary = summary;
        IsNullable = isNullable;
        IsDeprecated = isDeprecated;
    }

    public TypeRef Type { get; }

    /// <summary>The allowed values of an enum that is not a C# enum (a single value, or numbers), for the doc comment.</summary>
    public EquatableArray<string> ConstantValues { get; }

    public string? Summary { get; }

    public bool IsNullable { get; }

    public bool IsDeprecated { get; }

    public MappedSchema With(string? summary, bool isNullable, bool isDeprecated) =>
        new(Type, ConstantValues, summary ?? Summary, isNullable || IsNullable, isDeprecated || IsDeprecated);
}

/// <summary>
/// Turns schemas into <see cref="TypeRef"/>s, creating the object and enum types they need. A schema node maps to
/// one type however many times it is reached, which is also what makes recursive schemas work.
/// This file holds the state, the entry points (<see cref="MapComponents"/>, <see cref="Map"/>) and the dispatch by
/// schema kind (<see cref="MapSchema"/>); each other job has its own file: <c>SchemaTypeMapper.Primitives.cs</c>,
/// <c>.Composition.cs</c>, <c>.Unions.cs</c>, <c>.Discriminators.cs</c>, <c>.Enums.cs</c> and <c>.Constraints.cs</c>.
/// </summary>
internal sealed partial class SchemaTypeMapper
{
    private static readonly string[] UnsupportedKeywords =
    {
        "not", "multipleOf", "patternProperties", "if", "then", "else",
        "dependentSchemas", "dependentRequired", "prefixItems", "contains", "unevaluatedProperties", "unevaluatedItems", "propertyNames",
    };

    private readonly ReferenceResolver _references;
    private readonly SpecDiagnostics _diagnostics;
    private readonly TypeNameRegistry _typeNames;
    private readonly PatternRegistry _patterns;
    private readonly Dictionary<SpecNode, MappedSchema> _mapped = new();
    private readonly Dictionary<SpecNode, (string Name, string Pointer)> _componentNames = new();
    private readonly List<(SpecNode Schema, string Pointer)> _leftOut = new();
    /// <summary>
    /// The schemas being mapped, each with the number of object types that had been started when it was entered.
    /// Reaching one again is a loop only if no object type was started in between: through an object (whose type is
    /// registered before its properties are mapped) the second visit ends at that object, so recursion is fine.
    /// </summary>
    private readonly Dictionary<SpecNode, int> _inProgress = new();
    private int _objectsStarted;
    private readonly List<ObjectTypeSpec> _objects = new();
    private readonly List<EnumSpec> _enums = new();

    public SchemaTypeMapper(ReferenceResolver references, SpecDiagnostics diagnostics, TypeNameRegistry typeNames, PatternRegistry patterns)
    {
        _references = references;
        _diagnostics = diagnostics;
        _typeNames = typeNames;
        _patterns = patterns;
    }

    public IReadOnlyList<ObjectTypeSpec> Objects => ApplyHierarchies(_objects);

    public IReadOnlyList<EnumSpec> Enums => _enums;

    /// <summary>
    /// Component schemas get their names first, so inline schemas yield to them when names collide. Every component is
    /// named, so a component keeps its name whatever an operation filter leaves out; only those
    /// <paramref name="isReachable"/> accepts (all when null) are mapped here, in the order the spec lists them.
    /// </summary>
    public void MapComponents(SpecMapping? schemas, Func<SpecNode, bool>? isReachable = null)
    {
        if (schemas is null)
        {
            return;
        }

        foreach (var entry in schemas.Entries)
        {
            var pointer = "#/components/schemas/" + JsonPointer.Escape(entry.Key.Value);
            var name = _typeNames.Reserve(Identifiers.ToPascalCase(entry.Key.Value), "The schema", pointer, entry.Key.Span);
            _componentNames[entry.Value] = (name, pointer);
        }

        foreach (var entry in schemas.Entries)
        {
            var (name, pointer) = _componentNames[entry.Value];
            if (isReachable is not null && !isReachable(entry.Value))
            {
                _leftOut.Add((entry.Value, pointer));
                continue;
            }

            Map(entry.Value, name, pointer);
        }
    }

    /// <summary>
    /// The pointers of the components <see cref="MapComponents"/> left out that nothing mapped since (an operation or
    /// an allOf parent's cases can still reach one the reachability walk missed), in spec order.
    /// </summary>
    public IReadOnlyList<string> ComponentsNotGenerated() => _leftOut
        .Where(component => _references.Resolve(component.Schema) is not { } target || !_mapped.ContainsKey(target))
        .Select(component => component.Pointer)
        .ToList();

    /// <param name="nameHint">The type name to use if the schema needs a new type and has no name of its own.</param>
    /// <param name="pointer">Where the schema is, as a JSON pointer: for doc comments and diagnostics.</param>
    public MappedSchema Map(SpecNode node, string nameHint, string pointer)
    {
        var target = _references.Resolve(node, out var lastReference);
        if (target is null)
        {
            return Untyped();
        }

        var ownSummary = node != target && node is SpecMapping referring ? SummaryOf(referring) : null;
        if (_componentNames.TryGetValue(target, out var component))
        {
            (nameHint, pointer) = component;
        }
        else if (lastReference is not null)
        {
            pointer = lastReference;
            nameHint = Identifiers.ToPascalCase(lastReference.Substring(lastReference.LastIndexOf('/') + 1));
        }

        if (_mapped.TryGetValue(target, out var known))
        {
            return known.With(ownSummary, false, false);
        }

        if (target is not SpecMapping schema)
        {
            if (target is SpecScalar { Value: "true" or "false" } || target is SpecScalar { IsNull: true })
            {
                return Untyped();
            }

            _diagnostics.Report(DiagnosticDescriptors.UnexpectedShape, target.Span, $"The schema at '{pointer}'", "a mapping");
            return Untyped();
        }

        var isReentry = _inProgress.TryGetValue(target, out var objectsAtEntry);
        if (isReentry && objectsAtEntry == _objectsStarted)
        {
            _diagnostics.Report(DiagnosticDescriptors.CircularReference, target.Span, pointer, "a schema that contains itself without an object in between");
            return Untyped();
        }

        // Reached again through an object started since (Planet.satellites[] → Satellite.orbit.planet → Planet, when
        // Planet's properties are first met as an alternative of another schema): mapping it again ends at that object.
        _inProgress[target] = _objectsStarted;
        try
        {
            var mapped = MapSchema(schema, nameHint, pointer);
            _mapped[target] = mapped;
            return mapped.With(ownSummary, false, false);
        }
        finally
        {
            if (isReentry)
            {
                _inProgress[target] = objectsAtEntry;
            }
            else
            {
                _inProgress.Remove(target);
            }
        }
    }

    private MappedSchema MapSchema(SpecMapping schema, string nameHint, string pointer)
    {
        ReportUnsupportedKeywords(schema, pointer);
        var mapped = MapSchemaShape(schema, nameHint, pointer);

        // minProperties and maxProperties are checked on maps (their entries counted) and on free-form objects (their
        // JSON's properties); on an object with declared properties or anything else they are said, not checked.
        if (mapped.Type.Kind != TypeKind.Map && !(mapped.Type.Kind == TypeKind.JsonElement && (mapped.Type.Constraints.MinProperties is not null || mapped.Type.Constraints.MaxProperties is not null)))
        {
            foreach (var keyword in PropertyCountKeywords)
            {
                if (schema.KeyNode(keyword) is { } key)
                {
                    _diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, key.Span, $"The keyword '{keyword}' at '{pointer}' on {(mapped.Type.Kind == TypeKind.Object ? "an object with declared properties" : "a value that is not an object")}", "it is not checked");
                }
            }
        }

        return mapped;
    }

    private static readonly string[] PropertyCountKeywords = { "minProperties", "maxProperties" };

    private ConstraintSpec PropertyCounts(SpecMapping schema, string pointer) => ConstraintSpec.None with
    {
        MinProperties = ReadNonNegativeInteger(schema, "minProperties", pointer),
        MaxProperties = ReadNonNegativeInteger(schema, "maxProperties", pointer),
    };

    /// <summary>
    /// The <c>default</c> of a property's or parameter's schema as text (the referring node's own, else its target's;
    /// a string without its quotes, as YAML writes it), for the docs; null when there is none or it is not a scalar or
    /// an empty list or object.
    /// </summary>
    public string? DefaultOf(SpecNode? node)
    {
        var own = (node as SpecMapping)?["default"];
        var value = own ?? (_references.Resolve(node!, out _) as SpecMapping)?["default"];
        return value switch
        {
            SpecScalar { IsNull: true } => null,
            SpecScalar { Value.Length: 0 } => "\"\"",
            SpecScalar scalar => scalar.Value,
            SpecSequence { Items.Count: 0 } => "[]",
            SpecMapping { Entries.Count: 0 } => "{}",
            _ => null,
        };
    }

    private MappedSchema MapSchemaShape(SpecMapping schema, string nameHint, string pointer)
    {
        var summary = SummaryOf(schema);
        var isDeprecated = schema.GetScalar("deprecated")?.AsBoolean() == true;
        var types = ReadTypes(schema, pointer, out var allowsNull);
        var isNullable = allowsNull || schema.GetScalar("nullable")?.AsBoolean() == true;

        MappedSchema Result(TypeRef type, EquatableArray<string> constants = default) =>
            new(type, constants, summary, isNullable, isDeprecated);

        if (schema.GetSequence("allOf") is { } allOf)
        {
            if (allOf.Items.Count == 1 && !schema.ContainsKey("properties") && !schema.ContainsKey("oneOf") && !schema.ContainsKey("anyOf"))
            {
                // The usual way to add a description or nullable to a $ref: the type is the referenced one.
                return Map(allOf.Items[0], nameHint, pointer + "/allOf/0").With(summary, isNullable, isDeprecated);
            }

            return Result(MapObject(schema, nameHint, pointer, summary));
        }

        var union = schema.GetSequence("oneOf") ?? schema.GetSequence("anyOf");
        if (union is not null)
        {
            if (TryMapDiscriminatedUnion(schema, union, nameHint, pointer, summary, isNullable, isDeprecated, out var discriminated))
            {
                return discriminated;
            }

            return MapUnion(schema, union, nameHint, pointer, summary, isNullable, isDeprecated);
        }

        var enumValues = ReadEnumValues(schema);
        if (enumValues is not null && enumValues.Count > 0)
        {
            // Without a type, the values say it: `enum: [true, false]` is a boolean, not the strings "true" and "false"
            // (which a server validating the spec rejects); plain numbers are a number.
            var isBooleanEnum = types.Count == 0 && enumValues.All(value => value.AsBoolean() is not null);
            var isStringEnum = types.Count == 0 ? !isBooleanEnum && enumValues.All(value => !value.IsPlain || !IsNumber(value.Value)) : types[0] == "string";
            if (isStringEnum && enumValues.Count > 1)
            {
                return Result(TypeRef.Named(TypeKind.Enum, CreateEnum(schema, enumValues, nameHint, pointer, summary)));
            }

            var constants = enumValues.Select(value => value.Value).ToEquatableArray();
            var baseType = types.Count == 0 ? (isBooleanEnum ? "boolean" : isStringEnum ? "string" : "number") : types[0];
            return Result(MapPrimitive(schema, baseType, pointer) ?? TypeRef.JsonElement, constants);
        }

        if (types.Count > 1)
        {
            return MapTypeUnion(schema, types, nameHint, pointer, summary, isNullable, isDeprecated);
        }

        var type = types.Count == 1 ? types[0] : InferType(schema);
        switch (type)
        {
            case "array":
                return Result(MapArray(schema, nameHint, pointer));
            case "object":
                if (schema.GetMapping("properties") is { Entries.Count: > 0 })
                {
                    return Result(MapObject(schema, nameHint, pointer, summary));
                }

                if (schema.GetMapping("additionalProperties") is { } valueSchema)
                {
                    var value = Map(valueSchema, nameHint + "Value", pointer + "/additionalProperties");
                    return Result(new TypeRef(TypeKind.Map, null, value.Type, PropertyCounts(schema, pointer)));
                }

                // A free-form object (GitHub's workflow inputs, maxProperties: 25): its JSON's properties are counted.
                return Result(new TypeRef(TypeKind.JsonElement, null, null, PropertyCounts(schema, pointer)));
            case null:
                return Result(TypeRef.JsonElement);
            default:
                return Result(MapPrimitive(schema, type, pointer) ?? TypeRef.JsonElement);
        }
    }

    private List<string> ReadTypes(SpecMapping schema, string pointer, out bool allowsNull)
    {
        allowsNull = false;
        var types = new List<string>();
        var typeNode = schema["type"];
        IEnumerable<SpecNode> entries = typeNode switch
        {
            SpecScalar scalar when !scalar.IsNull => new[] { scalar },
            SpecSequence sequence => sequence.Items,
            _ => Array.Empty<SpecNode>(),
        };

        foreach (var entry in entries)
        {
            if (entry is not SpecScalar scalar)
            {
                _diagnostics.Report(DiagnosticDescriptors.UnexpectedShape, entry.Span, $"The type of '{pointer}'", "a string or a list of strings");
                continue;
            }

            if (scalar.Value == "null")
            {
                allowsNull = true;
            }
            else if (!types.Contains(scalar.Value))
            {
                types.Add(scalar.Value);
            }
        }

        return types;
    }

    private void ReportUnsupportedKeywords(SpecMapping schema, string pointer)
    {
        foreach (var keyword in UnsupportedKeywords)
        {
            if (schema.KeyNode(keyword) is { } key)
            {
                _diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, key.Span, $"The keyword '{keyword}' at '{pointer}'", "it is not checked");
            }
        }
    }

    private static string? InferType(SpecMapping schema)
    {
        if (schema.ContainsKey("properties") || schema.ContainsKey("additionalProperties"))
        {
            return "object";
        }

        if (schema.ContainsKey("items"))
        {
            return "array";
        }

        return null;
    }

    private static string? SummaryOf(SpecMapping schema) => schema.GetString("description") ?? schema.GetString("title");

    private static MappedSchema Untyped() => new(TypeRef.JsonElement, default, null, true, false);
}
