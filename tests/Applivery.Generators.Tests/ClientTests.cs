using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Applivery.Generators.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Applivery.Generators.Tests;

/// <summary>The generated client, compiled and run against a real Kestrel server on loopback.</summary>
public class ClientTests : IAsyncLifetime
{
    private const string HexId = "5f8d0d55b54764421b7156c9";

    /// <summary>Compiled with the generated code: calls the client and describes what came back, one fact per line.</summary>
    private const string Harness = """
        using System;
        using System.Linq;
        using System.Net.Http;
        using System.Threading.Tasks;

        namespace Consumer
        {
            public static class ClientHarness
            {
                public static async Task<string> CallAsync(string baseAddress, string? token, string organizationId, string applicationId, string buildId, string? email, DateTimeOffset? iniDate, DateTimeOffset? endDate, int timeoutMilliseconds)
                {
                    using var http = new HttpClient { BaseAddress = new Uri(baseAddress), Timeout = TimeSpan.FromMilliseconds(timeoutMilliseconds) };
                    var client = token is null ? new AppliveryClient(http) : new AppliveryClient(http, token);
                    try
                    {
                        var response = await client.GetBuildDownloadsByUserAsync(organizationId, applicationId, buildId, email, iniDate, endDate);
                        return Describe(response);
                    }
                    catch (AppliveryClientException exception)
                    {
                        return string.Join("\n",
                            "exception",
                            "status=" + exception.StatusCode,
                            "errorCode=" + exception.ErrorCode,
                            "errorMessage=" + exception.ErrorMessage,
                            "body=" + exception.ResponseBody,
                            "typedBody=" + exception.Body?.GetType().Name,
                            "jsonPath=" + exception.JsonPath,
                            "message=" + exception.Message,
                            "toString=" + exception.ToString(),
                            "client=" + client.ToString());
                    }
                    catch (TaskCanceledException)
                    {
                        return "canceled";
                    }
                }

                /// <summary>Calls without awaiting: whether the call itself threw, or returned a task (which is then awaited).</summary>
                public static async Task<string> CallWithoutAwaitingAsync(string baseAddress, string organizationId)
                {
                    using var http = new HttpClient { BaseAddress = new Uri(baseAddress) };
                    var client = new AppliveryClient(http);
                    Task<DownloadsByUserResponse> task;
                    try
                    {
                        task = client.GetBuildDownloadsByUserAsync(organizationId, "my-app", "5f8d0d55b54764421b7156c9");
                    }
                    catch (ArgumentException exception)
                    {
                        return "the call threw for " + exception.ParamName;
                    }

                    await task;
                    return "the call returned a task";
                }

                /// <summary>One call with the client's options set; the outcome as text, whatever it is.</summary>
                public static async Task<string> CallWithOptionsAsync(string baseAddress, string? token, long maxResponseBodySize, bool allowInsecureBearerToken, string organizationId, string? email, int timeoutMilliseconds)
                {
                    using var http = new HttpClient { BaseAddress = new Uri(baseAddress), Timeout = TimeSpan.FromMilliseconds(timeoutMilliseconds) };
                    var client = token is null
                        ? new AppliveryClient(http) { MaxResponseBodySize = maxResponseBodySize, AllowInsecureBearerToken = allowInsecureBearerToken }
                        : new AppliveryClient(http, token) { MaxResponseBodySize = maxResponseBodySize, AllowInsecureBearerToken = allowInsecureBearerToken };
                    try
                    {
                        var response = await client.GetBuildDownloadsByUserAsync(organizationId, "my-app", "5f8d0d55b54764421b7156c9", email);
                        return "ok users=" + response.Data?.Count + " total=" + response.Data?[0].Total + " member=" + (response.Data?[0].Member is null ? "null" : "set") + " email=" + response.Data?[0].Member?.Email;
                    }
                    catch (Exception exception)
                    {
                        return exception.GetType().Name + ": " + exception.Message + " | " + exception.ToString();
                    }
                }

                public static async Task<int> CountUsersAsync(string baseAddress)
                {
                    using var http = new HttpClient { BaseAddress = new Uri(baseAddress), Timeout = TimeSpan.FromMinutes(2) };
                    var response = await new AppliveryClient(http).GetBuildDownloadsByUserAsync("my-org", "my-app", "5f8d0d55b54764421b7156c9");
                    return response.Data!.Count;
                }

                public static async Task<string> CallWithTokenProviderAsync(string baseAddress, int calls, int cancelAfterMilliseconds)
                {
                    using var http = new HttpClient { BaseAddress = new Uri(baseAddress) };
                    var issued = 0;
                    var client = new AppliveryClient(http, _ => new ValueTask<string>("token-" + (++issued)));
                    using var cancellation = cancelAfterMilliseconds > 0 ? new System.Threading.CancellationTokenSource(cancelAfterMilliseconds) : new System.Threading.CancellationTokenSource();
                    try
                    {
                        for (var i = 0; i < calls; i++)
                        {
                            await client.GetBuildDownloadsByUserAsync("my-org", "my-app", "5f8d0d55b54764421b7156c9", cancellationToken: cancellation.Token);
                        }

                        return "issued=" + issued;
                    }
                    catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
                    {
                        return "canceled by token";
                    }
                }

                private static string Describe(DownloadsByUserResponse response)
                {
                    var user = response.Data![0];
                    var download = user.Downloads![0];
                    return string.Join("\n",
                        "status=" + response.Status,
                        "users=" + response.Data.Count,
                        "id=" + user.Id,
                        "total=" + user.Total,
                        "member.type=" + user.Member!.Type,
                        "member.typeRaw=" + (user.Member.UnrecognizedValues is { } raw && raw.TryGetValue("type", out var text) ? text : ""),
                        "member.memberId=" + user.Member.MemberId,
                        "member.email=" + user.Member.Email,
                        "member.firstName=" + user.Member.FirstName,
                        "member.lastName=" + user.Member.LastName,
                        "member.picture=" + user.Member.Picture,
                        "download.id=" + download.Id,
                        "download.from=" + download.From,
                        "download.fromRaw=" + (download.UnrecognizedValues is { } raw2 && raw2.TryGetValue("from", out var text2) ? text2 : ""),
                        "download.build=" + download.Build!.Id + "|" + download.Build.Os + "|" + download.Build.BuildPlatform + "|" + download.Build.Icon + "|" + download.Build.VersionName,
                        "download.info=" + download.Info!.Value.GetRawText(),
                        "download.device=" + download.Device!.Model + "|" + download.Device.Type,
                        "download.os=" + download.Os!.Name + "|" + download.Os.Version,
                        "download.network=" + string.Join("|", download.NetworkInfo!.Ip, download.NetworkInfo.City, download.NetworkInfo.Continent, download.NetworkInfo.Country,
                            download.NetworkInfo.Latitude?.ToString(System.Globalization.CultureInfo.InvariantCulture), download.NetworkInfo.Longitude?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                            download.NetworkInfo.PostalCode, download.NetworkInfo.Region, download.NetworkInfo.RegionCode, download.NetworkInfo.Timezone, download.NetworkInfo.Visitor),
                        "download.createdAt=" + download.CreatedAt!.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                        "download.updatedAt=" + download.UpdatedAt!.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                        "roundTrip=" + System.Text.Encoding.UTF8.GetString(AppliveryClientJson.Serialize(response, AppliveryClientJson.WriteDownloadsByUserResponse)));
                }
            }
        }
        """;

