using System.Linq;
using Applivery.Generators.Model;

namespace Applivery.Generators.Emit;

/// <summary>The fixed parts of the generated client: URI and value formatting, authorization, error bodies, the exception.</summary>
internal static class ClientRuntimeSource
{
    /// <summary>How much of an error body is read: enough for any error envelope, bounded against a hostile server.</summary>
    private const int MaxErrorBodyBytes = 64 * 1024;

    /// <summary>
    /// The client's method that formats a single value of <paramref name="type"/> as parameter text: <c>FormatValue</c>
    /// for the primitives, <c>Format{Name}</c> for each enum and union. One name per generated type keeps every call a
    /// single candidate: one overload set over GitHub's 378 enums made each of its 3,900 calls weigh them all (about
    /// 5 s of its build). No other client member starts with <c>Format</c>, and operations end in <c>Async</c>.
    /// </summary>
    public static string FormatterOf(TypeRef type) =>
        type.Kind is TypeKind.Enum or TypeKind.Union ? "Format" + type.Name : "FormatValue";

    /// <summary>A value with a text form in a parameter or a multipart text part (<see cref="ValueShapes.IsSingleValue"/>).</summary>
    public static bool IsSingleValue(ClientSpec client, TypeRef type) => ValueShapes.IsSingleValue(client.Unions, type);

    /// <summary>A union parameter sent as the items of the case it holds (<see cref="ValueShapes.IsItemUnion"/>).</summary>
    public static bool IsItemUnion(ClientSpec client, TypeRef type) => ValueShapes.IsItemUnion(client.Unions, type);

    /// <summary>
    /// The text of a union value is the text of the case it holds: a formatter for each union that a formatter call
    /// can reach (<see cref="Formatted"/>) and that has a text form.
    /// </summary>
    private static string UnionFormatters(ClientSpec client, System.Collections.Generic.HashSet<string> reached)
    {
        var formatters = new System.Text.StringBuilder();
        foreach (var union in client.Unions.Where(union => reached.Contains(union.Name) && IsSingleValue(client, TypeRef.Named(TypeKind.Union, union.Name))))
        {
            var cases = string.Concat(union.Cases.Select((@case, index) => $"\n    {index + 1} => {FormatterOf(@case.Type)}(({CSharpTypes.Of(@case.Type, client.Namespace)})value.Value),"));
            formatters.Append($$"""

                private static string {{FormatterOf(TypeRef.Named(TypeKind.Union, union.Name))}}(global::{{client.Namespace}}.{{union.Name}} value) => value.Case switch
                {{{cases}}
                    _ => FormatValue((Json_.JsonElement)value.Value),
                };

                """);
        }

        return formatters.ToString();
    }

    /// <summary>
    /// What a formatter call of the client can take: the kinds and the enums that parameters (their items, their
    /// objects' properties, their unions' cases) and form or multipart bodies reach. A superset of what is formatted,
    /// so that only those formatters are emitted (for GitHub, 79 enum and union formatters instead of 315) and none is missing.
    /// </summary>
    private static (System.Collections.Generic.HashSet<TypeKind> Kinds, System.Collections.Generic.HashSet<string> Enums, System.Collections.Generic.HashSet<string> Unions) Formatted(ClientSpec client)
    {
        var kinds = new System.Collections.Generic.HashSet<TypeKind>();
        var enums = new System.Collections.Generic.HashSet<string>(System.StringComparer.Ordinal);
        var unions = new System.Collections.Generic.HashSet<string>(System.StringComparer.Ordinal);
        var visited = new System.Collections.Generic.HashSet<string>(System.StringComparer.Ordinal);
        void Walk(TypeRef? type)
        {
            for (; type is not null; type = type.Element)
            {
                kinds.Add(type.Kind);
                if (type.Kind == TypeKind.Enum)
                {
                    enums.Add(type.Name!);
                }
                else if (type.Kind is TypeKind.Object or TypeKind.Union && visited.Add(type.Name!))
                {
                    if (type.Kind == TypeKind.Union)
                    {
                        unions.Add(type.Name!);
                    }

                    foreach (var @case in client.Unions.Where(union => union.Name == type.Name).SelectMany(union => union.Cases))
                    {
                        Walk(@case.Type);
                    }

                    foreach (var objectType in client.Objects.Where(objectType => objectType.Name == type.Name))
                    {
                        foreach (var property in objectType.Properties)
                        {
                            Walk(property.Type);
                        }

                        Walk(objectType.AdditionalProperties);
                        Walk(objectType.BaseName is { } baseName ? TypeRef.Named(TypeKind.Object, baseName) : null);
                    }
                }
            }
        }

        foreach (var operation in client.Operations)
        {
            foreach (var parameter in operation.Parameters)
            {
                Walk(parameter.Type);
            }

            if (operation.RequestBody is { Kind: not RequestBodyKind.Json } body)
            {
                Walk(body.Type);
            }
        }

        return (kinds, enums, unions);
    }

