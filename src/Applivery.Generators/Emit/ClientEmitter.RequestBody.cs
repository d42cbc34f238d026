using System;
using System.Collections.Generic;
using System.Linq;
using Applivery.Generators.Model;

namespace Applivery.Generators.Emit;

/// <summary>The request body: its parameter and how it becomes the request's content, for each kind of body.</summary>
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
            writer.Line($"    throw new ArgumentNullException(nameof({body.ParameterName}));");
            writer.Line("}");
        }
    }

    /// <summary>
    /// The types the JSON class must be able to write as whole documents for this operation's body: the body of a JSON
    /// or form request, and the non-object JSON parts of a multipart one.
    /// </summary>
    internal static IEnumerable<TypeRef?> RequestBodyJsonTypes(ClientSpec client, OperationSpec operation)
    {
        switch (operation.RequestBody)
        {
            case { Kind: RequestBodyKind.Json or RequestBodyKind.Form } body:
                yield return body.Type;
                break;
            case { Kind: RequestBodyKind.Multipart } body when FindObject(client, body.Type) is { } type:
                foreach (var property in type.Properties)
                {
                    var encoding = EncodingOf(body, property.WireName);
                    if (IsJsonPart(client, property.Type, encoding))
                    {
                        yield return property.Type;
                    }
                    else if (property.Type.Kind == TypeKind.Array && IsJsonItem(client, property.Type.Element!))
                    {
                        yield return property.Type.Element;
                    }
                }

                break;
        }
    }

    private static void EmitRequestContent(SourceWriter writer, ClientSpec client, OperationSpec operation)
    {
        if (operation.RequestBody is not { } body)
        {
            return;
        }

        if (body.Kind == RequestBodyKind.Json)
        {
            EmitJsonContent(writer, client, body);
            return;
        }

        // The body's value: the parameter itself (a required body is checked for null above), or its non-null value
        // inside an 'if' for an optional body.
        var isWrapped = !body.IsRequired;
        var value = isWrapped ? "body_" : body.ParameterName;
        if (isWrapped)
        {
            writer.OpenBlock($"if ({body.ParameterName} is {{ }} body_)");
        }

        var mediaType = CSharpTypes.Literal(body.ContentType.Split(';')[0].Trim());
        switch (body.Kind)
        {
            case RequestBodyKind.Binary:
                writer.Line($"request_.Content = {value}.ToHttpContent({CSharpTypes.Literal(DefaultFileContentType(body.ContentType))});");
                break;
            case RequestBodyKind.Text:
                writer.Line($"request_.Content = new global::System.Net.Http.StringContent({value}, global::System.Text.Encoding.UTF8, {mediaType});");
                break;
            case RequestBodyKind.Form:
                EmitFormContent(writer, client, body, value);
                break;
            case RequestBodyKind.Multipart:
                EmitMultipartContent(writer, client, body, value, mediaType);
                break;
        }

        if (isWrapped)
        {
            writer.CloseBlock();
        }
    }

    private static void EmitJsonContent(SourceWriter writer, ClientSpec client, RequestBodySpec body)
    {
        var json = $"global::{client.Namespace}.{JsonEmitter.ClassName(client)}";
        var write = $"{json}.{JsonEmitter.RootWriter(client, body.Type)}";
        writer.Line(body.IsRequired && body.Type.IsValueType
            ? $"var content_ = {json}.Serialize({body.ParameterName}, {write});"
            : $"var content_ = {body.ParameterName} is {{ }} body_ ? {json}.Serialize(body_, {write}) : null;");

        writer.Line("if (content_ is not null)");
        writer.Line("{");
        writer.Line("    request_.Content = new global::System.Net.Http.ByteArrayContent(content_);");
        writer.Line($"    request_.Content.Headers.ContentType = new global::System.Net.Http.Headers.MediaTypeHeaderValue({CSharpTypes.Literal(body.ContentType.Split(';')[0].Trim())});");
        writer.Line("}");
    }

    /// <summary>
    /// A form: the model is written as JSON by the generated writer (so enums are wire values, dates RFC 3339 and null
    /// optional properties absent), then each top-level property becomes fields as its encoding entry says.
    /// </summary>
    private static void EmitFormContent(SourceWriter writer, ClientSpec client, RequestBodySpec body, string value)
    {
        var json = $"global::{client.Namespace}.{JsonEmitter.ClassName(client)}";
        writer.Line($"var json_ = {json}.Serialize({value}, {json}.{JsonEmitter.RootWriter(client, body.Type)}, encoder: {RelaxedEncoder});");
        var encodings = body.Encodings.Where(encoding => encoding.Style != FormStyle.Default || !encoding.Explode).ToList();
        if (encodings.Count == 0)
        {
            writer.Line($"request_.Content = {CSharpTypes.FormBody}.FormContent(json_, null);");
            return;
        }

        writer.Line($"request_.Content = {CSharpTypes.FormBody}.FormContent(json_, name_ => name_ switch");
        writer.Line("{");
        foreach (var encoding in encodings)
        {
            writer.Line($"    {CSharpTypes.Literal(encoding.WireName)} => ({CSharpTypes.FormBody}.FormStyle.{encoding.Style}, {(encoding.Explode ? "true" : "false")}),");
        }

        writer.Line($"    _ => ({CSharpTypes.FormBody}.FormStyle.Default, true),");
        writer.Line("});");
    }

    /// <summary>One part per property (each item of an array its own part), files streamed, objects as JSON parts.</summary>
    private static void EmitMultipartContent(SourceWriter writer, ClientSpec client, RequestBodySpec body, string value, string mediaType)
    {
        var type = FindObject(client, body.Type)!;
        writer.Line($"var parts_ = {CSharpTypes.MultipartBody}.MultipartContent({mediaType});");
        writer.Line("request_.Content = parts_;");
        foreach (var property in type.Properties)
        {
            var encoding = EncodingOf(body, property.WireName);
            var name = CSharpTypes.Literal(property.WireName);
            // '{name}Part_': no spec name ends in '_', and none of the fixed locals (parts_, body_, item_) ends in 'Part_'.
            var local = char.ToLowerInvariant(property.Name[0]) + property.Name.Substring(1) + "Part_";
            var access = $"{value}.{property.Name}";
            var isDirect = property.Type.IsValueType && !property.IsNullable;
            if (!isDirect)
            {
                writer.OpenBlock($"if ({access} is {{ }} {local})");
            }

            var item = isDirect ? access : local;
            if (property.Type.Kind == TypeKind.Array && !IsJsonPart(client, property.Type, encoding))
            {
                var element = property.Type.Element!;
                writer.OpenBlock($"foreach (var item_ in {item})");
                if (element.IsValueType)
                {
                    writer.Line(PartStatement(client, element, name, "item_", encoding));
                }
                else
                {
                    writer.OpenBlock("if (item_ is not null)");
                    writer.Line(PartStatement(client, element, name, "item_", encoding));
                    writer.CloseBlock();
                }

                writer.CloseBlock();
            }
            else
            {
                writer.Line(PartStatement(client, property.Type, name, item, encoding));
            }

            if (!isDirect)
            {
                writer.CloseBlock();
            }
        }
    }

    private static string PartStatement(ClientSpec client, TypeRef type, string name, string value, PropertyEncodingSpec? encoding)
    {
        var json = $"global::{client.Namespace}.{JsonEmitter.ClassName(client)}";
        var contentType = encoding?.ContentType is { } declared ? CSharpTypes.Literal(declared.Split(',')[0].Trim()) : "null";
        if (type.Kind == TypeKind.File)
        {
            return $"AddFilePart_(parts_, {name}, {value}, {CSharpTypes.Literal(DefaultFileContentType(encoding?.ContentType))});";
        }

        if (IsJsonPart(client, type, encoding) || IsJsonItem(client, type))
        {
            var writerName = type.Kind == TypeKind.Object ? "Write" + type.Name : JsonEmitter.RootWriter(client, type);
            var jsonType = encoding?.ContentType is { } declaredJson && IsJsonMediaType(declaredJson) ? CSharpTypes.Literal(declaredJson.Split(',')[0].Trim()) : "\"application/json\"";
            return $"{CSharpTypes.MultipartBody}.AddJsonPart(parts_, {name}, {json}.Serialize({value}, {json}.{writerName}, encoder: {RelaxedEncoder}), {jsonType});";
        }

        var text = type.Kind switch
        {
            TypeKind.String => value,
            TypeKind.Enum => EnumText(client, type, value),
            TypeKind.JsonElement => null,
            _ => $"{ClientRuntimeSource.FormatterOf(type)}({value})",
        };
        return text is null
            ? $"{CSharpTypes.MultipartBody}.AddJsonElementPart(parts_, {name}, {value}, {contentType});"
            : $"{CSharpTypes.MultipartBody}.AddTextPart(parts_, {name}, {text}, {contentType});";
    }

    /// <summary>
    /// JSON inside a form field or part keeps non-ASCII and HTML-sensitive characters as they are (the field is
    /// form-encoded or a part of its own, never HTML): <c>"Zoë"</c>, not <c>"Zo\u00EB"</c>.
    /// </summary>
    private const string RelaxedEncoder = "global::System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping";

    private static string EnumText(ClientSpec client, TypeRef type, string value)
    {
        var spec = client.Enums.First(candidate => candidate.Name == type.Name);
        return $"(global::{client.Namespace}.{spec.ExtensionsName}.ToWireValue({value}) ?? throw new ArgumentException(\"'\" + {value} + \"' is not a value of {spec.Name} that the server knows.\"))";
    }

    /// <summary>A value sent as one JSON part: what the encoding entry says is JSON, and every object or map.</summary>
    private static bool IsJsonPart(ClientSpec client, TypeRef type, PropertyEncodingSpec? encoding) =>
        type.Kind != TypeKind.File && ((encoding?.ContentType is { } contentType && IsJsonMediaType(contentType)) || type.Kind is TypeKind.Object or TypeKind.Map || IsTextlessUnion(client, type));

    /// <summary>An array item that has no text form, so is a JSON part of its own.</summary>
    private static bool IsJsonItem(ClientSpec client, TypeRef type) => type.Kind is TypeKind.Object or TypeKind.Map or TypeKind.Array || IsTextlessUnion(client, type);

    /// <summary>A union with an object, map or array case: its part is JSON, whichever case it holds.</summary>
    private static bool IsTextlessUnion(ClientSpec client, TypeRef type) => type.Kind == TypeKind.Union && !ClientRuntimeSource.IsSingleValue(client, type);

    private static bool IsJsonMediaType(string contentType)
    {
        var mediaType = contentType.Split(',')[0].Split(';')[0].Trim().ToLowerInvariant();
        return mediaType is "application/json" or "text/json" || mediaType.EndsWith("+json", StringComparison.Ordinal);
    }

    /// <summary>The media type a file is sent with when its <c>FileUpload</c> names none: the spec's, unless it is a range or a list.</summary>
    private static string DefaultFileContentType(string? declared)
    {
        var first = declared?.Split(',')[0].Trim();
        return string.IsNullOrEmpty(first) || first!.Contains("*") ? "application/octet-stream" : first;
    }

    private static PropertyEncodingSpec? EncodingOf(RequestBodySpec body, string wireName) =>
        body.Encodings.FirstOrDefault(encoding => encoding.WireName == wireName);

    private static ObjectTypeSpec? FindObject(ClientSpec client, TypeRef type) =>
        type.Kind == TypeKind.Object ? client.Objects.FirstOrDefault(candidate => candidate.Name == type.Name) : null;

    /// <summary>The client's own file part helper (it takes the namespace's <c>FileUpload</c>), only when a multipart body may hold a file.</summary>
    private static string RequestBodyRuntimeSource(ClientSpec client) =>
        SendsMultipart(client) && FileUploadEmitter.IsUsedBy(client)
            ? RequestBodyRuntime.FilePart(client.Namespace)
            : string.Empty;

    /// <summary>Whether some operation sends a form body (<c>Runtime/FormBody.cs</c>).</summary>
    public static bool SendsForm(ClientSpec client) => client.Operations.Any(operation => operation.RequestBody?.Kind == RequestBodyKind.Form);

    /// <summary>Whether some operation sends a multipart body (<c>Runtime/MultipartBody.cs</c>).</summary>
    public static bool SendsMultipart(ClientSpec client) => client.Operations.Any(operation => operation.RequestBody?.Kind == RequestBodyKind.Multipart);
}
