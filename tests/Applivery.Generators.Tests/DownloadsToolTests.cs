using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Applivery.Downloads;
using Applivery.Downloads.Embedded;
using Applivery.Generators.Tests.Infrastructure;

namespace Applivery.Generators.Tests;

/// <summary>
/// The Applivery.Downloads tool end to end, in-process through <see cref="Program.RunAsync"/>: its generated client
/// against its embedded Kestrel server (or, with a token, against that server as "the API"), output and exit codes.
/// The environment is passed explicitly, so an APPLIVERY_API_TOKEN on the machine running the tests changes nothing.
/// </summary>
public class DownloadsToolTests
{
    private const string BuildId = "65f1c0de2b7a4e0012ab34cd";

    private const string Title = "Downloads of build 65f1c0de2b7a4e0012ab34cd (application demo-app, organization demo-org) by user";

    private static readonly Regex Notice = new(@"^No APPLIVERY_API_TOKEN set: using the embedded example server at http://127\.0\.0\.1:\d+/v1/$");

    private static readonly string[][] AllRows =
    {
        new[] { "ada.lovelace@example.com", "employee", "3", "2024-03-19 08:05", "dashboard, sdk, store", "iOS 17.4, macOS 14.3", "ES, PT" },
        new[] { "(anonymous)", "anonymous", "2", "2024-03-28 07:55", "store", "iOS 16.7, iOS 17.2", "BR, MX" },
        new[] { "alan.turing@example.com", "mdmUser", "2", "2024-03-25 12:00", "agent, emm", "iOS 16.7, iOS 17.4", "GB" },
        new[] { "grace.hopper@example.com", "user", "2", "2024-03-21 11:30", "integrationApi, store", "iPadOS 17.3", "US" },
        new[] { "katherine.johnson@example.com", "otpUser", "1", "2024-03-12 18:45", "dashboard", "Windows 11", "US" },
    };

    [Fact]
    public async Task WithoutATokenItSaysSoInOneLineAndPrintsTheTableOfTheExampleData()
    {
        var run = await RunEmbeddedAsync();

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(Notice, Assert.Single(run.ErrorLines));
        Assert.Equal(Title, run.OutputLines[0]);
        Assert.Equal(new[] { "User", "Member type", "Downloads", "Last download (UTC)", "Sources", "Platforms", "Countries" }, Cells(run.OutputLines[2]));
        Assert.Matches("^-+( +-+){6}$", run.OutputLines[3]);
        Assert.Equal(AllRows, TableRows(run));
        Assert.Equal("Total: 5 users, 10 downloads, 6 sources, 6 platforms, 6 countries", run.OutputLines[^1]);
    }