    private static string PrimitiveFormatters(System.Collections.Generic.HashSet<TypeKind> kinds, bool formatsUnions)
    {
        var formatters = new System.Collections.Generic.List<string>();
        void Add(TypeKind kind, string formatter)
        {
            if (kinds.Contains(kind) || (kind == TypeKind.JsonElement && formatsUnions))
            {
                formatters.Add(formatter);
            }
        }

        Add(TypeKind.String, "private static string FormatValue(string value) => value;");
        Add(TypeKind.Boolean, "private static string FormatValue(bool value) => value ? \"true\" : \"false\";");
        Add(TypeKind.Int32, "private static string FormatValue(int value) => value.ToString(global::System.Globalization.CultureInfo.InvariantCulture);");
        Add(TypeKind.Int64, "private static string FormatValue(long value) => value.ToString(global::System.Globalization.CultureInfo.InvariantCulture);");
        Add(TypeKind.Double, "private static string FormatValue(double value) => value.ToString(\"R\", global::System.Globalization.CultureInfo.InvariantCulture);");
        Add(TypeKind.Single, "private static string FormatValue(float value) => value.ToString(\"R\", global::System.Globalization.CultureInfo.InvariantCulture);");
        Add(TypeKind.Decimal, "private static string FormatValue(decimal value) => value.ToString(global::System.Globalization.CultureInfo.InvariantCulture);");
        Add(TypeKind.DateTimeOffset, "/// <summary>RFC 3339 / ISO 8601 with the invariant culture, whatever the current culture's calendar and digits.</summary>\nprivate static string FormatValue(global::System.DateTimeOffset value) => value.ToString(\"yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz\", global::System.Globalization.CultureInfo.InvariantCulture);");
        Add(TypeKind.Guid, "private static string FormatValue(global::System.Guid value) => value.ToString(\"D\", global::System.Globalization.CultureInfo.InvariantCulture);");
        Add(TypeKind.JsonElement, "private static string FormatValue(Json_.JsonElement value) => value.ValueKind == Json_.JsonValueKind.String ? value.GetString()! : value.GetRawText();");
        return string.Concat(formatters.Select(formatter => "\n" + formatter + "\n"));
    }

    /// <summary>The property an error body's <c>ToErrorCode</c> reads, if the type has one.</summary>
    public static PropertySpec? ErrorCodeProperty(ObjectTypeSpec type) =>
        type.Properties.FirstOrDefault(property => property.WireName is "code" or "errorCode" && property.Type.Kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.String);

