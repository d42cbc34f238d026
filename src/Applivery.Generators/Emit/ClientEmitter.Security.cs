using Applivery.Generators.Model;

namespace Applivery.Generators.Emit;

/// <summary>The client's credentials: its constructors, the options that guard them, and how a request is authorized.</summary>
internal static partial class ClientEmitter
{
    private static void EmitConstructors(SourceWriter writer, ClientSpec client)
    {
        var name = client.ClientName;
        writer.Lines($$"""
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

            /// <summary>
            /// Sends the bearer token over plain <c>http://</c> to a host other than loopback. Off by default: a token in clear text
            /// on the network is a leaked token.
            /// </summary>
            public bool AllowInsecureBearerToken { get; init; }

            """);
    }

    /// <summary>The statement that adds the operation's credentials to <c>request_</c>, just before it is sent.</summary>
    private static void EmitAuthorization(SourceWriter writer, OperationSpec operation) =>
        writer.Line($"await AuthorizeAsync(request_, {operation.CancellationTokenName}).ConfigureAwait(false);");

    private static string SecurityRuntimeSource(ClientSpec client) => """
        private async global::System.Threading.Tasks.ValueTask AuthorizeAsync(global::System.Net.Http.HttpRequestMessage request, global::System.Threading.CancellationToken cancellationToken)
        {
            if (_tokenProvider is not null)
            {
                var uri = request.RequestUri!;
                if (uri.Scheme == global::System.Uri.UriSchemeHttp && !uri.IsLoopback && !AllowInsecureBearerToken)
                {
                    throw new global::System.InvalidOperationException(
                        "Refusing to send the bearer token over plain http to " + uri.Host + ": use https, or set AllowInsecureBearerToken if the network is trusted.");
                }

                var token = await _tokenProvider(cancellationToken).ConfigureAwait(false);
                request.Headers.Authorization = new global::System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            }
        }

        """;
}
