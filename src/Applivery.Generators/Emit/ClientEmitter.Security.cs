using System.Collections.Generic;
using System.Linq;
using Applivery.Generators.Model;

namespace Applivery.Generators.Emit;

/// <summary>The client's credentials: its constructors, the options that guard them, and how a request is authorized.</summary>
internal static partial class ClientEmitter
{
    private const string TokenProviderType = "global::System.Func<CancellationToken, global::System.Threading.Tasks.ValueTask<string>>";

    private static void EmitConstructors(SourceWriter writer, ClientSpec client)
    {
        var name = client.ClientName;
        var ns = client.Namespace;
        var legacy = client.SecuritySchemes.IsEmpty;
        var hasCredentials = CredentialsEmitter.HasCredentials(client);
        var credentials = $"global::{ns}.{CredentialsEmitter.ClassName(client)}";
        if (legacy)
        {
            writer.Line($"private readonly {TokenProviderType}? _tokenProvider;");
            writer.Line();
        }
        else if (hasCredentials)
        {
            writer.Line($"private readonly {credentials} _credentials = new {credentials}();");
            writer.Line();
        }

        writer.Lines($$"""
            /// <summary>A client whose HttpClient handles authentication itself (the IHttpClientFactory pattern).</summary>
            public {{name}}(global::System.Net.Http.HttpClient httpClient)
            {
                _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
            }

            """);
        if (hasCredentials)
        {
            writer.Lines($$"""
                /// <summary>
                /// A client that sends, with each operation, the credentials its <c>security</c> requirement names among
                /// <paramref name="credentials"/> (nothing when none of them is set).
                /// </summary>
                public {{name}}(global::System.Net.Http.HttpClient httpClient, {{credentials}} credentials)
                    : this(httpClient)
                {
                    _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
                }

                """);
        }

        if (legacy)
        {
            writer.Lines($$"""
                /// <summary>A client that sends <paramref name="bearerToken"/> as <c>Authorization: Bearer</c> with every request (the spec declares no security scheme).</summary>
                public {{name}}(global::System.Net.Http.HttpClient httpClient, string bearerToken)
                    : this(httpClient)
                {
                    if (bearerToken is null)
                    {
                        throw new ArgumentNullException(nameof(bearerToken));
                    }

                    _tokenProvider = _ => new global::System.Threading.Tasks.ValueTask<string>(bearerToken);
                }

                /// <summary>A client that asks <paramref name="tokenProvider"/> for the bearer token before each request, for tokens that rotate.</summary>
                public {{name}}(global::System.Net.Http.HttpClient httpClient, {{TokenProviderType}} tokenProvider)
                    : this(httpClient)
                {
                    _tokenProvider = tokenProvider ?? throw new ArgumentNullException(nameof(tokenProvider));
                }

                """);
        }
        else if (CredentialsEmitter.HasBearerConstructors(client))
        {
            var bearerSchemes = client.SecuritySchemes.Where(scheme => scheme.Kind == SecuritySchemeKind.Bearer).ToList();
            var names = Documentation.CodeList(bearerSchemes.Select(scheme => scheme.Name));
            var bearer = $"global::{ns}.{CredentialsEmitter.Bearer}";
            writer.Lines($$"""
                /// <summary>
                /// A client that sends <paramref name="bearerToken"/> as <c>Authorization: Bearer</c> for the bearer-token schemes
                /// ({{names}}), to the operations whose <c>security</c> requirement names them.
                /// </summary>
                public {{name}}(global::System.Net.Http.HttpClient httpClient, string bearerToken)
                    : this(httpClient, BearerCredentials(new {{bearer}}(bearerToken ?? throw new ArgumentNullException(nameof(bearerToken)))))
                {
                }

                /// <summary>
                /// A client that asks <paramref name="tokenProvider"/> for the bearer token before each request that sends it, for the
                /// bearer-token schemes ({{names}}) and tokens that rotate.
                /// </summary>
                public {{name}}(global::System.Net.Http.HttpClient httpClient, {{TokenProviderType}} tokenProvider)
                    : this(httpClient, BearerCredentials(new {{bearer}}(tokenProvider ?? throw new ArgumentNullException(nameof(tokenProvider)))))
                {
                }

                private static {{credentials}} BearerCredentials({{bearer}} token) => new {{credentials}}
                {
                {{string.Join("\n", bearerSchemes.Select(scheme => $"    {scheme.PropertyName} = token,"))}}
                };

                """);
        }

        writer.Lines("""
            /// <summary>
            /// Sends credentials over plain <c>http://</c> to a host other than loopback. Off by default: a credential in clear
            /// text on the network is a leaked credential.
            /// </summary>
            public bool AllowInsecureCredentials { get; init; }

            /// <summary>The former name of <see cref="AllowInsecureCredentials"/>, which it sets and reads.</summary>
            public bool AllowInsecureBearerToken
            {
                get => AllowInsecureCredentials;
                init => AllowInsecureCredentials = value;
            }

            """);
    }

