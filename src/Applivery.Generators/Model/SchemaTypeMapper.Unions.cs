using System;
using System.Collections.Generic;
using System.Linq;
using Applivery.Generators.Diagnostics;
using Applivery.Generators.OpenApi;

namespace Applivery.Generators.Model;

/// <summary>
/// Unions without a discriminator: a <c>oneOf</c>/<c>anyOf</c> whose alternatives are different shapes (objects,
/// primitives, arrays, maps, other unions), and <c>type: [string, integer]</c>. Each alternative is mapped as it would
/// be anywhere else (a component keeps its own type; an inline object is named after the union), alternatives with
/// the same C# type are one case, and a union left with one case is just that type.
/// </summary>
internal sealed partial class SchemaTypeMapper
{
    private readonly List<UnionTypeSpec> _unions = new();

    public IReadOnlyList<UnionTypeSpec> Unions => _unions;

    /// <summary>
    /// A <c>oneOf</c>/<c>anyOf</c> that is not a discriminated union: a single alternative is that type, alternatives
    /// that only document a value of the schema's own type are that type, alternatives beside properties (or inline
    /// objects that agree) are one merged class, and any others a union type.
    /// </summary>
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

    /// <param name="alternatives">Each alternative (not <c>type: null</c>) with its pointer.</param>
    /// <param name="keyword">What the spec says (<c>oneOf</c>, <c>anyOf</c>, <c>type</c>), for docs and diagnostics.</param>
    /// <param name="mapAlternative">Maps one alternative, given the union's name (inline alternatives are named after it).</param>
    private MappedSchema MapUntaggedUnion(
        SpecMapping schema,
        int alternativeCount,
        Func<int, string, (MappedSchema Mapped, string Origin)> mapAlternative,
        string keyword,
        string nameHint,
        string pointer,
        string? summary,
        bool isNullable,
        bool isDeprecated)
    {
        var name = _componentNames.TryGetValue(schema, out var component) ? component.Name : _typeNames.Reserve(nameHint, "The schema", pointer, schema.Span);
        var typeRef = TypeRef.Named(TypeKind.Union, name);

        // Registered before the alternatives are mapped, so one that refers back to the union (a tree of nodes) finds
        // it; the union is a class, so the loop has a type in between.
        _mapped[schema] = new MappedSchema(typeRef, default, summary, isNullable, false);
        _objectsStarted++;

        var cases = new List<UnionCaseSpec>();
        for (var i = 0; i < alternativeCount; i++)
        {
            var (mapped, origin) = mapAlternative(i, name);
            var type = mapped.Type;
            var same = cases.FindIndex(existing => SameCSharpType(existing.Type, type));
            if (same >= 0)
            {
                // Two alternatives of one C# type (a string with either of two formats): one case, which must accept
                // a value valid for either, so neither's constraints are checked.
                cases[same] = cases[same] with { Type = WithoutConstraints(cases[same].Type) };
                continue;
            }

            cases.Add(new UnionCaseSpec(string.Empty, type, origin));
        }

        if (cases.Count == 1)
        {
            // Every alternative has the same C# type: the union is that type (the name stays reserved, unused).
            _mapped.Remove(schema);
            if (cases[0].Type.Kind == TypeKind.JsonElement)
            {
                _diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, schema.KeyNode(keyword)?.Span, $"'{keyword}' whose alternatives give no type at '{pointer}'", "it is represented as JsonElement");
            }

            return new MappedSchema(cases[0].Type, default, summary, isNullable, isDeprecated);
        }

