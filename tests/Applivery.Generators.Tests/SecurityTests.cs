using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Applivery.Generators.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;

namespace Applivery.Generators.Tests;

/// <summary>
/// Every security scheme of <c>Specs/features-security.yaml</c>, compiled and called against Kestrel on loopback:
/// exactly the credentials an operation's requirement names arrive, and no credential leaks.
/// </summary>
public class SecurityTests : IAsyncLifetime
{
    private const string AllSchemes = "ApiKey,QueryKey,CookieKey,BasicAuth,BearerAuth,TokenAuth,PetstoreAuth,Oidc";

    /// <summary>Every operation that has a credential to send when <see cref="AllSchemes"/> are configured.</summary>
    private const string CredentialOperations = "header,query,cookie,basic,bearer,custom,oauth2,oidc,and,or,optional,default";

    /// <summary>"aladdin:open sesame" in base64.</summary>
    private const string BasicValue = "YWxhZGRpbjpvcGVuIHNlc2FtZQ==";

    private static readonly string[] Secrets =
    {
        "header-secret", "query secret", "query%20secret", "cookie-secret", "open sesame", BasicValue, "bearer-secret", "custom-secret", "oauth-secret", "oidc-secret",
    };

    private const string Harness = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.DependencyInjection;

        namespace Consumer
        {
            public static class SecurityHarness
            {
                /// <summary>Calls each operation in turn with the named credentials configured; one line per call, then how often each provider was asked.</summary>
                public static async Task<string> CallAsync(string baseAddress, string configured, string operations, bool allowInsecure, string headerKey, bool throughHandler)
                {
                    var set = new HashSet<string>(configured.Split(',', StringSplitOptions.RemoveEmptyEntries));
                    var oauthIssued = 0;
                    var queryIssued = 0;
                    var credentials = new FeatureSecurityClientCredentials
                    {
                        ApiKey = set.Contains("ApiKey") ? new ApiKeyCredential(headerKey) : null,
                        QueryKey = set.Contains("QueryKey") ? new ApiKeyCredential(_ => { queryIssued++; return new ValueTask<string>("query secret&=/+é"); }) : null,
                        CookieKey = set.Contains("CookieKey") ? new ApiKeyCredential("cookie-secret") : null,
                        BasicAuth = set.Contains("BasicAuth") ? new BasicCredential("aladdin", "open sesame") : null,
                        BearerAuth = set.Contains("BearerAuth") ? new BearerCredential("bearer-secret") : null,
                        TokenAuth = set.Contains("TokenAuth") ? new AuthorizationCredential("custom-secret") : null,
                        PetstoreAuth = set.Contains("PetstoreAuth") ? new BearerCredential(_ => new ValueTask<string>("oauth-secret-" + (++oauthIssued))) : null,
                        Oidc = set.Contains("Oidc") ? new BearerCredential("oidc-secret") : null,
                    };
                    var recorded = new List<string>();
                    using var http = throughHandler
                        ? new HttpClient(new RecordingHandler(recorded)) { BaseAddress = new Uri(baseAddress) }
                        : new HttpClient { BaseAddress = new Uri(baseAddress), Timeout = TimeSpan.FromSeconds(30) };
                    var client = new FeatureSecurityClient(http, credentials) { AllowInsecureCredentials = allowInsecure };
                    var results = new List<string>();
                    foreach (var operation in operations.Split(',', StringSplitOptions.RemoveEmptyEntries))
                    {
                        try
                        {
                            await CallAsync(client, operation);
                            results.Add(operation + "=ok");
                        }
                        catch (Exception exception)
                        {
                            results.Add((operation + "=" + exception.GetType().Name + ": " + exception.Message + " | " + exception + " | " + client + " | " + credentials).Replace("\r", " ").Replace("\n", " / "));
                        }
                    }

                    return string.Join("\n", results.Concat(recorded)) + "\nissued oauth=" + oauthIssued + " query=" + queryIssued;
                }

                /// <summary>The constructors that existed before security schemes: a bearer token for every bearer-like scheme.</summary>
                public static async Task<string> CallWithBearerTokenAsync(string baseAddress, bool rotating)
                {
                    using var http = new HttpClient { BaseAddress = new Uri(baseAddress) };
                    var issued = 0;
                    var client = rotating
                        ? new FeatureSecurityClient(http, _ => new ValueTask<string>("rotated-" + (++issued)))
                        : new FeatureSecurityClient(http, "plain-token");
                    foreach (var operation in "bearer,oauth2,oidc,header,or,public".Split(','))
                    {
                        await CallAsync(client, operation);
                    }

                    return "issued=" + issued;
                }