    /// <summary>The authorizer of every operation of a spec that declares no security scheme (the constructor's bearer token).</summary>
    private const string LegacyAuthorizer = "AuthorizeAsync";

    /// <summary>
    /// What the call site says of a requirement no authorizer sends (none, <c>security: []</c>, only mutual TLS, or
    /// nothing sendable); null when an authorizer adds its credentials.
    /// </summary>
    private static string? SecurityComment(OperationSpec operation)
    {
        var security = operation.Security;
        if (security.SendsLegacyBearerToken)
        {
            return null;
        }

        if (security.Alternatives.IsEmpty)
        {
            return security.Origin == "none"
                ? "// No security requirement (neither the operation's nor the document's): no credentials are sent."
                : security.DeclaredAlternatives == 0
                    ? $"// security: [] ({security.Origin}'s requirement): no credentials are sent."
                    : $"// The {security.Origin}'s security requirement has no alternative with a credential to send (see the generator's warnings): none is sent.";
        }

        var first = security.Alternatives[0];
        return first.Schemes.Any(scheme => scheme.HasCredential)
            ? null
            : $"// {CommentText(string.Join(" + ", first.Schemes.Select(scheme => scheme.Name)))}: mutual TLS, done by the HttpClient handler.";
    }

    /// <summary>The authorizer's name: the credentials' properties it may send, <c>And</c> within an alternative, <c>Or</c> between them.</summary>
    private static string AuthorizerStem(OperationSpec operation) =>
        "Authorize" + string.Join("Or", TriedAlternatives(operation).Select(alternative => string.Join("And", alternative.Schemes.Where(scheme => scheme.HasCredential).Select(scheme => scheme.PropertyName))));

    /// <summary>
    /// The alternatives an authorizer tries: up to the first without a credential to send (mutual TLS only, done by the
    /// handler), which applies whenever it is reached, so no later one is ever tried.
    /// </summary>
    private static IEnumerable<SecurityRequirementSpec> TriedAlternatives(OperationSpec operation) =>
        operation.Security.Alternatives.TakeWhile(alternative => alternative.Schemes.Any(scheme => scheme.HasCredential));

    /// <summary>What an authorizer's body is made of: every scheme of the alternatives it tries, and of the mutual-TLS one that ends them.</summary>
    private static string AuthorizerKey(OperationSpec operation) =>
        string.Join("|", operation.Security.Alternatives.Take(TriedAlternatives(operation).Count() + 1).Select(alternative =>
            string.Join("&", alternative.Schemes.Select(scheme => $"{scheme.Name}/{scheme.Kind}/{scheme.Location}/{scheme.WireName}/{scheme.PropertyName}/{scheme.HasCredential}"))));

