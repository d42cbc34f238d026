using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Applivery.Downloads.Api;
using Applivery.Downloads.CommandLine;
using Applivery.Downloads.Embedded;

namespace Applivery.Downloads;

/// <summary>
/// Where the generated client sends its request: the Applivery API when <c>APPLIVERY_API_TOKEN</c> is set, else the
/// embedded example server, started here and stopped on dispose. Owns the HttpClient.
/// </summary>
internal sealed class ApiConnection : IAsyncDisposable
{
    public const string TokenVariable = "APPLIVERY_API_TOKEN";

    public const string BaseAddressVariable = "APPLIVERY_API_URL";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly HttpClient _http;
    private readonly ExampleServer? _server;
    private readonly AppliveryClient _client;

    private ApiConnection(HttpClient http, string token, ExampleServer? server, DownloadsQuery query)
    {
        _http = http;
        _server = server;
        _client = new AppliveryClient(http, token);
        Query = query;
    }

    /// <summary>The spec's first server, which the generated client uses when the HttpClient has no BaseAddress.</summary>
    public static Uri DefaultBaseAddress => AppliveryClient.DefaultBaseAddress;

    public IAppliveryClient Client => _client;

    /// <summary>The address the client sends to, for messages.</summary>
    public Uri BaseAddress => _client.BaseAddress;

    /// <summary>The ids to ask for: the command line's, or the example ids on the embedded server.</summary>
    public DownloadsQuery Query { get; }

    /// <summary>
    /// Connects to the API when <paramref name="environment"/> has a token, else starts the embedded server and says
    /// so in one line on <paramref name="notice"/>.
    /// </summary>
    /// <exception cref="ToolException">An id is missing, <c>APPLIVERY_API_URL</c> is not an address, or the embedded server cannot start.</exception>
    public static async Task<ApiConnection> OpenAsync(ToolOptions options, IDictionary<string, string?> environment, TextWriter notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(notice);
        var token = environment.TryGetValue(TokenVariable, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        return token is null
            ? await OpenEmbeddedAsync(options, notice, cancellationToken).ConfigureAwait(false)
            : OpenApi(options, token, environment);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static ApiConnection OpenApi(ToolOptions options, string token, IDictionary<string, string?> environment)
    {
        var missing = new List<string>();
        if (options.OrganizationId is null)
        {
            missing.Add("--organization");
        }

        if (options.ApplicationId is null)
        {
            missing.Add("--application");
        }

        if (options.BuildId is null)
        {
            missing.Add("--build");
        }

        if (missing.Count > 0)
        {
            throw new ToolException(
                $"{Join(missing)} {(missing.Count == 1 ? "is" : "are")} required when {TokenVariable} is set (run with --help for usage)",
                ExitCodes.InvalidArguments);
        }

        Uri? baseAddress = null;
        if (environment.TryGetValue(BaseAddressVariable, out var address) && !string.IsNullOrWhiteSpace(address))
        {
            if (!Uri.TryCreate(address.Trim(), UriKind.Absolute, out baseAddress) || (baseAddress.Scheme != Uri.UriSchemeHttps && baseAddress.Scheme != Uri.UriSchemeHttp))
            {
                throw new ToolException($"{BaseAddressVariable} '{address}' is not an absolute http or https address", ExitCodes.InvalidArguments);
            }

            // The generated client refuses this too, at send time; saying so here names the variable to fix.
            if (baseAddress.Scheme == Uri.UriSchemeHttp && !baseAddress.IsLoopback)
            {
                throw new ToolException(
                    $"{BaseAddressVariable} '{address}' is plain http to another host: the token would travel in clear text; use https",
                    ExitCodes.InvalidArguments);
            }
        }

        // Without a BaseAddress the generated client uses the spec's server, https://api.applivery.io/v1/.
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = Timeout };
        var query = new DownloadsQuery(options.OrganizationId!, options.ApplicationId!, options.BuildId!, options.Email, options.From, options.To);
        return new ApiConnection(http, token, null, query);
    }

    private static string Join(List<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.GetRange(0, names.Count - 1)) + " and " + names[^1];

    private static async Task<ApiConnection> OpenEmbeddedAsync(ToolOptions options, TextWriter notice, CancellationToken cancellationToken)
    {
        ExampleServer server;
        try
        {
            server = await ExampleServer.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new ToolException($"could not start the embedded example server on 127.0.0.1: {exception.Message}", ExitCodes.RequestFailed, exception);
        }

        try
        {
            // A loopback server: no system proxy may stand in between.
            var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = server.BaseAddress, Timeout = Timeout };
            notice.WriteLine($"No {TokenVariable} set: using the embedded example server at {server.BaseAddress}");
            var query = new DownloadsQuery(
                options.OrganizationId ?? ExampleData.OrganizationId,
                options.ApplicationId ?? ExampleData.ApplicationId,
                options.BuildId ?? ExampleData.BuildId,
                options.Email,
                options.From,
                options.To);
            return new ApiConnection(http, ExampleServer.DemoToken, server, query);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
