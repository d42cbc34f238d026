using System;
using System.Collections.Generic;
using System.Linq;
using Applivery.Generators.Model;

namespace Applivery.Generators.Emit;

/// <summary>The methods the operations of a client share (see <see cref="ClientCalls"/>): which, and their source.</summary>
internal static partial class ClientEmitter
{
    /// <summary>
    /// Two operations with the same requirement (or error set) get the same method, named after what it authorizes (the
    /// schemes' properties) or after the statuses it reads.
    /// </summary>
    public static ClientCalls CallsOf(ClientSpec client)
    {
        var authorizers = new Dictionary<string, string>(StringComparer.Ordinal);
        var errorReaders = new Dictionary<string, string>(StringComparer.Ordinal);
        var nameByKey = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var helpers = new List<string>();
        var sendsWithoutBody = false;
        var sendsJson = false;
        var sendsAndReads = false;

        // Keyed by what the method is made of, rendered once per key: the first operation with a key names its method,
        // the others reuse it (GitHub renders 122 error readers, not 1,223).
        string Share(string key, Func<string> name, Func<string, string> render)
        {
            if (!nameByKey.TryGetValue(key, out var shared))
            {
                shared = name();
                nameByKey.Add(key, shared);
                helpers.Add(render(shared));
            }

            return shared;
        }

        foreach (var operation in client.Operations)
        {
            if (operation.Security.SendsLegacyBearerToken)
            {
                authorizers.Add(operation.MethodName, LegacyAuthorizer);
            }
            else if (SecurityComment(operation) is null)
            {
                authorizers.Add(operation.MethodName, Share(
                    AuthorizerKey(operation),
                    () => Identifiers.MakeUnique(AuthorizerStem(operation), taken) + "Async",
                    name => AuthorizerBody(client, operation, name)));
            }

            var sections = ErrorSections(operation);
            if (sections.Count > 0)
            {
                errorReaders.Add(operation.MethodName, Share(
                    ErrorReaderKey(sections),
                    () => Identifiers.MakeUnique(ErrorReaderStem(sections), taken),
                    name => ErrorReaderBody(client, operation, sections, name)));
            }

            if (!UsesSharedSend(operation))
            {
                sendsAndReads = true;
            }
            else if (BodyResponse(operation) is null)
            {
                sendsWithoutBody = true;
            }
            else
            {
                sendsJson = true;
            }
        }

        return new ClientCalls(authorizers, errorReaders, string.Join("\n", helpers), sendsWithoutBody, sendsJson, sendsAndReads);
    }