    /// <summary>The <c>ToErrorCode</c> overloads for the code kinds of the client's objects (a superset of its error bodies').</summary>
    private static string ErrorCodeConverters(ClientSpec client)
    {
        var kinds = new System.Collections.Generic.HashSet<TypeKind>(client.Objects.Select(ErrorCodeProperty).Where(property => property is not null).Select(property => property!.Type.Kind));
        var converters = new System.Collections.Generic.List<string>();
        if (kinds.Contains(TypeKind.Int32) || kinds.Contains(TypeKind.Int64))
        {
            converters.Add("private static long? ToErrorCode(long? code) => code;");
        }

        if (kinds.Contains(TypeKind.Double))
        {
            converters.Add("private static long? ToErrorCode(double? code) => code is { } value && value == global::System.Math.Floor(value) && global::System.Math.Abs(value) < 9e15 ? (long)value : null;");
        }

        if (kinds.Contains(TypeKind.String))
        {
            converters.Add("private static long? ToErrorCode(string? code) => long.TryParse(code, global::System.Globalization.NumberStyles.AllowLeadingSign, global::System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;");
        }

        return string.Concat(converters.Select(converter => "\n" + converter + "\n"));
    }

    public static string Helpers(ClientSpec client)
    {
        var json = $"global::{client.Namespace}.{JsonEmitter.ClassName(client)}";
        var formatted = Formatted(client);
        var unionFormatters = UnionFormatters(client, formatted.Unions);
        // A union's text, or its items, falls back to its unmatched JSON's text.
        var formatsUnions = unionFormatters.Length > 0 || formatted.Unions.Any(union => IsItemUnion(client, TypeRef.Named(TypeKind.Union, union)));
        var formatters = PrimitiveFormatters(formatted.Kinds, formatsUnions) + string.Concat(client.Enums.Where(spec => formatted.Enums.Contains(spec.Name)).Select(spec => $$"""

            private static string {{FormatterOf(TypeRef.Named(TypeKind.Enum, spec.Name))}}(global::{{client.Namespace}}.{{spec.Name}} value) =>
                global::{{client.Namespace}}.{{spec.ExtensionsName}}.ToWireValue(value) ?? throw new ArgumentException("'" + value + "' is not a value of {{spec.Name}} that the server knows.", nameof(value));

            """)) + unionFormatters + ErrorCodeConverters(client);
        return $$"""
            private global::System.Threading.CancellationTokenSource StartTimeout(CancellationToken cancellationToken)
            {
                var source = global::System.Threading.CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                if (_httpClient.Timeout != global::System.Threading.Timeout.InfiniteTimeSpan)
                {
                    source.CancelAfter(_httpClient.Timeout);
                }

                return source;
            }

            private global::System.Threading.Tasks.TaskCanceledException TimedOut(string operationId, OperationCanceledException exception) =>
                new global::System.Threading.Tasks.TaskCanceledException(
                    operationId + " did not complete within HttpClient.Timeout (" + _httpClient.Timeout.ToString("c", global::System.Globalization.CultureInfo.InvariantCulture) + ")",
                    new global::System.TimeoutException(exception.Message, exception));

            /// <summary>The request for <paramref name="uri"/>, which is relative to <paramref name="baseAddress"/>.</summary>
            private static global::System.Net.Http.HttpRequestMessage NewRequest(string method, global::System.Uri baseAddress, StringBuilder uri) =>
                new global::System.Net.Http.HttpRequestMessage(new global::System.Net.Http.HttpMethod(method), new global::System.Uri(baseAddress, uri.ToString()));

            /// <summary>Adds a media type the operation reads to <c>Accept</c>, with its parameters (<c>q</c>, <c>charset</c>) when it has them.</summary>
            private static void Accept(global::System.Net.Http.HttpRequestMessage request, string mediaType) =>
                request.Headers.Accept.Add(mediaType.IndexOf(';') < 0
                    ? new global::System.Net.Http.Headers.MediaTypeWithQualityHeaderValue(mediaType)
                    : global::System.Net.Http.Headers.MediaTypeWithQualityHeaderValue.Parse(mediaType));

            /// <summary>Sends once the headers are in, so that the body is streamed (and bounded) by its reader, not buffered here.</summary>
            private global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> SendRequestAsync(global::System.Net.Http.HttpRequestMessage request, CancellationToken cancellationToken) =>
                _httpClient.SendAsync(request, global::System.Net.Http.HttpCompletionOption.ResponseHeadersRead, cancellationToken);

            /// <summary>A path parameter's value as one segment: percent-encoded, so a <c>/</c> in it cannot start another.</summary>
            private static void AppendSegment(StringBuilder uri, string value) => uri.Append(global::System.Uri.EscapeDataString(value));

            /// <summary>A base address without a trailing slash would lose its last segment (<c>https://host/api</c> → <c>https://host/</c>) when combined with a relative path.</summary>
            private static global::System.Uri WithTrailingSlash(global::System.Uri address) =>
                address.AbsoluteUri.EndsWith("/", global::System.StringComparison.Ordinal) ? address : new global::System.Uri(address.AbsoluteUri + "/");

            private static void AppendQuery(StringBuilder uri, ref char separator, string name, string value)
            {
                uri.Append(separator).Append(global::System.Uri.EscapeDataString(name)).Append('=').Append(global::System.Uri.EscapeDataString(value));
                separator = '&';
            }
            {{formatters}}
            /// <summary>At most {{MaxErrorBodyBytes / 1024}} KiB of an error body, as bytes and as a short text excerpt.</summary>
            private static async global::System.Threading.Tasks.Task<ErrorBody> ReadErrorBodyAsync(global::System.Net.Http.HttpResponseMessage response, CancellationToken cancellationToken)
            {
                var buffer = new byte[{{MaxErrorBodyBytes}}];
                var length = 0;
                try
                {
                    using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                    int count;
                    while (length < buffer.Length && (count = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        length += count;
                    }
                }
                catch (global::System.IO.IOException)
                {
                    // A body cut off mid-stream still leaves the status, which is what the caller needs most.
                }

                return new ErrorBody(buffer, length);
            }

            private static T? TryParseError<T>(ErrorBody body, {{json}}.ValueReader<T> read)
                where T : class
            {
                if (body.Length == 0)
                {
                    return null;
                }

                try
                {
                    return {{json}}.Parse(new global::System.ReadOnlySpan<byte>(body.Bytes, 0, body.Length), read);
                }
                catch (Json_.JsonException)
                {
                    // Not the documented envelope (an HTML page from a proxy, say): the excerpt keeps what was sent.
                    return null;
                }
            }

            private readonly struct ErrorBody
            {
                private const int ExcerptLength = 2000;

                public ErrorBody(byte[] bytes, int length)
                {
                    Bytes = bytes;
                    Length = length;
                }

                public byte[] Bytes { get; }

                public int Length { get; }

                /// <summary>The body as text, cut at 2,000 characters; null when the body is empty.</summary>
                public string? Excerpt
                {
                    get
                    {
                        if (Length == 0)
                        {
                            return null;
                        }

                        var text = global::System.Text.Encoding.UTF8.GetString(Bytes, 0, Length);
                        return text.Length <= ExcerptLength ? text : text.Substring(0, ExcerptLength) + "…";
                    }
                }
            }{{(ClientEmitter.UsesBodyReaders(client) ? BodyReaders(client) : string.Empty)}}
            """;
    }