    private static readonly Lazy<CompiledAssembly> Assembly = new(() =>
        CompiledAssembly.Load(GeneratorRun.Run(new[] { SpecFile.Applivery() }, csharpSources: new[] { Harness }).Output));

    private LoopbackServer _server = null!;

    /// <summary>The generated client with the harness, compiled once, for other test classes.</summary>
    internal static CompiledAssembly Compiled => Assembly.Value;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ThePageExampleReadsIntoTheGeneratedTypesWithEveryField()
    {
        _server.Respond = LoopbackServer.Json(200, Example());

        var result = await CallAsync(token: "secret-token");

        Assert.Equal(
            new[]
            {
                "status=True",
                "users=1",
                $"id={HexId}",
                "total=2",
                "member.type=MdmUser",
                "member.typeRaw=",
                "member.memberId=5f8d0d55b54764421b7156ca",
                "member.email=user@example.com",
                "member.firstName=Ada",
                "member.lastName=Lovelace",
                "member.picture=https://example.com/p.png",
                "download.id=5f8d0d55b54764421b7156cb",
                "download.from=IntegrationApi",
                "download.fromRaw=",
                "download.build=b1|ios|iOS|icon.png|1.2.3",
                "download.info={\"any\": [1, 2]}",
                "download.device=iPhone15,2|phone",
                "download.os=iOS|17.1",
                "download.network=203.0.113.7|Madrid|Europe|ES|40.4168|-3.7038|28001|Madrid|MD|Europe/Madrid|v-1",
                "download.createdAt=2024-01-01T00:00:00.0000000+00:00",
                "download.updatedAt=2024-01-02T10:30:00.0000000+02:00",
            },
            result.Split('\n').Where(line => !line.StartsWith("roundTrip=", StringComparison.Ordinal)));
        var request = Assert.Single(_server.Requests);
        Assert.Equal("Bearer secret-token", request.Authorization);
        Assert.Equal($"/v1/organizations/my-org/apps/my-app/builds/{HexId}/downloads/by-user", request.Path);
    }