        if (cases.Any(@case => @case.Type.Kind == TypeKind.File))
        {
            _diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, schema.KeyNode(keyword)?.Span, $"'{keyword}' with a binary alternative at '{pointer}'", "it is represented as JsonElement");
            _mapped.Remove(schema);
            return new MappedSchema(TypeRef.JsonElement, default, summary, isNullable, isDeprecated);
        }

        var caseNames = new HashSet<string>(SupportNames.UnionMembers, StringComparer.Ordinal);
        var named = cases.Select(@case => @case with { Name = Identifiers.MakeUnique(CaseName(@case.Type), caseNames) }).ToEquatableArray();
        _unions.Add(new UnionTypeSpec(name, pointer, summary, keyword, named));
        return new MappedSchema(typeRef, default, summary, isNullable, isDeprecated);
    }

    /// <summary>A <c>oneOf</c>/<c>anyOf</c> without a discriminator and without properties of its own.</summary>
    private MappedSchema MapUntaggedUnion(SpecMapping schema, string keyword, List<(SpecNode Node, SpecMapping Resolved, int Index)> alternatives, string nameHint, string pointer, string? summary, bool isNullable, bool isDeprecated)
    {
        return MapUntaggedUnion(
            schema,
            alternatives.Count,
            (i, unionName) =>
            {
                var (node, resolved, index) = alternatives[i];
                _references.Resolve(node, out var reference);
                var alternativePointer = $"{pointer}/{keyword}/{index}";

                // An inline alternative is named by its title, else after the union and its position.
                var hint = resolved.GetString("title") is { Length: > 0 } title ? Identifiers.ToPascalCase(title) : unionName + "Option" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var mapped = Map(node, hint, alternativePointer);
                return (mapped, reference ?? alternativePointer);
            },
            keyword,
            nameHint,
            pointer,
            summary,
            isNullable,
            isDeprecated);
    }

    /// <summary><c>type: [string, integer, …]</c>: one case per type, each with the schema's keywords for that type.</summary>
    private MappedSchema MapTypeUnion(SpecMapping schema, List<string> types, string nameHint, string pointer, string? summary, bool isNullable, bool isDeprecated)
    {
        return MapUntaggedUnion(
            schema,
            types.Count,
            (i, unionName) =>
            {
                var type = types[i];
                var mapped = type switch
                {
                    "array" => MapArray(schema, unionName + "Item", pointer),
                    "object" when schema.GetMapping("properties") is { Entries.Count: > 0 } => MapObject(schema, unionName + "Object", pointer, summary, isSchemasType: false),
                    "object" when schema.GetMapping("additionalProperties") is { } valueSchema =>
                        new TypeRef(TypeKind.Map, null, Map(valueSchema, unionName + "Value", pointer + "/additionalProperties").Type, ConstraintSpec.None),
                    "object" => TypeRef.JsonElement,
                    _ => MapPrimitive(schema, type, pointer) ?? TypeRef.JsonElement,
                };
                return (new MappedSchema(mapped, default, null, false, false), $"{pointer}/type/{i}");
            },
            "type",
            nameHint,
            pointer,
            summary,
            isNullable,
            isDeprecated);
    }

    /// <summary>An alternative written in place (not a component) that is an object with properties of its own.</summary>
    private bool IsInlineObject(SpecNode node, SpecMapping resolved) =>
        !_componentNames.ContainsKey(resolved) && resolved.GetMapping("properties") is not null && !resolved.ContainsKey("oneOf") && !resolved.ContainsKey("anyOf") && !resolved.ContainsKey("allOf") &&
        resolved.GetString("type") is null or "object" && node is SpecMapping;

    /// <summary>Whether every property name the alternatives share has the same shape in each (reference, type, format, items).</summary>
    private bool PropertiesAgree(IEnumerable<SpecMapping> alternatives)
    {
        var shapes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var alternative in alternatives)
        {
            foreach (var entry in alternative.GetMapping("properties")!.Entries)
            {
                var shape = ShapeOf(entry.Value, depth: 0);
                if (shapes.TryGetValue(entry.Key.Value, out var existing) && existing != shape)
                {
                    return false;
                }

                shapes[entry.Key.Value] = shape;
            }
        }

        return true;
    }

    /// <summary>A short signature of a property schema: what decides its C# type, not its rules or docs.</summary>
    private string ShapeOf(SpecNode node, int depth)
    {
        if (node is not SpecMapping schema || depth > 4)
        {
            return "?";
        }

        if (schema.GetString("$ref") is { } reference)
        {
            return reference;
        }

        var type = schema["type"] is SpecSequence types ? string.Join("|", types.Items.OfType<SpecScalar>().Select(item => item.Value)) : schema.GetString("type") ?? string.Empty;
        var items = schema["items"] is { } itemSchema ? "[" + ShapeOf(itemSchema, depth + 1) + "]" : string.Empty;
        var composed = schema.ContainsKey("properties") || schema.ContainsKey("oneOf") || schema.ContainsKey("anyOf") || schema.ContainsKey("allOf") || schema.GetSequence("enum") is { Items.Count: > 1 }
            ? "#" + schema.Span.StartIndex.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : string.Empty;
        return type + ":" + schema.GetString("format") + items + composed;
    }

    /// <summary>The case's member suffix: the type's name, or what the value is (<c>String</c>, <c>Int64</c>, <c>StringList</c>).</summary>
    private static string CaseName(TypeRef type) => type.Kind switch
    {
        TypeKind.Object or TypeKind.Enum or TypeKind.Union => type.Name!,
        TypeKind.Array => CaseName(type.Element!) + "List",
        TypeKind.Map => CaseName(type.Element!) + "Map",
        TypeKind.JsonElement => "Json",
        _ => type.Kind.ToString(),
    };

    private static bool SameCSharpType(TypeRef left, TypeRef right) =>
        left.Kind == right.Kind && left.Name == right.Name &&
        (left.Element is null ? right.Element is null : right.Element is not null && SameCSharpType(left.Element, right.Element));

    private static TypeRef WithoutConstraints(TypeRef type) =>
        type with { Constraints = ConstraintSpec.None, Element = type.Element is null ? null : WithoutConstraints(type.Element) };

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
}
