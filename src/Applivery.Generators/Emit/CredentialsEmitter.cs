using System.Linq;
using Applivery.Generators.Model;

namespace Applivery.Generators.Emit;

/// <summary>
/// Emits <c>{Client}Credentials</c> (one init property per security scheme) and the credential types it holds,
/// <c>ApiKeyCredential</c>, <c>BasicCredential</c>, <c>BearerCredential</c> and <c>AuthorizationCredential</c>,
/// once per namespace. No credential type shows its secret in <c>ToString()</c>.
/// </summary>
internal static class CredentialsEmitter
{
    private const string ValueTaskOfString = "global::System.Threading.Tasks.ValueTask<string>";
    private const string CancellationToken = "CancellationToken";

    public const string ApiKey = SupportNames.ApiKeyCredential;
    public const string Basic = SupportNames.BasicCredential;
    public const string Bearer = SupportNames.BearerCredential;
    public const string Authorization = SupportNames.AuthorizationCredential;

    public static string ClassName(ClientSpec client) => SupportNames.Credentials(client.ClientName);

    /// <summary>Whether the client has a <c>{Client}Credentials</c> class: some scheme takes a credential.</summary>
    public static bool HasCredentials(ClientSpec client) => client.SecuritySchemes.Any(scheme => scheme.HasCredential);

    /// <summary>Whether the bearer-token constructors exist: the spec declares no scheme, or a bearer-like one.</summary>
    public static bool HasBearerConstructors(ClientSpec client) =>
        client.SecuritySchemes.IsEmpty || client.SecuritySchemes.Any(scheme => scheme.Kind == SecuritySchemeKind.Bearer);

    public static string CredentialType(SecuritySchemeSpec scheme) => SupportNames.CredentialType(scheme.Kind);

    /// <summary>What the scheme sends, for doc comments: <c>the X-API-Key header</c>, <c>Authorization: Basic</c>…</summary>
    public static string Describe(SecuritySchemeSpec scheme) => scheme.Kind switch
    {
        SecuritySchemeKind.ApiKey => $"an API key in the {Documentation.Code(scheme.WireName!)} {scheme.Location.ToString().ToLowerInvariant()}{(scheme.Location == ApiKeyLocation.Query ? " parameter" : string.Empty)}",
        SecuritySchemeKind.Basic => "a user name and password as <c>Authorization: Basic</c>",
        SecuritySchemeKind.Bearer when scheme.SpecType == "http" => "a token as <c>Authorization: Bearer</c>",
        SecuritySchemeKind.Bearer => $"an access token (obtained by your code; the {Documentation.Code(scheme.SpecType)} flows are not run by the client) as <c>Authorization: Bearer</c>",
        SecuritySchemeKind.OtherHttp => $"credentials as {Documentation.Code("Authorization: " + scheme.WireName + " <credentials>")}",
        _ => "nothing",
    };

    public static string Emit(ClientSpec client)
    {
        var writer = GeneratedFile.Begin(client.Namespace, client.SpecFileName);
        var name = ClassName(client);
        var remarks = "Set the credential of each scheme you have, once: each operation sends those its own <c>security</c> requirement (or the document's) names, "
            + "trying its alternatives in spec order and using the first whose credentials are all set. When none is set, nothing is sent (the server will answer 401).";
        foreach (var scheme in client.SecuritySchemes.Where(scheme => scheme.Kind == SecuritySchemeKind.MutualTls))
        {
            remarks += $"\nThe {Documentation.Code(scheme.Name)} scheme is mutual TLS: it is not set here; give the HttpClient a handler with the client certificate (<c>HttpClientHandler.ClientCertificates</c> or <c>SocketsHttpHandler.SslOptions</c>).";
        }

        Documentation.Element(writer, "summary", $"The credentials of {Documentation.Escape(client.ClientName)}, one per security scheme of the spec. Values never appear in <c>ToString()</c>.");
        Documentation.Element(writer, "remarks", remarks);
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.OpenBlock($"{GeneratedFile.Visibility(client)} sealed class {name}");
        foreach (var scheme in client.SecuritySchemes.Where(scheme => scheme.HasCredential))
        {
            var text = $"The {Documentation.Code(scheme.Name)} scheme ({Documentation.Code(scheme.SpecType)}): {Describe(scheme)}.";
            if (Documentation.SingleLine(scheme.Description) is { } description)
            {
                text += " " + Documentation.Escape(description);
            }

            writer.Line($"/// <summary>{text}</summary>");
            writer.Line($"public global::{client.Namespace}.{CredentialType(scheme)}? {scheme.PropertyName} {{ get; init; }}");
            writer.Line();
        }

        var names = string.Concat(client.SecuritySchemes.Where(scheme => scheme.HasCredential).Select(scheme => $" + ({scheme.PropertyName} is null ? \"\" : \" {scheme.PropertyName}\")"));
        writer.Line("/// <summary>Which credentials are set, never their values.</summary>");
        writer.Line($"public override string ToString() => \"{name} (set:\"{names} + \")\";");
        writer.CloseBlock();
        return GeneratedFile.End(writer);
    }

