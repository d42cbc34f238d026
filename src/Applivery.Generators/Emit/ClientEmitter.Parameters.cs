using System.Linq;
using Applivery.Generators.Model;

namespace Applivery.Generators.Emit;

/// <summary>How an operation's parameters reach the wire: the path, the query string and the headers.</summary>
internal static partial class ClientEmitter
{
    /// <summary>Declares <c>uri_</c>, the relative URI: the path template with its parameters, then the query string.</summary>
    private static void EmitRequestUri(SourceWriter writer, ClientSpec client, OperationSpec operation)
    {
        var ns = client.Namespace;
        writer.Line("var uri_ = new global::System.Text.StringBuilder();");
        foreach (var (text, isParameter) in PathTemplate.Split(operation.PathTemplate.TrimStart('/')))
        {
            if (!isParameter)
            {
                writer.Line($"uri_.Append({CSharpTypes.Literal(text)});");
                continue;
            }

            var parameter = operation.Parameters.First(candidate => candidate.Location == ParameterLocation.Path && candidate.WireName == text);
            writer.Line($"uri_.Append(global::System.Uri.EscapeDataString(FormatValue({parameter.Name})));");
        }

        var queryParameters = operation.Parameters.Where(parameter => parameter.Location == ParameterLocation.Query).ToList();
        if (queryParameters.Count == 0)
        {
            return;
        }

        writer.Line("var separator_ = '?';");
        foreach (var parameter in queryParameters)
        {
            var wire = CSharpTypes.Literal(parameter.WireName);
            if (parameter.Type.Kind == TypeKind.Array)
            {
                // Arrays are sent in OpenAPI's default query style: form, exploded (name=a&name=b).
                writer.Line($"foreach (var item_ in {parameter.Name} ?? global::System.Array.Empty<{CSharpTypes.Of(parameter.Type.Element!, ns)}>())");
                writer.Line("{");
                writer.Line($"    AppendQuery(uri_, ref separator_, {wire}, FormatValue(item_));");
                writer.Line("}");
            }
            else if (parameter.IsRequired && parameter.Type.IsValueType)
            {
                writer.Line($"AppendQuery(uri_, ref separator_, {wire}, FormatValue({parameter.Name}));");
            }
            else
            {
                writer.Line($"if ({parameter.Name} is {{ }} {Local(parameter)})");
                writer.Line("{");
                writer.Line($"    AppendQuery(uri_, ref separator_, {wire}, FormatValue({Local(parameter)}));");
                writer.Line("}");
            }
        }
    }

    private static void EmitHeaders(SourceWriter writer, OperationSpec operation)
    {
        foreach (var parameter in operation.Parameters.Where(parameter => parameter.Location == ParameterLocation.Header))
        {
            writer.Line($"if ({parameter.Name} is {{ }} {Local(parameter)})");
            writer.Line("{");
            writer.Line($"    request_.Headers.TryAddWithoutValidation({CSharpTypes.Literal(parameter.WireName)}, FormatValue({Local(parameter)}));");
            writer.Line("}");
        }
    }

    /// <summary>
    /// The non-null value of an optional parameter: <c>{name}Value_</c>, which neither a spec name nor one of the
    /// method's fixed locals (<c>uri_</c>, <c>request_</c>, …) can be.
    /// </summary>
    private static string Local(ParameterSpec parameter) => parameter.Name.TrimStart('@') + "Value_";
}
