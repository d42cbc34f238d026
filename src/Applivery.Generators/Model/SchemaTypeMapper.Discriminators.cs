using System;
using System.Collections.Generic;
using System.Linq;
using Applivery.Generators.Diagnostics;
using Applivery.Generators.OpenApi;

namespace Applivery.Generators.Model;

/// <summary>
/// Discriminated unions of object component schemas: a <c>oneOf</c>/<c>anyOf</c> with a <c>discriminator</c> whose
/// alternatives are <c>$ref</c>s to object components, and <c>allOf</c> inheritance from a component that carries
/// the discriminator. The union (or the parent) becomes an abstract base type, each alternative a sealed derived type
/// (the component type itself), and values the spec does not list an <c>Unknown{Base}</c> case. A component is a case
/// of one base only (C# has single inheritance); a second, different union of it keeps today's merged class.
/// </summary>
internal sealed partial class SchemaTypeMapper
{
    /// <summary>What a discriminated union that cannot be a base becomes instead.</summary>
    private const string UntaggedFallback = "it is a union without a discriminator: the alternatives are told apart by their properties";

    /// <summary>The bases by type name.</summary>
    private readonly Dictionary<string, DiscriminatorSpec> _bases = new(StringComparer.Ordinal);

    /// <summary>The cases by type name: their base and the value they write.</summary>
    private readonly Dictionary<string, (string Base, string Value)> _derived = new(StringComparer.Ordinal);

    /// <summary>The allOf parents already considered, so each is planned once.</summary>
    private readonly HashSet<SpecMapping> _plannedParents = new();

    /// <summary>The union as an abstract base, when it is a discriminated union of object components; false leaves it to <see cref="MapUnion"/>.</summary>
    private bool TryMapDiscriminatedUnion(SpecMapping schema, SpecSequence union, string nameHint, string pointer, string? summary, bool isNullable, bool isDeprecated, out MappedSchema mapped)
    {
        mapped = default;
        var keyword = schema.ContainsKey("oneOf") ? "oneOf" : "anyOf";
        if (DiscriminatorProperty(schema) is not { } property || (schema.ContainsKey("oneOf") && schema.ContainsKey("anyOf")) ||
            schema.ContainsKey("properties") || schema.ContainsKey("allOf") || schema.ContainsKey("additionalProperties"))
        {
            return false;
        }

        var alternatives = new List<SpecMapping>();
        foreach (var item in union.Items)
        {
            if (!IsDirectReference(item) || _references.Resolve(item) is not SpecMapping target || !_componentNames.ContainsKey(target) ||
                alternatives.Contains(target) || !IsCaseSchema(target, property))
            {
                return false;
            }

            alternatives.Add(target);
        }

        if (alternatives.Count < 2 || alternatives.Any(alternative => _bases.ContainsKey(_componentNames[alternative].Name)))
        {
            return false;
        }

        // A component that inherits from a discriminated parent is that parent's case first.
        foreach (var alternative in alternatives)
        {
            PlanParentsOf(alternative);
        }

        if (_mapped.TryGetValue(schema, out var reached))
        {
            // Reached again (through a property of a case) while its parents were planned: done there.
            mapped = reached.With(summary, isNullable, isDeprecated);
            return true;
        }

        var values = CaseValues(schema, alternatives, pointer, UntaggedFallback);
        if (values is null)
        {
            return false;
        }

        var claimedBy = alternatives.Select(alternative => _derived.TryGetValue(_componentNames[alternative].Name, out var claim) ? claim : ((string Base, string Value)?)null).ToList();
        if (claimedBy.All(claim => claim is not null))
        {
            // Every alternative is already a case of one base with the same values (allOf inheritance, or an
            // earlier union of the same schemas): that base is the union's type.
            var first = claimedBy[0]!.Value.Base;
            if (claimedBy.Select((claim, i) => claim!.Value.Base == first && claim.Value.Value == values[i]).All(same => same) && _bases[first].PropertyName == property)
            {
                mapped = new MappedSchema(TypeRef.Named(TypeKind.Object, first), default, summary, isNullable, isDeprecated);
                return true;
            }
        }

        if (claimedBy.FirstOrDefault(claim => claim is not null) is { } taken)
        {
            var index = claimedBy.FindIndex(claim => claim is not null);
            _diagnostics.Report(
                DiagnosticDescriptors.UnsupportedConstruct,
                schema.KeyNode("discriminator")?.Span,
                $"'{keyword}' with a discriminator at '{pointer}' whose alternative '{_componentNames[alternatives[index]].Name}' is already a case of '{taken.Base}' with other values (a C# class has one base)",
                UntaggedFallback);
            return false;
        }

        var name = _componentNames.TryGetValue(schema, out var component) ? component.Name : _typeNames.Reserve(nameHint, "The schema", pointer, schema.Span);
        var typeRef = TypeRef.Named(TypeKind.Object, name);
        _mapped[schema] = new MappedSchema(typeRef, default, summary, false, false);
        _objectsStarted++;
        var spec = Claim(name, property, alternatives, values, pointer, schema.Span);
        var remarks = "The JSON is one of: " + string.Join("; ", spec.Cases.Select(@case => $"{@case.TypeName} ({property} = {@case.Value})")) +
            $". Any other value of {property} reads as {spec.UnknownTypeName}.";
        _objects.Add(new ObjectTypeSpec(name, pointer, summary, remarks, new List<PropertySpec>().ToEquatableArray(), null, Discriminator: spec));
        foreach (var alternative in alternatives)
        {
            Map(alternative, _componentNames[alternative].Name, _componentNames[alternative].Pointer);
        }

        mapped = new MappedSchema(typeRef, default, summary, isNullable, isDeprecated);
        return true;
    }

