using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Applivery.Generators.Model;

namespace Applivery.Generators.Emit;

/// <summary>
/// Reading and writing unions without a discriminator. The JSON token decides first (a string, a number, a boolean,
/// an array, an object); within one kind the cases are tried most specific first (an enum whose values include it, a
/// UUID, a date-time, then any string; an integer before a fractional number); between objects a look-ahead on a copy
/// of the reader (no DOM) counts the properties each case declares, and the case whose required properties are all
/// there and that leaves the fewest properties unexplained wins (then the one that explains the most, then spec
/// order). JSON no case fits is kept as the union's unmatched value and written back unchanged.
/// </summary>
internal sealed partial class JsonEmitter
{
    /// <summary>Object cases beyond this many distinct property names compare on the first ones only (one bit each in a <c>ulong</c>).</summary>
    private const int MaxTrackedProperties = 64;

    private UnionTypeSpec UnionOf(TypeRef type) => _client.Unions.First(union => union.Name == type.Name);

    private void EmitUnionType(SourceWriter writer, UnionTypeSpec union)
    {
        var typeName = $"global::{Ns}.{union.Name}";
        var (names, masks) = ObjectCaseMasks(union);
        writer.Line($"/// <summary>Reads a <see cref=\"{typeName}\"/>: the case the JSON fits (see the union's remarks); JSON no case fits reads as unmatched.</summary>");
        writer.OpenBlock($"internal static {typeName} Read{union.Name}(ref {Reader} reader)");
        writer.OpenBlock("switch (reader.TokenType)");
        EmitTokenCases(writer, union, names, TokenType + ".String", new[] { TypeKind.Enum, TypeKind.Guid, TypeKind.DateTimeOffset, TypeKind.String });
        EmitTokenCases(writer, union, names, TokenType + ".Number", new[] { TypeKind.Int32, TypeKind.Int64, TypeKind.Decimal, TypeKind.Double, TypeKind.Single });
        EmitTokenCases(writer, union, names, TokenType + ".True or " + TokenType + ".False", new[] { TypeKind.Boolean });
        EmitTokenCases(writer, union, names, TokenType + ".StartArray", new[] { TypeKind.Array });
        EmitTokenCases(writer, union, names, TokenType + ".StartObject", new[] { TypeKind.Object, TypeKind.Map });
        writer.CloseBlock();
        writer.Line();
        writer.Line(union.Cases.Any(@case => @case.Type.Kind == TypeKind.JsonElement)
            ? $"return new {typeName}(ReadJsonElement(ref reader));"
            : $"return {typeName}.Unmatched(ReadJsonElement(ref reader));");
        writer.CloseBlock();
        writer.Line();

        if (masks.Count > 0)
        {
            writer.Line($"/// <summary>The object cases of <see cref=\"{typeName}\"/> as (required, declared) property masks, bit i for name i of its look-ahead.</summary>");
            writer.Line($"private static readonly ulong[] s_{Identifiers.ToCamelCase(union.Name)}ObjectCases = {{ {string.Join(", ", masks.Select(mask => "0x" + mask.ToString("X", CultureInfo.InvariantCulture) + "UL"))} }};");
            writer.Line();
        }

        var hasRequestForm = _hasRequestForm.Contains(union.Name);
        var forRequest = hasRequestForm ? "forRequest" : "false";
        if (hasRequestForm)
        {
            writer.Line($"/// <summary>Writes the case <paramref name=\"value\"/> holds, with everything it holds (readOnly properties included).</summary>");
            writer.Line($"internal static void Write{union.Name}({Writer} writer, {typeName} value) => Write{union.Name}(writer, value, forRequest: false);");
            writer.Line();
            writer.Line($"/// <summary>Writes the case <paramref name=\"value\"/> holds as a request body: readOnly properties (the server's) are left out.</summary>");
            writer.Line($"internal static void Write{union.Name}Request({Writer} writer, {typeName} value) => Write{union.Name}(writer, value, forRequest: true);");
            writer.Line();
            writer.Line($"/// <summary>Writes the case <paramref name=\"value\"/> holds; unmatched JSON as it came.</summary>");
            writer.OpenBlock($"private static void Write{union.Name}({Writer} writer, {typeName} value, bool forRequest)");
        }
        else
        {
            writer.Line($"/// <summary>Writes the case <paramref name=\"value\"/> holds; unmatched JSON as it came.</summary>");
            writer.OpenBlock($"internal static void Write{union.Name}({Writer} writer, {typeName} value)");
        }

        writer.OpenBlock("switch (value.Case)");
        for (var i = 0; i < union.Cases.Count; i++)
        {
            var @case = union.Cases[i];
            var local = @case.Type.Kind == TypeKind.JsonElement ? $"(({CSharpTypes.JsonElement})value.Value)" : $"({CSharpTypes.Of(@case.Type, Ns)})value.Value";
            writer.Line($"case {(i + 1).ToString(CultureInfo.InvariantCulture)}:");
            writer.Line("    " + WriteStatement(@case.Type, local, "null", "\"$\"", forRequest));
            writer.Line("    return;");
        }

        writer.Line("default:");
        writer.Line($"    (({CSharpTypes.JsonElement})value.Value).WriteTo(writer);");
        writer.Line("    return;");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.Line();
    }

