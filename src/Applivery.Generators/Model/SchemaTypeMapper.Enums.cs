using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Applivery.Generators.Diagnostics;
using Applivery.Generators.OpenApi;

namespace Applivery.Generators.Model;

/// <summary>
/// Enums: the values of <c>enum</c> and <c>const</c>, and the C# enum a string enum of several values becomes
/// (member names from the values, one <c>Unrecognized</c> member for values the spec does not list).
/// </summary>
internal sealed partial class SchemaTypeMapper
{
    private string CreateEnum(SpecMapping schema, List<SpecScalar> values, string nameHint, string pointer, string? summary)
    {
        // An inline enum with exactly the values (in the same order) of one generated before it is that enum: petstore's
        // findPetsByStatus `status` items take Pet.status's PetStatus. A component enum keeps its own type (the spec
        // named it). Components are mapped in spec order, then operations, so the first of identical enums names them.
        var isComponent = _componentNames.TryGetValue(schema, out var component);
        var shape = values.Select(value => value.Value).Distinct(StringComparer.Ordinal).ToEquatableArray();
        if (!isComponent && _enumsByValues.TryGetValue(shape, out var same))
        {
            return same;
        }

        var name = isComponent ? component.Name : _typeNames.Reserve(nameHint, "The enum", pointer, schema.Span);
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
        if (!_enumsByValues.ContainsKey(shape))
        {
            _enumsByValues[shape] = name;
        }

        return name;
    }

    /// <summary>The enums generated so far by their wire values in order: the first of identical enums names them.</summary>
    private readonly Dictionary<EquatableArray<string>, string> _enumsByValues = new();

    private static List<SpecScalar>? ReadEnumValues(SpecMapping schema)
    {
        if (schema.GetScalar("const") is { } constant)
        {
            return new List<SpecScalar> { constant };
        }

        return schema.GetSequence("enum")?.Items.OfType<SpecScalar>().Where(value => !value.IsNull).ToList();
    }

    private static bool IsNumber(string text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
