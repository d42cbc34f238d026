using System.Collections.Generic;
using System.Linq;
using Applivery.Generators.Model;

namespace Applivery.Generators.Emit;

/// <summary>
/// One operation's method: signature, docs and body. The body's locals end in <c>_</c> (<c>request_</c>,
/// <c>response_</c>): the naming rules never produce such a name from a spec, so no spec parameter is renamed for them.
/// </summary>
internal static partial class ClientEmitter
{
    private static string Signature(ClientSpec client, OperationSpec operation)
    {
        var parameters = operation.Parameters.Select(parameter =>
            parameter.IsRequired
                ? $"{CSharpTypes.Of(parameter.Type, client.Namespace)} {parameter.Name}"
                : $"{CSharpTypes.OfNullable(parameter.Type, client.Namespace, true)} {parameter.Name} = null").ToList();
        if (operation.RequestBody is { } body)
        {
            parameters.Insert(operation.Parameters.Count(parameter => parameter.IsRequired), BodyParameter(client, body));
        }

        parameters.Add($"CancellationToken {operation.CancellationTokenName} = default");
        return $"{ReturnType(client, operation)} {operation.MethodName}Async({string.Join(", ", parameters)})";
    }

    /// <summary>An operation the spec marks <c>deprecated</c> is <c>[Obsolete]</c>, so a caller's build says so.</summary>
    private static void EmitDeprecation(SourceWriter writer, OperationSpec operation)
    {
        if (operation.IsDeprecated)
        {
            writer.Line($"[{CSharpTypes.ObsoleteAttribute}(\"Deprecated in the spec.\")]");
        }
    }

    /// <summary>The operation's docs, on the interface member.</summary>
    private static void EmitOperationDocs(SourceWriter writer, ClientSpec client, OperationSpec operation)
    {
        Documentation.Summary(writer, operation.Summary ?? operation.Description, $"{operation.HttpMethod} {operation.PathTemplate}");
        var remarks = new List<string>();
        if (operation.Summary is not null && operation.Description is not null)
        {
            remarks.Add(Documentation.Escape(operation.Description));
        }

        remarks.Add($"{Documentation.Code(operation.HttpMethod + " " + operation.PathTemplate)} ({Documentation.Code(operation.OperationId)}).");
        if (operation.RequiredPermission is not null)
        {
            remarks.Add($"Required permission: {Documentation.Code(operation.RequiredPermission)}.");
        }

        if (SecurityDoc(client, operation) is { } security)
        {
            remarks.Add(security);
        }

        Documentation.Element(writer, "remarks", string.Join("\n", remarks));
        foreach (var parameter in operation.Parameters)
        {
            var rules = ObjectTypeEmitter.DescribeConstraints(parameter.Type).ToList();
            if (parameter.DefaultValue is { } defaultValue)
            {
                rules.Add(ObjectTypeEmitter.DescribeDefault(defaultValue));
            }

            var text = Documentation.Escape(Documentation.SingleLine(parameter.Summary) ?? $"The {parameter.WireName} {parameter.Location.ToString().ToLowerInvariant()} parameter.");
            writer.Line($"/// <param name=\"{parameter.Name.TrimStart('@')}\">{(rules.Count > 0 ? Documentation.EndSentence(text) + " " + string.Join(" ", rules) : text)}</param>");
        }

        if (operation.RequestBody is { } body)
        {
            writer.Line($"/// <param name=\"{body.ParameterName}\">{Documentation.Escape(Documentation.SingleLine(body.Summary) ?? "The request body.")}</param>");
        }

        writer.Line($"/// <param name=\"{operation.CancellationTokenName}\">Cancels the request and the reading of the response.</param>");
        if (ReturnsDoc(operation) is { } returns)
        {
            writer.Line($"/// <returns>{returns}</returns>");
        }

        // A call without parameters or body has nothing to refuse; any other may (a rule, a null required value, an
        // enum value the server does not know, text the JSON writer cannot encode), always before anything is sent.
        if (operation.Parameters.Count > 0 || operation.RequestBody is not null)
        {
            writer.Line("/// <exception cref=\"ArgumentException\">A parameter breaks a rule of the spec; nothing was sent.</exception>");
        }

        writer.Line($"/// <exception cref=\"global::{client.Namespace}.{ExceptionName(client)}\">The server answered with a non-success status, or with a body that does not match the spec.</exception>");
    }


    /// <summary>Which credentials the call sends, in the order they are tried, named by the credentials' properties.</summary>
    private static string? SecurityDoc(ClientSpec client, OperationSpec operation)
    {
        var alternatives = operation.Security.Alternatives
            .Select(alternative => string.Join(" and ", alternative.Schemes.Where(scheme => scheme.HasCredential).Select(scheme => Documentation.Code(scheme.PropertyName))))
            .Where(text => text.Length > 0)
            .ToList();
        if (alternatives.Count == 0 || !CredentialsEmitter.HasCredentials(client))
        {
            return operation.Security.SendsLegacyBearerToken ? "Sends the bearer token the client was given." : null;
        }

        var sends = $"Sends the credentials (<see cref=\"{CredentialsEmitter.ClassName(client)}\"/>) {string.Join(", else ", alternatives)}";
        return alternatives.Count == 1 ? sends + ", when set." : sends + ": the first alternative whose credentials are all set.";
    }

