using System;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Applivery.Generators.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Applivery.Generators.Tests;

/// <summary>
/// The generated client against servers that misbehave: every case ends in a clear exception or a documented
/// tolerant result, never a hang, a crash or unbounded memory.
/// </summary>
public class HostileServerTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ASlowlorisBodyIsCutByHttpClientTimeout()
    {
        _server.Respond = async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"status\": true, \"data\": [");
            await context.Response.Body.FlushAsync();
            while (!context.RequestAborted.IsCancellationRequested)
            {
                await context.Response.WriteAsync(" ");
                await context.Response.Body.FlushAsync();
                await Task.Delay(50, context.RequestAborted);
            }
        };

        var result = await CallAsync(timeoutMilliseconds: 1000);

        Assert.StartsWith("TaskCanceledException: getBuildDownloadsByUser did not complete within HttpClient.Timeout (00:00:01)", result);
    }

    [Fact]
    public async Task ABodyLargerThanTheLimitIsRefusedBeforeItIsRead()
    {
        _server.Respond = LoopbackServer.Json(200, ExampleResponses.DownloadsByUser);

        var result = await CallAsync(maxResponseBodySize: 100);

        Assert.StartsWith("AppliveryClientException: The 200 response of getBuildDownloadsByUser does not match the spec: $: the body is larger than the limit of 100 bytes", result);
    }

    [Fact]
    public async Task ABodyWithoutContentLengthIsStoppedAtTheLimit()
    {
        _server.Respond = async context =>
        {
            context.Response.ContentType = "application/json";
            var chunk = Encoding.UTF8.GetBytes(new string(' ', 64 * 1024));
            await context.Response.WriteAsync("{\"status\": true, \"data\": [");
            for (var i = 0; i < 64 && !context.RequestAborted.IsCancellationRequested; i++)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        };

        var result = await CallAsync(maxResponseBodySize: 1024 * 1024);

        Assert.Contains("the body is larger than the limit of 1048576 bytes", result);
    }

    [Fact]
    public async Task InvalidUtf8NamesThePath()
    {
        _server.Respond = async context =>
        {
            context.Response.ContentType = "application/json";
            var body = Encoding.UTF8.GetBytes(ExampleResponses.DownloadsByUser.Replace("user@example.com", "user@XXample.com"));
            var index = IndexOf(body, Encoding.UTF8.GetBytes("XX"));
            body[index] = 0xC3;
            body[index + 1] = 0x28;
            await context.Response.Body.WriteAsync(body);
        };

        var result = await CallAsync();

        Assert.Contains("$.data[0].member.email", result);
        Assert.StartsWith("AppliveryClientException", result);
    }

    [Fact]
    public async Task DeeplyNestedJsonIsRefusedWithItsPath()
    {
        var deep = new string('[', 10_000) + new string(']', 10_000);
        _server.Respond = LoopbackServer.Json(200, ExampleResponses.DownloadsByUser.Replace("{\"any\": [1, 2]}", deep));

        var result = await CallAsync();

        Assert.StartsWith("AppliveryClientException", result);
        Assert.Contains("$.data[0].downloads[0].info", result);
        Assert.Contains("depth", result);
    }

    [Fact]
    public async Task DuplicatePropertiesTakeTheLastValue()
    {
        _server.Respond = LoopbackServer.Json(200, ExampleResponses.DownloadsByUser.Replace("\"email\": \"user@example.com\",", "\"email\": \"first@example.com\", \"email\": \"last@example.com\","));

        var result = await CallAsync();

        Assert.StartsWith("ok users=1", result);
        Assert.Contains("email=last@example.com", result);
    }

    [Theory]
    [InlineData("1e20")]
    [InlineData("2147483648")]
    [InlineData("1.5")]
    public async Task NumbersOutOfRangeForTheirTypeNameThePath(string total)
    {
        _server.Respond = LoopbackServer.Json(200, ExampleResponses.DownloadsByUser.Replace("\"total\": 2", "\"total\": " + total));

        var result = await CallAsync();

        Assert.StartsWith("AppliveryClientException", result);
        Assert.Contains($"$.data[0].total: expected an integer from -2147483648 to 2147483647, found '{total}'", result);
    }

    [Fact]
    public async Task NullWhereAnObjectIsExpectedIsAMissingOptionalObject()
    {
        _server.Respond = LoopbackServer.Json(200, ExampleResponses.DownloadsByUser.Replace("\"member\": {", "\"member\": null, \"ignored\": {"));

        var result = await CallAsync();

        Assert.StartsWith("ok users=1 total=2 member=null", result);
    }

    [Theory]
    [InlineData("\"data\": {}")]
    [InlineData("\"data\": \"text\"")]
    [InlineData("\"data\": [42]")]
    public async Task WrongTypesNameThePathAndWhatWasFound(string data)
    {
        _server.Respond = LoopbackServer.Json(200, "{\"status\": true, " + data + "}");

        var result = await CallAsync();

        Assert.StartsWith("AppliveryClientException", result);
        Assert.Contains("$.data", result);
        Assert.Contains("expected an", result);
    }

    [Theory]
    [InlineData("../admin")]
    [InlineData("org/../../admin")]
    [InlineData("org%2F..%2Fadmin")]
    [InlineData("org?x=1")]
    [InlineData("org#frag")]
    [InlineData("org\r\nX-Injected: 1")]
    public async Task PathTraversalAndInjectionInIdsAreRejectedBeforeSending(string organizationId)
    {
        var result = await CallAsync(organizationId: organizationId);

        Assert.StartsWith("ArgumentException: The parameter 'organizationId' must match the pattern", result);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task InjectionInQueryValuesIsNeutralisedByEscaping()
    {
        _server.Respond = LoopbackServer.Json(200, ExampleResponses.DownloadsByUser);

        await CallAsync(email: "a@b.c&iniDate=x#/../..\r\nX: y");

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/v1/organizations/my-org/apps/my-app/builds/5f8d0d55b54764421b7156c9/downloads/by-user", request.Path);
        Assert.Equal("?email=a%40b.c%26iniDate%3Dx%23%2F..%2F..%0D%0AX%3A%20y", request.QueryString);
    }

    [Fact]
    public async Task TheTokenIsNeverSentOverPlainHttpToAnotherHost()
    {
        // 192.0.2.1 is TEST-NET-1: the refusal happens before any connection is attempted.
        var refused = await CallAsync(baseAddress: "http://192.0.2.1/v1/", token: "secret-token");
        var allowedOnLoopback = await CallAsync(token: "secret-token");

        Assert.StartsWith("InvalidOperationException: Refusing to send the bearer token over plain http to 192.0.2.1", refused);
        Assert.DoesNotContain("secret-token", refused);
        Assert.DoesNotContain("Refusing", allowedOnLoopback);
    }

    [Fact]
    public async Task TheTokenAppearsInNoExceptionOrText()
    {
        foreach (var status in new[] { 400, 401, 404, 500, 502 })
        {
            _server.Respond = LoopbackServer.Json(status, "{\"status\": false, \"error\": {\"code\": 1, \"message\": \"m\"}}");

            var result = await CallAsync(token: "secret-token-123");

            Assert.DoesNotContain("secret-token-123", result);
        }
    }

    private Task<string> CallAsync(
        string? baseAddress = null,
        string? token = null,
        long maxResponseBodySize = 256L * 1024 * 1024,
        string organizationId = "my-org",
        string? email = null,
        int timeoutMilliseconds = 30_000) =>
        (Task<string>)ClientTests.Compiled.Call(
            "Consumer.ClientHarness", "CallWithOptionsAsync", baseAddress ?? _server.BaseAddress, token, maxResponseBodySize, false, organizationId, email, timeoutMilliseconds)!;

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i <= haystack.Length - needle.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }

        throw new InvalidOperationException("needle not found");
    }
}
