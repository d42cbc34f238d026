using System;
using System.Collections.Generic;
using System.Linq;
using Applivery.Generators.Model;

namespace Applivery.Generators.Emit;

/// <summary>Emits the client: its interface, the HttpClient call site of each operation, and its exception type.</summary>
internal static class ClientEmitter
{
    public static string ExceptionName(ClientSpec client) => client.ClientName + "Exception";

    public static string Emit(ClientSpec client)
    {
        var writer = GeneratedFile.Begin(client.Namespace, client.SpecFileName);
        var visibility = GeneratedFile.Visibility(client);
        var name = client.ClientName;

        Documentation.Element(writer, "summary", $"The operations of {Documentation.Escape(client.Title)}, for mocking and dependency injection.");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.OpenBlock($"{visibility} partial interface I{name}");
        foreach (var operation in client.Operations)
        {
            EmitOperationDocs(writer, client, operation);
            writer.Line(Signature(client, operation) + ";");
            writer.Line();
        }

        writer.CloseBlock();
        writer.Line();

        Documentation.Summary(writer, client.Description is null ? null : client.Title + ": " + client.Description, $"A client for {client.Title}.");
        Documentation.Element(writer, "remarks", $"Generated from {Documentation.Code(client.SpecFileName)}. Every parameter is validated before anything is sent; any non-success status raises <see cref=\"{ExceptionName(client)}\"/>.");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.OpenBlock($"{visibility} sealed partial class {name} : I{name}");
        var server = client.ServerUrl is null ? null : client.ServerUrl.TrimEnd('/') + "/";
        var serverIsAbsolute = server is not null && Uri.TryCreate(server, UriKind.Absolute, out _);
        if (serverIsAbsolute)
        {
            writer.Line($"/// <summary>The spec's first server, {Documentation.Code(server!)}, used when the HttpClient has no <c>BaseAddress</c>.</summary>");
            writer.Line($"public static readonly global::System.Uri DefaultBaseAddress = new global::System.Uri({CSharpTypes.Literal(server!)});");
            writer.Line();
        }

        writer.Lines($$"""
            private readonly global::System.Net.Http.HttpClient _httpClient;
            private readonly global::System.Func<global::System.Threading.CancellationToken, global::System.Threading.Tasks.ValueTask<string>>? _tokenProvider;

            /// <summary>A client whose HttpClient handles authentication itself (the IHttpClientFactory pattern).</summary>
            public {{name}}(global::System.Net.Http.HttpClient httpClient)
            {
                _httpClient = httpClient ?? throw new global::System.ArgumentNullException(nameof(httpClient));
            }

            /// <summary>A client that sends <paramref name="bearerToken"/> as <c>Authorization: Bearer</c> with every request.</summary>
            public {{name}}(global::System.Net.Http.HttpClient httpClient, string bearerToken)
                : this(httpClient)
            {
                if (bearerToken is null)
                {
                    throw new global::System.ArgumentNullException(nameof(bearerToken));
                }

                _tokenProvider = _ => new global::System.Threading.Tasks.ValueTask<string>(bearerToken);
            }

            /// <summary>A client that asks <paramref name="tokenProvider"/> for the bearer token before each request, for tokens that rotate.</summary>
            public {{name}}(global::System.Net.Http.HttpClient httpClient, global::System.Func<global::System.Threading.CancellationToken, global::System.Threading.Tasks.ValueTask<string>> tokenProvider)
                : this(httpClient)
            {
                _tokenProvider = tokenProvider ?? throw new global::System.ArgumentNullException(nameof(tokenProvider));
            }

            /// <summary>The address requests are sent to: the HttpClient's, else the spec's first server.</summary>
            public global::System.Uri BaseAddress => WithTrailingSlash(_httpClient.BaseAddress{{(serverIsAbsolute ? " ?? DefaultBaseAddress" : " ?? throw new global::System.InvalidOperationException(\"Set HttpClient.BaseAddress: the spec names no absolute server.\")")}});

            /// <summary>
            /// The largest success body read, in bytes (256 MiB by default): a bigger one raises <see cref="{{ExceptionName(client)}}"/>
            /// instead of exhausting memory.
            /// </summary>
            public long MaxResponseBodySize { get; init; } = 256L * 1024 * 1024;

            /// <summary>
            /// Sends the bearer token over plain <c>http://</c> to a host other than loopback. Off by default: a token in clear text
            /// on the network is a leaked token.
            /// </summary>
            public bool AllowInsecureBearerToken { get; init; }

            /// <inheritdoc/>
            public override string ToString() => "{{name}} (" + BaseAddress + ")";

            """);

        foreach (var operation in client.Operations)
        {
            EmitOperation(writer, client, operation);
            writer.Line();
        }

        writer.Lines(ClientRuntimeSource.Helpers(client));
        writer.CloseBlock();
        writer.Line();
        writer.Lines(ClientRuntimeSource.Exception(client));
        return GeneratedFile.End(writer);
    }