    /// <summary>The <c>returns</c> doc of the method: the body's description, and for a download or a result what to do with it.</summary>
    private static string? ReturnsDoc(OperationSpec operation)
    {
        if (SuccessResponse(operation) is { Type: not null } json)
        {
            return Documentation.Escape(Documentation.SingleLine(json.Description) ?? "The response body.");
        }

        var successes = Successes(operation);
        if (successes.Any(response => response.ResultTypeName is not null))
        {
            return "The status code and the body of that status" + (successes.Any(response => response.BodyKind == ResponseBodyKind.Binary) ? "; dispose it to release the connection of a download." : ".");
        }

        return BodyResponse(operation) switch
        {
            { BodyKind: ResponseBodyKind.Binary } download => Documentation.Escape(Documentation.SingleLine(download.Description) ?? "The file.") + " Read it as a stream, and dispose it to release the connection.",
            { BodyKind: ResponseBodyKind.Text } text => Documentation.Escape(Documentation.SingleLine(text.Description) ?? "The response text.") + $" Read whole, at most <c>MaxResponseBodySize</c> bytes.",
            _ => null,
        };
    }

    /// <summary>The token a success reader (<c>Read{Operation}SuccessAsync</c>) reads the body with: the call's, bounded by <c>HttpClient.Timeout</c>.</summary>
    private const string CallToken = "cancellationToken_";

    /// <summary>
    /// Whether the operation's success needs no reader of its own: no body, or a JSON body every declared success
    /// promises, which <c>SendAsync</c> and <c>SendJsonAsync</c> handle. The others (text, a download, a body that may
    /// be empty, one type per status) get a <c>Read{Operation}SuccessAsync</c> for <c>SendAndReadAsync</c>.
    /// </summary>
    private static bool UsesSharedSend(OperationSpec operation) =>
        Successes(operation).All(response => response.ResultTypeName is null) &&
        (BodyResponse(operation) is null || (BodyResponse(operation) is { BodyKind: ResponseBodyKind.Json } && !AllowsEmptySuccess(operation)));

    /// <summary>
    /// An operation is a plain method: it validates its parameters and builds its request, then hands it to one of the
    /// client's shared asynchronous calls. So a parameter that breaks a rule throws from the call itself, before any
    /// task exists, and the compiler writes no state machine per operation.
    /// </summary>
    private static void EmitOperation(SourceWriter writer, ClientSpec client, ClientCalls calls, OperationSpec operation)
    {
        var ns = client.Namespace;
        var cancellationToken = operation.CancellationTokenName;

        // The interface carries the operation's docs; the class inherits them rather than repeating them.
        writer.Line("/// <inheritdoc/>");
        EmitDeprecation(writer, operation);
        writer.OpenBlock("public " + Signature(client, operation));
        var arguments = string.Join(", ", operation.Parameters.Select(parameter => parameter.Name));
        writer.Line($"global::{ns}.{ValidationEmitter.ValidationClassName(client)}.{ValidationEmitter.ParameterValidatorName(operation)}({arguments});");
        EmitBodyNullCheck(writer, operation);
        writer.Line();
        EmitRequest(writer, client, operation);
        var operationId = CSharpTypes.Literal(operation.OperationId);
        var authorize = calls.AuthorizerOf(operation) ?? "authorize: null";
        var readErrors = calls.ErrorReaderOf(operation) ?? "readErrors: null";
        var shared = UsesSharedSend(operation);
        if (!shared)
        {
            writer.Line($"return SendAndReadAsync(request_, {operationId}, {authorize}, {SuccessReaderName(operation)}, {readErrors}, {cancellationToken});");
        }
        else if (BodyResponse(operation) is { } body)
        {
            writer.Line($"return SendJsonAsync(request_, {operationId}, {authorize}, global::{ns}.{JsonEmitter.ClassName(client)}.{JsonEmitter.RootReader(body.Type!)}, {readErrors}, {cancellationToken});");
        }
        else
        {
            writer.Line($"return SendAsync(request_, {operationId}, {authorize}, {readErrors}, {cancellationToken});");
        }

        writer.CloseBlock();
        if (!shared)
        {
            writer.Line();
            EmitSuccessReader(writer, client, operation);
        }
    }

    /// <summary>The request: its address, Accept, headers and body, and what the call site says of its security.</summary>
    private static void EmitRequest(SourceWriter writer, ClientSpec client, OperationSpec operation)
    {
        EmitRequestUri(writer, client, operation);
        writer.Line();
        writer.Line($"var request_ = NewRequest({CSharpTypes.Literal(operation.HttpMethod)}, {ParameterRuntimeSource.BaseAddressOf(client, operation)}, uri_);");
        EmitAccept(writer, operation);
        EmitHeaders(writer, client, operation);
        EmitRequestContent(writer, client, operation);
        if (SecurityComment(operation) is { } comment)
        {
            writer.Line(comment);
        }
    }
}