    /// <summary>One <c>case</c> of the token switch: the union's cases of these kinds in this order, then nested unions.</summary>
    /// <param name="objectNames">The property names the object cases' look-ahead tracks (see <see cref="ObjectCaseMasks"/>).</param>
    private void EmitTokenCases(SourceWriter writer, UnionTypeSpec union, List<string> objectNames, string token, TypeKind[] kinds)
    {
        var typeName = $"global::{Ns}.{union.Name}";
        var direct = kinds.SelectMany(kind => union.Cases.Where(@case => @case.Type.Kind == kind)).ToList();
        var nested = union.Cases.Where(@case => @case.Type.Kind == TypeKind.Union && Accepts(@case.Type, kinds)).ToList();
        if (direct.Count == 0 && nested.Count == 0)
        {
            return;
        }

        writer.OpenBlock($"case {token}:");
        var objects = direct.Where(@case => @case.Type.Kind == TypeKind.Object).ToList();
        if (objects.Count > 0)
        {
            EmitObjectCasePick(writer, union, objects, objectNames);
        }

        var arrays = direct.Where(@case => @case.Type.Kind == TypeKind.Array).ToList();
        if (arrays.Count > 1)
        {
            writer.Line("var firstItem = FirstItemToken(reader);");
        }

        var returned = false;
        foreach (var @case in direct.Where(@case => @case.Type.Kind != TypeKind.Object))
        {
            if (returned)
            {
                // After a case that takes any value of the token (any string, any boolean) no other can come.
                break;
            }

            // Locals named after the case: a switch section is one scope.
            var construct = $"new {typeName}";
            var number = CaseNumber(union, @case);
            var value = "value" + number;
            var start = "start" + number;
            var unrecognized = "unrecognized" + number;
            var read = ReadExpression(@case.Type, "\"$\"").Replace("ref unrecognizedValues", "ref " + unrecognized);
            switch (@case.Type.Kind)
            {
                case TypeKind.String:
                    writer.Line($"return {construct}(reader.GetString()!);");
                    returned = true;
                    break;
                case TypeKind.Boolean:
                    writer.Line($"return {construct}(reader.GetBoolean());");
                    returned = true;
                    break;
                case TypeKind.Enum:
                    // A value the enum does not list is not this case: another string case, or unmatched, keeps it.
                    writer.Line($"{Unrecognized}? {unrecognized} = null;");
                    writer.Line($"var {value} = {read};");
                    writer.OpenBlock($"if ({unrecognized} is null)");
                    writer.Line($"return {construct}({value});");
                    writer.CloseBlock();
                    writer.Line();
                    break;
                case TypeKind.Array:
                case TypeKind.Map:
                    // A value the case's enums do not list would be lost on writing: such JSON stays unmatched instead.
                    var condition = @case.Type.Kind == TypeKind.Array && arrays.Count > 1
                        ? $"if (firstItem == {TokenType}.EndArray || {ItemTokenCondition(@case.Type.Element!)})"
                        : null;
                    if (!ReadTakesUnrecognized(@case.Type))
                    {
                        // A list of objects keeps nothing aside (each item keeps its own unrecognized values): it is
                        // this case, or the JSON fails the read.
                        if (condition is null)
                        {
                            writer.Line($"return {construct}({read});");
                            returned = true;
                            break;
                        }

                        writer.OpenBlock(condition);
                        writer.Line($"return {construct}({read});");
                        writer.CloseBlock();
                        writer.Line();
                        break;
                    }

                    if (condition is not null)
                    {
                        writer.OpenBlock(condition);
                    }

                    writer.Line($"var {start} = reader;");
                    writer.Line($"{Unrecognized}? {unrecognized} = null;");
                    writer.Line($"var {value} = {read};");
                    writer.OpenBlock($"if ({unrecognized} is null)");
                    writer.Line($"return {construct}({value});");
                    writer.CloseBlock();
                    writer.Line();
                    writer.Line($"reader = {start};");
                    if (condition is not null)
                    {
                        writer.CloseBlock();
                    }

                    writer.Line();
                    break;
                default:
                    writer.OpenBlock($"if (reader.TryGet{TryGetSuffix(@case.Type.Kind)}(out var {value}))");
                    writer.Line($"return {construct}({value});");
                    writer.CloseBlock();
                    writer.Line();
                    break;
            }
        }

        foreach (var @case in returned ? new List<UnionCaseSpec>() : nested)
        {
            var number = CaseNumber(union, @case);
            writer.Line($"var start{number} = reader;");
            writer.Line($"var value{number} = Read{@case.Type.Name}(ref reader);");
            writer.OpenBlock($"if (!value{number}.IsUnmatched)");
            writer.Line($"return new {typeName}(value{number});");
            writer.CloseBlock();
            writer.Line();
            writer.Line($"reader = start{number};");
        }

        if (!returned)
        {
            writer.Line("break;");
        }

        writer.CloseBlock();
    }