    /// <summary>
    /// The method that adds the operation's credentials to a request just before it is sent (when its requirement has
    /// an alternative with a credential, <see cref="SecurityComment"/> null): the first alternative whose credentials
    /// are all set, every scheme of it. Static: from C# 11 on, the compiler caches the delegate of a static method, so
    /// passing it allocates nothing (older language versions allocate one per call).
    /// </summary>
    private static string AuthorizerBody(ClientSpec client, OperationSpec operation, string name)
    {
        var security = operation.Security;
        var writer = new SourceWriter();
        var alternatives = TriedAlternatives(operation).Select(alternative => string.Join(" and ", alternative.Schemes.Select(scheme => Documentation.Code(scheme.Name)))).ToList();
        writer.Line(alternatives.Count == 1
            ? $"/// <summary>Adds the credentials of {alternatives[0]} to a request, when they are set.</summary>"
            : $"/// <summary>Adds the credentials of the first alternative whose credentials are all set: {string.Join(", else ", alternatives)}.</summary>");
        writer.OpenBlock($"private static async global::System.Threading.Tasks.ValueTask {name}(global::{client.Namespace}.{client.ClientName} client_, global::System.Net.Http.HttpRequestMessage request_, CancellationToken cancellationToken_)");
        var local = 0;
        var first = true;
        foreach (var alternative in security.Alternatives)
        {
            var withCredential = alternative.Schemes.Where(scheme => scheme.HasCredential).ToList();
            if (withCredential.Count == 0)
            {
                // Only mutual TLS: the handler's certificate is the credential; nothing to add, and no later alternative applies.
                writer.OpenBlock("else");
                writer.Line($"// {CommentText(string.Join(" + ", alternative.Schemes.Select(scheme => scheme.Name)))}: mutual TLS, done by the HttpClient handler.");
                writer.CloseBlock();
                break;
            }

            var locals = withCredential.Select(_ => "credential" + (++local).ToString(System.Globalization.CultureInfo.InvariantCulture) + "_").ToList();
            var condition = string.Join(" && ", withCredential.Select((scheme, index) => $"client_._credentials.{scheme.PropertyName} is {{ }} {locals[index]}"));
            writer.OpenBlock((first ? "if (" : "else if (") + condition + ")");
            for (var index = 0; index < withCredential.Count; index++)
            {
                writer.Line(ApplyCall(withCredential[index], locals[index]));
            }

            writer.CloseBlock();
            first = false;
        }

        writer.CloseBlock();
        return writer.ToString();
    }

    /// <summary>Spec text in a <c>//</c> comment: on one line, so it cannot end the comment.</summary>
    private static string CommentText(string text) => string.Join(" ", SourceWriter.SplitLines(text));

    private static string ApplyCall(SecuritySchemeSpec scheme, string credential)
    {
        var schemeName = CSharpTypes.Literal(scheme.Name);
        var call = scheme.Kind switch
        {
            SecuritySchemeKind.ApiKey => $"client_.AuthorizeWithApiKey{scheme.Location}Async(request_, {schemeName}, {CSharpTypes.Literal(scheme.WireName!)}, {credential}, cancellationToken_)",
            SecuritySchemeKind.Basic => $"client_.AuthorizeWithBasicAsync(request_, {schemeName}, {credential}, cancellationToken_)",
            SecuritySchemeKind.Bearer => $"client_.AuthorizeWithSchemeAsync(request_, {schemeName}, \"Bearer\", \"bearer token\", {credential}.GetAsync, cancellationToken_)",
            _ => $"client_.AuthorizeWithSchemeAsync(request_, {schemeName}, {CSharpTypes.Literal(scheme.WireName!)}, \"credentials\", {credential}.GetAsync, cancellationToken_)",
        };
        return $"await {call}.ConfigureAwait(false);";
    }

