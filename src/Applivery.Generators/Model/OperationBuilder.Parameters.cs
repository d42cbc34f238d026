using System;
using System.Collections.Generic;
using System.Linq;
using Applivery.Generators.Diagnostics;
using Applivery.Generators.OpenApi;

namespace Applivery.Generators.Model;

/// <summary>The parameters of an operation: path-level and operation-level, their names and their serialization.</summary>
internal sealed partial class OperationBuilder
{
    /// <summary>Path-level parameters first, replaced by operation-level ones with the same name and location.</summary>
    private List<ParameterSpec>? BuildParameters(string methodName, SpecMapping pathItem, SpecMapping operation, string pointer)
    {
        var declared = new List<(SpecMapping Parameter, string Pointer)>();
        foreach (var (owner, ownerPointer) in new[] { (pathItem, pointer.Substring(0, pointer.LastIndexOf('/'))), (operation, pointer) })
        {
            var list = owner.GetSequence("parameters");
            for (var i = 0; i < (list?.Items.Count ?? 0); i++)
            {
                if (_references.Resolve(list!.Items[i]) is not SpecMapping parameter)
                {
                    continue;
                }

                var name = parameter.GetString("name");
                var location = parameter.GetString("in");
                if (name is null || location is null)
                {
                    _diagnostics.Report(DiagnosticDescriptors.UnexpectedShape, parameter.Span, $"A parameter of {methodName}", "a mapping with 'name' and 'in'");
                    continue;
                }

                declared.RemoveAll(existing => existing.Parameter.GetString("name") == name && existing.Parameter.GetString("in") == location);
                declared.Add((parameter, $"{ownerPointer}/parameters/{i}"));
            }
        }

        var taken = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<ParameterSpec>();
        foreach (var (parameter, parameterPointer) in declared)
        {
            var wireName = parameter.GetString("name")!;
            ParameterLocation location;
            switch (parameter.GetString("in"))
            {
                case "path":
                    location = ParameterLocation.Path;
                    break;
                case "query":
                    location = ParameterLocation.Query;
                    break;
                case "header" when wireName.Equals("Accept", StringComparison.OrdinalIgnoreCase) || wireName.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) || wireName.Equals("Authorization", StringComparison.OrdinalIgnoreCase):
                    // OpenAPI: such a parameter definition SHALL be ignored; the responses, the body and the security
                    // requirement say what these headers carry.
                    _diagnostics.Report(DiagnosticDescriptors.UnexpectedShape, parameter.KeyNode("name")?.Span ?? parameter.Span, $"The header parameter '{wireName}' of {methodName}", "described by the operation's responses, request body or security instead (OpenAPI ignores it), so it is not in the method's signature");
                    continue;
                case "header":
                    location = ParameterLocation.Header;
                    break;
                case "cookie":
                    location = ParameterLocation.Cookie;
                    break;
                default:
                    _diagnostics.Report(DiagnosticDescriptors.UnexpectedShape, parameter.KeyNode("in")?.Span, $"'in' of the parameter '{wireName}' of {methodName}", "path, query, header or cookie");
                    continue;
            }

            var (schemaNode, contentType, schemaPointer) = ParameterSchema(parameter, parameterPointer);
            if (schemaNode is null)
            {
                _diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, parameter.Span, $"The parameter '{wireName}' of {methodName} without a 'schema' or a 'content' with a schema", "it is sent as a string");
            }

            var mapped = schemaNode is null
                ? new MappedSchema(TypeRef.Primitive(TypeKind.String, ConstraintSpec.None), default, null, false, false)
                : _schemas.Map(schemaNode, methodName + Identifiers.ToPascalCase(wireName), schemaPointer);
            var isRequired = location == ParameterLocation.Path || parameter.GetScalar("required")?.AsBoolean() == true;
            var style = contentType is null ? ReadStyle(parameter, location, wireName, methodName) : DefaultStyle(location);
            var explode = style == ParameterStyle.Form;
            if (contentType is null && parameter.GetScalar("explode") is { } explodeNode)
            {
                if (explodeNode.AsBoolean() is { } value)
                {
                    explode = value;
                }
                else
                {
                    _diagnostics.Report(DiagnosticDescriptors.InvalidKeywordValue, explodeNode.Span, "explode", explodeNode.Value, $"the parameter '{wireName}' of {methodName} takes true or false, and is sent with the default, {(explode ? "true" : "false")}");
                }
            }