    [Fact]
    public async Task WhatWasWrittenReadsBackEqual()
    {
        _server.Respond = LoopbackServer.Json(200, Example());
        var first = Line(await CallAsync(), "roundTrip=");

        _server.Respond = LoopbackServer.Json(200, first);
        var second = Line(await CallAsync(), "roundTrip=");

        Assert.Equal(first, second);
        Assert.Contains("\"from\":\"integrationApi\"", first);
        Assert.Contains("\"type\":\"mdmUser\"", first);
    }

    [Fact]
    public async Task UnknownEnumValuesAndExtraPropertiesNeverFailTheResponse()
    {
        var body = Example().Replace("\"mdmUser\"", "\"robot\"").Replace("\"integrationApi\"", "\"teleport\"")
            .Replace("\"status\": true,", "\"status\": true, \"newField\": {\"nested\": [1, {\"a\": null}]},");
        _server.Respond = LoopbackServer.Json(200, body);

        var result = await CallAsync();

        Assert.Contains("member.type=Unrecognized", result);
        Assert.Contains("member.typeRaw=robot", result);
        Assert.Contains("download.from=Unrecognized", result);
        Assert.Contains("download.fromRaw=teleport", result);
        Assert.Contains("\"from\":\"teleport\"", Line(result, "roundTrip="));
    }

    [Theory]
    [InlineData(4002, "No auth token")]
    [InlineData(4004, "Invalid Token")]
    public async Task Unauthorized401CarriesTheApiErrorCodeAndMessage(int code, string message)
    {
        _server.Respond = LoopbackServer.Json(401, "{\"status\": false, \"error\": {\"code\": " + code + ", \"message\": \"" + message + "\"}}");

        var result = await CallAsync(token: "secret-token");

        Assert.Contains("status=401", result);
        Assert.Contains($"errorCode={code}", result);
        Assert.Contains($"errorMessage={message}", result);
        Assert.Contains("typedBody=GetBuildDownloadsByUserUnauthorizedResponse", result);
        Assert.Contains($"message=getBuildDownloadsByUser failed with 401 Unauthorized: {code} {message}", result);
        Assert.DoesNotContain("secret-token", result);
    }

    [Fact]
    public async Task NotFound404CarriesTheEntityError()
    {
        _server.Respond = LoopbackServer.Json(404, """{"status": false, "error": {"code": 3001, "message": "Entity not found"}}""");

        var result = await CallAsync();

        Assert.Contains("status=404", result);
        Assert.Contains("errorCode=3001", result);
        Assert.Contains("errorMessage=Entity not found", result);
    }

    [Fact]
    public async Task AnHtml500KeepsAnExcerptOfTheBody()
    {
        _server.Respond = async context =>
        {
            context.Response.StatusCode = 500;
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<html><body>Internal proxy failure" + new string('x', 5000) + "</body></html>");
        };

        var result = await CallAsync();

        Assert.Contains("status=500", result);
        Assert.Contains("errorCode=\n", result);
        Assert.Contains("body=<html><body>Internal proxy failure", result);
        Assert.True(Line(result, "body=").Length <= 2001 + 1, "the excerpt is bounded");
    }

    [Fact]
    public async Task AConnectionResetMidBodyIsAClearError()
    {
        _server.Respond = async context =>
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(Example());
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
            await context.Response.Body.FlushAsync();

            // Let the headers and the first half reach the client before the connection is reset.
            await Task.Delay(300);
            context.Abort();
        };

        var result = await CallAsync();

