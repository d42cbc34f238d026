using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using Applivery.Generators.Benchmarks.Api;
using Applivery.Generators.Benchmarks.Poco;
using BenchmarkDotNet.Attributes;

namespace Applivery.Generators.Benchmarks;

/// <summary>
/// One whole call of the generated client, through an in-memory HttpMessageHandler (no socket), against the same
/// HttpClient call written by hand with System.Text.Json's source-generated context (the baseline).
/// </summary>
[MemoryDiagnoser]
public class HttpClientBenchmarks
{
    private const string OrganizationId = "my-org";
    private const string ApplicationId = "my-app";
    private const string BuildId = "5f8d0d55b54764421b7156c9";
    private const string Token = "benchmark-token";
    private const string RelativeUri = "organizations/" + OrganizationId + "/apps/" + ApplicationId + "/builds/" + BuildId + "/downloads/by-user";

    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");

    private HttpClient _http = null!;
    private AppliveryClient _client = null!;

    /// <summary>The response body: "{users}x{downloads per user}". The large body is the point; the small one shows the per-call overhead.</summary>
    [Params(PayloadGenerator.Large, PayloadGenerator.Small)]
    public string Payload { get; set; } = PayloadGenerator.Large;

    /// <summary>One HttpClient for the run, over a handler that answers every request with the payload.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var body = PayloadGenerator.Get(Payload);
        Equivalence.Check(body);
        _http = new HttpClient(new InMemoryHandler(body)) { BaseAddress = new Uri("https://api.applivery.invalid/v1/") };
        _client = new AppliveryClient(_http, Token);
    }

    /// <summary>Disposes the HttpClient.</summary>
    [GlobalCleanup]
    public void Cleanup() => _http.Dispose();

    /// <summary>The generated client: validates the parameters, builds and sends the request, reads the body into a pooled buffer, parses it with the generated reader.</summary>
    [Benchmark(Description = "Generated client")]
    public Task<DownloadsByUserResponse> GeneratedClient() =>
        _client.GetBuildDownloadsByUserAsync(OrganizationId, ApplicationId, BuildId, cancellationToken: CancellationToken.None);

    /// <summary>Baseline: the same request (Accept and bearer headers, headers-read completion) read with ReadFromJsonAsync and the source-generated JsonTypeInfo.</summary>
    [Benchmark(Baseline = true, Description = "HttpClient + ReadFromJsonAsync (STJ source-gen)")]
    public async Task<PocoDownloadsByUserResponse?> StjSourceGenerated()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, RelativeUri);
        request.Headers.Accept.Add(Json);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, CancellationToken.None).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(PocoJsonContext.Default.PocoDownloadsByUserResponse, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Answers every request with 200 and a fresh ByteArrayContent over the same bytes, as a server would, with no I/O.</summary>
    private sealed class InMemoryHandler(byte[] body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
