using System.Globalization;
using Applivery.Generators.Model;

namespace Applivery.Generators.Emit;

/// <summary>Emits a C# enum bound to its wire strings, with a member for values the spec does not list.</summary>
internal static class EnumEmitter
{
    public static string Emit(ClientSpec client, EnumSpec spec, string? json = null)
    {
        var writer = GeneratedFile.Begin(client.Namespace, client.SpecFileName);
        // In the extensions class only its two methods could hide the enum's name in an expression.
        var enumType = spec.Name is "ToWireValue" or "TryParseWireValue" ? CSharpTypes.Qualified(client.Namespace, spec.Name) : CSharpTypes.Named(client.Namespace, spec.Name);
        Documentation.Summary(writer, spec.Summary, $"The {spec.Name} values of {client.Title}.");
        Documentation.Element(
            writer,
            "remarks",
            $"Generated from {Documentation.Code(spec.Origin)} in {Documentation.Code(client.SpecFileName)}. " +
            $"A value the spec does not list reads as <see cref=\"{spec.UnrecognizedMemberName}\"/>, never as an error; " +
            "the owning object keeps its raw text in <c>UnrecognizedValues</c>.");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.OpenBlock($"{GeneratedFile.Visibility(client)} enum {spec.Name}");
        writer.Line("/// <summary>A value this version of the spec does not list (a newer server may send one). Also the default value.</summary>");
        writer.Line($"{spec.UnrecognizedMemberName} = 0,");
        for (var i = 0; i < spec.Members.Count; i++)
        {
            var member = spec.Members[i];
            writer.Line();
            writer.Line($"/// <summary>The wire value {Documentation.Code(member.WireValue)}.</summary>");
            writer.Line($"{member.Name} = {(i + 1).ToString(CultureInfo.InvariantCulture)},");
        }

        writer.CloseBlock();
        writer.Line();

        Documentation.Element(writer, "summary", $"Converts <see cref=\"{enumType}\"/> to and from its exact wire strings.");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.OpenBlock($"{GeneratedFile.Visibility(client)} static class {spec.ExtensionsName}");

        writer.Line("/// <summary>The exact wire string of <paramref name=\"value\"/>; null for an unrecognized value.</summary>");
        writer.OpenBlock($"public static string? ToWireValue(this {enumType} value) => value switch");
        foreach (var member in spec.Members)
        {
            writer.Line($"{enumType}.{member.Name} => {CSharpTypes.Literal(member.WireValue)},");
        }

        writer.Line("_ => null,");
        writer.CloseBlock(";");
        writer.Line();

        writer.Line("/// <summary>Parses an exact, case-sensitive wire string. Anything else gives <c>false</c> and the unrecognized member.</summary>");
        writer.OpenBlock($"public static bool TryParseWireValue(string? text, out {enumType} value)");
        writer.OpenBlock("switch (text)");
        foreach (var member in spec.Members)
        {
            writer.Line($"case {CSharpTypes.Literal(member.WireValue)}: value = {enumType}.{member.Name}; return true;");
        }

        writer.Line($"default: value = {enumType}.{spec.UnrecognizedMemberName}; return false;");
        writer.CloseBlock();
        writer.CloseBlock();

        writer.CloseBlock();
        return GeneratedFile.End(writer, json);
    }
}
