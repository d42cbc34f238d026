using Applivery.Generators.Diagnostics;
using Applivery.Generators.OpenApi;

namespace Applivery.Generators.Model;

/// <summary>
/// Primitive schemas (<c>string</c>, <c>integer</c>, <c>number</c>, <c>boolean</c>) by their <c>format</c>, and
/// arrays with their item type and item-count constraints.
/// </summary>
internal sealed partial class SchemaTypeMapper
{
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
        // Items that are single values compare by value, as JSON Schema compares them; objects, arrays and unions are
        // classes without value equality, so their duplicates would pass unseen: said, not checked.
        var uniqueItems = schema.GetScalar("uniqueItems")?.AsBoolean() == true;
        if (uniqueItems && !ComparesByValue(element))
        {
            _diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, schema.KeyNode("uniqueItems")?.Span, $"'uniqueItems' at '{pointer}' on items that are {Plural(element)}", "duplicates are not checked");
            uniqueItems = false;
        }

        var constraints = ConstraintSpec.None with
        {
            MinItems = ReadNonNegativeInteger(schema, "minItems", pointer),
            MaxItems = ReadNonNegativeInteger(schema, "maxItems", pointer),
            UniqueItems = uniqueItems,
        };

        return new TypeRef(TypeKind.Array, null, element, constraints);
    }

    private static bool ComparesByValue(TypeRef type) => type.Kind is TypeKind.String or TypeKind.Boolean or TypeKind.Int32 or TypeKind.Int64
        or TypeKind.Double or TypeKind.Single or TypeKind.Decimal or TypeKind.DateTimeOffset or TypeKind.Guid or TypeKind.Enum;

    private static string Plural(TypeRef type) => type.Kind switch
    {
        TypeKind.Array => "arrays",
        TypeKind.Map => "maps",
        TypeKind.Union => "unions",
        TypeKind.JsonElement => "any JSON",
        TypeKind.File => "files",
        _ => "objects",
    };
}
