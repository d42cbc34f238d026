using System.Linq;
using Applivery.Generators.Model;

namespace Applivery.Generators.Emit;

/// <summary>
/// Reading and writing discriminated unions. The base's reader looks ahead on a copy of the reader (a struct, so the
/// copy costs nothing and builds no DOM) for the discriminator, wherever it is in the object, then reads the whole
/// object with the case's own reader. A value the spec does not list reads as the unknown case, whose JSON is kept.
/// </summary>
internal sealed partial class JsonEmitter
{
    /// <summary>The discriminator property a case writes, or null for a type that is no case.</summary>
    private string? DiscriminatorOf(ObjectTypeSpec type) =>
        type.BaseName is { } baseName ? _client.Objects.FirstOrDefault(candidate => candidate.Name == baseName)?.Discriminator?.PropertyName : null;

    /// <summary>A case writes its discriminator value first; the caller never sets it.</summary>
    private void EmitDiscriminatorWrite(SourceWriter writer, ObjectTypeSpec type)
    {
        if (DiscriminatorOf(type) is { } property && type.DiscriminatorValue is { } value)
        {
            writer.Line($"writer.WriteString({NameField(property)}, {NameField(value)});");
        }
    }

    private void EmitUnion(SourceWriter writer, ObjectTypeSpec type, DiscriminatorSpec discriminator)
    {
        var typeName = $"global::{Ns}.{type.Name}";
        var unknownName = $"global::{Ns}.{discriminator.UnknownTypeName}";
        var property = Documentation.Code(discriminator.PropertyName);

        writer.Line($"/// <summary>Reads a <see cref=\"{typeName}\"/>: the case its {property} names, wherever that is in the object; any other value (or none) reads as <see cref=\"{unknownName}\"/>.</summary>");
        writer.OpenBlock($"internal static {typeName} Read{type.Name}(ref {Reader} reader)");
        writer.Line($"ExpectToken(ref reader, {TokenType}.StartObject, \"an object\");");
        writer.Line();
        writer.Line("// Looks ahead on a copy of the reader; the case's reader then reads the object from its start.");
        writer.Line("var scan = reader;");
        writer.OpenBlock($"while (Next(ref scan) != {TokenType}.EndObject)");
        writer.OpenBlock($"if ({ScanMatch(discriminator.PropertyName)})");
        writer.Line("Next(ref scan);");
        writer.OpenBlock($"if (scan.TokenType == {TokenType}.String)");
        foreach (var @case in discriminator.Cases)
        {
            writer.OpenBlock($"if ({ScanMatch(@case.Value)})");
            writer.Line($"return Read{@case.TypeName}(ref reader);");
            writer.CloseBlock();
        }

        writer.CloseBlock();
        writer.Line();
        writer.Line("break;");
        writer.CloseBlock();
        writer.Line();
        writer.Line("Next(ref scan);");
        writer.Line("SkipValue(ref scan);");
        writer.CloseBlock();
        writer.Line();
        writer.Line($"return Read{discriminator.UnknownTypeName}(ref reader);");
        writer.CloseBlock();
        writer.Line();

        var hasRequestForm = _hasRequestForm.Contains(type.Name);
        if (hasRequestForm)
        {
            writer.Line($"/// <summary>Writes the case <paramref name=\"value\"/> is, with everything it holds (readOnly properties included).</summary>");
            writer.Line($"internal static void Write{type.Name}({Writer} writer, {typeName} value) => Write{type.Name}(writer, value, forRequest: false);");
            writer.Line();
            writer.Line($"/// <summary>Writes the case <paramref name=\"value\"/> is as a request body: readOnly properties (the server's) are left out.</summary>");
            writer.Line($"internal static void Write{type.Name}Request({Writer} writer, {typeName} value) => Write{type.Name}(writer, value, forRequest: true);");
            writer.Line();
            writer.Line($"/// <summary>Writes the case <paramref name=\"value\"/> is, its {property} first; an unknown case as the JSON it keeps.</summary>");
            writer.OpenBlock($"private static void Write{type.Name}({Writer} writer, {typeName} value, bool forRequest)");
        }
        else
        {
            writer.Line($"/// <summary>Writes the case <paramref name=\"value\"/> is, its {property} first; an unknown case as the JSON it keeps.</summary>");
            writer.OpenBlock($"internal static void Write{type.Name}({Writer} writer, {typeName} value)");
        }

        writer.OpenBlock("switch (value)");
        foreach (var @case in discriminator.Cases)
        {
            var local = CaseLocal(@case.TypeName);
            writer.Line($"case global::{Ns}.{@case.TypeName} {local}:");
            writer.Line("    " + WriteStatement(TypeRef.Named(TypeKind.Object, @case.TypeName), local, "null", "\"$\"", "forRequest"));
            writer.Line("    return;");
        }

        var unknownLocal = CaseLocal(discriminator.UnknownTypeName);
        writer.Line($"case {unknownName} {unknownLocal}:");
        writer.Line($"    Write{discriminator.UnknownTypeName}(writer, {unknownLocal});");
        writer.Line("    return;");
        writer.Line("default:");
        writer.Line($"    throw new ArgumentException(\"A {type.Name} must be one of its generated cases, not \" + value.GetType().FullName + \".\", nameof(value));");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.Line();

        // The unknown case: the base's properties, read like any object's, plus the JSON as it came (a DOM only here,
        // for a value the spec does not list).
        var discriminatorLiteral = CSharpTypes.Literal(discriminator.PropertyName);
        EmitObjectReader(
            writer,
            UnionEmitter.UnknownShape(type),
            new[]
            {
                "var raw = reader;",
                "var rawJson = ReadJsonElement(ref raw);",
                $"string? discriminatorValue = rawJson.TryGetProperty({discriminatorLiteral}, out var discriminator)",
                "    ? (discriminator.ValueKind == Json_.JsonValueKind.String ? discriminator.GetString() : discriminator.GetRawText())",
                "    : null;",
            },
            new[] { "DiscriminatorValue = discriminatorValue,", "RawJson = rawJson," });
        writer.Line();
        writer.Line($"/// <summary>Writes the JSON an unknown case keeps, unchanged.</summary>");
        writer.OpenBlock($"internal static void Write{discriminator.UnknownTypeName}({Writer} writer, {unknownName} value)");
        writer.OpenBlock("if (value.RawJson.ValueKind != Json_.JsonValueKind.Object)");
        writer.Line($"throw new global::System.InvalidOperationException(\"{discriminator.UnknownTypeName}.RawJson must hold the JSON object to write, but it is \" + value.RawJson.ValueKind + \".\");");
        writer.CloseBlock();
        writer.Line();
        writer.Line("value.RawJson.WriteTo(writer);");
        writer.CloseBlock();
        writer.Line();
    }

    /// <summary>The comparison of <see cref="NameMatch"/> on the look-ahead copy.</summary>
    private string ScanMatch(string text) => "scan" + NameMatch(text).Substring("reader".Length);

    /// <summary>A case's pattern variable: type names are unique, so these are too, and the trailing _ keeps them off C# keywords.</summary>
    private static string CaseLocal(string typeName) => char.ToLowerInvariant(typeName[0]) + typeName.Substring(1) + "_";
}
