using System;
using System.Collections.Generic;
using System.Linq;
using Applivery.Generators.Model;

namespace Applivery.Generators.Emit;

/// <summary>The responses: what the method returns, the Accept header, and the exception for a non-success status.</summary>
internal static partial class ClientEmitter
{
    private static string ReturnType(ClientSpec client, OperationSpec operation)
    {
        var successes = Successes(operation);
        if (successes.FirstOrDefault(response => response.ResultTypeName is not null)?.ResultTypeName is { } resultType)
        {
            return $"global::System.Threading.Tasks.Task<global::{client.Namespace}.{resultType}>";
        }

        return BodyResponse(operation) is { } body
            ? $"global::System.Threading.Tasks.Task<{BodyType(client, body, AllowsEmptySuccess(operation))}>"
            : "global::System.Threading.Tasks.Task";
    }

    /// <summary>The success response whose JSON body the method returns, for its doc comment; null when it returns no JSON body.</summary>
    private static ResponseSpec? SuccessResponse(OperationSpec operation) =>
        BodyResponse(operation) is { Type: not null } body && body.ResultTypeName is null ? body : null;

    private static List<ResponseSpec> Successes(OperationSpec operation) => operation.Responses.Where(response => response.IsSuccess).ToList();

    /// <summary>The first success with a body: with no result type, every success with a body has this one's shape.</summary>
    private static ResponseSpec? BodyResponse(OperationSpec operation) =>
        operation.Responses.FirstOrDefault(response => response.IsSuccess && response.BodyKind != ResponseBodyKind.None);

    /// <summary>A success without a body is declared (a 204, say): the method's single body type becomes nullable.</summary>
    private static bool AllowsEmptySuccess(OperationSpec operation) =>
        operation.Responses.Any(response => response.IsSuccess && response.BodyKind == ResponseBodyKind.None);

    /// <summary>The C# type of one success body.</summary>
    internal static string BodyType(ClientSpec client, ResponseSpec response, bool isNullable)
    {
        var type = response.BodyKind switch
        {
            ResponseBodyKind.Json => CSharpTypes.Of(response.Type!, client.Namespace),
            ResponseBodyKind.Text => "string",
            _ => $"global::{client.Namespace}.{FileDownloadEmitter.TypeName}",
        };
        return isNullable ? type + "?" : type;
    }

    /// <summary>
    /// The Accept header lists what the responses declare: every media type of the error responses, and of each
    /// success the one the client reads (the JSON one when a success offers several; none for a 204). None: no header.
    /// </summary>
    private static void EmitAccept(SourceWriter writer, OperationSpec operation)
    {
        var mediaTypes = new List<string>();
        foreach (var response in operation.Responses)
        {
            var offered = !response.IsSuccess ? response.MediaTypes.AsEnumerable() : response.ContentType is { } read ? new[] { read } : Enumerable.Empty<string>();
            mediaTypes.AddRange(offered.Where(type => !mediaTypes.Contains(type, StringComparer.OrdinalIgnoreCase)));
        }

        foreach (var mediaType in mediaTypes)
        {
            writer.Line($"Accept(request_, {CSharpTypes.Literal(mediaType)});");
        }
    }

    private static string SuccessReaderName(OperationSpec operation) => "Read" + operation.MethodName + "SuccessAsync";

    /// <summary>
    /// The success reader of an operation whose success is not a single JSON body (see <see cref="UsesSharedSend"/>):
    /// called with the response of a 2xx status, it returns what the method returns.
    /// </summary>
    private static void EmitSuccessReader(SourceWriter writer, ClientSpec client, OperationSpec operation)
    {
        writer.Line($"/// <summary>The success body of <c>{Documentation.Escape(operation.OperationId)}</c>, for a 2xx <paramref name=\"status_\"/>.</summary>");
        writer.OpenBlock($"private static async {ReturnType(client, operation)} {SuccessReaderName(operation)}(global::{client.Namespace}.{client.ClientName} client_, global::System.Net.Http.HttpResponseMessage response_, int status_, CancellationToken {CallToken})");
        var resultType = Successes(operation).FirstOrDefault(response => response.ResultTypeName is not null)?.ResultTypeName;
        if (resultType is not null)
        {
            EmitResultSuccess(writer, client, operation, resultType);
        }
        else if (!AllowsEmptySuccess(operation))
        {
            writer.Line($"return {ReadBody(client, operation, BodyResponse(operation)!, false)};");
        }
        else
        {
            // A declared range without a body (2XX) leaves only the exact codes with one; else every status but the bodiless ones reads.
            var body = BodyResponse(operation)!;
            var successes = Successes(operation);
            var rangeWithoutBody = successes.Any(response => response.BodyKind == ResponseBodyKind.None && !IsExactStatus(response.StatusCode));
            if (rangeWithoutBody)
            {
                var withBody = successes.Where(response => response.BodyKind != ResponseBodyKind.None && IsExactStatus(response.StatusCode)).Select(response => "status_ == " + response.StatusCode).ToList();
                writer.OpenBlock($"if ({(withBody.Count == 0 ? "false" : string.Join(" || ", withBody))})");
                writer.Line($"return {ReadBody(client, operation, body, true)};");
                writer.CloseBlock();
                writer.Line();
                writer.Line("return null;");
            }
            else
            {
                var withoutBody = successes.Where(response => response.BodyKind == ResponseBodyKind.None).Select(response => response.StatusCode)
                    .Concat(new[] { "204", "205" }).Distinct().OrderBy(code => code, StringComparer.Ordinal).Select(code => "status_ == " + code);
                writer.Line("// No body by the spec (or by HTTP, for 204 and 205): nothing is read, nothing parsed.");
                writer.OpenBlock($"if ({string.Join(" || ", withoutBody)})");
                writer.Line("return null;");
                writer.CloseBlock();
                writer.Line();
                writer.Line($"return {ReadBody(client, operation, body, true)};");
            }
        }

        writer.CloseBlock();
    }

