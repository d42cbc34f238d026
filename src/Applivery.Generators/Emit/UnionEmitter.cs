using System.Linq;
using Applivery.Generators.Model;

namespace Applivery.Generators.Emit;

/// <summary>
/// The C# shape of discriminated unions: the abstract base (with <c>Validate()</c> and an abstract
/// <c>ValidateInto</c>), the sealed cases deriving from it, and the <c>Unknown{Base}</c> case that keeps the JSON of
/// a discriminator value the spec does not list. The JSON side is in <c>JsonEmitter.Unions.cs</c>.
/// </summary>
internal static class UnionEmitter
{
    /// <summary>The base of a case, or null for any other type.</summary>
    public static ObjectTypeSpec? BaseOf(ClientSpec client, ObjectTypeSpec type) =>
        type.BaseName is { } name ? client.Objects.FirstOrDefault(candidate => candidate.Name == name) : null;

    public static string Declaration(ClientSpec client, ObjectTypeSpec type, ObjectTypeSpec? baseType)
    {
        var visibility = GeneratedFile.Visibility(client);
        if (type.Discriminator is not null)
        {
            return $"{visibility} abstract partial class {type.Name}";
        }

        return baseType is null
            ? $"{visibility} sealed partial class {type.Name}"
            : $"{visibility} sealed partial class {type.Name} : global::{client.Namespace}.{baseType.Name}";
    }

    /// <summary>The remarks of a base or a case say what is on the wire; other types keep theirs.</summary>
    public static string Remarks(ClientSpec client, ObjectTypeSpec type, string remarks)
    {
        if (type.Discriminator is { } discriminator)
        {
            var cases = string.Join(", ", discriminator.Cases.Select(@case => $"<see cref=\"{Cref(client, @case.TypeName)}\"/> ({Documentation.Code(@case.Value)})"));
            return $"A discriminated union on {Documentation.Code(discriminator.PropertyName)}: one of {cases}. Any other value reads as " +
                $"<see cref=\"{Cref(client, discriminator.UnknownTypeName)}\"/>, which keeps the JSON. The writer writes {Documentation.Code(discriminator.PropertyName)} itself: create the case you mean.\n" + remarks;
        }

        if (BaseOf(client, type) is { Discriminator: { } parent } baseType)
        {
            return $"A case of <see cref=\"{Cref(client, baseType.Name)}\"/>: written with {Documentation.Code(parent.PropertyName + ": " + type.DiscriminatorValue)}, which the writer sets itself.\n" + remarks;
        }

        return remarks;
    }

    public static void EmitValidation(SourceWriter writer, ClientSpec client, ObjectTypeSpec type)
    {
        var error = CSharpTypes.Named(client.Namespace, SupportNames.ValidationError);
        if (type.Discriminator is not null)
        {
            writer.Lines($$"""
                /// <summary>
                /// Checks every constraint of the spec on this value (the case it is) and on the objects it contains.
                /// </summary>
                /// <returns>Every violation, each with its JSON path from <c>$</c>; empty when the value is valid.</returns>
                public {{CSharpTypes.IReadOnlyList}}<{{error}}> Validate()
                {
                    var errors = new {{CSharpTypes.List}}<{{error}}>();
                    ValidateInto(errors, "$");
                    return errors;
                }

                internal abstract void ValidateInto({{CSharpTypes.List}}<{{error}}> errors, string path);
                """);
            return;
        }

        writer.OpenBlock($"internal override void ValidateInto({CSharpTypes.List}<{error}> errors, string path)");
        ValidationEmitter.EmitObjectChecks(writer, client, type);
        writer.CloseBlock();
    }

    /// <summary>The case of the values the spec does not list: the base's properties plus the JSON as it came.</summary>
    public static void EmitUnknownCase(SourceWriter writer, ClientSpec client, ObjectTypeSpec type, DiscriminatorSpec discriminator)
    {
        var error = CSharpTypes.Named(client.Namespace, SupportNames.ValidationError);
        var property = Documentation.Code(discriminator.PropertyName);
        Documentation.Element(writer, "summary", $"A <see cref=\"{Cref(client, type.Name)}\"/> whose {property} this version of the spec does not list (or that has none): a newer server's case, kept as it came.");
        Documentation.Element(writer, "remarks", $"Written back as <see cref=\"RawJson\"/>, unchanged. The spec's cases are {Documentation.CodeList(discriminator.Cases.Select(@case => @case.Value))}.");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.OpenBlock($"{GeneratedFile.Visibility(client)} sealed partial class {discriminator.UnknownTypeName} : global::{client.Namespace}.{type.Name}");
        writer.Lines($$"""
            /// <summary>The value of {{property}} as received (a value that is not a string as its JSON text); null when the object has none.</summary>
            public string? DiscriminatorValue { get; init; }

            /// <summary>The whole JSON object as received. The writer writes exactly this (set it to send a case the spec does not know).</summary>
            public Json_.JsonElement RawJson { get; init; }

            """);
        writer.OpenBlock($"internal override void ValidateInto({CSharpTypes.List}<{error}> errors, string path)");
        ValidationEmitter.EmitObjectChecks(writer, client, UnknownShape(type));
        writer.CloseBlock();
        writer.CloseBlock();
    }

    /// <summary>The unknown case as an object type: the base's properties, read and validated like any object's.</summary>
    public static ObjectTypeSpec UnknownShape(ObjectTypeSpec type) =>
        type with { Name = type.Discriminator!.UnknownTypeName, Discriminator = null };

    private static string Cref(ClientSpec client, string typeName) => $"global::{client.Namespace}.{typeName}";
}