    /// <summary>
    /// The client's asynchronous calls: <c>FailureAsync</c> for every operation, and those of <c>SendAsync</c>,
    /// <c>SendJsonAsync</c> and <c>SendAndReadAsync</c> its operations use.
    /// </summary>
    private static string SendSource(ClientSpec client, ClientCalls calls)
    {
        var json = $"global::{client.Namespace}.{JsonEmitter.ClassName(client)}";
        var exception = ExceptionName(client);
        var parts = new List<string>
        {
            $$"""
            /// <summary>Reads the typed error body of a status, with its code and message (the <c>Read…Errors</c> methods).</summary>
            private delegate object? ErrorReader(int status, ErrorBody error, ref long? errorCode, ref string? errorMessage);

            /// <summary>
            /// The client's exception for a non-success response: with the spec's typed error body for its status when it
            /// parses (<paramref name="readErrors"/>), and an excerpt of the body in any case.
            /// </summary>
            private static async global::System.Threading.Tasks.Task<{{exception}}> FailureAsync(global::System.Net.Http.HttpResponseMessage response, string operationId, ErrorReader? readErrors, CancellationToken cancellationToken)
            {
                var status = (int)response.StatusCode;
                var error = await ReadErrorBodyAsync(response, cancellationToken).ConfigureAwait(false);
                long? errorCode = null;
                string? errorMessage = null;
                var body = readErrors?.Invoke(status, error, ref errorCode, ref errorMessage);
                return new {{exception}}(operationId, status, response.ReasonPhrase, errorCode, errorMessage, error.Excerpt, body);
            }
            """,
        };
        parts.Add($$"""
            /// <summary>Adds the credentials of a security requirement to a request just before it is sent (the <c>Authorize…Async</c> methods).</summary>
            private delegate global::System.Threading.Tasks.ValueTask Authorizer(global::{{client.Namespace}}.{{client.ClientName}} client, global::System.Net.Http.HttpRequestMessage request, CancellationToken cancellationToken);
            """);

        if (calls.SendsWithoutBody)
        {
            parts.Add(Send("global::System.Threading.Tasks.Task SendAsync", string.Empty, "returns on a success status", "return;"));
        }

        if (calls.SendsJson)
        {
            parts.Add(Send(
                "global::System.Threading.Tasks.Task<T> SendJsonAsync<T>",
                $", {json}.ValueReader<T> read",
                "reads the JSON body of a success whole, in a pooled buffer (at most\n/// <see cref=\"MaxResponseBodySize\"/> bytes), and parses it: an empty body breaks the spec, as any body that does not\n/// match, and is the client's exception",
                "using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);",
                "try",
                "{",
                $"    return await {json}.ReadAsync(stream, read, response.Content.Headers.ContentLength, MaxResponseBodySize, timeout.Token).ConfigureAwait(false);",
                "}",
                "catch (Json_.JsonException exception)",
                "{",
                $"    throw {exception}.InvalidBody(operationId, status, exception);",
                "}",
                "catch (global::System.IO.IOException exception)",
                "{",
                $"    throw {exception}.InterruptedBody(operationId, status, exception);",
                "}"));
        }

        if (calls.SendsAndReads)
        {
            parts.Add($$"""
                /// <summary>Reads a success the shared calls do not (text, a download, a body that may be empty, one type per status: the <c>Read{Operation}SuccessAsync</c> methods).</summary>
                private delegate global::System.Threading.Tasks.Task<T> SuccessReader<T>(global::{{client.Namespace}}.{{client.ClientName}} client, global::System.Net.Http.HttpResponseMessage response, int status, CancellationToken cancellationToken);
                """);
            parts.Add(Send("global::System.Threading.Tasks.Task<T> SendAndReadAsync<T>", ", SuccessReader<T> readSuccess", "reads a success with the operation's reader", "return await readSuccess(this, response, status, timeout.Token).ConfigureAwait(false);"));
        }

        return string.Join("\n\n", parts);
    }

    /// <summary>
    /// One shared call: the state machine of every operation that hands it its request, written once by the compiler
    /// instead of once per operation (authorizers, error and success readers are shared or rare).
    /// </summary>
    /// <param name="success">The statements for a success status, which end the call; at the indentation of the <c>if</c> block.</param>
    private static string Send(string signature, string readParameter, string doing, params string[] success) => $$"""
        /// <summary>
        /// Authorizes and sends an operation's request, then {{doing}};
        /// else throws the client's exception. Bounded by <c>HttpClient.Timeout</c> as a whole. Disposes the request.
        /// </summary>
        private async {{signature}}(global::System.Net.Http.HttpRequestMessage request, string operationId, Authorizer? authorize{{readParameter}}, ErrorReader? readErrors, CancellationToken cancellationToken)
        {
            using (request)
            {
                // HttpClient.Timeout does not cover a body read after ResponseHeadersRead: one token bounds the whole call.
                using var timeout = StartTimeout(cancellationToken);
                try
                {
                    if (authorize is not null)
                    {
                        await authorize(this, request, timeout.Token).ConfigureAwait(false);
                    }

                    using var response = await SendRequestAsync(request, timeout.Token).ConfigureAwait(false);
                    var status = (int)response.StatusCode;
                    if (status >= 200 && status < 300)
                    {
                        {{string.Join("\n                ", success)}}
                    }

                    throw await FailureAsync(response, operationId, readErrors, timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException exception) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    throw TimedOut(operationId, exception);
                }
            }
        }
        """;
}