        Assert.Contains("status=200", result);
        Assert.Contains("was cut off: the connection failed while the body was read", result);
    }

    [Fact]
    public async Task AnEmpty502SaysSo()
    {
        _server.Respond = context =>
        {
            context.Response.StatusCode = 502;
            return Task.CompletedTask;
        };

        var result = await CallAsync();

        Assert.Contains("status=502", result);
        Assert.Contains("failed with 502 Bad Gateway and an empty body", result);
    }

    [Fact]
    public async Task ThePagesMalformedTimestampFailsNamingThePathAndTheValue()
    {
        // The API page's own example writes "2024-01-01T00: 00:00Z": not a date-time, and the client says where.
        _server.Respond = LoopbackServer.Json(200, Example().Replace("2024-01-01T00:00:00Z", "2024-01-01T00: 00:00Z"));

        var result = await CallAsync();

        Assert.Contains("status=200", result);
        Assert.Contains("jsonPath=$.data[0].downloads[0].createdAt", result);
        Assert.Contains("found the string '2024-01-01T00: 00:00Z'", result);
    }

    [Fact]
    public async Task ABodyOfTheWrongShapeNamesThePath()
    {
        _server.Respond = LoopbackServer.Json(200, Example().Replace("\"total\": 2", "\"total\": \"two\""));

        var result = await CallAsync();

        Assert.Contains("jsonPath=$.data[0].total", result);
        Assert.Contains("expected an integer from -2147483648 to 2147483647, found the string 'two'", result);
    }

    [Fact]
    public async Task ABodyCutOffMidStreamIsAClearError()
    {
        var whole = Example();
        _server.Respond = LoopbackServer.Json(200, whole.Substring(0, whole.Length / 2));

        var result = await CallAsync();

        Assert.Contains("status=200", result);
        Assert.True(result.Contains("cut off", StringComparison.Ordinal), result);

    }

    [Fact]
    public async Task QueryParametersAreEscapedAndDatesAreInvariantWhateverTheCulture()
    {
        _server.Respond = LoopbackServer.Json(200, Example());
        var previous = CultureInfo.CurrentCulture;
        foreach (var culture in new[] { "th-TH", "ar-SA" })
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            try
            {
                await CallAsync(email: "a+b@example.com", iniDate: new DateTimeOffset(2024, 3, 5, 6, 7, 8, TimeSpan.FromHours(2)), endDate: new DateTimeOffset(2024, 12, 31, 23, 59, 59, TimeSpan.Zero));
            }
            finally
            {
                CultureInfo.CurrentCulture = previous;
            }
        }

        Assert.Equal(2, _server.Requests.Count);
        Assert.All(_server.Requests, request => Assert.Equal(
            "?email=a%2Bb%40example.com&iniDate=2024-03-05T06%3A07%3A08%2B02%3A00&endDate=2024-12-31T23%3A59%3A59%2B00%3A00",
            request.QueryString));
    }

    [Fact]
    public async Task InvalidParametersAreRefusedBeforeAnyRequest()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => CallAsync(organizationId: "../x"));
        await Assert.ThrowsAsync<ArgumentException>(() => CallAsync(buildId: "../../admin"));

        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task AnInvalidParameterThrowsFromTheCallItselfBeforeATaskExists()
    {
        // The operation is a plain method that validates, builds the request and hands it to the client's shared call:
        // argument errors surface where the call is written, as HttpClient's own do.
        _server.Respond = LoopbackServer.Json(200, Example());
        var call = (Task<string>)Assembly.Value.Call("Consumer.ClientHarness", "CallWithoutAwaitingAsync", _server.BaseAddress, "../x")!;

        Assert.Equal("the call threw for organizationId", await call);
        Assert.Empty(_server.Requests);
        var valid = (Task<string>)Assembly.Value.Call("Consumer.ClientHarness", "CallWithoutAwaitingAsync", _server.BaseAddress, "my-org")!;
        Assert.Equal("the call returned a task", await valid);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task WithoutATokenNoAuthorizationHeaderIsSent()
    {
        _server.Respond = LoopbackServer.Json(200, Example());

        await CallAsync(token: null);

        Assert.Null(Assert.Single(_server.Requests).Authorization);
    }

    [Fact]
    public async Task AServerThatNeverAnswersHonoursTheHttpClientTimeout()
    {
        _server.Respond = async context => await Task.Delay(Timeout.Infinite, context.RequestAborted);

        var started = DateTime.UtcNow;
        var result = await CallAsync(timeoutMilliseconds: 500);

        Assert.Equal("canceled", result);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(30), "no hang");
    }

    [Fact]
    public async Task ATokenProviderIsAskedBeforeEachRequest()
    {
        _server.Respond = LoopbackServer.Json(200, Example());

        var result = (string)await (Task<string>)Assembly.Value.Call("Consumer.ClientHarness", "CallWithTokenProviderAsync", _server.BaseAddress, 2, 0)!;

        Assert.Equal("issued=2", result);
        Assert.Equal(new[] { "Bearer token-1", "Bearer token-2" }, _server.Requests.Select(request => request.Authorization));
    }

    [Fact]
    public async Task TheCancellationTokenStopsAServerThatNeverAnswers()
    {
        _server.Respond = async context => await Task.Delay(Timeout.Infinite, context.RequestAborted);

        var result = (string)await (Task<string>)Assembly.Value.Call("Consumer.ClientHarness", "CallWithTokenProviderAsync", _server.BaseAddress, 1, 300)!;

        Assert.Equal("canceled by token", result);
    }

    private Task<string> CallAsync(
        string? token = null,
        string organizationId = "my-org",
        string applicationId = "my-app",
        string buildId = HexId,
        string? email = null,
        DateTimeOffset? iniDate = null,
        DateTimeOffset? endDate = null,
        int timeoutMilliseconds = 30_000) =>
        (Task<string>)Assembly.Value.Call("Consumer.ClientHarness", "CallAsync", _server.BaseAddress, token, organizationId, applicationId, buildId, email, iniDate, endDate, timeoutMilliseconds)!;

    private static string Line(string result, string prefix) => result.Split('\n').Single(line => line.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..];

    private static string Example() => ExampleResponses.DownloadsByUser;
}
