using System.Globalization;
using System.Linq;
using Applivery.Generators.Model;

namespace Applivery.Generators.Emit;

/// <summary>
/// The C# shape of a union without a discriminator: a sealed class holding exactly one case, created from any case
/// (a constructor, and an implicit conversion where C# allows one), tested with <c>Is{Case}</c>, read with
/// <c>As{Case}</c> (null for another case) or by switching on <c>Value</c>. JSON that matches no case is kept as
/// <c>UnmatchedJson</c> and written back unchanged. The JSON side is in <c>JsonEmitter.UnionTypes.cs</c>.
/// </summary>
internal static class UnionTypeEmitter
{
    /// <summary>The case number of JSON that matched no case; cases count from 1.</summary>
    public const int UnmatchedCase = 0;

    public static string Emit(ClientSpec client, UnionTypeSpec union, string? json = null)
    {
        var ns = client.Namespace;
        var typeName = union.Name;
        var writer = GeneratedFile.Begin(ns, client.SpecFileName);
        Documentation.Summary(writer, union.Summary, $"The {typeName} schema of {client.Title}: one of several shapes.");
        var cases = string.Join(", ", union.Cases.Select(@case => Documentation.Escape(CaseDisplay(client, @case))));
        // A list or map case has no implicit conversion (C# allows none from an interface): its constructor is the way in.
        var collectionCases = union.Cases.Count(@case => @case.Type.Kind is TypeKind.Array or TypeKind.Map);
        var create = collectionCases == 0
            ? $"Create it from the case you mean (<c>{typeName} value = …;</c> converts implicitly)"
            : collectionCases == union.Cases.Count
                ? $"Create it from the case you mean with its constructor (<c>new {typeName}(…)</c>)"
                : $"Create it from the case you mean (<c>{typeName} value = …;</c> converts implicitly, except from a list or map, which takes the constructor: <c>new {typeName}(…)</c>)";
        Documentation.Element(
            writer,
            "remarks",
            $"One of: {cases} (the spec's {Documentation.Code(union.Keyword)}). {create}; " +
            $"test it with <c>Is…</c>, read it with <c>As…</c> (null for another case), or switch on <see cref=\"Value\"/>. " +
            "JSON that matches no case reads as <see cref=\"IsUnmatched\"/>, keeps <see cref=\"UnmatchedJson\"/> and is written back unchanged.\n" +
            $"Generated from {Documentation.Code(union.Origin)} in {Documentation.Code(client.SpecFileName)}.");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.OpenBlock($"{GeneratedFile.Visibility(client)} sealed partial class {typeName}");
        writer.Lines("""
            private readonly int _case;
            private readonly object _value;

            private {{NAME}}(int @case, object value)
            {
                _case = @case;
                _value = value;
            }

            """.Replace("{{NAME}}", typeName));

        for (var i = 0; i < union.Cases.Count; i++)
        {
            EmitCase(writer, client, union, union.Cases[i], i + 1);
        }

        var error = CSharpTypes.Named(ns, SupportNames.ValidationError);
        writer.Lines($$"""
            /// <summary>JSON that matches none of the cases, kept as it came (a newer server's shape, or a value the spec does not describe).</summary>
            /// <remarks>Written back exactly as <paramref name="json"/>.</remarks>
            public static {{typeName}} Unmatched({{CSharpTypes.JsonElement}} json) => new {{typeName}}({{UnmatchedCase}}, json);

            /// <summary>Whether the JSON matched none of the cases (see <see cref="UnmatchedJson"/>).</summary>
            public bool IsUnmatched => _case == {{UnmatchedCase}};

            /// <summary>The JSON as received when it matched none of the cases; null otherwise.</summary>
            public {{CSharpTypes.JsonElement}}? UnmatchedJson => _case == {{UnmatchedCase}} ? ({{CSharpTypes.JsonElement}})_value : null;

            /// <summary>The value of the case this holds (a <see cref="{{CSharpTypes.JsonElement}}"/> when unmatched), for a <c>switch</c> on its type.</summary>
            public object Value => _value;

            /// <summary>The case number (1 for the first case of the spec, 0 unmatched), for the generated reader and writer.</summary>
            internal int Case => _case;

            /// <summary>
            /// Checks every constraint of the spec on the case this holds (and on the objects it contains); unmatched JSON is an error.
            /// </summary>
            /// <returns>Every violation, each with its JSON path from <c>$</c>; empty when the value is valid.</returns>
            public {{CSharpTypes.IReadOnlyList}}<{{error}}> Validate()
            {
                var errors = new {{CSharpTypes.List}}<{{error}}>();
                ValidateInto(errors, "$");
                return errors;
            }

            """);
        writer.OpenBlock($"internal void ValidateInto({CSharpTypes.List}<{error}> errors, string path)");
        writer.OpenBlock("switch (_case)");
        for (var i = 0; i < union.Cases.Count; i++)
        {
            var @case = union.Cases[i];
            var local = "case" + (i + 1).ToString(CultureInfo.InvariantCulture) + "_";
            var checks = ValidationEmitter.CaseChecks(client, @case.Type, local, "path").ToList();
            if (checks.Count == 0)
            {
                continue;
            }

            writer.OpenBlock($"case {(i + 1).ToString(CultureInfo.InvariantCulture)}:");
            writer.Line($"var {local} = ({CSharpTypes.Of(@case.Type, ns)})_value;");
            foreach (var line in checks)
            {
                writer.Line(line);
            }

            writer.Line("break;");
            writer.CloseBlock();
        }

        var expected = string.Join(", ", union.Cases.Select(@case => CaseDisplay(client, @case)));
        writer.Line($"case {UnmatchedCase}:");
        writer.Line($"    errors.Add(new {error}(path, {CSharpTypes.Literal(union.Keyword)}, {CSharpTypes.Literal("matches none of: " + expected)}, null));");
        writer.Line("    break;");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
        return GeneratedFile.End(writer, json);
    }