    [Fact]
    public async Task JsonIsTheGeneratedResponseIndentedAndAloneOnStdout()
    {
        var run = await RunEmbeddedAsync("--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(Notice, Assert.Single(run.ErrorLines));
        Assert.StartsWith("{\n  \"status\": true,\n  \"data\": [", run.Output.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(run.Output);
        var users = json.RootElement.GetProperty("data").EnumerateArray().ToArray();
        Assert.Equal(
            new[] { "ada.lovelace@example.com", "grace.hopper@example.com", "alan.turing@example.com", "katherine.johnson@example.com", null },
            users.Select(user => user.GetProperty("member").TryGetProperty("email", out var email) ? email.GetString() : null));
        Assert.Equal(
            new[] { "employee", "user", "mdmUser", "otpUser", "anonymous" },
            users.Select(user => user.GetProperty("member").GetProperty("type").GetString()));
        Assert.Equal(new[] { 3, 2, 2, 1, 2 }, users.Select(user => user.GetProperty("total").GetInt32()));
        Assert.Equal(new[] { 3, 2, 2, 1, 2 }, users.Select(user => user.GetProperty("downloads").GetArrayLength()));
        var first = users[0].GetProperty("downloads")[0];
        Assert.Equal("store", first.GetProperty("from").GetString());
        Assert.Equal("ES", first.GetProperty("networkInfo").GetProperty("country").GetString());
        Assert.Equal(BuildId, first.GetProperty("build").GetProperty("id").GetString());
        Assert.Equal(new DateTimeOffset(2024, 3, 4, 9, 15, 0, TimeSpan.Zero), first.GetProperty("createdAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task TheEmailFilterNarrowsTheResultToThatUser()
    {
        var run = await RunEmbeddedAsync("--email", "Grace.Hopper@example.com");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Title + ", email Grace.Hopper@example.com", run.OutputLines[0]);
        Assert.Equal(new[] { AllRows[3] }, TableRows(run));
        Assert.Equal("Total: 1 user, 2 downloads, 2 sources, 1 platform, 1 country", run.OutputLines[^1]);

        var json = await RunEmbeddedAsync("-e", "alan.turing@example.com", "--json");
        using var document = JsonDocument.Parse(json.Output);
        var user = Assert.Single(document.RootElement.GetProperty("data").EnumerateArray().ToArray());
        Assert.Equal("alan.turing@example.com", user.GetProperty("member").GetProperty("email").GetString());
    }

    [Theory]
    [InlineData("2024-03-20", "2024-03-25", "alan.turing@example.com|1|agent", "grace.hopper@example.com|1|integrationApi")]
    [InlineData("2024-03-25T13:00:00+02:00", null, "(anonymous)|1|store", "alan.turing@example.com|1|agent")]
    [InlineData(null, "2024-03-04T09:15:00Z", "ada.lovelace@example.com|1|store")]
    public async Task FromAndToBoundTheDownloadsByTheirDate(string? from, string? to, params string[] expected)
    {
        var args = new List<string>();
        if (from is not null)
        {
            args.AddRange(new[] { "--from", from });
        }

        if (to is not null)
        {
            args.AddRange(new[] { "--to", to });
        }

        var run = await RunEmbeddedAsync(args.ToArray());

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(expected, TableRows(run).Select(row => string.Join("|", row[0], row[2], row[4])));
    }

    [Fact]
    public async Task ADateRangeWithoutDownloadsSaysSo()
    {
        var run = await RunEmbeddedAsync("--from", "2024-04-01");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("No downloads.", run.OutputLines);
        Assert.Equal("Total: 0 users, 0 downloads, 0 sources, 0 platforms, 0 countries", run.OutputLines[^1]);
    }

    [Fact]
    public async Task ABadBuildIdIsRefusedWithTheGeneratedValidatorsMessage()
    {
        var run = await RunEmbeddedAsync("--build", "not-a-build");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.Equal(2, run.ErrorLines.Length);
        Assert.Matches(Notice, run.ErrorLines[0]);
        Assert.Equal(
            "error: invalid --build: The parameter 'buildId' must match the pattern '^[a-fA-F0-9]{24}$', but was 'not-a-build' (rule: pattern).",
            run.ErrorLines[1]);
    }

    [Fact]
    public async Task ABadOrganizationIdIsRefusedWithTheGeneratedValidatorsMessage()
    {
        var run = await RunEmbeddedAsync("--organization", "../x");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            @"error: invalid --organization: The parameter 'organizationId' must match the pattern '^(([a-fA-F0-9]{24})|([a-zA-Z0-9\\-]{3,}))$', but was '../x' (rule: pattern).",
            run.ErrorLines[^1]);
    }

    [Fact]
    public async Task AnUnknownBuildIsA404ThatNamesIt()
    {
        var run = await RunEmbeddedAsync("--build", "000000000000000000000000");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.Equal(2, run.ErrorLines.Length);
        Assert.Equal(
            "error: not found (HTTP 404, error 3001: Entity not found): organization 'demo-org', application 'demo-app' or build '000000000000000000000000' does not exist or is not visible to this token",
            run.ErrorLines[1]);
    }

    [Fact]
    public async Task AnUnknownOrganizationIsA404ThatNamesIt()
    {
        var run = await RunEmbeddedAsync("-o", "other-org", "-a", "demo-app", "-b", BuildId);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("organization 'other-org', application 'demo-app' or build '65f1c0de2b7a4e0012ab34cd'", run.ErrorLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpPrintsTheUsageAndStartsNoServer()
    {
        var run = await RunAsync(new Dictionary<string, string?>(), "--build", "x", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.Contains("  applivery-downloads --organization <id> --application <id> --build <id> [options]", run.OutputLines);
        Assert.Contains(run.OutputLines, line => line.StartsWith("  APPLIVERY_API_TOKEN ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("error: unknown option '--bild' (run with --help for usage)", "--bild", BuildId)]
    [InlineData("error: unexpected argument 'demo-org' (run with --help for usage)", "demo-org")]
    [InlineData("error: --email needs a value (run with --help for usage)", "--email")]
    [InlineData("error: --build is given more than once (run with --help for usage)", "-b", BuildId, "--build", BuildId)]
    [InlineData("error: --from '03/01/2024' is not an ISO 8601 date or date-time (such as 2024-03-01 or 2024-03-01T09:30:00Z) (run with --help for usage)", "--from", "03/01/2024")]
    [InlineData("error: --from (2024-03-10) is after --to (2024-03-01) (run with --help for usage)", "--from", "2024-03-10", "--to", "2024-03-01")]
    public async Task CommandLineMistakesAreOneLineAndExitCode2(string expected, params string[] args)
    {
        var run = await RunEmbeddedAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.Equal(expected, Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task WithATokenTheIdsAreRequired()
    {
        var run = await RunAsync(TokenEnvironment("some-token", null), "--organization", "demo-org");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: --application and --build are required when APPLIVERY_API_TOKEN is set (run with --help for usage)", Assert.Single(run.ErrorLines));
    }

    [Theory]
    [InlineData("ftp://example.com/v1/", "error: APPLIVERY_API_URL 'ftp://example.com/v1/' is not an absolute http or https address")]
    [InlineData("api.applivery.io", "error: APPLIVERY_API_URL 'api.applivery.io' is not an absolute http or https address")]
    [InlineData("http://api.example.com/v1/", "error: APPLIVERY_API_URL 'http://api.example.com/v1/' is plain http to another host: the token would travel in clear text; use https")]
    public async Task ABaseAddressThatWouldNotWorkOrWouldLeakTheTokenIsRefused(string baseAddress, string expected)
    {
        var run = await RunAsync(TokenEnvironment("some-token", baseAddress), "-o", "demo-org", "-a", "demo-app", "-b", BuildId);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(expected, Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task WithTheRightTokenTheApiIsCalledWithoutTheNotice()
    {
        await using var server = await ExampleServer.StartAsync(CancellationToken.None);

        var run = await RunAsync(TokenEnvironment(ExampleServer.DemoToken, server.BaseAddress.ToString()), "-o", "demo-org", "-a", "demo-app", "-b", BuildId);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.Equal(AllRows, TableRows(run));
    }

    [Fact]
    public async Task AWrongTokenIsA401WithTheApisCodeAndMessage()
    {
        await using var server = await ExampleServer.StartAsync(CancellationToken.None);

        var run = await RunAsync(TokenEnvironment("wrong-token", server.BaseAddress.ToString()), "-o", "demo-org", "-a", "demo-app", "-b", BuildId);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.Equal(
            "error: unauthorized (HTTP 401, error 4004: Invalid Token): the API token is missing or invalid; check APPLIVERY_API_TOKEN",
            Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task TheEmbeddedServerAnswersTheApisEnvelopes()
    {
        await using var server = await ExampleServer.StartAsync(CancellationToken.None);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var path = $"organizations/demo-org/apps/demo-app/builds/{BuildId}/downloads/by-user";

        using var anonymous = await http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("""{"status":false,"error":{"code":4002,"message":"No auth token"}}""", await anonymous.Content.ReadAsStringAsync());

        using var wrongToken = await SendAsync(http, path, "wrong-token");
        Assert.Equal(HttpStatusCode.Unauthorized, wrongToken.StatusCode);
        Assert.Equal("""{"status":false,"error":{"code":4004,"message":"Invalid Token"}}""", await wrongToken.Content.ReadAsStringAsync());

        using var unknownApplication = await SendAsync(http, path.Replace("demo-app", "other-app", StringComparison.Ordinal), ExampleServer.DemoToken);
        Assert.Equal(HttpStatusCode.NotFound, unknownApplication.StatusCode);
        Assert.Equal("""{"status":false,"error":{"code":3001,"message":"Entity not found"}}""", await unknownApplication.Content.ReadAsStringAsync());

        using var filtered = await SendAsync(http, path + "?email=katherine.johnson%40example.com", ExampleServer.DemoToken);
        Assert.Equal(HttpStatusCode.OK, filtered.StatusCode);
        Assert.Equal("application/json", filtered.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await filtered.Content.ReadAsStringAsync());
        Assert.Equal("otpUser", Assert.Single(body.RootElement.GetProperty("data").EnumerateArray().ToArray()).GetProperty("member").GetProperty("type").GetString());
    }

    [Fact]
    public async Task A404WithoutTheApisEnvelopeBlamesTheAddressToo()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Respond = context =>
        {
            context.Response.StatusCode = 404;
            return Task.CompletedTask;
        };

        var run = await RunAsync(TokenEnvironment("some-token", server.BaseAddress), "-o", "demo-org", "-a", "demo-app", "-b", BuildId);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            $"error: not found (HTTP 404) at {server.BaseAddress}: the address does not serve this operation, or organization 'demo-org', application 'demo-app' or build '{BuildId}' does not exist",
            Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task AnHtmlErrorPageStaysOneLine()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Respond = LoopbackServer.Json(502, "<html>\n  <body>Bad gateway</body>\n</html>\n");

        var run = await RunAsync(TokenEnvironment("some-token", server.BaseAddress), "-o", "demo-org", "-a", "demo-app", "-b", BuildId);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "error: getBuildDownloadsByUser failed with 502 Bad Gateway; body: <html> <body>Bad gateway</body> </html>",
            Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task ANetworkFailureSaysWhatFailed()
    {
        var closedPort = ClosedPort();

        var run = await RunAsync(TokenEnvironment("some-token", $"http://127.0.0.1:{closedPort}/v1/"), "-o", "demo-org", "-a", "demo-app", "-b", BuildId);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"error: could not reach the Applivery API at http://127.0.0.1:{closedPort}/v1/: ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void TheExampleDataMeetsTheSpec()
    {
        var response = ExampleData.Response();

        Assert.Empty(response.Validate());
        Assert.Equal(5, response.Data!.Select(user => user.Member!.Type).Distinct().Count());
        Assert.Equal(10, response.Data!.Sum(user => user.Downloads!.Count));
    }

    private static Task<ToolRun> RunEmbeddedAsync(params string[] args) => RunAsync(new Dictionary<string, string?>(), args);

    private static async Task<ToolRun> RunAsync(IDictionary<string, string?> environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await Program.RunAsync(args, output, error, environment);
        return new ToolRun(exitCode, output.ToString(), error.ToString());
    }

    private static Dictionary<string, string?> TokenEnvironment(string token, string? baseAddress) => new()
    {
        ["APPLIVERY_API_TOKEN"] = token,
        ["APPLIVERY_API_URL"] = baseAddress,
    };

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }

    /// <summary>The rows between the header's rule and the blank line before the totals, split into cells.</summary>
    private static string[][] TableRows(ToolRun run)
    {
        var lines = run.OutputLines;
        var rule = Array.FindIndex(lines, line => line.StartsWith("----", StringComparison.Ordinal));
        Assert.True(rule > 0, "no table in:\n" + run.Output);
        return lines.Skip(rule + 1).TakeWhile(line => line.Length > 0).Select(Cells).ToArray();
    }

    /// <summary>Columns are separated by two spaces or more; cells hold single spaces only.</summary>
    private static string[] Cells(string line) => Regex.Split(line.Trim(), " {2,}");

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed record ToolRun(int ExitCode, string Output, string Error)
    {
        public string[] OutputLines { get; } = Lines(Output);

        public string[] ErrorLines { get; } = Lines(Error);

        private static string[] Lines(string text) =>
            text.Length == 0 ? Array.Empty<string>() : text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
    }
}
