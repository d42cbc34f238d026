using System;
using System.Collections.Generic;
using System.Linq;
using Applivery.Generators.Diagnostics;
using Applivery.Generators.OpenApi;

namespace Applivery.Generators.Model;

/// <summary>
/// Object types and what they are composed of: the parts an object collects from <c>allOf</c> (and, as optional
/// alternatives, <c>oneOf</c>/<c>anyOf</c>), its properties built from those parts (the same property in two parts
/// merged into one), and the members beside them (<c>additionalProperties</c>).
/// </summary>
internal sealed partial class SchemaTypeMapper
{
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
        // An inline object with exactly the shape of an inline object generated before it (the same properties with the
        // same types, names and rules; docs aside) is that type. Components keep their own types, and so do the
        // cases and bases of discriminated unions (their writers write a discriminator).
        if ((!isSchemasType || !_componentNames.ContainsKey(schema)) && !_derived.ContainsKey(name) && !_bases.ContainsKey(name))
        {
            var shape = new ObjectShape(properties.Select(property => property with { Summary = null, DefaultValue = null }).ToEquatableArray(), additional, remarks);
            if (_inlineShapes.TryGetValue(shape, out var same))
            {
                _typeNames.Release(name);
                var sameRef = TypeRef.Named(TypeKind.Object, same);
                if (isSchemasType)
                {
                    _mapped[schema] = new MappedSchema(sameRef, default, summary, false, false);
                }

                return sameRef;
            }

            _inlineShapes[shape] = name;
        }

        _objects.Add(new ObjectTypeSpec(name, pointer, summary, remarks, properties, additional));
        return typeRef;
    }

    /// <summary>What makes two inline objects one type: their properties (docs aside), extra members and remarks.</summary>
    private sealed record ObjectShape(EquatableArray<PropertySpec> Properties, TypeRef? AdditionalProperties, string? Remarks);

    /// <summary>The inline object types generated so far, by shape.</summary>
    private readonly Dictionary<ObjectShape, string> _inlineShapes = new();

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
        var defaults = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            if (part.Schema?.GetMapping("properties") is not { } properties)
            {
                continue;
            }

            foreach (var entry in properties.Entries)
            {
                var wireName = entry.Key.Value;
                var propertyPointer = part.Pointer + "/properties/" + JsonPointer.Escape(wireName);
                var mapped = Map(entry.Value, typeName + Identifiers.ToPascalCase(wireName), propertyPointer);
                if (!defaults.ContainsKey(wireName) && DefaultOf(entry.Value) is { } defaultValue)
                {
                    defaults[wireName] = defaultValue;
                }

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
            if (desired == typeName || SupportNames.ObjectMembers.Contains(desired))
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
                schema.IsNullable,
                defaults.TryGetValue(wireName, out var propertyDefault) ? propertyDefault : null));
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

    private bool IsObjectLike(SpecMapping schema) =>
        schema.GetString("type") == "object" || schema.ContainsKey("properties") || schema.ContainsKey("allOf") ||
        ((schema.ContainsKey("oneOf") || schema.ContainsKey("anyOf")) && schema.GetString("type") is null or "object");

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
