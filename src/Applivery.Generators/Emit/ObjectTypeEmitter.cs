using System.Collections.Generic;
using System.Linq;
using Applivery.Generators.Model;

namespace Applivery.Generators.Emit;

/// <summary>Emits one DTO: a sealed class with init-only properties, its doc comments and its <c>Validate()</c>.</summary>
internal static class ObjectTypeEmitter
{
    public static string Emit(ClientSpec client, ObjectTypeSpec type, TargetFeatures features, string? json = null)
    {
        var ns = client.Namespace;
        var writer = GeneratedFile.Begin(ns, client.SpecFileName);
        Documentation.Summary(writer, type.Summary, $"The {type.Name} schema of {client.Title}.");
        var remarks = $"Generated from {Documentation.Code(type.Origin)} in {Documentation.Code(client.SpecFileName)}.";
        if (type.Remarks is not null)
        {
            remarks = Documentation.Escape(type.Remarks) + "\n" + remarks;
        }

        Documentation.Element(writer, "remarks", UnionEmitter.Remarks(client, type, remarks));
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        var baseType = UnionEmitter.BaseOf(client, type);
        writer.OpenBlock(UnionEmitter.Declaration(client, type, baseType));

        foreach (var property in type.Properties)
        {
            if (baseType is not null && baseType.Properties.Any(inherited => inherited.Name == property.Name))
            {
                // Declared by the base (allOf inheritance): read, written and validated here, not declared again.
                continue;
            }

            EmitProperty(writer, client, property, features);
            writer.Line();
        }

        if (type.AdditionalProperties is { } additional)
        {
            var element = CSharpTypes.Of(additional.Element!, client.Namespace);
            var rules = string.Join(" ", DescribeConstraints(additional.Element!));
            writer.Lines($$"""
                /// <summary>
                /// The members of the JSON object beside the declared properties (the schema's <c>additionalProperties</c>),
                /// by name, read and written as they are. Null when there were none. A member named like a declared
                /// property is not written: the typed property wins.
                /// </summary>
                """);
            if (rules.Length > 0)
            {
                Documentation.Element(writer, "remarks", "Each value: " + rules.Substring(0, 1).ToLowerInvariant() + rules.Substring(1));
            }

            writer.Line($"public {CSharpTypes.IReadOnlyDictionary}<string, {element}>? AdditionalProperties {{ get; init; }}");
            writer.Line();
        }

        if (HasEnumValues(type) && !(baseType is not null && HasEnumValues(baseType)))
        {
            writer.Lines($$"""
                /// <summary>
                /// The raw text of enum values this version of the spec does not list, by JSON path relative to this object
                /// (<c>type</c>, or <c>from[2]</c> in an array). The matching properties read as their enum's <c>Unrecognized</c> member.
                /// Null when every value was recognized.
                /// </summary>
                public {{CSharpTypes.IReadOnlyDictionary}}<string, string>? UnrecognizedValues { get; init; }

                """);
        }

        var error = CSharpTypes.Named(ns, SupportNames.ValidationError);
        if (type.Discriminator is not null || baseType is not null)
        {
            UnionEmitter.EmitValidation(writer, client, type);
            writer.CloseBlock();
            if (type.Discriminator is { } discriminator)
            {
                writer.Line();
                UnionEmitter.EmitUnknownCase(writer, client, type, discriminator);
            }

            return GeneratedFile.End(writer, json);
        }

        if (!ValidationEmitter.HasChecks(client, type))
        {
            writer.Lines($$"""
                /// <summary>Checks every constraint of the spec on this object: it sets none, here or on the objects it contains.</summary>
                /// <returns>Always empty.</returns>
                public {{CSharpTypes.IReadOnlyList}}<{{error}}> Validate() => global::System.Array.Empty<{{error}}>();
                """);
            writer.CloseBlock();
            return GeneratedFile.End(writer, json);
        }

        writer.Lines($$"""
            /// <summary>Checks every constraint of the spec on this object and on the objects it contains.</summary>
            /// <returns>Every violation, each with its JSON path from <c>$</c>; empty when the object is valid.</returns>
            public {{CSharpTypes.IReadOnlyList}}<{{error}}> Validate()
            {
                var errors = new {{CSharpTypes.List}}<{{error}}>();
                ValidateInto(errors, "$");
                return errors;
            }

            """);
        writer.OpenBlock($"internal void ValidateInto({CSharpTypes.List}<{error}> errors, string path)");
        ValidationEmitter.EmitObjectChecks(writer, client, type);
        writer.CloseBlock();

        writer.CloseBlock();
        return GeneratedFile.End(writer, json);
    }