    private static string Signature(ClientSpec client, OperationSpec operation)
    {
        var parameters = operation.Parameters.Select(parameter =>
            parameter.IsRequired
                ? $"{CSharpTypes.Of(parameter.Type, client.Namespace)} {parameter.Name}"
                : $"{CSharpTypes.OfNullable(parameter.Type, client.Namespace, true)} {parameter.Name} = null").ToList();
        if (operation.RequestBody is { } body)
        {
            parameters.Insert(operation.Parameters.Count(parameter => parameter.IsRequired), body.IsRequired ? $"{CSharpTypes.Of(body.Type, client.Namespace)} body" : $"{CSharpTypes.OfNullable(body.Type, client.Namespace, true)} body = null");
        }

        parameters.Add("global::System.Threading.CancellationToken cancellationToken = default");
        return $"{ReturnType(client, operation)} {operation.MethodName}Async({string.Join(", ", parameters)})";
    }

    private static string ReturnType(ClientSpec client, OperationSpec operation) =>
        SuccessResponse(operation)?.Type is { } type
            ? $"global::System.Threading.Tasks.Task<{CSharpTypes.Of(type, client.Namespace)}>"
            : "global::System.Threading.Tasks.Task";

    private static ResponseSpec? SuccessResponse(OperationSpec operation) =>
        operation.Responses.FirstOrDefault(response => response.StatusCode.StartsWith("2", StringComparison.Ordinal) && response.Type is not null)
        ?? operation.Responses.FirstOrDefault(response => response.StatusCode.StartsWith("2", StringComparison.Ordinal));

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

        Documentation.Element(writer, "remarks", string.Join("\n", remarks));
        foreach (var parameter in operation.Parameters)
        {
            var rules = ObjectTypeEmitter.DescribeConstraints(parameter.Type).ToList();
            var text = Documentation.Escape(Documentation.SingleLine(parameter.Summary) ?? $"The {parameter.WireName} {parameter.Location.ToString().ToLowerInvariant()} parameter.");
            writer.Line($"/// <param name=\"{parameter.Name.TrimStart('@')}\">{text}{(rules.Count > 0 ? " " + string.Join(" ", rules) : string.Empty)}</param>");
        }

        if (operation.RequestBody is { } body)
        {
            writer.Line($"/// <param name=\"body\">{Documentation.Escape(Documentation.SingleLine(body.Summary) ?? "The request body.")}</param>");
        }

        writer.Line("/// <param name=\"cancellationToken\">Cancels the request and the reading of the response.</param>");
        if (SuccessResponse(operation)?.Type is not null)
        {
            writer.Line($"/// <returns>{Documentation.Escape(Documentation.SingleLine(SuccessResponse(operation)!.Description) ?? "The response body.")}</returns>");
        }

