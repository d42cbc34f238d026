namespace Applivery.Generators.Model;

/// <summary>
/// Everything generated from one spec file. Value-equal all the way down: when a spec edit does not change this,
/// nothing is emitted again.
/// </summary>
/// <param name="SpecFileName">The spec's file name, for doc comments (not its machine path).</param>
/// <param name="Namespace">The namespace of every generated type.</param>
/// <param name="ClientName">The client class name, e.g. <c>AppliveryClient</c>; also the prefix of its support types.</param>
/// <param name="IsPublic">Whether the generated types are public (else internal).</param>
/// <param name="SpecFilePath">The spec's path, only to place diagnostics found while emitting.</param>
/// <param name="SecuritySchemes">Every entry of <c>components.securitySchemes</c>, in spec order (invalid ones as <see cref="SecuritySchemeKind.Unsupported"/>).</param>
internal sealed record ClientSpec(
    string SpecFilePath,
    string SpecFileName,
    string Namespace,
    string ClientName,
    bool IsPublic,
    string Title,
    string? Description,
    string? ServerUrl,
    EquatableArray<SecuritySchemeSpec> SecuritySchemes,
    EquatableArray<ObjectTypeSpec> Objects,
    EquatableArray<EnumSpec> Enums,
    EquatableArray<OperationSpec> Operations,
    EquatableArray<PatternSpec> Patterns,
    EquatableArray<UnionTypeSpec> Unions = default)
{
    /// <summary>The type of every member a generated type holds: each object property, additionalProperties and union case.</summary>
    public System.Collections.Generic.IEnumerable<TypeRef> MemberTypes()
    {
        foreach (var type in Objects)
        {
            foreach (var property in type.Properties)
            {
                yield return property.Type;
            }

            if (type.AdditionalProperties is { } additional)
            {
                yield return additional;
            }
        }

        foreach (var union in Unions)
        {
            foreach (var @case in union.Cases)
            {
                yield return @case.Type;
            }
        }
    }
}

/// <summary>A regular expression used by at least one constraint, compiled once at run time.</summary>
/// <param name="Pattern">The pattern exactly as in the spec, for messages and docs.</param>
/// <param name="DotNetPattern">The same pattern with ECMAScript's meaning in .NET syntax (see <see cref="EcmaScriptPattern"/>).</param>
/// <param name="FieldName">The name of the cached instance in the generated patterns class.</param>
/// <param name="UsedBy">Where the pattern is used (parameters and schema properties), for the doc comment.</param>
internal sealed record PatternSpec(string Pattern, string DotNetPattern, string FieldName, EquatableArray<string> UsedBy);

/// <summary>A generated sealed class (or, with <see cref="Discriminator"/>, the abstract base of a discriminated union).</summary>
/// <param name="Origin">Where the schema comes from, e.g. <c>#/components/schemas/Member</c>, for the doc comment.</param>
/// <param name="AdditionalProperties">
/// The map type (<see cref="TypeKind.Map"/>) of the members beside the declared properties, when the schema has
/// <c>additionalProperties</c> with a schema or <c>true</c>; null otherwise.
/// </param>
/// <param name="BaseName">For a case of a discriminated union: its abstract base type (the type then writes <see cref="DiscriminatorValue"/> itself).</param>
/// <param name="DiscriminatorValue">For a case of a discriminated union: the discriminator value it writes.</param>
/// <param name="Discriminator">For the abstract base of a discriminated union: its property and cases.</param>
internal sealed record ObjectTypeSpec(
    string Name,
    string Origin,
    string? Summary,
    string? Remarks,
    EquatableArray<PropertySpec> Properties,
    TypeRef? AdditionalProperties = null,
    string? BaseName = null,
    string? DiscriminatorValue = null,
    DiscriminatorSpec? Discriminator = null);

/// <summary>
/// What makes an object type the abstract base of a discriminated union: the property that names the case and the
/// sealed derived type of each value. Any other value reads as <see cref="UnknownTypeName"/>, which keeps the raw JSON.
/// </summary>
/// <param name="PropertyName">The discriminator's JSON property name, exactly as in the spec (e.g. <c>pet_type</c>).</param>
/// <param name="UnknownTypeName">The generated case of values the spec does not list, e.g. <c>UnknownPet</c>.</param>
/// <param name="Cases">Each value the spec lists with its derived type, in spec order.</param>
internal sealed record DiscriminatorSpec(string PropertyName, string UnknownTypeName, EquatableArray<DiscriminatorCaseSpec> Cases);

/// <param name="Value">The discriminator value on the wire.</param>
/// <param name="TypeName">The derived type (a component object type) of that value.</param>
internal sealed record DiscriminatorCaseSpec(string Value, string TypeName);

/// <summary>
/// A union without a discriminator (<c>oneOf</c>/<c>anyOf</c> of different shapes, or <c>type: [string, integer]</c>):
/// a sealed class holding exactly one case. Which case a JSON value is, is decided by its token kind and, between
/// objects, by the properties each case requires and declares.
/// </summary>
/// <param name="Origin">Where the schema comes from, for the doc comment.</param>
/// <param name="Keyword">What the spec says: <c>oneOf</c>, <c>anyOf</c> or <c>type</c>.</param>
/// <param name="Cases">Each alternative with a distinct C# type, in spec order.</param>
internal sealed record UnionTypeSpec(string Name, string Origin, string? Summary, string Keyword, EquatableArray<UnionCaseSpec> Cases);

/// <param name="Name">The case's name in the members <c>Is{Name}</c> and <c>As{Name}</c>.</param>
/// <param name="Type">The case's type.</param>
/// <param name="Origin">Where the alternative is in the spec (its pointer or reference).</param>
internal sealed record UnionCaseSpec(string Name, TypeRef Type, string Origin);

/// <param name="Name">The C# property name.</param>
/// <param name="WireName">The JSON property name, exactly as in the spec.</param>
/// <param name="JsonPath">The JSON path suffix of this property (<c>.email</c> or <c>['a b']</c>), for validation messages.</param>
/// <param name="IsRequired">Listed in the schema's <c>required</c>.</param>
/// <param name="IsNullable">Optional, <c>nullable: true</c>, readOnly or writeOnly: the C# type is nullable.</param>
/// <param name="ConstantValues">For single-value and numeric enums: the values the spec allows, for the doc comment.</param>
/// <param name="IsReadOnly"><c>readOnly: true</c>: sent by the server only; never written in a request body, never required of the caller.</param>
/// <param name="IsWriteOnly"><c>writeOnly: true</c>: sent by the client only; not required when reading a response.</param>
/// <param name="AllowsNull">The schema itself allows <c>null</c> (<c>nullable: true</c> or <c>type: [..., "null"]</c>).</param>
internal sealed record PropertySpec(
    string Name,
    string WireName,
    string JsonPath,
    TypeRef Type,
    bool IsRequired,
    bool IsNullable,
    string? Summary,
    EquatableArray<string> ConstantValues,
    bool IsDeprecated,
    bool IsReadOnly = false,
    bool IsWriteOnly = false,
    bool AllowsNull = false,
    string? DefaultValue = null);

/// <param name="ExtensionsName">The static class with the wire-string conversions, e.g. <c>MemberTypeExtensions</c>.</param>
internal sealed record EnumSpec(
    string Name,
    string ExtensionsName,
    string Origin,
    string? Summary,
    EquatableArray<EnumMemberSpec> Members,
    string UnrecognizedMemberName);

/// <param name="WireValue">The exact string on the wire.</param>
internal sealed record EnumMemberSpec(string Name, string WireValue);