    private static void EmitCase(SourceWriter writer, ClientSpec client, UnionTypeSpec union, UnionCaseSpec @case, int number)
    {
        var ns = client.Namespace;
        var type = CSharpTypes.Of(@case.Type, ns);
        var display = Documentation.Escape(CaseDisplay(client, @case));
        var caseNumber = number.ToString(CultureInfo.InvariantCulture);
        var isValueType = @case.Type.IsValueType;
        var store = isValueType ? "value" : $"value ?? throw new {CSharpTypes.ArgumentNullException}(nameof(value))";
        writer.Line($"/// <summary>Holds {display} (the alternative at {Documentation.Code(@case.Origin)}).</summary>");
        writer.Line($"public {union.Name}({type} value) : this({caseNumber}, {store}) {{ }}");
        writer.Line();

        // C# allows no user-defined conversion from an interface (IReadOnlyList, IReadOnlyDictionary).
        if (@case.Type.Kind is not (TypeKind.Array or TypeKind.Map))
        {
            writer.Line($"/// <summary>Holds {display}.</summary>");
            writer.Line($"public static implicit operator {union.Name}({type} value) => new {union.Name}(value);");
            writer.Line();
        }

        writer.Line($"/// <summary>Whether this holds {display}.</summary>");
        writer.Line($"public bool Is{@case.Name} => _case == {caseNumber};");
        writer.Line();
        writer.Line($"/// <summary>The {display} this holds; null when it holds another case.</summary>");
        writer.Line($"public {type}? As{@case.Name} => _case == {caseNumber} ? ({type})_value : null;");
        writer.Line();
    }

    /// <summary>The case as the docs name it: a <c>see</c> of a generated type, else the C# type.</summary>
    private static string CaseDisplay(ClientSpec client, UnionCaseSpec @case) => @case.Type.Kind switch
    {
        TypeKind.Object or TypeKind.Enum or TypeKind.Union => @case.Type.Name!,
        _ => WithoutQualifiers(CSharpTypes.Of(@case.Type, client.Namespace).Replace("global::" + client.Namespace + ".", string.Empty)),
    };

    private static string WithoutQualifiers(string type) =>
        System.Text.RegularExpressions.Regex.Replace(type, @"(?<![\w.])(?:global::System\.|Generic_\.|Json_\.)", string.Empty);
}