    /// <summary>Called for every object type started: a component parent with a discriminator, or a child of one, gets its hierarchy.</summary>
    private void PlanHierarchyOf(SpecMapping schema)
    {
        if (!_componentNames.ContainsKey(schema))
        {
            return;
        }

        if (IsInheritanceParent(schema))
        {
            PlanParent(schema);
        }

        PlanParentsOf(schema);
    }

    private void PlanParentsOf(SpecMapping child)
    {
        if (child.GetSequence("allOf") is not { } allOf)
        {
            return;
        }

        foreach (var item in allOf.Items)
        {
            if (IsDirectReference(item) && _references.Resolve(item) is SpecMapping parent && _componentNames.ContainsKey(parent) && IsInheritanceParent(parent))
            {
                PlanParent(parent);
            }
        }
    }

    /// <summary>
    /// allOf inheritance (the OpenAPI specification's Pet/Cat/Dog): the parent's cases are the components whose
    /// <c>allOf</c> refers to it directly.
    /// </summary>
    private void PlanParent(SpecMapping parent)
    {
        if (!_plannedParents.Add(parent))
        {
            return;
        }

        var property = DiscriminatorProperty(parent)!;
        var (baseName, pointer) = _componentNames[parent];
        if (!DeclaresProperty(parent, property, 0) || _derived.ContainsKey(baseName) ||
            parent.GetMapping("properties")!.Entries.Any(entry => Identifiers.ToPascalCase(entry.Key.Value) is "RawJson" or "DiscriminatorValue"))
        {
            return;
        }

        var children = _componentNames.Keys.OfType<SpecMapping>()
            .Where(child => child != parent && child.GetSequence("allOf") is { } allOf &&
                allOf.Items.Any(item => IsDirectReference(item) && _references.Resolve(item) == parent) &&
                MapsToOwnObject(child) && !child.ContainsKey("oneOf") && !child.ContainsKey("anyOf") && AllowsNoAdditionalProperties(child))
            .ToList();
        if (children.Count == 0 || children.Any(child => _bases.ContainsKey(_componentNames[child].Name)))
        {
            return;
        }

        var values = CaseValues(parent, children, pointer, "the alternatives are merged into one class");
        if (values is null)
        {
            return;
        }

        if (children.FirstOrDefault(child => _derived.ContainsKey(_componentNames[child].Name)) is { } taken)
        {
            var name = _componentNames[taken].Name;
            _diagnostics.Report(
                DiagnosticDescriptors.UnsupportedConstruct,
                parent.KeyNode("discriminator")?.Span,
                $"The discriminator of '{pointer}' whose child '{name}' is already a case of '{_derived[name].Base}' (a C# class has one base)",
                "its children are not typed as its cases");
            return;
        }

        Claim(baseName, property, children, values, pointer, parent.Span);
        Map(parent, baseName, pointer);
        foreach (var child in children)
        {
            Map(child, _componentNames[child].Name, _componentNames[child].Pointer);
        }
    }