    /// <summary>The object cases: a look-ahead over the property names, then the best fit read from the object's start.</summary>
    private void EmitObjectCasePick(SourceWriter writer, UnionTypeSpec union, List<UnionCaseSpec> objects, List<string> names)
    {
        var typeName = $"global::{Ns}.{union.Name}";
        writer.Line("// Which of the names the cases declare the object has (a look-ahead on a copy of the reader).");
        writer.Line("ulong seen = 0;");
        writer.Line("var undeclared = 0;");
        writer.Line("var scan = reader;");
        writer.OpenBlock($"while (Next(ref scan) != {TokenType}.EndObject)");
        for (var i = 0; i < names.Count; i++)
        {
            writer.OpenBlock($"{(i == 0 ? "if" : "else if")} ({ScanMatch(names[i])})");
            writer.Line($"seen |= 1UL << {i.ToString(CultureInfo.InvariantCulture)};");
            writer.CloseBlock();
        }

        if (names.Count > 0)
        {
            writer.OpenBlock("else");
        }

        writer.Line("undeclared++;");
        if (names.Count > 0)
        {
            writer.CloseBlock();
        }

        writer.Line();
        writer.Line("Next(ref scan);");
        writer.Line("SkipValue(ref scan);");
        writer.CloseBlock();
        writer.Line();
        writer.OpenBlock($"switch (PickObjectCase(seen, undeclared, s_{Identifiers.ToCamelCase(union.Name)}ObjectCases))");
        for (var i = 0; i < objects.Count; i++)
        {
            writer.Line($"case {i.ToString(CultureInfo.InvariantCulture)}:");
            writer.Line($"    return new {typeName}({ReadExpression(objects[i].Type, "\"$\"")});");
        }

        writer.CloseBlock();
        writer.Line();
    }

    /// <summary>
    /// The property names the union's object cases declare (each once, in case order), and per object case its
    /// required and declared names as bit masks over them.
    /// </summary>
    private (List<string> Names, List<ulong> Masks) ObjectCaseMasks(UnionTypeSpec union)
    {
        var names = new List<string>();
        var masks = new List<ulong>();
        foreach (var @case in union.Cases.Where(@case => @case.Type.Kind == TypeKind.Object))
        {
            var type = _client.Objects.First(candidate => candidate.Name == @case.Type.Name);
            ulong required = 0;
            ulong declared = 0;
            foreach (var (wireName, isRequired) in DeclaredNames(type))
            {
                var index = names.IndexOf(wireName);
                if (index < 0 && names.Count < MaxTrackedProperties)
                {
                    names.Add(wireName);
                    index = names.Count - 1;
                }

                if (index < 0)
                {
                    continue;
                }

                declared |= 1UL << index;
                if (isRequired)
                {
                    required |= 1UL << index;
                }
            }

            masks.Add(required);
            masks.Add(declared);
        }

        return (names, masks);
    }

    /// <summary>The names an object case declares and whether a response must have each; a discriminated base's property is required.</summary>
    private IEnumerable<(string WireName, bool IsRequired)> DeclaredNames(ObjectTypeSpec type)
    {
        var discriminator = type.Discriminator?.PropertyName ?? DiscriminatorOf(type);
        if (discriminator is not null)
        {
            yield return (discriminator, true);
        }

        foreach (var property in type.Properties.Where(property => property.WireName != discriminator))
        {
            yield return (property.WireName, property.IsRequired && !property.IsWriteOnly);
        }
    }

    /// <summary>The case's number in the union (from 1, as the union type counts them).</summary>
    private static string CaseNumber(UnionTypeSpec union, UnionCaseSpec @case)
    {
        var index = 0;
        while (!ReferenceEquals(union.Cases[index], @case))
        {
            index++;
        }

        return (index + 1).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Whether a nested union has a case for one of these kinds.</summary>
    private bool Accepts(TypeRef union, TypeKind[] kinds) =>
        UnionOf(union).Cases.Any(@case => kinds.Contains(@case.Type.Kind) || (@case.Type.Kind == TypeKind.Union && Accepts(@case.Type, kinds)));

    /// <summary>The condition on <c>firstItem</c> (the token of an array's first item) for arrays of this element type.</summary>
    private string ItemTokenCondition(TypeRef element)
    {
        var tokens = TokensOf(element).Distinct().Select(token => $"firstItem == {TokenType}.{token}");
        return string.Join(" || ", tokens.DefaultIfEmpty("true"));
    }

    private IEnumerable<string> TokensOf(TypeRef type) => type.Kind switch
    {
        TypeKind.String or TypeKind.DateTimeOffset or TypeKind.Guid or TypeKind.Enum => new[] { "String" },
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.Single or TypeKind.Decimal => new[] { "Number" },
        TypeKind.Boolean => new[] { "True", "False" },
        TypeKind.Array => new[] { "StartArray" },
        TypeKind.Object or TypeKind.Map => new[] { "StartObject" },
        TypeKind.Union => UnionOf(type).Cases.SelectMany(@case => TokensOf(@case.Type)),
        _ => new[] { "String", "Number", "True", "False", "StartArray", "StartObject", "Null" },
    };

    private static string TryGetSuffix(TypeKind kind) => kind switch
    {
        TypeKind.Guid => "Guid",
        TypeKind.DateTimeOffset => "DateTimeOffset",
        TypeKind.Int32 => "Int32",
        TypeKind.Int64 => "Int64",
        TypeKind.Decimal => "Decimal",
        TypeKind.Double => "Double",
        _ => "Single",
    };
}