    /// <summary>
    /// The readers of whole success bodies that may be empty or are text: bounded by <c>MaxResponseBodySize</c>,
    /// in a pooled buffer; an empty body is never parsed.
    /// </summary>
    private static string BodyReaders(ClientSpec client)
    {
        var json = $"global::{client.Namespace}.{JsonEmitter.ClassName(client)}";
        var exception = ClientEmitter.ExceptionName(client);
        return $$"""


            /// <summary>A JSON success body, or null when it is empty (Content-Length 0, or no byte at all): an empty body is not parsed.</summary>
            private async global::System.Threading.Tasks.Task<T?> ReadJsonOrNullAsync<T>(global::System.Net.Http.HttpResponseMessage response, {{json}}.ValueReader<T> read, string operationId, CancellationToken cancellationToken)
                where T : class
            {
                using var body = await ReadWholeBodyAsync(response, operationId, cancellationToken).ConfigureAwait(false);
                return body.Length == 0 ? null : ParseBody(body, read, operationId, (int)response.StatusCode);
            }

            /// <summary>A JSON success body of a value type, or null when it is empty: an empty body is not parsed.</summary>
            private async global::System.Threading.Tasks.Task<T?> ReadJsonValueOrNullAsync<T>(global::System.Net.Http.HttpResponseMessage response, {{json}}.ValueReader<T> read, string operationId, CancellationToken cancellationToken)
                where T : struct
            {
                using var body = await ReadWholeBodyAsync(response, operationId, cancellationToken).ConfigureAwait(false);
                return body.Length == 0 ? null : ParseBody(body, read, operationId, (int)response.StatusCode);
            }

            private static T ParseBody<T>({{json}}.PooledBody body, {{json}}.ValueReader<T> read, string operationId, int statusCode)
            {
                try
                {
                    return {{json}}.Parse(new global::System.ReadOnlySpan<byte>(body.Bytes, 0, body.Length), read);
                }
                catch (Json_.JsonException exception)
                {
                    throw {{exception}}.InvalidBody(operationId, statusCode, exception);
                }
            }

            /// <summary>
            /// A text success body, decoded with the charset of its Content-Type (UTF-8 when it names none; a byte order
            /// mark of that charset is skipped). An empty body is the empty string.
            /// </summary>
            private async global::System.Threading.Tasks.Task<string> ReadTextAsync(global::System.Net.Http.HttpResponseMessage response, string operationId, CancellationToken cancellationToken)
            {
                using var body = await ReadWholeBodyAsync(response, operationId, cancellationToken).ConfigureAwait(false);
                var charset = response.Content.Headers.ContentType?.CharSet?.Trim(' ', '"');
                global::System.Text.Encoding encoding;
                try
                {
                    encoding = string.IsNullOrEmpty(charset) ? global::System.Text.Encoding.UTF8 : global::System.Text.Encoding.GetEncoding(charset);
                }
                catch (ArgumentException)
                {
                    throw {{exception}}.UnknownCharset(operationId, (int)response.StatusCode, charset!);
                }

                var preamble = encoding.GetPreamble();
                var start = preamble.Length > 0 && body.Length >= preamble.Length ? preamble.Length : 0;
                for (var i = 0; i < start; i++)
                {
                    if (body.Bytes[i] != preamble[i])
                    {
                        start = 0;
                    }
                }

                return encoding.GetString(body.Bytes, start, body.Length - start);
            }

            /// <summary>
            /// A whole success body in a pooled buffer sized from Content-Length; more than <see cref="MaxResponseBodySize"/>
            /// bytes (announced or read) raises the client's exception before the rest is read.
            /// </summary>
            private async global::System.Threading.Tasks.Task<{{json}}.PooledBody> ReadWholeBodyAsync(global::System.Net.Http.HttpResponseMessage response, string operationId, CancellationToken cancellationToken)
            {
                var statusCode = (int)response.StatusCode;
                try
                {
                    using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                    return await {{json}}.ReadPooledAsync(stream, response.Content.Headers.ContentLength, MaxResponseBodySize, cancellationToken).ConfigureAwait(false)
                        ?? throw {{exception}}.TooLarge(operationId, statusCode, MaxResponseBodySize);
                }
                catch (global::System.IO.IOException exception)
                {
                    throw {{exception}}.InterruptedBody(operationId, statusCode, exception);
                }
            }
            """;
    }