    private DiscriminatorSpec Claim(string baseName, string property, List<SpecMapping> cases, List<string> values, string pointer, SourceSpan span)
    {
        var unknown = _typeNames.Reserve("Unknown" + baseName, "The unknown case of the union", pointer, span);
        var spec = new DiscriminatorSpec(
            property,
            unknown,
            cases.Select((@case, i) => new DiscriminatorCaseSpec(values[i], _componentNames[@case].Name)).ToEquatableArray());
        _bases[baseName] = spec;
        for (var i = 0; i < cases.Count; i++)
        {
            _derived[_componentNames[cases[i]].Name] = (baseName, values[i]);
        }

        return spec;
    }

    /// <summary>
    /// The discriminator value of each case: its <c>mapping</c> key (values as <c>#/components/schemas/X</c> or a bare
    /// <c>X</c>), else the component's name. Null (reported) when one schema has several values or two share one.
    /// </summary>
    /// <param name="fallback">What is generated instead, for the diagnostics.</param>
    private List<string>? CaseValues(SpecMapping owner, List<SpecMapping> cases, string pointer, string fallback)
    {
        var byCase = new Dictionary<SpecMapping, string>();
        if (owner.GetMapping("discriminator")?.GetMapping("mapping") is { } mapping)
        {
            foreach (var entry in mapping.Entries)
            {
                if (entry.Value is not SpecScalar target)
                {
                    continue;
                }

                var targetPointer = target.Value.StartsWith("#", StringComparison.Ordinal) ? target.Value : "#/components/schemas/" + JsonPointer.Escape(target.Value);
                var @case = cases.FirstOrDefault(candidate => _componentNames[candidate].Pointer == targetPointer);
                if (@case is null)
                {
                    _diagnostics.Report(
                        DiagnosticDescriptors.UnsupportedConstruct,
                        entry.Key.Span,
                        $"The discriminator mapping '{entry.Key.Value}: {target.Value}' at '{pointer}', which names no alternative",
                        "that value reads as the unknown case");
                    continue;
                }

                if (byCase.ContainsKey(@case))
                {
                    _diagnostics.Report(
                        DiagnosticDescriptors.UnsupportedConstruct,
                        entry.Key.Span,
                        $"A discriminator mapping at '{pointer}' with several values for '{_componentNames[@case].Name}'",
                        fallback);
                    return null;
                }

                byCase[@case] = entry.Key.Value;
            }
        }

        var values = new List<string>();
        foreach (var @case in cases)
        {
            if (!byCase.TryGetValue(@case, out var value))
            {
                var casePointer = _componentNames[@case].Pointer;
                value = JsonPointer.Unescape(casePointer.Substring(casePointer.LastIndexOf('/') + 1));
            }

            if (values.Contains(value))
            {
                _diagnostics.Report(
                    DiagnosticDescriptors.UnsupportedConstruct,
                    owner.KeyNode("discriminator")?.Span,
                    $"A discriminator at '{pointer}' that gives the value '{value}' to two alternatives",
                    fallback);
                return null;
            }

            values.Add(value);
        }

        return values;
    }

    /// <summary>An alternative that can be a derived type: an object component (not itself a union) that declares the discriminator as a string.</summary>
    private bool IsCaseSchema(SpecMapping schema, string property) =>
        MapsToOwnObject(schema) && !schema.ContainsKey("oneOf") && !schema.ContainsKey("anyOf") && AllowsNoAdditionalProperties(schema) && DeclaresProperty(schema, property, 0);

    /// <summary>
    /// Whether the schema becomes an object type of its own (not <c>allOf: [$ref]</c>, which is the referenced type,
    /// nor an object without properties, which is JSON).
    /// </summary>
    private static bool MapsToOwnObject(SpecMapping schema)
    {
        if (schema.GetSequence("allOf") is { } allOf)
        {
            return allOf.Items.Count > 1 || schema.ContainsKey("properties");
        }

        return schema.GetString("type") is null or "object" && schema.GetMapping("properties") is { Entries.Count: > 0 } && !schema.ContainsKey("enum");
    }

    private bool IsInheritanceParent(SpecMapping schema) =>
        DiscriminatorProperty(schema) is not null && MapsToOwnObject(schema) && !schema.ContainsKey("oneOf") && !schema.ContainsKey("anyOf") && !schema.ContainsKey("allOf") &&
        schema.GetMapping("properties") is { Entries.Count: > 0 } && AllowsNoAdditionalProperties(schema);