        writer.Line("/// <exception cref=\"global::System.ArgumentException\">A parameter breaks a rule of the spec; nothing was sent.</exception>");
        writer.Line($"/// <exception cref=\"global::{client.Namespace}.{ExceptionName(client)}\">The server answered with a non-success status, or with a body that does not match the spec.</exception>");
    }

    private static void EmitOperation(SourceWriter writer, ClientSpec client, OperationSpec operation)
    {
        var ns = client.Namespace;
        var json = $"global::{ns}.{JsonEmitter.ClassName(client)}";
        EmitOperationDocs(writer, client, operation);
        writer.OpenBlock("public async " + Signature(client, operation));
        var arguments = string.Join(", ", operation.Parameters.Select(parameter => parameter.Name));
        writer.Line($"global::{ns}.{ValidationEmitter.ValidationClassName(client)}.{ValidationEmitter.ParameterValidatorName(operation)}({arguments});");
        if (operation.RequestBody is { IsRequired: true, Type.IsValueType: false })
        {
            writer.Line("if (body is null)");
            writer.Line("{");
            writer.Line("    throw new global::System.ArgumentNullException(nameof(body));");
            writer.Line("}");
        }

        writer.Line();

        // HttpClient.Timeout does not cover a body read after ResponseHeadersRead: one token bounds the whole call.
        var returnType = ReturnType(client, operation);
        writer.Line("using var operationTimeout = StartTimeout(cancellationToken);");
        writer.OpenBlock("try");
        writer.Line(returnType.Contains("<") ? "return await SendAsync(operationTimeout.Token).ConfigureAwait(false);" : "await SendAsync(operationTimeout.Token).ConfigureAwait(false);");
        writer.CloseBlock();
        writer.OpenBlock("catch (global::System.OperationCanceledException exception) when (operationTimeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)");
        writer.Line($"throw TimedOut({CSharpTypes.Literal(operation.OperationId)}, exception);");
        writer.CloseBlock();
        writer.Line();
        writer.OpenBlock($"async {returnType} SendAsync(global::System.Threading.CancellationToken cancellationToken)");
        writer.Line("var uri = new global::System.Text.StringBuilder();");
        foreach (var (text, isParameter) in PathTemplate.Split(operation.PathTemplate.TrimStart('/')))
        {
            if (!isParameter)
            {
                writer.Line($"uri.Append({CSharpTypes.Literal(text)});");
                continue;
            }

            var parameter = operation.Parameters.First(candidate => candidate.Location == ParameterLocation.Path && candidate.WireName == text);
            writer.Line($"uri.Append(global::System.Uri.EscapeDataString(FormatValue({parameter.Name})));");
        }

        var queryParameters = operation.Parameters.Where(parameter => parameter.Location == ParameterLocation.Query).ToList();
        if (queryParameters.Count > 0)
        {
            writer.Line("var separator = '?';");
            foreach (var parameter in queryParameters)
            {
                var wire = CSharpTypes.Literal(parameter.WireName);
                if (parameter.Type.Kind == TypeKind.Array)
                {
                    // Arrays are sent in OpenAPI's default query style: form, exploded (name=a&name=b).
                    writer.Line($"foreach (var item in {parameter.Name} ?? global::System.Array.Empty<{CSharpTypes.Of(parameter.Type.Element!, ns)}>())");
                    writer.Line("{");
                    writer.Line($"    AppendQuery(uri, ref separator, {wire}, FormatValue(item));");
                    writer.Line("}");
                }
                else if (parameter.IsRequired && parameter.Type.IsValueType)
                {
                    writer.Line($"AppendQuery(uri, ref separator, {wire}, FormatValue({parameter.Name}));");
                }
                else
                {
                    writer.Line($"if ({parameter.Name} is {{ }} {Local(parameter)})");
                    writer.Line("{");
                    writer.Line($"    AppendQuery(uri, ref separator, {wire}, FormatValue({Local(parameter)}));");
                    writer.Line("}");
                }
            }
        }

        writer.Line();
        writer.Line($"using var request = new global::System.Net.Http.HttpRequestMessage(new global::System.Net.Http.HttpMethod({CSharpTypes.Literal(operation.HttpMethod)}), new global::System.Uri(BaseAddress, uri.ToString()));");
        writer.Line("request.Headers.Accept.Add(new global::System.Net.Http.Headers.MediaTypeWithQualityHeaderValue(\"application/json\"));");
        foreach (var parameter in operation.Parameters.Where(parameter => parameter.Location == ParameterLocation.Header))
        {
            writer.Line($"if ({parameter.Name} is {{ }} {Local(parameter)})");
            writer.Line("{");
            writer.Line($"    request.Headers.TryAddWithoutValidation({CSharpTypes.Literal(parameter.WireName)}, FormatValue({Local(parameter)}));");
            writer.Line("}");
        }

        if (operation.RequestBody is { } body)
        {
            var write = $"{json}.{JsonEmitter.RootWriter(body.Type)}";
            writer.Line(body.IsRequired && body.Type.IsValueType
                ? $"var content = {json}.Serialize(body, {write});"
                : $"var content = body is {{ }} bodyValue ? {json}.Serialize(bodyValue, {write}) : null;");

            writer.Line("if (content is not null)");
            writer.Line("{");
            writer.Line("    request.Content = new global::System.Net.Http.ByteArrayContent(content);");
            writer.Line($"    request.Content.Headers.ContentType = new global::System.Net.Http.Headers.MediaTypeHeaderValue({CSharpTypes.Literal(body.ContentType.Split(';')[0].Trim())});");
            writer.Line("}");
        }

        writer.Line("await AuthorizeAsync(request, cancellationToken).ConfigureAwait(false);");
        writer.Line();
        writer.Line("using var response = await _httpClient.SendAsync(request, global::System.Net.Http.HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);");
        writer.Line("var status = (int)response.StatusCode;");
        var success = SuccessResponse(operation);
        writer.OpenBlock("if (status >= 200 && status < 300)");
        if (success?.Type is { } successType)
        {
            writer.Line("using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);");
            writer.OpenBlock("try");
            writer.Line($"return await {json}.ReadAsync(stream, {json}.{JsonEmitter.RootReader(successType)}, response.Content.Headers.ContentLength, MaxResponseBodySize, cancellationToken).ConfigureAwait(false);");
            writer.CloseBlock();
            writer.OpenBlock("catch (global::System.Text.Json.JsonException exception)");
            writer.Line($"throw {ExceptionName(client)}.InvalidBody({CSharpTypes.Literal(operation.OperationId)}, status, exception);");
            writer.CloseBlock();
            writer.OpenBlock("catch (global::System.IO.IOException exception)");
            writer.Line($"throw {ExceptionName(client)}.InterruptedBody({CSharpTypes.Literal(operation.OperationId)}, status, exception);");
            writer.CloseBlock();
        }
        else
        {
            writer.Line("return;");
        }

        writer.CloseBlock();
        writer.Line();
        writer.Line("var error = await ReadErrorBodyAsync(response, cancellationToken).ConfigureAwait(false);");
        writer.Line("object? typedBody = null;");
        writer.Line("long? errorCode = null;");
        writer.Line("string? errorMessage = null;");
        var errorResponses = operation.Responses.Where(response => !response.StatusCode.StartsWith("2", StringComparison.Ordinal) && response.Type is { Kind: TypeKind.Object }).ToList();
        if (errorResponses.Count > 0)
        {
            writer.OpenBlock("switch (status)");
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
                writer.Line($"    if (TryParseError(error, {json}.Read{errorType.Name}) is {{ }} errorBody)");
                writer.Line("    {");
                writer.Line("        typedBody = errorBody;");
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

        writer.Line($"throw new {ExceptionName(client)}({CSharpTypes.Literal(operation.OperationId)}, status, response.ReasonPhrase, errorCode, errorMessage, error.Excerpt, typedBody);");
        writer.CloseBlock();
        writer.CloseBlock();
    }

    /// <summary>
    /// Where an error body keeps its code and message: a <c>code</c>/<c>message</c> property of the body, or of its
    /// <c>error</c> object (Applivery's envelope), so every spec with that common shape gets <c>ErrorCode</c>.
    /// </summary>
    private static IEnumerable<string> ErrorFields(ClientSpec client, ObjectTypeSpec errorType)
    {
        var candidates = new List<(string Access, ObjectTypeSpec Type)> { ("errorBody", errorType) };
        foreach (var property in errorType.Properties.Where(property => property.WireName.Equals("error", StringComparison.OrdinalIgnoreCase) && property.Type.Kind == TypeKind.Object))
        {
            candidates.Add(($"errorBody.{property.Name}?", client.Objects.First(type => type.Name == property.Type.Name)));
        }

        foreach (var (access, type) in candidates)
        {
            var code = type.Properties.FirstOrDefault(property => property.WireName is "code" or "errorCode" && property.Type.Kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.String);
            var message = type.Properties.FirstOrDefault(property => property.WireName is "message" or "errorMessage" && property.Type.Kind == TypeKind.String);
            if (code is not null)
            {
                yield return $"errorCode ??= ToErrorCode({access}.{code.Name});";
            }

            if (message is not null)
            {
                yield return $"errorMessage ??= {access}.{message.Name};";
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

    private static string Local(ParameterSpec parameter) => parameter.Name.TrimStart('@') + "Value";

}
