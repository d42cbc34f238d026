using System;
using System.Collections.Generic;
using System.Linq;
using Applivery.Generators.Model;

namespace Applivery.Generators.Emit;

/// <summary>The responses: what the method returns, the Accept header, and the exception for a non-success status.</summary>
internal static partial class ClientEmitter
{
    private static string ReturnType(ClientSpec client, OperationSpec operation) =>
        SuccessResponse(operation)?.Type is { } type
            ? $"global::System.Threading.Tasks.Task<{CSharpTypes.Of(type, client.Namespace)}>"
            : "global::System.Threading.Tasks.Task";

    private static ResponseSpec? SuccessResponse(OperationSpec operation) =>
        operation.Responses.FirstOrDefault(response => response.StatusCode.StartsWith("2", StringComparison.Ordinal) && response.Type is not null)
        ?? operation.Responses.FirstOrDefault(response => response.StatusCode.StartsWith("2", StringComparison.Ordinal));


    private static void EmitAccept(SourceWriter writer, OperationSpec operation) =>
        writer.Line("request_.Headers.Accept.Add(new global::System.Net.Http.Headers.MediaTypeWithQualityHeaderValue(\"application/json\"));");

    private static void EmitSuccess(SourceWriter writer, ClientSpec client, OperationSpec operation)
    {
        var json = $"global::{client.Namespace}.{JsonEmitter.ClassName(client)}";
        writer.OpenBlock("if (status_ >= 200 && status_ < 300)");
        if (SuccessResponse(operation)?.Type is { } successType)
        {
            writer.Line("using var stream_ = await response_.Content.ReadAsStreamAsync().ConfigureAwait(false);");
            writer.OpenBlock("try");
            writer.Line($"return await {json}.ReadAsync(stream_, {json}.{JsonEmitter.RootReader(successType)}, response_.Content.Headers.ContentLength, MaxResponseBodySize, {operation.CancellationTokenName}).ConfigureAwait(false);");
            writer.CloseBlock();
            writer.OpenBlock("catch (global::System.Text.Json.JsonException exception_)");
            writer.Line($"throw {ExceptionName(client)}.InvalidBody({CSharpTypes.Literal(operation.OperationId)}, status_, exception_);");
            writer.CloseBlock();
            writer.OpenBlock("catch (global::System.IO.IOException exception_)");
            writer.Line($"throw {ExceptionName(client)}.InterruptedBody({CSharpTypes.Literal(operation.OperationId)}, status_, exception_);");
            writer.CloseBlock();
        }
        else
        {
            writer.Line("return;");
        }

        writer.CloseBlock();
    }

    private static void EmitFailure(SourceWriter writer, ClientSpec client, OperationSpec operation)
    {
        var json = $"global::{client.Namespace}.{JsonEmitter.ClassName(client)}";
        writer.Line($"var error_ = await ReadErrorBodyAsync(response_, {operation.CancellationTokenName}).ConfigureAwait(false);");
        writer.Line("object? typedBody_ = null;");
        writer.Line("long? errorCode_ = null;");
        writer.Line("string? errorMessage_ = null;");
        var errorResponses = operation.Responses.Where(response => !response.StatusCode.StartsWith("2", StringComparison.Ordinal) && response.Type is { Kind: TypeKind.Object }).ToList();
        if (errorResponses.Count > 0)
        {
            writer.OpenBlock("switch (status_)");
            foreach (var response in errorResponses.OrderBy(response => response.StatusCode.Equals("default", StringComparison.OrdinalIgnoreCase) ? 2 : response.StatusCode.Contains("X") || response.StatusCode.Contains("x") ? 1 : 0))
            {
                var label = StatusLabel(response.StatusCode);
                if (label is null)
                {
                    continue;
                }

                var errorType = client.Objects.First(type => type.Name == response.Type!.Name);
                writer.Line(label);
                writer.Line("{");
                writer.Line($"    if (TryParseError(error_, {json}.Read{errorType.Name}) is {{ }} errorBody_)");
                writer.Line("    {");
                writer.Line("        typedBody_ = errorBody_;");
                foreach (var line in ErrorFields(client, errorType))
                {
                    writer.Line("        " + line);
                }

                writer.Line("    }");
                writer.Line();
                writer.Line("    break;");
                writer.Line("}");
            }

            writer.CloseBlock();
            writer.Line();
        }

        writer.Line($"throw new {ExceptionName(client)}({CSharpTypes.Literal(operation.OperationId)}, status_, response_.ReasonPhrase, errorCode_, errorMessage_, error_.Excerpt, typedBody_);");
    }

    /// <summary>
    /// Where an error body keeps its code and message: a <c>code</c>/<c>message</c> property of the body, or of its
    /// <c>error</c> object (Applivery's envelope), so every spec with that common shape gets <c>ErrorCode</c>.
    /// </summary>
    private static IEnumerable<string> ErrorFields(ClientSpec client, ObjectTypeSpec errorType)
    {
        var candidates = new List<(string Access, ObjectTypeSpec Type)> { ("errorBody_", errorType) };
        foreach (var property in errorType.Properties.Where(property => property.WireName.Equals("error", StringComparison.OrdinalIgnoreCase) && property.Type.Kind == TypeKind.Object))
        {
            candidates.Add(($"errorBody_.{property.Name}?", client.Objects.First(type => type.Name == property.Type.Name)));
        }

        foreach (var (access, type) in candidates)
        {
            var code = type.Properties.FirstOrDefault(property => property.WireName is "code" or "errorCode" && property.Type.Kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.String);
            var message = type.Properties.FirstOrDefault(property => property.WireName is "message" or "errorMessage" && property.Type.Kind == TypeKind.String);
            if (code is not null)
            {
                yield return $"errorCode_ ??= ToErrorCode({access}.{code.Name});";
            }

            if (message is not null)
            {
                yield return $"errorMessage_ ??= {access}.{message.Name};";
            }
        }
    }

    private static string? StatusLabel(string status)
    {
        if (status.Equals("default", StringComparison.OrdinalIgnoreCase))
        {
            return "default:";
        }

        if (status.Length == 3 && char.IsDigit(status[0]) && (status[1] is 'X' or 'x') && (status[2] is 'X' or 'x'))
        {
            var hundreds = (status[0] - '0') * 100;
            return $"case >= {hundreds} and < {hundreds + 100}:";
        }

        return int.TryParse(status, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code) ? $"case {code}:" : null;
    }
}