                public static async Task<string> CallThroughDependencyInjectionAsync(string baseAddress)
                {
                    var services = new ServiceCollection();
                    var credentials = new FeatureSecurityClientCredentials { ApiKey = new ApiKeyCredential("from-di"), BasicAuth = new BasicCredential("di", "pw") };
                    services.AddFeatureSecurityClient(_ => credentials).ConfigureHttpClient(http => http.BaseAddress = new Uri(baseAddress));
                    using var provider = services.BuildServiceProvider();
                    var client = provider.GetRequiredService<IFeatureSecurityClient>();
                    await client.ApiKeyHeaderAsync();
                    await client.BasicAsync();
                    await client.BearerAsync();
                    return credentials.ToString();
                }

                private static Task CallAsync(FeatureSecurityClient client, string operation) => operation switch
                {
                    "header" => client.ApiKeyHeaderAsync(),
                    "query" => client.ApiKeyQueryAsync(2),
                    "cookie" => client.ApiKeyCookieAsync(),
                    "basic" => client.BasicAsync(),
                    "bearer" => client.BearerAsync(),
                    "custom" => client.CustomSchemeAsync(),
                    "oauth2" => client.Oauth2Async(),
                    "oidc" => client.OpenIdConnectAsync(),
                    "mtls" => client.MutualTlsAsync(),
                    "and" => client.HeaderKeyAndCookieAsync(),
                    "or" => client.BearerOrQueryKeyAsync(),
                    "optional" => client.OptionalBasicAsync(),
                    "public" => client.PublicInfoAsync(),
                    "default" => client.DocumentDefaultAsync(),
                    _ => throw new ArgumentException(operation),
                };

                /// <summary>Answers 204 without a network, recording what would have been sent.</summary>
                private sealed class RecordingHandler : HttpMessageHandler
                {
                    private readonly List<string> _recorded;

