using System.Collections.Generic;
using System.Linq;

namespace Applivery.Generators.Model;

/// <summary>
/// Which values have a text form in a parameter or a multipart text part. One rule for the model, which decides what
/// is sent (APG005 otherwise), and for the emitters, which decide how.
/// </summary>
internal static class ValueShapes
{
    /// <summary>A primitive or an enum, or a union whose every case is one: one piece of text.</summary>
    public static bool IsSingleValue(IEnumerable<UnionTypeSpec> unions, TypeRef type) => type.Kind switch
    {
        TypeKind.Object or TypeKind.Map or TypeKind.Array or TypeKind.File => false,
        TypeKind.Union => CasesOf(unions, type).All(@case => IsSingleValue(unions, @case.Type)),
        _ => true,
    };

    /// <summary>
    /// A union whose cases are single values and arrays of them (GitHub's <c>has: patch</c> or <c>has: [patch]</c>),
    /// with at least one array: a parameter of it is laid out as the items of the case it holds, one item for a
    /// single value, which every style defines.
    /// </summary>
    public static bool IsItemUnion(IEnumerable<UnionTypeSpec> unions, TypeRef type) =>
        type.Kind == TypeKind.Union &&
        CasesOf(unions, type).Any(@case => @case.Type.Kind == TypeKind.Array) &&
        CasesOf(unions, type).All(@case => IsSingleValue(unions, @case.Type) || (@case.Type.Kind == TypeKind.Array && IsSingleValue(unions, @case.Type.Element!)));

    private static IEnumerable<UnionCaseSpec> CasesOf(IEnumerable<UnionTypeSpec> unions, TypeRef type) =>
        unions.First(union => union.Name == type.Name).Cases;
}
