using System;
using System.Collections.Generic;
using System.Globalization;
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
/// </summary>
internal sealed partial class SchemaTypeMapper
{
    private static readonly string[] UnsupportedKeywords =
    {
        "not", "multipleOf", "patternProperties", "minProperties", "maxProperties", "if", "then", "else",
        "dependentSchemas", "dependentRequired", "prefixItems", "contains", "unevaluatedProperties", "unevaluatedItems", "propertyNames",
    };

    /// <summary>Names that generated classes already use for members.</summary>
    private static readonly HashSet<string> ReservedMemberNames = new(StringComparer.Ordinal)
    {
        "Validate", "ValidateInto", "GetType", "ToString", "Equals", "GetHashCode", "MemberwiseClone", "Finalize", "UnrecognizedValues",
        "AdditionalProperties",
    };

    private readonly ReferenceResolver _references;
    private readonly SpecDiagnostics _diagnostics;
    private readonly TypeNameRegistry _typeNames;
    private readonly PatternRegistry _patterns;
    private readonly Dictionary<SpecNode, MappedSchema> _mapped = new();
    private readonly Dictionary<SpecNode, (string Name, string Pointer)> _componentNames = new();
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
            var pointer = "#/components/schemas/" + EscapePointer(entry.Key.Value);
            var name = _typeNames.Reserve(Identifiers.ToPascalCase(entry.Key.Value), "The schema", pointer, entry.Key.Span);
            _componentNames[entry.Value] = (name, pointer);
        }

        foreach (var entry in schemas.Entries)
        {
            if (isReachable is not null && !isReachable(entry.Value))
            {
                continue;
            }

            var (name, pointer) = _componentNames[entry.Value];
            Map(entry.Value, name, pointer);
        }
    }

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
                    return Result(new TypeRef(TypeKind.Map, null, value.Type, ConstraintSpec.None));
                }

                return Result(TypeRef.JsonElement);
            case null:
                return Result(TypeRef.JsonElement);
            default:
                return Result(MapPrimitive(schema, type, pointer) ?? TypeRef.JsonElement);
        }
    }

    private TypeRef? MapPrimitive(SpecMapping schema, string type, string pointer)
    {
        var format = schema.GetString("format");
        switch (type)
        {
            case "string":
                switch (format)
                {
                    case "date-time":
                        return TypeRef.Primitive(TypeKind.DateTimeOffset, ConstraintSpec.None);
                    case "uuid":
                        return TypeRef.Primitive(TypeKind.Guid, ConstraintSpec.None);
                    case "binary":
                        return TypeRef.Primitive(TypeKind.File, ConstraintSpec.None);
                    case null when schema.ContainsKey("contentMediaType") && !schema.ContainsKey("contentEncoding"):
                        // OpenAPI 3.1's way to say "raw bytes of this media type"; with contentEncoding it is encoded text.
                        return TypeRef.Primitive(TypeKind.File, ConstraintSpec.None);
                    default:
                        return TypeRef.Primitive(TypeKind.String, ReadStringConstraints(schema, pointer));
                }

            case "integer":
                return TypeRef.Primitive(format == "int64" ? TypeKind.Int64 : TypeKind.Int32, ReadNumberConstraints(schema));
            case "number":
                var kind = format switch
                {
                    "float" => TypeKind.Single,
                    "decimal" => TypeKind.Decimal,
                    _ => TypeKind.Double,
                };
                return TypeRef.Primitive(kind, ReadNumberConstraints(schema));
            case "boolean":
                return TypeRef.Primitive(TypeKind.Boolean, ConstraintSpec.None);
            default:
                _diagnostics.Report(DiagnosticDescriptors.InvalidKeywordValue, schema.GetScalar("type")?.Span, $"{pointer}/type", type, "expected string, integer, number, boolean, array or object");
                return null;
        }
    }

    private TypeRef MapArray(SpecMapping schema, string nameHint, string pointer)
    {
        var items = schema["items"];
        var element = items is null ? TypeRef.JsonElement : Map(items, nameHint + "Item", pointer + "/items").Type;
        var constraints = ConstraintSpec.None with
        {
            MinItems = ReadNonNegativeInteger(schema, "minItems", pointer),
            MaxItems = ReadNonNegativeInteger(schema, "maxItems", pointer),
        };
        if (schema.GetScalar("uniqueItems")?.AsBoolean() == true)
        {
            _diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, schema.KeyNode("uniqueItems")?.Span, $"'uniqueItems' at '{pointer}'", "duplicates are not checked");
        }

        return new TypeRef(TypeKind.Array, null, element, constraints);
    }

    /// <param name="isSchemasType">The object is the schema's own type (false for the object case of <c>type: [object, string]</c>, whose schema is the union).</param>
    private TypeRef MapObject(SpecMapping schema, string nameHint, string pointer, string? summary, bool isSchemasType = true)
    {
        var name = isSchemasType && _componentNames.TryGetValue(schema, out var component) ? component.Name : _typeNames.Reserve(nameHint, "The schema", pointer, schema.Span);
        var typeRef = TypeRef.Named(TypeKind.Object, name);

        // Registered before the properties are mapped, so a property that refers back to this schema finds it.
        if (isSchemasType)
        {
            _mapped[schema] = new MappedSchema(typeRef, default, summary, false, false);
        }

        _objectsStarted++;
        PlanHierarchyOf(schema);

        var parts = new List<ObjectPart>();
        CollectParts(schema, pointer, isOptional: false, parts, depth: 0, new HashSet<SpecMapping>());
        var properties = BuildProperties(name, parts, out var alternatives);
        var additional = MapAdditionalProperties(name, parts);
        var remarks = alternatives.Count > 0
            ? "The JSON is one of: " + string.Join("; ", alternatives) + ". Properties of every alternative are here, each optional."
            : null;
        _objects.Add(new ObjectTypeSpec(name, pointer, summary, remarks, properties, additional));
        return typeRef;
    }

    /// <summary>
    /// The type of the members an object has beside its declared properties (<c>additionalProperties: {schema}</c>, or
    /// <c>true</c>/<c>{}</c> for any JSON), kept in a dictionary next to the typed properties; null when the schema
    /// allows none (<c>false</c>) or does not say (extra members are then skipped, as a newer server may add some).
    /// </summary>
    private TypeRef? MapAdditionalProperties(string typeName, List<ObjectPart> parts)
    {
        foreach (var part in parts)
        {
            if (part.Schema is not { } schema || part.IsOptional || schema["additionalProperties"] is not { } node)
            {
                continue;
            }

            var element = node switch
            {
                SpecScalar { Value: "true" } => TypeRef.JsonElement,
                SpecMapping { Entries.Count: 0 } => TypeRef.JsonElement,
                SpecMapping => Map(node, typeName + "AdditionalProperty", part.Pointer + "/additionalProperties").Type,
                _ => null,
            };
            return element is null ? null : new TypeRef(TypeKind.Map, null, element, ConstraintSpec.None);
        }

        return null;
    }

    private MappedSchema MapUnion(SpecMapping schema, SpecSequence union, string nameHint, string pointer, string? summary, bool isNullable, bool isDeprecated)
    {
        var keyword = schema.ContainsKey("oneOf") ? "oneOf" : "anyOf";
        var alternatives = new List<(SpecNode Node, SpecMapping Resolved, int Index)>();
        for (var i = 0; i < union.Items.Count; i++)
        {
            if (_references.Resolve(union.Items[i]) is not SpecMapping resolved)
            {
                continue;
            }

            if (resolved.GetString("type") == "null" || IsNullOnly(resolved))
            {
                isNullable = true;
                continue;
            }

            alternatives.Add((union.Items[i], resolved, i));
        }

        if (alternatives.Count == 1 && !schema.ContainsKey("properties"))
        {
            return Map(alternatives[0].Node, nameHint, $"{pointer}/{keyword}/{alternatives[0].Index}").With(summary, isNullable, isDeprecated);
        }

        // `type: string` with `oneOf: [{description: …}, {description: …}]`: the alternatives only document values of
        // the schema's own type.
        if (alternatives.Count > 0 && schema.GetString("type") is { } ownType and not "object" && alternatives.All(alternative => IsConstraintOnly(alternative.Resolved)))
        {
            var type = ownType == "array" ? MapArray(schema, nameHint, pointer) : MapPrimitive(schema, ownType, pointer) ?? TypeRef.JsonElement;
            return new MappedSchema(type, default, summary, isNullable, isDeprecated);
        }

        if (alternatives.Count == 0)
        {
            _diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, schema.KeyNode(keyword)?.Span, $"'{keyword}' without alternatives at '{pointer}'", "it is represented as JsonElement");
            return new MappedSchema(TypeRef.JsonElement, default, summary, isNullable, isDeprecated);
        }

        // Properties beside the alternatives belong to every case: those stay one merged class (each alternative's
        // properties optional). Otherwise each alternative keeps its own type.
        if (schema.ContainsKey("properties") || schema.ContainsKey("additionalProperties"))
        {
            if (alternatives.Any(alternative => !IsObjectLike(alternative.Resolved) && !IsConstraintOnly(alternative.Resolved)))
            {
                _diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, schema.KeyNode(keyword)?.Span, $"'{keyword}' of alternatives that are not all objects beside properties at '{pointer}'", "it is represented as JsonElement");
                return new MappedSchema(TypeRef.JsonElement, default, summary, isNullable, isDeprecated);
            }

            return new MappedSchema(MapObject(schema, nameHint, pointer, summary), default, summary, isNullable, isDeprecated);
        }

        // Inline objects that agree on every property they share lose nothing as one class (each alternative's
        // properties optional), the shape they had before unions: an error envelope's variants stay one type.
        if (alternatives.All(alternative => IsInlineObject(alternative.Node, alternative.Resolved)) && PropertiesAgree(alternatives.Select(alternative => alternative.Resolved)))
        {
            return new MappedSchema(MapObject(schema, nameHint, pointer, summary), default, summary, isNullable, isDeprecated);
        }

        return MapUntaggedUnion(schema, keyword, alternatives, nameHint, pointer, summary, isNullable, isDeprecated);
    }

    /// <param name="path">The schemas whose parts are being collected, outermost first: a part met again is skipped.</param>
    /// <param name="asBase">The schema is an <c>allOf</c> part (a base being extended).</param>
    private void CollectParts(SpecMapping schema, string pointer, bool isOptional, List<ObjectPart> parts, int depth, HashSet<SpecMapping> path, bool asBase = false)
    {
        if (depth > 32)
        {
            _diagnostics.Report(DiagnosticDescriptors.CircularReference, schema.Span, pointer, "allOf/oneOf nested more than 32 levels deep");
            return;
        }

        // Met again while its parts are being collected (Cat: allOf [Pet], Pet: oneOf [Cat, Dog]): its properties are
        // already on their way, so this is composition, not a loop.
        if (!path.Add(schema))
        {
            return;
        }

        if (schema.GetSequence("allOf") is { } allOf)
        {
            for (var i = 0; i < allOf.Items.Count; i++)
            {
                if (_references.Resolve(allOf.Items[i], out var reference) is SpecMapping part)
                {
                    CollectParts(part, reference ?? $"{pointer}/allOf/{i}", isOptional, parts, depth + 1, path, asBase: true);
                }
            }
        }

        foreach (var keyword in new[] { "oneOf", "anyOf" })
        {
            if (schema.GetSequence(keyword) is not { } union)
            {
                continue;
            }

            // A base that lists the subtype extending it (the discriminator pattern): the subtype is one alternative,
            // not all of them, so the base contributes its own properties only.
            if (asBase && union.Items.Any(item => _references.Resolve(item) is SpecMapping alternative && path.Contains(alternative)))
            {
                continue;
            }

            for (var i = 0; i < union.Items.Count; i++)
            {
                if (_references.Resolve(union.Items[i], out var reference) is SpecMapping part && part.GetString("type") != "null" && !path.Contains(part))
                {
                    // A component alternative gets its own type first, so the inline schemas inside it are named after it.
                    if (_componentNames.ContainsKey(part) && IsObjectLike(part))
                    {
                        Map(union.Items[i], _componentNames[part].Name, _componentNames[part].Pointer);
                    }

                    var partPointer = reference ?? $"{pointer}/{keyword}/{i}";
                    parts.Add(new ObjectPart(null, partPointer, isOptional: true, alternativeLabel: Describe(part, partPointer)));
                    CollectParts(part, partPointer, isOptional: true, parts, depth + 1, path);
                }
            }
        }

        parts.Add(new ObjectPart(schema, pointer, isOptional, alternativeLabel: null));
        path.Remove(schema);
    }

    private EquatableArray<PropertySpec> BuildProperties(string typeName, List<ObjectPart> parts, out List<string> alternatives)
    {
        alternatives = new List<string>();
        var required = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            if (part.AlternativeLabel is not null)
            {
                alternatives.Add(part.AlternativeLabel);
            }

            if (part.Schema?.GetSequence("required") is { } list && !part.IsOptional)
            {
                foreach (var item in list.Items.OfType<SpecScalar>())
                {
                    required.Add(item.Value);
                }
            }
        }

        var order = new List<string>();
        var byWireName = new Dictionary<string, (MappedSchema Schema, SourceSpan Span, bool IsOptional)>(StringComparer.Ordinal);
        var readOnly = new HashSet<string>(StringComparer.Ordinal);
        var writeOnly = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            if (part.Schema?.GetMapping("properties") is not { } properties)
            {
                continue;
            }

            foreach (var entry in properties.Entries)
            {
                var wireName = entry.Key.Value;
                var propertyPointer = part.Pointer + "/properties/" + EscapePointer(wireName);
                var mapped = Map(entry.Value, typeName + Identifiers.ToPascalCase(wireName), propertyPointer);
                if (HasFlag(entry.Value, "readOnly"))
                {
                    readOnly.Add(wireName);
                }

                if (HasFlag(entry.Value, "writeOnly"))
                {
                    writeOnly.Add(wireName);
                }

                if (!byWireName.TryGetValue(wireName, out var existing))
                {
                    order.Add(wireName);
                    byWireName[wireName] = (mapped, entry.Key.Span, part.IsOptional);
                    continue;
                }

                var isRefinement = !existing.IsOptional && !part.IsOptional;
                byWireName[wireName] = (Merge(existing.Schema, mapped, typeName, wireName, entry.Key.Span, isRefinement), existing.Span, existing.IsOptional && part.IsOptional);
            }
        }

        var memberNames = new HashSet<string>(StringComparer.Ordinal) { typeName };
        var result = new List<PropertySpec>(order.Count);
        foreach (var wireName in order)
        {
            var (schema, span, _) = byWireName[wireName];
            var desired = Identifiers.ToPascalCase(wireName);
            if (desired == typeName || ReservedMemberNames.Contains(desired))
            {
                desired += "Value";
            }

            var name = Identifiers.MakeUnique(desired, memberNames);
            if (name != desired)
            {
                _diagnostics.Report(DiagnosticDescriptors.NameCollision, span, "The property", $"{typeName}.{wireName}", desired, "another property of the type", name);
            }

            var isRequired = required.Contains(wireName);
            var isReadOnly = readOnly.Contains(wireName);
            var isWriteOnly = writeOnly.Contains(wireName) && !isReadOnly;

            // A readOnly property is only in responses and a writeOnly one only in requests: the C# type, which serves
            // both, is nullable, and only the direction that carries the property requires it.
            result.Add(new PropertySpec(
                name,
                wireName,
                Identifiers.JsonPathStep(wireName),
                schema.Type,
                isRequired,
                !isRequired || schema.IsNullable || isReadOnly || isWriteOnly,
                schema.Summary,
                schema.ConstantValues,
                schema.IsDeprecated,
                isReadOnly,
                isWriteOnly,
                schema.IsNullable));
        }

        return result.ToEquatableArray();
    }

    /// <summary>The same property in two alternatives or parts: one C# property if the types agree, else JsonElement.</summary>
    /// <param name="isRefinement">Both are <c>allOf</c> parts, so a value must satisfy both: a typed one narrows a free-form one.</param>
    private MappedSchema Merge(MappedSchema existing, MappedSchema added, string typeName, string wireName, SourceSpan span, bool isRefinement)
    {
        if (isRefinement && existing.Type != added.Type && Narrower(existing.Type, added.Type) is { } narrower)
        {
            // A wrapper's `data: {type: array, items: {type: object}}` refined by `data: {items: {$ref: Station}}`.
            return new MappedSchema(narrower, existing.ConstantValues.IsEmpty ? added.ConstantValues : existing.ConstantValues, added.Summary ?? existing.Summary, existing.IsNullable || added.IsNullable, existing.IsDeprecated && added.IsDeprecated);
        }

        if (existing.Type == added.Type)
        {
            var constants = existing.ConstantValues.Concat(added.ConstantValues).Distinct(StringComparer.Ordinal).ToEquatableArray();
            return new MappedSchema(existing.Type, constants, existing.Summary ?? added.Summary, existing.IsNullable || added.IsNullable, existing.IsDeprecated && added.IsDeprecated);
        }

        if (existing.Type.Kind == added.Type.Kind && existing.Type.Name == added.Type.Name && existing.Type.Element == added.Type.Element)
        {
            // Same type, different constraints: neither set can be enforced for every alternative.
            var loose = existing.Type with { Constraints = ConstraintSpec.None };
            return new MappedSchema(loose, default, existing.Summary ?? added.Summary, true, false);
        }

        _diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, span, $"The property '{wireName}' of '{typeName}' with different types in different alternatives", "it is represented as JsonElement");
        return new MappedSchema(TypeRef.JsonElement, default, existing.Summary ?? added.Summary, true, false);
    }

    /// <summary>Of a free-form type (any JSON) and a typed one, the typed one, also as array items and map values; null when neither is free-form.</summary>
    private static TypeRef? Narrower(TypeRef left, TypeRef right)
    {
        if (left.Kind == TypeKind.JsonElement)
        {
            return right;
        }

        if (right.Kind == TypeKind.JsonElement)
        {
            return left;
        }

        if (left.Kind == right.Kind && left.Kind is TypeKind.Array or TypeKind.Map && Narrower(left.Element!, right.Element!) is { } element)
        {
            return right with { Element = element };
        }

        return null;
    }

    private string CreateEnum(SpecMapping schema, List<SpecScalar> values, string nameHint, string pointer, string? summary)
    {
        var name = _componentNames.TryGetValue(schema, out var component) ? component.Name : _typeNames.Reserve(nameHint, "The enum", pointer, schema.Span);
        var memberNames = new HashSet<string>(StringComparer.Ordinal) { name };
        var members = new List<EnumMemberSpec>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (!seen.Add(value.Value))
            {
                continue;
            }

            var desired = value.Value.Length == 0 ? "Empty" : Identifiers.ToPascalCase(value.Value);
            var memberName = Identifiers.MakeUnique(desired, memberNames);
            if (memberName != desired)
            {
                _diagnostics.Report(DiagnosticDescriptors.NameCollision, value.Span, "The enum value", $"{name}.'{value.Value}'", desired, "another value of the enum", memberName);
            }

            members.Add(new EnumMemberSpec(memberName, value.Value));
        }

        var unrecognized = Identifiers.MakeUnique("Unrecognized", memberNames);
        var extensions = _typeNames.Reserve(name + "Extensions", "The conversions of the enum", pointer, schema.Span);
        _enums.Add(new EnumSpec(name, extensions, pointer, summary, members.ToEquatableArray(), unrecognized));
        return name;
    }

    private ConstraintSpec ReadStringConstraints(SpecMapping schema, string label)
    {
        string? pattern = null;
        if (schema.GetScalar("pattern") is { } patternNode && _patterns.TryRegister(patternNode.Value, label, patternNode.Span))
        {
            pattern = patternNode.Value;
        }

        return ConstraintSpec.None with
        {
            MinLength = ReadNonNegativeInteger(schema, "minLength", label),
            MaxLength = ReadNonNegativeInteger(schema, "maxLength", label),
            Pattern = pattern,
        };
    }

    private ConstraintSpec ReadNumberConstraints(SpecMapping schema)
    {
        var minimum = ReadNumber(schema, "minimum");
        var maximum = ReadNumber(schema, "maximum");
        var exclusiveMinimum = false;
        var exclusiveMaximum = false;

        // OpenAPI 3.0 writes exclusiveMinimum as a flag on minimum; 3.1 (JSON Schema 2020-12) as the bound itself.
        if (schema.GetScalar("exclusiveMinimum") is { } exclusiveMin)
        {
            if (exclusiveMin.AsBoolean() is { } flag)
            {
                exclusiveMinimum = flag && minimum is not null;
            }
            else if (ReadNumber(schema, "exclusiveMinimum") is { } bound)
            {
                minimum = bound;
                exclusiveMinimum = true;
            }
        }

        if (schema.GetScalar("exclusiveMaximum") is { } exclusiveMax)
        {
            if (exclusiveMax.AsBoolean() is { } flag)
            {
                exclusiveMaximum = flag && maximum is not null;
            }
            else if (ReadNumber(schema, "exclusiveMaximum") is { } bound)
            {
                maximum = bound;
                exclusiveMaximum = true;
            }
        }

        return ConstraintSpec.None with
        {
            Minimum = minimum,
            ExclusiveMinimum = exclusiveMinimum,
            Maximum = maximum,
            ExclusiveMaximum = exclusiveMaximum,
        };
    }

    private int? ReadNonNegativeInteger(SpecMapping schema, string keyword, string label)
    {
        if (schema.GetScalar(keyword) is not { } node)
        {
            return null;
        }

        if (node.IsPlain && int.TryParse(node.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        _diagnostics.Report(DiagnosticDescriptors.InvalidKeywordValue, node.Span, $"{keyword} of {label}", node.Value, "expected a non-negative integer");
        return null;
    }

    /// <summary>A number as invariant text that C# accepts as a literal, or null (reported) when it is not a number.</summary>
    private string? ReadNumber(SpecMapping schema, string keyword)
    {
        if (schema.GetScalar(keyword) is not { } node || node.AsBoolean() is not null)
        {
            return null;
        }

        if (node.IsPlain && decimal.TryParse(node.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
        {
            return exact.ToString(CultureInfo.InvariantCulture);
        }

        if (node.IsPlain && double.TryParse(node.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var approximate) && !double.IsInfinity(approximate))
        {
            return approximate.ToString("R", CultureInfo.InvariantCulture);
        }

        _diagnostics.Report(DiagnosticDescriptors.InvalidKeywordValue, node.Span, keyword, node.Value, "expected a number");
        return null;
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

    private static List<SpecScalar>? ReadEnumValues(SpecMapping schema)
    {
        if (schema.GetScalar("const") is { } constant)
        {
            return new List<SpecScalar> { constant };
        }

        return schema.GetSequence("enum")?.Items.OfType<SpecScalar>().Where(value => !value.IsNull).ToList();
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

    private bool IsObjectLike(SpecMapping schema) =>
        schema.GetString("type") == "object" || schema.ContainsKey("properties") || schema.ContainsKey("allOf") ||
        ((schema.ContainsKey("oneOf") || schema.ContainsKey("anyOf")) && schema.GetString("type") is null or "object");

    /// <summary>
    /// An alternative that only constrains the schema it is in (<c>required: [a]</c>, a description): beside
    /// properties, it adds no shape of its own.
    /// </summary>
    private static bool IsConstraintOnly(SpecMapping schema) =>
        !schema.Entries.Any(entry => entry.Key.Value is "type" or "properties" or "additionalProperties" or "items" or "allOf" or "oneOf" or "anyOf" or "enum" or "const" or "$ref" or "format");

    /// <summary>The other spellings of an alternative that is only null: <c>enum: [null]</c> and <c>const: null</c>.</summary>
    private static bool IsNullOnly(SpecMapping schema) =>
        (schema.GetSequence("enum") is { Items.Count: 1 } values && values.Items[0] is SpecScalar { IsNull: true }) ||
        schema.GetScalar("const") is { IsNull: true };

    private static string Describe(SpecMapping schema, string pointer)
    {
        if (pointer.StartsWith("#/components/schemas/", StringComparison.Ordinal))
        {
            return pointer.Substring("#/components/schemas/".Length);
        }

        var names = schema.GetMapping("properties")?.Entries.Select(entry =>
        {
            var constant = (entry.Value as SpecMapping)?.GetSequence("enum")?.Items;
            return constant is { Count: 1 } && constant[0] is SpecScalar value ? $"{entry.Key.Value} = {value.Value}" : entry.Key.Value;
        });
        return names is null ? "an object" : "{ " + string.Join(", ", names) + " }";
    }

    /// <summary>
    /// Whether a property schema sets <paramref name="keyword"/> (<c>readOnly</c>/<c>writeOnly</c>) to true, beside its
    /// <c>$ref</c> (3.1) or in the schema the reference leads to.
    /// </summary>
    private bool HasFlag(SpecNode node, string keyword)
    {
        if (node is SpecMapping mapping && mapping.GetScalar(keyword)?.AsBoolean() is { } own)
        {
            return own;
        }

        return _references.Resolve(node) is SpecMapping target && target != node && target.GetScalar(keyword)?.AsBoolean() == true;
    }

    private static string? SummaryOf(SpecMapping schema) => schema.GetString("description") ?? schema.GetString("title");

    private static bool IsNumber(string text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static MappedSchema Untyped() => new(TypeRef.JsonElement, default, null, true, false);

    internal static string EscapePointer(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    private sealed class ObjectPart
    {
        public ObjectPart(SpecMapping? schema, string pointer, bool isOptional, string? alternativeLabel)
        {
            Schema = schema;
            Pointer = pointer;
            IsOptional = isOptional;
            AlternativeLabel = alternativeLabel;
        }

        /// <summary>The schema whose own properties this part contributes; null for a marker of a union alternative.</summary>
        public SpecMapping? Schema { get; }

        public string Pointer { get; }

        public bool IsOptional { get; }

        public string? AlternativeLabel { get; }
    }
}