    private static string SecurityRuntimeSource(ClientSpec client)
    {
        if (!client.SecuritySchemes.IsEmpty && !CredentialsEmitter.HasCredentials(client))
        {
            // Only mutual TLS (or invalid schemes): the client never adds a credential itself.
            return string.Empty;
        }

        var ns = client.Namespace;
        var parts = new List<string>
        {
            """
            /// <summary>Credentials go over https, or to loopback, unless the user said the network is trusted.</summary>
            private void RefuseInsecure(global::System.Net.Http.HttpRequestMessage request, string what, string? schemeName)
            {
                var uri = request.RequestUri!;
                if (uri.Scheme == global::System.Uri.UriSchemeHttp && !uri.IsLoopback && !AllowInsecureCredentials)
                {
                    throw new global::System.InvalidOperationException(
                        "Refusing to send the " + what + " over plain http to " + uri.Host + (schemeName is null ? string.Empty : " (security scheme '" + schemeName + "')") + ": use https, or set AllowInsecureCredentials if the network is trusted.");
                }
            }

            /// <summary>
            /// A credential must be text a header can carry: no line break or other control character, nothing beyond ASCII
            /// (and for a cookie, none of <c>"</c> <c>,</c> <c>;</c> <c>\</c> or a space). The message names the scheme, never the value.
            /// </summary>
            private static string CheckCredential(string? value, string? schemeName, bool forCookie)
            {
                if (value is null)
                {
                    throw new global::System.InvalidOperationException("The credential provider of security scheme '" + (schemeName ?? "bearer") + "' returned null.");
                }

                foreach (var c in value)
                {
                    var allowed = forCookie
                        ? c > 0x20 && c < 0x7F && c != '"' && c != ',' && c != ';' && c != '\\'
                        : (c >= 0x20 && c < 0x7F) || c == '\t';
                    if (!allowed)
                    {
                        throw new global::System.InvalidOperationException(
                            "The credential of security scheme '" + (schemeName ?? "bearer") + "' contains a character that cannot be sent in a " + (forCookie ? "cookie" : "header") + " (U+" + ((int)c).ToString("X4", global::System.Globalization.CultureInfo.InvariantCulture) + ").");
                    }
                }

                return value;
            }

            """,
        };

        if (client.SecuritySchemes.IsEmpty)
        {
            parts.Add($$"""
                /// <summary>The spec declares no security scheme: the constructor's bearer token, if any, goes with every request.</summary>
                private static async global::System.Threading.Tasks.ValueTask {{LegacyAuthorizer}}(global::{{ns}}.{{client.ClientName}} client, global::System.Net.Http.HttpRequestMessage request, CancellationToken cancellationToken)
                {
                    if (client._tokenProvider is { } tokenProvider)
                    {
                        await client.AuthorizeWithSchemeAsync(request, null, "Bearer", "bearer token", tokenProvider, cancellationToken).ConfigureAwait(false);
                    }
                }

                """);
        }

        parts.Add($$"""
            private async global::System.Threading.Tasks.ValueTask AuthorizeWithSchemeAsync(global::System.Net.Http.HttpRequestMessage request, string? schemeName, string authenticationScheme, string what, {{TokenProviderType}} credential, CancellationToken cancellationToken)
            {
                RefuseInsecure(request, what, schemeName);
                var value = CheckCredential(await credential(cancellationToken).ConfigureAwait(false), schemeName, forCookie: false);
                request.Headers.Authorization = new global::System.Net.Http.Headers.AuthenticationHeaderValue(authenticationScheme, value);
            }

            """);

        var kinds = new HashSet<string>(client.SecuritySchemes.Select(scheme => scheme.Kind == SecuritySchemeKind.ApiKey ? "ApiKey" + scheme.Location : scheme.Kind.ToString()));
        if (kinds.Contains("Basic"))
        {
            parts.Add($$"""
                private async global::System.Threading.Tasks.ValueTask AuthorizeWithBasicAsync(global::System.Net.Http.HttpRequestMessage request, string schemeName, global::{{ns}}.{{CredentialsEmitter.Basic}} credential, CancellationToken cancellationToken)
                {
                    RefuseInsecure(request, "basic credentials", schemeName);
                    var pair = await credential.GetAsync(cancellationToken).ConfigureAwait(false)
                        ?? throw new global::System.InvalidOperationException("The credential provider of security scheme '" + schemeName + "' returned null.");
                    var userName = pair.UserName ?? string.Empty;
                    if (userName.IndexOf(':') >= 0)
                    {
                        throw new global::System.InvalidOperationException("The user name of security scheme '" + schemeName + "' contains ':', which basic authentication cannot send.");
                    }

                    var encoded = global::System.Convert.ToBase64String(global::System.Text.Encoding.UTF8.GetBytes(userName + ":" + (pair.Password ?? string.Empty)));
                    request.Headers.Authorization = new global::System.Net.Http.Headers.AuthenticationHeaderValue("Basic", encoded);
                }

                """);
        }

        var apiKey = $"global::{ns}.{CredentialsEmitter.ApiKey}";
        if (kinds.Contains("ApiKeyHeader"))
        {
            parts.Add($$"""
                private async global::System.Threading.Tasks.ValueTask AuthorizeWithApiKeyHeaderAsync(global::System.Net.Http.HttpRequestMessage request, string schemeName, string headerName, {{apiKey}} credential, CancellationToken cancellationToken)
                {
                    RefuseInsecure(request, "API key", schemeName);
                    var value = CheckCredential(await credential.GetAsync(cancellationToken).ConfigureAwait(false), schemeName, forCookie: false);
                    request.Headers.Remove(headerName);
                    if (!request.Headers.TryAddWithoutValidation(headerName, value))
                    {
                        throw new global::System.InvalidOperationException("The API key of security scheme '" + schemeName + "' cannot be sent in the " + headerName + " header, which is a content header.");
                    }
                }

                """);
        }

        if (kinds.Contains("ApiKeyQuery"))
        {
            parts.Add($$"""
                /// <summary>The key goes after the operation's own query parameters, escaped; it is never part of an exception message.</summary>
                private async global::System.Threading.Tasks.ValueTask AuthorizeWithApiKeyQueryAsync(global::System.Net.Http.HttpRequestMessage request, string schemeName, string parameterName, {{apiKey}} credential, CancellationToken cancellationToken)
                {
                    RefuseInsecure(request, "API key", schemeName);
                    var value = await credential.GetAsync(cancellationToken).ConfigureAwait(false)
                        ?? throw new global::System.InvalidOperationException("The credential provider of security scheme '" + schemeName + "' returned null.");
                    var uri = request.RequestUri!.AbsoluteUri;
                    var separator = uri.IndexOf('?') < 0 ? "?" : uri.EndsWith("?", global::System.StringComparison.Ordinal) || uri.EndsWith("&", global::System.StringComparison.Ordinal) ? string.Empty : "&";
                    request.RequestUri = new global::System.Uri(uri + separator + global::System.Uri.EscapeDataString(parameterName) + "=" + global::System.Uri.EscapeDataString(value));
                }

                """);
        }

        if (kinds.Contains("ApiKeyCookie"))
        {
            parts.Add($$"""
                /// <summary>The key as a cookie, beside any other the request carries (a handler's CookieContainer adds its own).</summary>
                private async global::System.Threading.Tasks.ValueTask AuthorizeWithApiKeyCookieAsync(global::System.Net.Http.HttpRequestMessage request, string schemeName, string cookieName, {{apiKey}} credential, CancellationToken cancellationToken)
                {
                    RefuseInsecure(request, "API key", schemeName);
                    var value = CheckCredential(await credential.GetAsync(cancellationToken).ConfigureAwait(false), schemeName, forCookie: true);
                    request.Headers.TryAddWithoutValidation("Cookie", cookieName + "=" + value);
                }

                """);
        }

        return string.Join("\n", parts);
    }
}
