using System.Linq;
using Applivery.Generators.Model;

namespace Applivery.Generators.Emit;

/// <summary>
/// How an operation's parameters reach the wire: the path, the query string, the headers and the <c>Cookie</c> header,
/// each in its OpenAPI style (the styles are <c>Runtime/ParameterStyles.cs</c>; the client's own helpers for object
/// and JSON parameters are in <see cref="ParameterRuntimeSource"/>).
/// </summary>
internal static partial class ClientEmitter
{
    /// <summary>Declares <c>uri_</c>, the relative URI: the path template with its parameters, then the query string.</summary>
    private static void EmitRequestUri(SourceWriter writer, ClientSpec client, OperationSpec operation)
    {
        writer.Line("var uri_ = new StringBuilder();");
        foreach (var (text, isParameter) in PathTemplate.Split(operation.PathTemplate.TrimStart('/')))
        {
            if (!isParameter)
            {
                writer.Line($"uri_.Append({CSharpTypes.Literal(text)});");
                continue;
            }

            var parameter = operation.Parameters.First(candidate => candidate.Location == ParameterLocation.Path && candidate.WireName == text);
            if (IsPlain(client, parameter) && parameter.Style == ParameterStyle.Simple)
            {
                writer.Line($"AppendSegment(uri_, {ClientRuntimeSource.FormatterOf(parameter.Type)}({parameter.Name}));");
                continue;
            }

            var helper = parameter.Style switch
            {
                ParameterStyle.Label => CSharpTypes.ParameterStyles + ".LabelStyle",
                ParameterStyle.Matrix => CSharpTypes.ParameterStyles + ".MatrixStyle",
                _ => CSharpTypes.ParameterStyles + ".SimpleStyle",
            };
            EmitWithValue(writer, parameter, value =>
                new[] { $"uri_.Append({helper}({CSharpTypes.Literal(parameter.WireName)}, {Members(client, parameter, value)}, {PropertiesFlag(parameter)}, {Explode(parameter)}));" });
        }

        var queryParameters = operation.Parameters.Where(parameter => parameter.Location == ParameterLocation.Query).ToList();
        if (queryParameters.Count == 0)
        {
            return;
        }

        if (queryParameters.Any(parameter => parameter.NotSentReason is null))
        {
            writer.Line("var separator_ = '?';");
        }

        foreach (var parameter in queryParameters)
        {
            var wire = CSharpTypes.Literal(parameter.WireName);
            if (IsPlain(client, parameter) && !parameter.AllowReserved)
            {
                // A single value is the same in every query style: name=value.
                EmitWithValue(writer, parameter, value => new[] { $"AppendQuery(uri_, ref separator_, {wire}, {ClientRuntimeSource.FormatterOf(parameter.Type)}({value}));" });
                continue;
            }

            var allowReserved = parameter.AllowReserved ? "true" : "false";
            EmitWithValue(writer, parameter, value => new[]
            {
                parameter.Style == ParameterStyle.DeepObject
                    ? $"{CSharpTypes.ParameterStyles}.AppendDeepObject(uri_, ref separator_, {wire}, {Members(client, parameter, value)}, allowReserved: {allowReserved});"
                    : $"{CSharpTypes.ParameterStyles}.AppendQuery(uri_, ref separator_, {wire}, {Members(client, parameter, value)}, {PropertiesFlag(parameter)}, {Explode(parameter)}, delimiter: {Delimiter(parameter)}, allowReserved: {allowReserved});",
            });
        }
    }

    private static void EmitHeaders(SourceWriter writer, ClientSpec client, OperationSpec operation)
    {
        foreach (var parameter in operation.Parameters.Where(parameter => parameter.Location == ParameterLocation.Header))
        {
            var wire = CSharpTypes.Literal(parameter.WireName);
            EmitWithValue(writer, parameter, value => new[]
            {
                IsPlain(client, parameter)
                    ? $"request_.Headers.TryAddWithoutValidation({wire}, {ClientRuntimeSource.FormatterOf(parameter.Type)}({value}));"
                    : $"request_.Headers.TryAddWithoutValidation({wire}, {CSharpTypes.ParameterStyles}.HeaderStyle({Members(client, parameter, value)}, {PropertiesFlag(parameter)}, {Explode(parameter)}));",
            });
        }

        var cookies = operation.Parameters.Where(parameter => parameter.Location == ParameterLocation.Cookie).ToList();
        if (cookies.Count == 0)
        {
            return;
        }

        // Every cookie parameter goes into one Cookie header, name=value pairs separated by "; " (RFC 6265).
        writer.Line("var cookie_ = new StringBuilder();");
        foreach (var parameter in cookies)
        {
            EmitWithValue(writer, parameter, value =>
                new[] { $"{CSharpTypes.ParameterStyles}.AppendCookie(cookie_, {CSharpTypes.Literal(parameter.WireName)}, {Members(client, parameter, value)}, {PropertiesFlag(parameter)}, {Explode(parameter)});" });
        }

        writer.Line("if (cookie_.Length > 0)");
        writer.Line("{");
        writer.Line("    request_.Headers.TryAddWithoutValidation(\"Cookie\", cookie_.ToString());");
        writer.Line("}");
    }