            var allowReserved = location == ParameterLocation.Query && contentType is null && parameter.GetScalar("allowReserved")?.AsBoolean() == true;
            var summary = parameter.GetString("description") ?? mapped.Summary;
            var notSent = contentType is null ? WhyNotSerializable(mapped.Type, style) : WhyNotEncodable(mapped.Type, contentType);
            if (notSent is not null)
            {
                var where = location.ToString().ToLowerInvariant();
                _diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, parameter.Span, $"Sending the {where} parameter '{wireName}' of {methodName} ({notSent})", "the parameter stays in the signature, and a value other than null throws NotSupportedException");
                summary = (summary is null ? string.Empty : summary.TrimEnd() + " ") + $"Not sent: {notSent} (APG005); a value other than null throws NotSupportedException.";
            }

            var desired = Identifiers.ToCamelCase(wireName);
            var name = Identifiers.MakeUnique(desired, taken);
            result.Add(new ParameterSpec(
                Identifiers.EscapeKeyword(name),
                wireName,
                location,
                mapped.Type,
                isRequired,
                summary,
                style,
                explode,
                allowReserved,
                contentType,
                notSent,
                isRequired || schemaNode is null ? null : _schemas.DefaultOf(schemaNode)));
        }

        // Required parameters come first so optional ones can have default values.
        return result.Where(parameter => parameter.IsRequired).Concat(result.Where(parameter => !parameter.IsRequired)).ToList();
    }

    /// <summary>The parameter's <c>schema</c>, or the schema of the first media type of its <c>content</c>.</summary>
    private (SpecNode? Schema, string? ContentType, string Pointer) ParameterSchema(SpecMapping parameter, string pointer)
    {
        if (parameter["schema"] is { } schema)
        {
            return (schema, null, pointer + "/schema");
        }

        if (parameter.GetMapping("content") is { Entries.Count: > 0 } content)
        {
            var entry = content.Entries[0];
            var mediaType = _references.Resolve(entry.Value) as SpecMapping;
            return (mediaType?["schema"], entry.Key.Value, pointer + "/content/" + JsonPointer.Escape(entry.Key.Value) + "/schema");
        }

        return (null, null, pointer);
    }

    private static ParameterStyle DefaultStyle(ParameterLocation location) =>
        location is ParameterLocation.Query or ParameterLocation.Cookie ? ParameterStyle.Form : ParameterStyle.Simple;

    /// <summary>The spec's <c>style</c> when OpenAPI allows it for the location; otherwise APG011 and the location's default.</summary>
    private ParameterStyle ReadStyle(SpecMapping parameter, ParameterLocation location, string wireName, string methodName)
    {
        var fallback = DefaultStyle(location);
        if (parameter.GetScalar("style") is not { } node)
        {
            return fallback;
        }

        ParameterStyle? style = node.Value switch
        {
            "simple" => ParameterStyle.Simple,
            "form" => ParameterStyle.Form,
            "label" => ParameterStyle.Label,
            "matrix" => ParameterStyle.Matrix,
            "spaceDelimited" => ParameterStyle.SpaceDelimited,
            "pipeDelimited" => ParameterStyle.PipeDelimited,
            "deepObject" => ParameterStyle.DeepObject,
            _ => null,
        };
        var allowed = location switch
        {
            ParameterLocation.Path => new[] { ParameterStyle.Simple, ParameterStyle.Label, ParameterStyle.Matrix },
            ParameterLocation.Query => new[] { ParameterStyle.Form, ParameterStyle.SpaceDelimited, ParameterStyle.PipeDelimited, ParameterStyle.DeepObject },
            ParameterLocation.Header => new[] { ParameterStyle.Simple },
            _ => new[] { ParameterStyle.Form },
        };
        if (style is { } value && allowed.Contains(value))
        {
            return value;
        }

        var names = allowed.Length == 1 ? StyleName(allowed[0]) : string.Join(", ", allowed.Take(allowed.Length - 1).Select(StyleName)) + " or " + StyleName(allowed[allowed.Length - 1]);
        _diagnostics.Report(DiagnosticDescriptors.InvalidKeywordValue, node.Span, "style", node.Value, $"the {location.ToString().ToLowerInvariant()} parameter '{wireName}' of {methodName} takes {names}, and is sent in its default style, {StyleName(fallback)}");
        return fallback;
    }

    /// <summary>The style's name as the spec writes it.</summary>
    internal static string StyleName(ParameterStyle style)
    {
        var name = style.ToString();
        return char.ToLowerInvariant(name[0]) + name.Substring(1);
    }

    /// <summary>
    /// Why OpenAPI's styles cannot lay the value out (they define primitives, arrays of primitives and objects whose
    /// properties are primitives), or null when they can.
    /// </summary>
    private string? WhyNotSerializable(TypeRef type, ParameterStyle style)
    {
        switch (type.Kind)
        {
            case TypeKind.Array:
                if (style == ParameterStyle.DeepObject)
                {
                    return "the deepObject style is defined for objects only, and this is an array";
                }

                return IsFlat(type.Element!) ? null : $"the '{StyleName(style)}' style is defined for arrays of primitive values, and this is an array of {Plural(type.Element!)}";
            case TypeKind.Map:
                return IsFlat(type.Element!) ? null : $"the '{StyleName(style)}' style is defined for objects whose values are primitive, and this object's values are {Describe(type.Element!)}";
            case TypeKind.Object:
                var properties = _schemas.Objects.FirstOrDefault(candidate => candidate.Name == type.Name)?.Properties ?? EquatableArray<PropertySpec>.Empty;
                var nested = properties.FirstOrDefault(property => !IsFlat(property.Type));
                return nested is null ? null : $"the '{StyleName(style)}' style is defined for objects whose properties are primitive, and the property '{nested.WireName}' is {Describe(nested.Type)}";
            case TypeKind.File:
                return "a binary value (format: binary) has no text form in a parameter";
            case TypeKind.Union when style == ParameterStyle.DeepObject:
                return "the deepObject style is defined for objects only, and this is a union";
            case TypeKind.Union when !IsFlat(type) && !ValueShapes.IsItemUnion(_schemas.Unions, type):
                return $"the '{StyleName(style)}' style lays out one shape, and this union has cases that are objects, maps or arrays of them";
            default:
                return style == ParameterStyle.DeepObject ? "the deepObject style is defined for objects only, and this is a single value" : null;
        }
    }

    /// <summary>Why a <c>content</c> parameter cannot be encoded, or null: JSON takes anything, other media types a primitive's text.</summary>
    private string? WhyNotEncodable(TypeRef type, string contentType) =>
        ParameterSpec.IsJsonMediaType(contentType) || IsFlat(type)
            ? null
            : $"its media type '{contentType}' is not JSON, and only a single value can be sent as text";

    /// <summary>A single value in a parameter's text: a primitive, or a union whose every case is one.</summary>
    private bool IsFlat(TypeRef type) => ValueShapes.IsSingleValue(_schemas.Unions, type);

    private static string Plural(TypeRef type) => type.Kind switch
    {
        TypeKind.Array => "arrays",
        TypeKind.Map => "maps",
        _ => "objects",
    };

    private static string Describe(TypeRef type) => type.Kind switch
    {
        TypeKind.Array => "an array",
        TypeKind.Map => "a map",
        _ => "an object",
    };
}