                    public RecordingHandler(List<string> recorded) => _recorded = recorded;

                    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
                    {
                        _recorded.Add("sent " + request.RequestUri!.AbsoluteUri + " auth=" + request.Headers.Authorization + " key=" + string.Join(",", request.Headers.TryGetValues("X-API-Key", out var key) ? key : Array.Empty<string>()) + " cookie=" + string.Join("; ", request.Headers.TryGetValues("Cookie", out var cookie) ? cookie : Array.Empty<string>()));
                        return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.NoContent) { RequestMessage = request });
                    }
                }
            }
        }
        """;

    private static readonly Lazy<GeneratorRun> Run = new(() => GeneratorRun.Run(
        new[] { FeatureSpec() },
        csharpSources: new[] { Harness },
        extraReferences: DependencyInjectionReferences()));

    private static readonly Lazy<CompiledAssembly> Assembly = new(() => CompiledAssembly.Load(Run.Value.Output));

    private readonly ConcurrentQueue<string> _seen = new();
    private LoopbackServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync();
        _server.Respond = context =>
        {
            _seen.Enqueue(Describe(context));
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        };
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public void TheFeatureSpecGeneratesTheApprovedSources()
    {
        var run = GeneratorRun.Run(FeatureSpec());

        GeneratedSnapshots.Verify(run, "FeatureSecurity");
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(Run.Value.CompilationDiagnostics());
    }

    [Theory]
    [InlineData(Infrastructure.TargetFramework.Net80)]
    [InlineData(Infrastructure.TargetFramework.NetStandard20)]
    public void TheGeneratedSecurityCompilesWithoutWarningOnOtherTargets(Infrastructure.TargetFramework framework)
    {
        // C# 9, the lowest version the generator supports, on the oldest targets.
        var run = GeneratorRun.Run(new[] { FeatureSpec() }, framework, Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp9);

        var diagnostics = run.CompilationDiagnostics();
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
    }

    [Fact]
    public async Task EachOperationReceivesExactlyTheCredentialsItsRequirementNames()
    {
        var result = await CallAsync(AllSchemes, CredentialOperations + ",mtls,public");

        Assert.All(result.Split('\n').SkipLast(1), line => Assert.EndsWith("=ok", line));
        Assert.Equal(
            new[]
            {
                "/v1/header auth= key=header-secret cookie=",
                "/v1/query?page=2&api%20key=query%20secret%26%3D%2F%2B%C3%A9 auth= key= cookie=",
                "/v1/cookie auth= key= cookie=session=cookie-secret",
                $"/v1/basic auth=Basic {BasicValue} key= cookie=",
                "/v1/bearer auth=Bearer bearer-secret key= cookie=",
                "/v1/custom auth=Token custom-secret key= cookie=",
                "/v1/oauth2 auth=Bearer oauth-secret-1 key= cookie=",
                "/v1/oidc auth=Bearer oidc-secret key= cookie=",
                "/v1/and auth= key=header-secret cookie=session=cookie-secret",
                "/v1/or auth=Bearer bearer-secret key= cookie=",
                $"/v1/optional auth=Basic {BasicValue} key= cookie=",
                "/v1/default auth= key=header-secret cookie=",
                "/v1/mtls auth= key= cookie=",
                "/v1/public auth= key= cookie=",
            },
            _seen);

        // The query key's provider was asked once (for /query), not for /or, where the bearer alternative came first.
        Assert.EndsWith("issued oauth=1 query=1", result);
    }

    [Fact]
    public async Task WithNoCredentialConfiguredNothingIsSentAndTheCallStillGoesOut()
    {
        var result = await CallAsync(string.Empty, CredentialOperations);

        Assert.All(result.Split('\n').SkipLast(1), line => Assert.EndsWith("=ok", line));
        Assert.Equal(12, _seen.Count);
        Assert.All(_seen, line => Assert.EndsWith(" auth= key= cookie=", line));
        Assert.Contains("/v1/query?page=2 auth= key= cookie=", _seen);
    }

    [Fact]
    public async Task AlternativesAreTriedInOrderAndEachNeedsAllItsSchemes()
    {
        await CallAsync("QueryKey,ApiKey", "or,and,optional,default");

        Assert.Equal(
            new[]
            {
                // The bearer alternative is not configured: the query key alternative is applied.
                "/v1/or?api%20key=query%20secret%26%3D%2F%2B%C3%A9 auth= key= cookie=",

                // api_key AND cookieKey: the cookie is missing, so the alternative is not applied at all.
                "/v1/and auth= key= cookie=",

                // '{}' or basic: basic is not configured, so nothing.
                "/v1/optional auth= key= cookie=",
                "/v1/default auth= key=header-secret cookie=",
            },
            _seen);
    }

    [Fact]
    public async Task RotatingProvidersAreAskedForEachRequestThatSendsTheirCredential()
    {
        var result = await CallAsync("PetstoreAuth,QueryKey,BearerAuth", "oauth2,bearer,oauth2,query,or,query");

        Assert.Equal(
            new[] { "Bearer oauth-secret-1", "Bearer bearer-secret", "Bearer oauth-secret-2", string.Empty, "Bearer bearer-secret", string.Empty },
            _seen.Select(line => line.Split(" auth=")[1].Split(" key=")[0]));
        Assert.EndsWith("issued oauth=2 query=2", result);
    }

    [Fact]
    public async Task NoCredentialIsSentOverPlainHttpToAnotherHost()
    {
        // 192.0.2.1 is TEST-NET-1: each refusal happens before any connection (and before any provider is asked).
        var result = await CallAsync(AllSchemes, CredentialOperations, baseAddress: "http://192.0.2.1/v1/");

        var lines = result.Split('\n');
        Assert.Equal("issued oauth=0 query=0", lines[^1]);
        var expected = new[]
        {
            ("header", "API key", "api_key"), ("query", "API key", "queryKey"), ("cookie", "API key", "cookieKey"), ("basic", "basic credentials", "basicAuth"),
            ("bearer", "bearer token", "bearerAuth"), ("custom", "credentials", "tokenAuth"), ("oauth2", "bearer token", "petstore_auth"), ("oidc", "bearer token", "oidc"),
            ("and", "API key", "api_key"), ("or", "bearer token", "bearerAuth"), ("optional", "basic credentials", "basicAuth"), ("default", "API key", "api_key"),
        };
        Assert.Equal(expected.Length, lines.Length - 1);
        foreach (var ((operation, what, scheme), line) in expected.Zip(lines))
        {
            Assert.StartsWith($"{operation}=InvalidOperationException: Refusing to send the {what} over plain http to 192.0.2.1 (security scheme '{scheme}'): use https, or set AllowInsecureCredentials if the network is trusted.", line);
        }

        AssertNoSecret(result);
        Assert.Empty(_seen);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AllowInsecureCredentialsSendsThemOverPlainHttpWhenTheNetworkIsTrusted(bool throughFormerName)
    {
        var result = throughFormerName
            ? await CallThroughFormerOptionAsync()
            : await (Task<string>)Assembly.Value.Call("Consumer.SecurityHarness", "CallAsync", "http://192.0.2.1/v1/", "ApiKey,BasicAuth", "header,basic", true, "header-secret", true)!;

        Assert.Contains("sent http://192.0.2.1/v1/header auth= key=header-secret cookie=", result);
        Assert.Contains($"sent http://192.0.2.1/v1/basic auth=Basic {BasicValue} key= cookie=", result);
    }

    [Fact]
    public async Task NoCredentialAppearsInAnExceptionMessageOrText()
    {
        foreach (var status in new[] { 401, 403, 500 })
        {
            _server.Respond = LoopbackServer.Json(status, "{\"error\": {\"code\": 7, \"message\": \"denied\"}}");

            var result = await CallAsync(AllSchemes, CredentialOperations);

            Assert.Equal(12, result.Split('\n').Count(line => line.Contains("=FeatureSecurityClientException: ", StringComparison.Ordinal)));
            Assert.Contains("FeatureSecurityClientCredentials (set: ApiKey QueryKey CookieKey BasicAuth BearerAuth TokenAuth PetstoreAuth Oidc)", result);
            AssertNoSecret(result);
        }
    }

    [Fact]
    public async Task NoCredentialAppearsWhenTheConnectionFails()
    {
        // Port 1 on loopback is closed: HttpClient's own exception, whose message names the address, not the query.
        var result = await CallAsync(AllSchemes, CredentialOperations, baseAddress: "http://127.0.0.1:1/v1/");

        Assert.Equal(12, result.Split('\n').Count(line => line.Contains("=HttpRequestException: ", StringComparison.Ordinal)));
        AssertNoSecret(result);
    }

    [Fact]
    public void AMutualTlsOnlySpecHasNoCredentialsToSetAndSaysWhy()
    {
        var run = GeneratorRun.Run(new[] { new SpecFile("/project/spec/mtls.yaml", """
            openapi: 3.1.0
            info: { title: Certificates, version: '1' }
            security: [ { cert: [] } ]
            paths:
              /a:
                get: { operationId: a, responses: { '204': { description: ok } } }
            components:
              securitySchemes:
                cert: { type: mutualTLS }
            """) });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.DoesNotContain(run.Sources, source => source.HintName.Contains("Credentials", StringComparison.Ordinal));
        var client = run.Source(".CertificatesClient.g.cs");
        Assert.Contains("// cert: mutual TLS, done by the HttpClient handler.", client);
        Assert.DoesNotContain("string bearerToken", client);
        var diagnostics = run.CompilationDiagnostics();
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
    }

    [Theory]
    [InlineData("security: []\n", 3, "has a security requirement the client applies (the document's security is empty): the client still takes")]
    [InlineData("", 7, "has a security requirement the client applies: the client still takes")]
    public void CredentialsThatNoOperationSendsAreAWarningAtTheirLine(string documentSecurity, int line, string why)
    {
        var spec = "openapi: 3.0.3\ninfo: { title: Open, version: '1' }\n" + documentSecurity + """
            paths:
              /a:
                get: { operationId: a, responses: { '204': { description: ok } } }
            components:
              securitySchemes:
                basicAuth: { type: http, scheme: basic }
            """;

        var run = GeneratorRun.Run(new SpecFile("/project/spec/open.yaml", spec));

        var warning = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("APG014", warning.Id);
        Assert.Equal(line - 1, warning.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("'basicAuth'", warning.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(why, warning.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void OneOperationThatSendsCredentialsIsEnoughForNoWarning()
    {
        var run = GeneratorRun.Run(new SpecFile("/project/spec/open.yaml", """
            openapi: 3.0.3
            info: { title: Open, version: '1' }
            security: []
            paths:
              /a:
                get: { operationId: a, responses: { '204': { description: ok } } }
              /b:
                get: { operationId: b, security: [ { basicAuth: [] } ], responses: { '204': { description: ok } } }
            components:
              securitySchemes:
                basicAuth: { type: http, scheme: basic }
            """));

        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void TwoClientsInOneNamespaceShareTheCredentialTypes()
    {
        const string Template = """
            openapi: 3.0.3
            info: { title: NAME, version: '1' }
            security: [ { key: [] } ]
            paths:
              /a:
                get: { operationId: a, responses: { '204': { description: ok } } }
            components:
              securitySchemes:
                key: { type: apiKey, in: query, name: key }
                token: { type: http, scheme: bearer }
            """;
        var run = GeneratorRun.Run(new[]
        {
            new SpecFile("/project/spec/first.yaml", Template.Replace("NAME", "First")),
            new SpecFile("/project/spec/second.yaml", Template.Replace("NAME", "Second")),
        });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Single(run.Sources, source => source.HintName == "Consumer.Credentials.g.cs");
        Assert.Contains(run.Sources, source => source.HintName == "Consumer.FirstClientCredentials.g.cs");
        Assert.Contains(run.Sources, source => source.HintName == "Consumer.SecondClientCredentials.g.cs");
        var diagnostics = run.CompilationDiagnostics();
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
    }

    [Theory]
    [InlineData("bad\r\nX-Injected: 1", "000D")]
    [InlineData("naïve", "00EF")]
    public async Task ACredentialAHeaderCannotCarryIsRefusedWithoutShowingIt(string headerKey, string codePoint)
    {
        var result = await CallAsync("ApiKey", "header", headerKey: headerKey);

        Assert.StartsWith($"header=InvalidOperationException: The credential of security scheme 'api_key' contains a character that cannot be sent in a header (U+{codePoint}).", result);
        Assert.DoesNotContain(headerKey, result);
        Assert.DoesNotContain("X-Injected", result);
        Assert.Empty(_seen);
    }

    [Fact]
    public async Task TheBearerTokenConstructorsSetEveryBearerLikeSchemeAndNothingElse()
    {
        var plain = await (Task<string>)Assembly.Value.Call("Consumer.SecurityHarness", "CallWithBearerTokenAsync", _server.BaseAddress, false)!;
        var rotating = await (Task<string>)Assembly.Value.Call("Consumer.SecurityHarness", "CallWithBearerTokenAsync", _server.BaseAddress, true)!;

        Assert.Equal("issued=0", plain);
        Assert.Equal("issued=4", rotating);
        Assert.Equal(
            new[]
            {
                "/v1/bearer auth=Bearer plain-token key= cookie=",
                "/v1/oauth2 auth=Bearer plain-token key= cookie=",
                "/v1/oidc auth=Bearer plain-token key= cookie=",
                "/v1/header auth= key= cookie=",
                "/v1/or auth=Bearer plain-token key= cookie=",
                "/v1/public auth= key= cookie=",
                "/v1/bearer auth=Bearer rotated-1 key= cookie=",
                "/v1/oauth2 auth=Bearer rotated-2 key= cookie=",
                "/v1/oidc auth=Bearer rotated-3 key= cookie=",
                "/v1/header auth= key= cookie=",
                "/v1/or auth=Bearer rotated-4 key= cookie=",
                "/v1/public auth= key= cookie=",
            },
            _seen);
    }

    [Fact]
    public async Task TheDependencyInjectionRegistrationTakesTheCredentials()
    {
        var text = await (Task<string>)Assembly.Value.Call("Consumer.SecurityHarness", "CallThroughDependencyInjectionAsync", _server.BaseAddress)!;

        Assert.Equal("FeatureSecurityClientCredentials (set: ApiKey BasicAuth)", text);
        Assert.Equal(
            new[]
            {
                "/v1/header auth= key=from-di cookie=",
                $"/v1/basic auth=Basic {Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("di:pw"))} key= cookie=",
                "/v1/bearer auth= key= cookie=",
            },
            _seen);
    }

    [Fact]
    public async Task ASpecWithoutSecuritySchemesKeepsSendingTheBearerTokenExceptWhereSecurityIsEmpty()
    {
        var run = GeneratorRun.Run(new[] { new SpecFile("/project/spec/legacy.yaml", """
            openapi: 3.0.3
            info: { title: Legacy, version: '1' }
            paths:
              /plain:
                get: { operationId: plain, responses: { '204': { description: ok } } }
              /named:
                get: { operationId: named, security: [ { bearerAuth: [] } ], responses: { '204': { description: ok } } }
              /public:
                get: { operationId: publicInfo, security: [], responses: { '204': { description: ok } } }
            """) }, csharpSources: new[] { """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;

            namespace Consumer
            {
                public static class LegacyHarness
                {
                    public static async Task CallAsync(string baseAddress)
                    {
                        using var http = new HttpClient { BaseAddress = new Uri(baseAddress) };
                        var client = new LegacyClient(http, "legacy-token");
                        await client.PlainAsync();
                        await client.NamedAsync();
                        await client.PublicInfoAsync();
                    }
                }
            }
            """ });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.DoesNotContain(run.Sources, source => source.HintName.Contains("Credentials", StringComparison.Ordinal));
        await (Task)CompiledAssembly.Load(run.Output).Call("Consumer.LegacyHarness", "CallAsync", _server.BaseAddress)!;

        Assert.Equal(new[] { "/v1/plain auth=Bearer legacy-token key= cookie=", "/v1/named auth=Bearer legacy-token key= cookie=", "/v1/public auth= key= cookie=" }, _seen);
    }

    [Fact]
    public async Task AnOperationWithNoRequirementAnywhereSendsNothingAndApiKeyOnlySpecsHaveNoBearerConstructor()
    {
        var run = GeneratorRun.Run(new[] { new SpecFile("/project/spec/keys.yaml", """
            openapi: 3.0.3
            info: { title: Keys, version: '1' }
            paths:
              /open:
                get: { operationId: open, responses: { '204': { description: ok } } }
              /keyed:
                get: { operationId: keyed, security: [ { key: [] } ], responses: { '204': { description: ok } } }
            components:
              securitySchemes:
                key: { type: apiKey, in: header, name: X-API-Key }
            """) }, csharpSources: new[] { """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;

            namespace Consumer
            {
                public static class KeysHarness
                {
                    public static async Task CallAsync(string baseAddress)
                    {
                        using var http = new HttpClient { BaseAddress = new Uri(baseAddress) };
                        var client = new KeysClient(http, new KeysClientCredentials { Key = new ApiKeyCredential("k-1") });
                        await client.OpenAsync();
                        await client.KeyedAsync();
                    }
                }
            }
            """ });

        Assert.Empty(run.GeneratorDiagnostics);
        var assembly = CompiledAssembly.Load(run.Output);
        await (Task)assembly.Call("Consumer.KeysHarness", "CallAsync", _server.BaseAddress)!;

        Assert.Equal(new[] { "/v1/open auth= key= cookie=", "/v1/keyed auth= key=k-1 cookie=" }, _seen);
        Assert.Equal(
            new[] { "HttpClient", "HttpClient, KeysClientCredentials" },
            assembly.Type("Consumer.KeysClient").GetConstructors().Select(constructor => string.Join(", ", constructor.GetParameters().Select(parameter => parameter.ParameterType.Name))).OrderBy(text => text, StringComparer.Ordinal));
    }

    [Fact]
    public void SchemesAndRequirementsTheClientCannotApplyAreReportedAtTheirLines()
    {
        var run = GeneratorRun.Run(new[] { new SpecFile("/project/spec/broken.yaml", """
            openapi: 3.1.0
            info: { title: Broken, version: '1' }
            paths:
              /a:
                get:
                  operationId: a
                  security:
                    - missing: []
                    - basicAuth: []
                      bearerAuth: []
                    - weird: []
                  responses: { '204': { description: ok } }
            components:
              securitySchemes:
                weird: { type: kerberos }
                noIn: { type: apiKey, name: k }
                badHeader: { type: apiKey, in: header, name: "X Key" }
                noScheme: { type: http }
                basicAuth: { type: http, scheme: basic }
                bearerAuth: { type: http, scheme: bearer }
                to_string: { type: http, scheme: bearer }
            """) });

        Assert.Equal(
            new[]
            {
                "APG013 (8,11): The security requirement 'missing' of A must be the name of a scheme in components.securitySchemes (this alternative is never applied); it is ignored",
                "APG005 (9,11): The security requirement 'basicAuth + bearerAuth' of A is not supported yet: its schemes need two Authorization headers in one request; this alternative is never applied",
                "APG014 (14,3): The spec declares the security schemes 'basicAuth', 'bearerAuth', 'to_string', but no generated operation has a security requirement the client applies: the client still takes their credentials and sends them with no request",
                "APG013 (15,20): 'type' of the security scheme 'weird' must be 'apiKey', 'http', 'mutualTLS', 'oauth2' or 'openIdConnect' (operations that require it get no credential from it); it is ignored",
                "APG013 (16,5): 'in' of the apiKey security scheme 'noIn' must be 'header', 'query' or 'cookie' (operations that require it get no credential from it); it is ignored",
                "APG013 (17,50): 'name' of the apiKey security scheme 'badHeader' must be a valid header name (letters, digits and !#$%&'*+-.^_`|~) (operations that require it get no credential from it); it is ignored",
                "APG013 (18,5): 'scheme' of the http security scheme 'noScheme' must be an HTTP authentication scheme name such as 'basic' or 'bearer' (operations that require it get no credential from it); it is ignored",
            },
            run.GeneratorDiagnostics.OrderBy(diagnostic => diagnostic.Location.GetLineSpan().StartLinePosition.Line).Select(Format));
        var diagnostics = run.CompilationDiagnostics();
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
        Assert.Contains("public global::Consumer.BearerCredential? ToStringValue { get; init; }", run.Source("BrokenClientCredentials.g.cs"));
    }

    private static string Format(Diagnostic diagnostic)
    {
        var position = diagnostic.Location.GetLineSpan().StartLinePosition;
        return $"{diagnostic.Id} ({position.Line + 1},{position.Character + 1}): {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    private static void AssertNoSecret(string text)
    {
        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    private Task<string> CallAsync(string configured, string operations, string? baseAddress = null, string headerKey = "header-secret") =>
        (Task<string>)Assembly.Value.Call("Consumer.SecurityHarness", "CallAsync", baseAddress ?? _server.BaseAddress, configured, operations, false, headerKey, false)!;

    private static async Task<string> CallThroughFormerOptionAsync()
    {
        // The same call with the former option name, compiled separately so the harness above stays on the new one.
        var run = GeneratorRun.Run(new[] { FeatureSpec() }, csharpSources: new[] { """
            using System;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;

            namespace Consumer
            {
                public static class FormerOptionHarness
                {
                    public static async Task<string> CallAsync()
                    {
                        var handler = new Recorder();
                        using var http = new HttpClient(handler) { BaseAddress = new Uri("http://192.0.2.1/v1/") };
                        var client = new FeatureSecurityClient(http, new FeatureSecurityClientCredentials { ApiKey = new ApiKeyCredential("header-secret"), BasicAuth = new BasicCredential("aladdin", "open sesame") })
                        {
                            AllowInsecureBearerToken = true,
                        };
                        await client.ApiKeyHeaderAsync();
                        await client.BasicAsync();
                        return handler.Text + "allowed=" + client.AllowInsecureCredentials;
                    }

                    private sealed class Recorder : HttpMessageHandler
                    {
                        public string Text { get; private set; } = "";

                        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
                        {
                            Text += "sent " + request.RequestUri!.AbsoluteUri + " auth=" + request.Headers.Authorization + " key=" + (request.Headers.TryGetValues("X-API-Key", out var key) ? string.Join(",", key) : "") + " cookie=\n";
                            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.NoContent));
                        }
                    }
                }
            }
            """ });
        var result = await (Task<string>)CompiledAssembly.Load(run.Output).Call("Consumer.FormerOptionHarness", "CallAsync")!;
        Assert.EndsWith("allowed=True", result);
        return result;
    }

    private static string Describe(HttpContext context)
    {
        var target = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget;
        var request = context.Request;
        return $"{target} auth={request.Headers.Authorization} key={request.Headers["X-API-Key"]} cookie={request.Headers.Cookie}";
    }

    private static SpecFile FeatureSpec() =>
        new("/project/spec/features-security.yaml", File.ReadAllText(Path.Combine(RepositoryPaths.TestProject, "Specs", "features-security.yaml")));

    private static MetadataReference[] DependencyInjectionReferences() => new[]
    {
        MetadataReference.CreateFromFile(typeof(HttpClientFactoryServiceCollectionExtensions).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(IServiceCollection).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(ServiceCollection).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(ServiceCollectionContainerBuilderExtensions).Assembly.Location),
    };
}
