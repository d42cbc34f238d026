using Applivery.Generators.Model;

namespace Applivery.Generators.Emit;

/// <summary>The request body: its parameter and how it becomes the request's content.</summary>
internal static partial class ClientEmitter
{
    private static string BodyParameter(ClientSpec client, RequestBodySpec body) =>
        body.IsRequired
            ? $"{CSharpTypes.Of(body.Type, client.Namespace)} {body.ParameterName}"
            : $"{CSharpTypes.OfNullable(body.Type, client.Namespace, true)} {body.ParameterName} = null";

    private static void EmitBodyNullCheck(SourceWriter writer, OperationSpec operation)
    {
        if (operation.RequestBody is { IsRequired: true, Type.IsValueType: false } body)
        {
            writer.Line($"if ({body.ParameterName} is null)");
            writer.Line("{");
            writer.Line($"    throw new global::System.ArgumentNullException(nameof({body.ParameterName}));");
            writer.Line("}");
        }
    }

    private static void EmitRequestContent(SourceWriter writer, ClientSpec client, OperationSpec operation)
    {
        if (operation.RequestBody is not { } body)
        {
            return;
        }

        var json = $"global::{client.Namespace}.{JsonEmitter.ClassName(client)}";
        var write = $"{json}.{JsonEmitter.RootWriter(body.Type)}";
        writer.Line(body.IsRequired && body.Type.IsValueType
            ? $"var content_ = {json}.Serialize({body.ParameterName}, {write});"
            : $"var content_ = {body.ParameterName} is {{ }} body_ ? {json}.Serialize(body_, {write}) : null;");

        writer.Line("if (content_ is not null)");
        writer.Line("{");
        writer.Line("    request_.Content = new global::System.Net.Http.ByteArrayContent(content_);");
        writer.Line($"    request_.Content.Headers.ContentType = new global::System.Net.Http.Headers.MediaTypeHeaderValue({CSharpTypes.Literal(body.ContentType.Split(';')[0].Trim())});");
        writer.Line("}");
    }
}