    /// <summary>
    /// Writes the statements that send a parameter's value, guarded so that an optional null is not sent; a value the
    /// styles cannot lay out throws <c>NotSupportedException</c> instead of vanishing.
    /// </summary>
    private static void EmitWithValue(SourceWriter writer, ParameterSpec parameter, System.Func<string, string[]> statements)
    {
        if (parameter.NotSentReason is { } reason)
        {
            var message = CSharpTypes.Literal($"The {parameter.Location.ToString().ToLowerInvariant()} parameter '{parameter.WireName}' cannot be sent: {reason}.");
            if (parameter.IsRequired && parameter.Type.IsValueType)
            {
                // A method call rather than a throw statement: the code after it must not become unreachable (CS0162).
                writer.Line($"{CSharpTypes.ParameterStyles}.ThrowNotSent({message});");
                return;
            }

            writer.Line($"if ({parameter.Name} is not null)");
            writer.Line("{");
            writer.Line($"    {CSharpTypes.ParameterStyles}.ThrowNotSent({message});");
            writer.Line("}");
            return;
        }

        if (parameter.IsRequired && (parameter.Type.IsValueType || parameter.Location == ParameterLocation.Path))
        {
            // Required reference values were checked for null by the validator.
            foreach (var statement in statements(parameter.Name))
            {
                writer.Line(statement);
            }

            return;
        }

        // No pattern variable: a name such as status_ could be one of the generated locals, which must not collide.
        writer.Line($"if ({parameter.Name} is not null)");
        writer.Line("{");
        foreach (var statement in statements(parameter.Type.IsValueType ? parameter.Name + ".Value" : parameter.Name))
        {
            writer.Line("    " + statement);
        }

        writer.Line("}");
    }

    /// <summary>A single value in its location's default layout, formatted by <c>FormatValue</c> (the code as before styles).</summary>
    private static bool IsPlain(ClientSpec client, ParameterSpec parameter) =>
        parameter.ContentType is null && parameter.NotSentReason is null && parameter.Type.Kind is not (TypeKind.Array or TypeKind.Object or TypeKind.Map) &&
        !ClientRuntimeSource.IsItemUnion(client, parameter.Type);

    /// <summary>
    /// The expression of the value's members as text: one item for a single value (JSON text for a JSON
    /// <c>content</c> parameter), the formatted items of an array, or name, value, name, value… for an object.
    /// </summary>
    private static string Members(ClientSpec client, ParameterSpec parameter, string value)
    {
        if (parameter.IsJson)
        {
            return $"new[] {{ {CSharpTypes.ParameterStyles}.JsonParameter({value}, WriteJsonParameter) }}";
        }

        return parameter.Type.Kind switch
        {
            _ when parameter.ContentType is not null => $"new[] {{ {ClientRuntimeSource.FormatterOf(parameter.Type)}({value}) }}",
            TypeKind.Array => $"{CSharpTypes.ParameterStyles}.FormatItems({value}, {ClientRuntimeSource.FormatterOf(parameter.Type.Element!)})",
            TypeKind.Map => $"{CSharpTypes.ParameterStyles}.FormatProperties({value}, {ClientRuntimeSource.FormatterOf(parameter.Type.Element!)})",
            TypeKind.Object => $"ParameterProperties({value})",
            TypeKind.Union when ClientRuntimeSource.IsItemUnion(client, parameter.Type) => $"ParameterItems({value})",
            _ => $"new[] {{ {ClientRuntimeSource.FormatterOf(parameter.Type)}({value}) }}",
        };
    }

    /// <summary>Whether <see cref="Members"/> holds name/value pairs (an object) rather than items.</summary>
    private static string PropertiesFlag(ParameterSpec parameter) =>
        !parameter.IsJson && parameter.ContentType is null && parameter.Type.Kind is TypeKind.Object or TypeKind.Map ? "properties: true" : "properties: false";

    /// <summary>
    /// A single value (or a content parameter's text) expands the same either way; RFC 6570's exploded form is the
    /// simpler path. A union keeps the spec's: one of its cases may be an array.
    /// </summary>
    private static string Explode(ParameterSpec parameter) =>
        parameter.Explode || parameter.ContentType is not null || parameter.Type.Kind is not (TypeKind.Array or TypeKind.Object or TypeKind.Map or TypeKind.Union) ? "explode: true" : "explode: false";

    private static string Delimiter(ParameterSpec parameter) => parameter.Style switch
    {
        ParameterStyle.SpaceDelimited => "\"%20\"",
        ParameterStyle.PipeDelimited => "\"|\"",
        _ => "\",\"",
    };
}