    /// <summary>Whether the schema (or an allOf part of it) declares <paramref name="property"/> as a string.</summary>
    private bool DeclaresProperty(SpecMapping schema, string property, int depth)
    {
        if (depth > 32)
        {
            return false;
        }

        if (schema.GetMapping("properties")?[property] is { } declared)
        {
            return _references.Resolve(declared) is SpecMapping type && type.GetString("type") is null or "string" && !type.ContainsKey("oneOf") && !type.ContainsKey("anyOf");
        }

        return schema.GetSequence("allOf")?.Items.Any(item => _references.Resolve(item) is SpecMapping part && DeclaresProperty(part, property, depth + 1)) == true;
    }

    /// <summary>
    /// A case's property that its base declares too is the base's C# property (a class cannot change the type of one
    /// it inherits): a case that gives it another type (a free-form <c>result</c> narrowed to an object) is read and
    /// written as the base's type, with APG005 at the case's property. Rules of the same type stay the case's.
    /// </summary>
    private PropertySpec AsInherited(ObjectTypeSpec derived, ObjectTypeSpec baseType, PropertySpec property)
    {
        var declared = baseType.Properties.FirstOrDefault(candidate => candidate.Name == property.Name);
        if (declared is null || SameCSharpType(declared.Type, property.Type))
        {
            return property;
        }

        _diagnostics.Report(
            DiagnosticDescriptors.UnsupportedConstruct,
            PropertyKeySpan(derived.Name, property.WireName),
            $"The property '{property.WireName}' of '{derived.Name}' with another type than the '{property.WireName}' of its base '{baseType.Name}'",
            "a C# class cannot change the type of a property it inherits: it is read and written as the base's");
        return property with { Type = declared.Type, IsNullable = declared.IsNullable, AllowsNull = declared.AllowsNull };
    }

    /// <summary>Where a component declares a property (itself or an inline part of its <c>allOf</c>), for a diagnostic.</summary>
    private SourceSpan? PropertyKeySpan(string typeName, string wireName)
    {
        foreach (var component in _componentNames.Where(pair => pair.Value.Name == typeName).Select(pair => pair.Key).OfType<SpecMapping>())
        {
            var parts = new[] { component }.Concat(component.GetSequence("allOf")?.Items.OfType<SpecMapping>().Where(part => !IsDirectReference(part)) ?? Enumerable.Empty<SpecMapping>());
            foreach (var part in parts)
            {
                if (part.GetMapping("properties")?.KeyNode(wireName) is { } key)
                {
                    return key.Span;
                }
            }

            return component.Span;
        }

        return null;
    }

    /// <summary>Cases and bases keep no extra members: the derived type would otherwise keep the discriminator among them too.</summary>
    private static bool AllowsNoAdditionalProperties(SpecMapping schema) =>
        schema["additionalProperties"] is null or SpecScalar { Value: "false" };

    private static bool IsDirectReference(SpecNode node) => node is SpecMapping { Entries.Count: 1 } mapping && mapping.GetString("$ref") is not null;

    private static string? DiscriminatorProperty(SpecMapping schema) =>
        schema.GetMapping("discriminator")?.GetString("propertyName") is { Length: > 0 } name ? name : null;

    /// <summary>
    /// The object types with their places in the hierarchies: the discriminator is not a C# property of a base or
    /// of a case (the writer writes each case's value, the reader dispatches on it).
    /// </summary>
    private IReadOnlyList<ObjectTypeSpec> ApplyHierarchies(List<ObjectTypeSpec> objects)
    {
        if (_bases.Count == 0)
        {
            return objects;
        }

        EquatableArray<PropertySpec> Without(EquatableArray<PropertySpec> properties, string wireName) =>
            properties.Where(property => property.WireName != wireName).ToEquatableArray();

        return objects.Select(type =>
        {
            if (_bases.TryGetValue(type.Name, out var discriminator))
            {
                return type with { Discriminator = discriminator, Properties = Without(type.Properties, discriminator.PropertyName) };
            }

            if (_derived.TryGetValue(type.Name, out var claim))
            {
                var baseType = objects.FirstOrDefault(candidate => candidate.Name == claim.Base);
                var properties = Without(type.Properties, _bases[claim.Base].PropertyName)
                    .Select(property => baseType is null ? property : AsInherited(type, baseType, property))
                    .ToEquatableArray();
                return type with { BaseName = claim.Base, DiscriminatorValue = claim.Value, Properties = properties };
            }

            return type;
        }).ToList();
    }
}