    private static string BodyReaderFailures(string name) => $$"""


                private {{name}}(string operationId, int statusCode, string message)
                    : base(message)
                {
                    OperationId = operationId;
                    StatusCode = statusCode;
                }

                internal static {{name}} TooLarge(string operationId, int statusCode, long maxLength) =>
                    new {{name}}(operationId, statusCode, "The " + statusCode.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " response of " + operationId + " is larger than the limit of " + maxLength.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " bytes (MaxResponseBodySize)");

                internal static {{name}} UnknownCharset(string operationId, int statusCode, string charset) =>
                    new {{name}}(operationId, statusCode, "The " + statusCode.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " response of " + operationId + " is text in the charset '" + charset + "', which this runtime does not know (register an EncodingProvider such as CodePagesEncodingProvider.Instance)");
            """;

    public static string Exception(ClientSpec client)
    {
        var name = ClientEmitter.ExceptionName(client);
        return $$"""
            /// <summary>
            /// A call of {{Documentation.Escape(client.ClientName)}} that did not succeed: a non-success status (with the spec's typed error body
            /// when there is one, else an excerpt of the raw body), or a success whose body does not match the spec.
            /// Never holds the bearer token or any request header.
            /// </summary>
            {{GeneratedFile.GeneratedCodeAttribute}}
            {{GeneratedFile.Visibility(client)}} sealed class {{name}} : global::System.Exception
            {
                /// <summary>Creates the exception for a non-success response.</summary>
                public {{name}}(string operationId, int statusCode, string? reasonPhrase, long? errorCode, string? errorMessage, string? responseBody, object? body)
                    : base(Describe(operationId, statusCode, reasonPhrase, errorCode, errorMessage, responseBody))
                {
                    OperationId = operationId;
                    StatusCode = statusCode;
                    ErrorCode = errorCode;
                    ErrorMessage = errorMessage;
                    ResponseBody = responseBody;
                    Body = body;
                }

                private {{name}}(string operationId, int statusCode, Json_.JsonException exception)
                    : base("The " + statusCode.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " response of " + operationId + " does not match the spec: " + exception.Message, exception)
                {
                    OperationId = operationId;
                    StatusCode = statusCode;
                    JsonPath = exception.Path;
                }

                /// <summary>The operationId of the call, as the spec writes it.</summary>
                public string OperationId { get; }

                /// <summary>The HTTP status code.</summary>
                public int StatusCode { get; }

                /// <summary>The API's own error code from the error body (such as 4004), when the body has one.</summary>
                public long? ErrorCode { get; }

                /// <summary>The API's error message from the error body, when the body has one.</summary>
                public string? ErrorMessage { get; }

                /// <summary>At most 2,000 characters of the response body; null when it was empty.</summary>
                public string? ResponseBody { get; }

                /// <summary>The error body read as the spec's type for this status, or null when the body did not match it.</summary>
                public object? Body { get; }

                /// <summary>For a success body that does not match the spec: the JSON path of the first mismatch.</summary>
                public string? JsonPath { get; }

                private {{name}}(string operationId, int statusCode, string message, global::System.Exception innerException)
                    : base(message, innerException)
                {
                    OperationId = operationId;
                    StatusCode = statusCode;
                }

                internal static {{name}} InterruptedBody(string operationId, int statusCode, global::System.IO.IOException exception) =>
                    new {{name}}(operationId, statusCode, "The " + statusCode.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " response of " + operationId + " was cut off: the connection failed while the body was read (" + exception.Message + ")", exception);

                internal static {{name}} InvalidBody(string operationId, int statusCode, Json_.JsonException exception) => new {{name}}(operationId, statusCode, exception);{{(ClientEmitter.UsesBodyReaders(client) ? BodyReaderFailures(name) : string.Empty)}}

                private static string Describe(string operationId, int statusCode, string? reasonPhrase, long? errorCode, string? errorMessage, string? responseBody)
                {
                    var text = operationId + " failed with " + statusCode.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + (string.IsNullOrEmpty(reasonPhrase) ? string.Empty : " " + reasonPhrase);
                    if (errorCode is not null || errorMessage is not null)
                    {
                        return text + ": " + (errorCode is { } code ? code.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " " : string.Empty) + errorMessage;
                    }

                    return responseBody is null ? text + " and an empty body" : text + "; body: " + responseBody;
                }
            }
            """;
    }
}
