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
                case "header":
                    location = ParameterLocation.Header;
                    break;
                default:
                    var isRequiredCookie = parameter.GetScalar("required")?.AsBoolean() == true;
                    _diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, parameter.KeyNode("in")?.Span, $"The {parameter.GetString("in")} parameter '{wireName}' of {methodName}", isRequiredCookie ? "the operation is skipped" : "it is not sent");
                    if (isRequiredCookie)
                    {
                        return null;
                    }

                    continue;
            }

            var schemaNode = parameter["schema"];
            if (schemaNode is null)
            {
                _diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, parameter.Span, $"The parameter '{wireName}' of {methodName} without a 'schema' (for example with 'content')", "it is sent as a string");
            }

            var mapped = schemaNode is null
                ? new MappedSchema(TypeRef.Primitive(TypeKind.String, ConstraintSpec.None), default, null, false, false)
                : _schemas.Map(schemaNode, methodName + Identifiers.ToPascalCase(wireName), parameterPointer + "/schema");
            var isRequired = location == ParameterLocation.Path || parameter.GetScalar("required")?.AsBoolean() == true;
            if (!CanSerialize(mapped.Type, location))
            {
                // Objects (any style) and arrays outside the query string need serialization styles not generated yet.
                _diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, parameter.Span, $"The {location.ToString().ToLowerInvariant()} parameter '{wireName}' of {methodName} with a {mapped.Type.Kind.ToString().ToLowerInvariant()} schema", isRequired ? "the operation is skipped" : "it is not sent");
                if (isRequired)
                {
                    return null;
                }

                continue;
            }

            var desired = Identifiers.ToCamelCase(wireName);
            var name = Identifiers.MakeUnique(desired, taken);
            result.Add(new ParameterSpec(
                Identifiers.EscapeKeyword(name),
                wireName,
                location,
                mapped.Type,
                isRequired,
                parameter.GetString("description") ?? mapped.Summary));
        }

        // Required parameters come first so optional ones can have default values.
        return result.Where(parameter => parameter.IsRequired).Concat(result.Where(parameter => !parameter.IsRequired)).ToList();
    }

    private static bool CanSerialize(TypeRef type, ParameterLocation location) => type.Kind switch
    {
        TypeKind.Object or TypeKind.Map => false,
        TypeKind.Array => location == ParameterLocation.Query && type.Element!.Kind is not (TypeKind.Object or TypeKind.Map or TypeKind.Array),
        _ => true,
    };
}