    /// <summary>
    /// Whether an operation reads a body through the client's bounded readers (<c>ReadTextAsync</c>,
    /// <c>ReadJsonOrNullAsync</c>) rather than the JSON reader alone; without one, they are not generated.
    /// </summary>
    internal static bool UsesBodyReaders(ClientSpec client) => client.Operations.Any(operation =>
    {
        var successes = Successes(operation);
        var isNullable = AllowsEmptySuccess(operation) || successes.Any(response => response.ResultTypeName is not null);
        return successes.Any(response => response.BodyKind == ResponseBodyKind.Text || (response.BodyKind == ResponseBodyKind.Json && isNullable));
    });

    private static bool IsExactStatus(string status) => status.Length == 3 && status.All(char.IsDigit);


    /// <summary>Several 2xx with different bodies: one case per declared status, each filling its own property.</summary>
    private static void EmitResultSuccess(SourceWriter writer, ClientSpec client, OperationSpec operation, string resultType)
    {
        var result = $"global::{client.Namespace}.{resultType}";
        var withBody = Successes(operation).Where(response => response.ResultPropertyName is not null)
            .OrderBy(response => IsExactStatus(response.StatusCode) ? 0 : 1)
            .ToList();
        writer.OpenBlock("switch (status_)");
        foreach (var response in withBody)
        {
            writer.Line(StatusLabel(response.StatusCode)!);
            writer.Line($"    return new {result}(status_, {OperationResultEmitter.ParameterName(response.ResultPropertyName!)}: {ReadBody(client, operation, response, true)});");
        }

        writer.Line("default:");
        writer.Line("    // A success the spec declares without a body, or does not declare: the status code alone.");
        writer.Line($"    return new {result}(status_);");
        writer.CloseBlock();
    }

    /// <summary>The expression that reads one success body (after the status is known to be a success).</summary>
    private static string ReadBody(ClientSpec client, OperationSpec operation, ResponseSpec response, bool isNullable)
    {
        var operationId = CSharpTypes.Literal(operation.OperationId);
        switch (response.BodyKind)
        {
            case ResponseBodyKind.Text:
                return $"await client_.ReadTextAsync(response_, {operationId}, {CallToken}).ConfigureAwait(false)";
            case ResponseBodyKind.Binary:
                return $"await global::{client.Namespace}.{FileDownloadEmitter.TypeName}.OpenAsync(response_).ConfigureAwait(false)";
            default:
                var json = $"global::{client.Namespace}.{JsonEmitter.ClassName(client)}";
                var helper = response.Type!.IsValueType ? "ReadJsonValueOrNullAsync" : "ReadJsonOrNullAsync";
                return $"await client_.{helper}(response_, {json}.{JsonEmitter.RootReader(response.Type!)}, {operationId}, {CallToken}).ConfigureAwait(false)";
        }
    }

    /// <summary>
    /// The name of the error reader of the operation: the statuses whose bodies it types, in the order it tries them
    /// (<c>Read401Or404Errors</c>, <c>Read4XXOrDefaultErrors</c>); a set with the same statuses and other types takes a number
    /// (<c>Read404Errors2</c>).
    /// </summary>
    private static string ErrorReaderStem(List<IGrouping<string, (ResponseSpec Response, string Label)>> sections) =>
        "Read" + string.Join("Or", sections.SelectMany(section => section.Select(entry => StatusName(entry.Response.StatusCode)))) + "Errors";

    /// <summary>A status as a name part: <c>404</c>, <c>4XX</c>, <c>Default</c>.</summary>
    private static string StatusName(string status) =>
        status.Equals("default", StringComparison.OrdinalIgnoreCase) ? "Default" : status.ToUpperInvariant();

