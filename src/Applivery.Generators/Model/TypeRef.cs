namespace Applivery.Generators.Model;

internal enum TypeKind
{
    String,
    Boolean,
    Int32,
    Int64,
    Double,
    Single,
    Decimal,
    DateTimeOffset,
    Guid,
    JsonElement,
    Object,
    Enum,
    Array,
    Map,

    /// <summary>Binary content (<c>format: binary</c>, or <c>contentMediaType</c> without <c>contentEncoding</c>): the generated <c>FileUpload</c>.</summary>
    File,

    /// <summary>A union without a discriminator (<see cref="Name"/> is its generated type, a <see cref="UnionTypeSpec"/>): one of several shapes.</summary>
    Union,
}

/// <summary>
/// The C# shape of a value: a primitive, a generated type (<see cref="Name"/>), or a collection of <see cref="Element"/>.
/// The constraints travel with the value they restrict, so an array's items keep theirs.
/// </summary>
internal sealed record TypeRef(TypeKind Kind, string? Name, TypeRef? Element, ConstraintSpec Constraints)
{
    public static TypeRef Primitive(TypeKind kind, ConstraintSpec constraints) => new(kind, null, null, constraints);

    public static TypeRef Named(TypeKind kind, string name) => new(kind, name, null, ConstraintSpec.None);

    public static TypeRef JsonElement => new(TypeKind.JsonElement, null, null, ConstraintSpec.None);

    public bool IsValueType => Kind is TypeKind.Boolean or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.Single
        or TypeKind.Decimal or TypeKind.DateTimeOffset or TypeKind.Guid or TypeKind.JsonElement or TypeKind.Enum;

    public bool IsNumeric => Kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.Single or TypeKind.Decimal;
}

/// <summary>
/// The validation keywords of one value. Numbers are kept as invariant text, exactly as they will be emitted.
/// <c>UniqueItems</c> is set only on arrays of single values (compared by value); <c>MinProperties</c> and
/// <c>MaxProperties</c> only on maps (counted by their entries) and free-form objects (<c>JsonElement</c>, counted by
/// their JSON's properties).
/// </summary>
internal sealed record ConstraintSpec(
    int? MinLength,
    int? MaxLength,
    string? Pattern,
    string? Minimum,
    bool ExclusiveMinimum,
    string? Maximum,
    bool ExclusiveMaximum,
    int? MinItems,
    int? MaxItems,
    bool UniqueItems,
    int? MinProperties,
    int? MaxProperties)
{
    public static readonly ConstraintSpec None = new(null, null, null, null, false, null, false, null, null, false, null, null);

    public bool IsEmpty => this == None;
}