    /// <summary>The credential types, shared by every client of the namespace.</summary>
    /// <summary>The credential types in <paramref name="used"/> (those the schemes of the namespace's clients take), in a fixed order.</summary>
    public static string EmitShared(string ns, EquatableArray<string> used)
    {
        var writer = GeneratedFile.Begin(ns, null);
        var types = new System.Collections.Generic.List<string>();
        if (used.Contains(ApiKey))
        {
            types.Add(SecretType(
                ApiKey,
                "An API key for an <c>apiKey</c> security scheme (header, query or cookie)",
                "key",
                "The API key.",
                "keyProvider",
                "Asked for the key before each request that sends it, for keys that rotate or come from a vault."));
        }

        if (used.Contains(Bearer))
        {
            types.Add(SecretType(
                Bearer,
                "A bearer token for an <c>http</c> <c>bearer</c>, <c>oauth2</c> or <c>openIdConnect</c> security scheme, sent as <c>Authorization: Bearer</c>",
                "token",
                "The token.",
                "tokenProvider",
                "Asked for the token before each request that sends it, for tokens that expire (refresh them there)."));
        }

        if (used.Contains(Authorization))
        {
            types.Add(SecretType(
                Authorization,
                "The credentials of an <c>http</c> security scheme other than basic or bearer, sent as <c>Authorization: {scheme} {credentials}</c>",
                "credentials",
                "The text after the scheme name.",
                "credentialsProvider",
                "Asked for the credentials before each request that sends them."));
        }

        if (used.Contains(Basic))
        {
            types.Add(BasicType);
        }

        writer.Lines(string.Join("\n\n", types));
        return GeneratedFile.End(writer);
    }

    private static readonly string BasicType = $$"""
            /// <summary>
            /// A user name and password for an <c>http</c> <c>basic</c> security scheme, sent as <c>Authorization: Basic</c>
            /// (UTF-8, base64). The password never appears in <c>ToString()</c>.
            /// </summary>
            {{GeneratedFile.GeneratedCodeAttribute}}
            public sealed class {{Basic}}
            {
                private readonly global::System.Net.NetworkCredential? _credential;
                private readonly global::System.Func<{{CancellationToken}}, global::System.Threading.Tasks.ValueTask<global::System.Net.NetworkCredential>>? _credentialProvider;

                /// <summary>A fixed user name and password.</summary>
                /// <param name="userName">The user name; it cannot contain <c>:</c>.</param>
                /// <param name="password">The password.</param>
                public {{Basic}}(string userName, string password)
                {
                    if (userName is null)
                    {
                        throw new ArgumentNullException(nameof(userName));
                    }

                    if (password is null)
                    {
                        throw new ArgumentNullException(nameof(password));
                    }

                    _credential = new global::System.Net.NetworkCredential(userName, password);
                }

                /// <summary>A user name and password asked for before each request that sends them.</summary>
                /// <param name="credentialProvider">Returns the user name and password to send.</param>
                public {{Basic}}(global::System.Func<{{CancellationToken}}, global::System.Threading.Tasks.ValueTask<global::System.Net.NetworkCredential>> credentialProvider)
                {
                    _credentialProvider = credentialProvider ?? throw new ArgumentNullException(nameof(credentialProvider));
                }

                internal global::System.Threading.Tasks.ValueTask<global::System.Net.NetworkCredential> GetAsync({{CancellationToken}} cancellationToken) =>
                    _credentialProvider is null ? new global::System.Threading.Tasks.ValueTask<global::System.Net.NetworkCredential>(_credential!) : _credentialProvider(cancellationToken);

                /// <summary>The type's name only: never the user name or password.</summary>
                public override string ToString() => "{{Basic}}";
            }
            """;

    private static string SecretType(string name, string summary, string value, string valueDoc, string provider, string providerDoc) => $$"""
        /// <summary>{{summary}}: a fixed value or a provider. The value never appears in <c>ToString()</c>.</summary>
        {{GeneratedFile.GeneratedCodeAttribute}}
        public sealed class {{name}}
        {
            private readonly string? _{{value}};
            private readonly global::System.Func<{{CancellationToken}}, {{ValueTaskOfString}}>? _{{provider}};

            /// <summary>A fixed value.</summary>
            /// <param name="{{value}}">{{valueDoc}}</param>
            public {{name}}(string {{value}})
            {
                _{{value}} = {{value}} ?? throw new ArgumentNullException(nameof({{value}}));
            }

            /// <summary>A value asked for before each request that sends it.</summary>
            /// <param name="{{provider}}">{{providerDoc}}</param>
            public {{name}}(global::System.Func<{{CancellationToken}}, {{ValueTaskOfString}}> {{provider}})
            {
                _{{provider}} = {{provider}} ?? throw new ArgumentNullException(nameof({{provider}}));
            }

            internal {{ValueTaskOfString}} GetAsync({{CancellationToken}} cancellationToken) =>
                _{{provider}} is null ? new {{ValueTaskOfString}}(_{{value}}!) : _{{provider}}(cancellationToken);

            /// <summary>The type's name only: never the value.</summary>
            public override string ToString() => "{{name}}";
        }
        """;
}