    /// <summary>
    /// The typed error responses of the operation by section of the reader's <c>switch</c>: exact statuses with the same
    /// error body share one section (GitHub's 403, 404 and 500 are all BasicError); ranges and default keep their own,
    /// after them, so no label is subsumed by an earlier one.
    /// </summary>
    private static List<IGrouping<string, (ResponseSpec Response, string Label)>> ErrorSections(OperationSpec operation) =>
        operation.Responses
            .Where(response => !response.IsSuccess && response.Type is { Kind: TypeKind.Object or TypeKind.Union })
            .Select(response => (Response: response, Label: StatusLabel(response.StatusCode)!))
            .Where(entry => entry.Label is not null)
            .GroupBy(entry => IsExactStatus(entry.Response.StatusCode) ? "exact " + entry.Response.Type!.Name : "own " + entry.Response.StatusCode, StringComparer.Ordinal)
            .OrderBy(group => IsExactStatus(group.First().Response.StatusCode) ? 0 : group.First().Response.StatusCode.Equals("default", StringComparison.OrdinalIgnoreCase) ? 2 : 1)
            .ToList();

    /// <summary>What an error reader's body is made of: each section's labels and the type it reads.</summary>
    private static string ErrorReaderKey(List<IGrouping<string, (ResponseSpec Response, string Label)>> sections) =>
        string.Join("|", sections.Select(section => string.Join(",", section.Select(entry => entry.Label)) + ">" + section.First().Response.Type!.Name));

    /// <summary>The method that reads the typed error bodies of <paramref name="sections"/> (the operation's), by status.</summary>
    private static string ErrorReaderBody(ClientSpec client, OperationSpec operation, List<IGrouping<string, (ResponseSpec Response, string Label)>> sections, string name)
    {
        var json = $"global::{client.Namespace}.{JsonEmitter.ClassName(client)}";
        var writer = new SourceWriter();
        writer.Line($"/// <summary>The typed error body of a status, for <c>{Documentation.Escape(operation.OperationId)}</c> and every operation with the same ones; null for any other status or body.</summary>");
        writer.OpenBlock($"private static object? {name}(int status_, ErrorBody error_, ref long? errorCode_, ref string? errorMessage_)");
        writer.OpenBlock("switch (status_)");
        foreach (var section in sections)
        {
            var response = section.First().Response;
            foreach (var entry in section)
            {
                writer.Line(entry.Label!);
            }

            writer.Line("{");
            writer.Line($"    if (TryParseError(error_, {json}.Read{response.Type!.Name}) is {{ }} errorBody_)");
            writer.Line("    {");
            foreach (var line in ErrorFields(client, response.Type!))
            {
                writer.Line(line.Length == 0 ? string.Empty : "        " + line);
            }

            writer.Line("        return errorBody_;");
            writer.Line("    }");
            writer.Line();
            writer.Line("    break;");
            writer.Line("}");
        }

        writer.CloseBlock();
        writer.Line();
        writer.Line("return null;");
        writer.CloseBlock();
        return writer.ToString();
    }

    /// <summary>
    /// Where an error body keeps its code and message: a <c>code</c>/<c>message</c> property of the body, or of its
    /// <c>error</c> object (Applivery's envelope), so every spec with that common shape gets <c>ErrorCode</c>.
    /// </summary>
    private static IEnumerable<string> ErrorFields(ClientSpec client, TypeRef errorBody)
    {
        if (errorBody.Kind == TypeKind.Object)
        {
            return ErrorFields(client, "errorBody_", client.Objects.First(type => type.Name == errorBody.Name));
        }

        // A union error body: the fields of whichever object case came.
        var lines = new List<string>();
        var union = client.Unions.First(candidate => candidate.Name == errorBody.Name);
        foreach (var @case in union.Cases.Where(@case => @case.Type.Kind == TypeKind.Object))
        {
            var local = "error" + @case.Name + "_";
            var fields = ErrorFields(client, local, client.Objects.First(type => type.Name == @case.Type.Name)).ToList();
            if (fields.Count > 0)
            {
                if (lines.Count > 0)
                {
                    lines.Add(string.Empty);
                }

                lines.Add($"if (errorBody_.As{@case.Name} is {{ }} {local})");
                lines.Add("{");
                lines.AddRange(fields.Select(field => "    " + field));
                lines.Add("}");
            }
        }

        return lines;
    }

    private static IEnumerable<string> ErrorFields(ClientSpec client, string access, ObjectTypeSpec errorType)
    {
        var candidates = new List<(string Access, ObjectTypeSpec Type)> { (access, errorType) };
        foreach (var property in errorType.Properties.Where(property => property.WireName.Equals("error", StringComparison.OrdinalIgnoreCase) && property.Type.Kind == TypeKind.Object))
        {
            candidates.Add(($"{access}.{property.Name}?", client.Objects.First(type => type.Name == property.Type.Name)));
        }

        foreach (var (path, type) in candidates)
        {
            var code = ClientRuntimeSource.ErrorCodeProperty(type);
            var message = type.Properties.FirstOrDefault(property => property.WireName is "message" or "errorMessage" && property.Type.Kind == TypeKind.String);
            if (code is not null)
            {
                yield return $"errorCode_ ??= ToErrorCode({path}.{code.Name});";
            }

            if (message is not null)
            {
                yield return $"errorMessage_ ??= {path}.{message.Name};";
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