    private static void EmitProperty(SourceWriter writer, ClientSpec client, PropertySpec property, TargetFeatures features)
    {
        var type = CSharpTypes.OfNullable(property.Type, client.Namespace, property.IsNullable);
        var isRequiredMember = property.IsRequired && !property.IsNullable;

        // C# forbids [Obsolete] on a required member (CS9042): there the deprecation is said in the remarks only.
        var canBeObsolete = !(isRequiredMember && features.SupportsRequiredMembers);
        var remarks = Remarks(property).ToList();
        if (property.IsDeprecated && !canBeObsolete)
        {
            remarks.Add("Deprecated in the spec.");
        }

        if (string.IsNullOrWhiteSpace(property.Summary))
        {
            // Without a description, the JSON sentence ("JSON: <c>id</c>, required.") is the summary itself.
            Documentation.Element(writer, "summary", remarks[0]);
            remarks.RemoveAt(0);
        }
        else
        {
            Documentation.Summary(writer, property.Summary, string.Empty);
        }

        if (remarks.Count > 0)
        {
            Documentation.Element(writer, "remarks", string.Join(" ", remarks));
        }

        if (property.IsDeprecated && canBeObsolete)
        {
            writer.Line($"[{CSharpTypes.ObsoleteAttribute}(\"Deprecated in the spec.\")]");
        }

        if (isRequiredMember && features.SupportsRequiredMembers)
        {
            writer.Line($"public required {type} {property.Name} {{ get; init; }}");
        }
        else if (isRequiredMember && !property.Type.IsValueType)
        {
            // Before C# 11 there is no 'required': the reader and Validate() report a missing value instead.
            writer.Line($"public {type} {property.Name} {{ get; init; }} = default!;");
        }
        else
        {
            writer.Line($"public {type} {property.Name} {{ get; init; }}");
        }
    }

    private static IEnumerable<string> Remarks(PropertySpec property)
    {
        var required = property.IsRequired ? property.IsReadOnly ? ", required in responses" : property.IsWriteOnly ? ", required in requests" : ", required" : string.Empty;
        yield return $"JSON: {Documentation.Code(property.WireName)}{required}.";
        if (property.IsReadOnly)
        {
            yield return "Read-only: set by the server, never written in a request body.";
        }
        else if (property.IsWriteOnly)
        {
            yield return "Write-only: sent in requests, not expected in responses.";
        }

        if (property.ConstantValues.Count == 1)
        {
            yield return $"Always {Documentation.Code(property.ConstantValues[0])}.";
        }
        else if (property.ConstantValues.Count > 1)
        {
            yield return $"One of {Documentation.CodeList(property.ConstantValues)}.";
        }

        foreach (var rule in DescribeConstraints(property.Type))
        {
            yield return rule;
        }

        if (property.DefaultValue is { } defaultValue)
        {
            yield return DescribeDefault(defaultValue);
        }
    }

    /// <summary>The spec's <c>default</c>: what the server assumes when the value is absent (the client never fills it in).</summary>
    internal static string DescribeDefault(string json) => $"Default (the server's, when absent): {Documentation.Code(json)}.";

    /// <summary>The constraints in words, for the reader of the doc comment.</summary>
    internal static IEnumerable<string> DescribeConstraints(TypeRef type)
    {
        var constraints = type.Constraints;
        var prefix = type.Kind == TypeKind.Array ? "Items: " : string.Empty;
        if (constraints.MinLength is { } minLength)
        {
            yield return $"At least {minLength} characters.";
        }

        if (constraints.MaxLength is { } maxLength)
        {
            yield return $"At most {maxLength} characters.";
        }

        if (constraints.Pattern is { } pattern)
        {
            yield return $"Must match {Documentation.Code(pattern)}.";
        }

        if (constraints.Minimum is { } minimum)
        {
            yield return $"{(constraints.ExclusiveMinimum ? "Greater than" : "At least")} {minimum}.";
        }

        if (constraints.Maximum is { } maximum)
        {
            yield return $"{(constraints.ExclusiveMaximum ? "Less than" : "At most")} {maximum}.";
        }

        if (constraints.MinItems is { } minItems)
        {
            yield return $"At least {minItems} items.";
        }

        if (constraints.MaxItems is { } maxItems)
        {
            yield return $"At most {maxItems} items.";
        }

        if (constraints.UniqueItems)
        {
            yield return "No item twice.";
        }

        if (constraints.MinProperties is { } minProperties)
        {
            yield return $"At least {minProperties} entries.";
        }

        if (constraints.MaxProperties is { } maxProperties)
        {
            yield return $"At most {maxProperties} entries.";
        }

        if (type.Element is { } element)
        {
            foreach (var rule in DescribeConstraints(element))
            {
                yield return prefix + rule;
            }
        }
    }

    internal static bool HasEnumValues(ObjectTypeSpec type) =>
        type.Properties.Any(property => ContainsEnum(property.Type)) || (type.AdditionalProperties is { } additional && ContainsEnum(additional));

    private static bool ContainsEnum(TypeRef type) => type.Kind == TypeKind.Enum || (type.Element is not null && ContainsEnum(type.Element));
}
