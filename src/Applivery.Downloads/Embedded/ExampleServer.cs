using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Applivery.Downloads.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Applivery.Downloads.Embedded;

/// <summary>
/// A local stand-in for the Applivery API: Kestrel on 127.0.0.1 with a free port, serving only
/// <c>GET /v1/organizations/{organizationId}/apps/{applicationId}/builds/{buildId}/downloads/by-user</c> from
/// <see cref="ExampleData"/>, with the API's filters and its 401 and 404 envelopes, written by the generated JSON code.
/// </summary>
internal sealed class ExampleServer : IAsyncDisposable
{
    /// <summary>The only token the server accepts; the tool sends it in embedded mode.</summary>
    public const string DemoToken = "embedded-demo-token";

    public const string OperationPath = "/v1/organizations/{organizationId}/apps/{applicationId}/builds/{buildId}/downloads/by-user";

    private readonly WebApplication _app;

    private ExampleServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The API's base address on this server, <c>http://127.0.0.1:{port}/v1/</c>.</summary>
    public Uri BaseAddress { get; }

    public static async Task<ExampleServer> StartAsync(CancellationToken cancellationToken)
    {
        // The content root is the tool's own folder: an appsettings.json in the current directory must not reconfigure it.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        // The server is a part of the tool, not its host: Ctrl+C belongs to the tool.
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        var app = builder.Build();
        app.MapGet(OperationPath, (RequestDelegate)HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new ExampleServer(app, new Uri(address.TrimEnd('/') + "/v1/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static Task HandleAsync(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.Length == 0)
        {
            return WriteUnauthorizedAsync(context, 4002, "No auth token");
        }

        if (!string.Equals(authorization, "Bearer " + DemoToken, StringComparison.Ordinal))
        {
            return WriteUnauthorizedAsync(context, 4004, "Invalid Token");
        }

        var route = context.Request.RouteValues;
        if (!string.Equals(route["organizationId"] as string, ExampleData.OrganizationId, StringComparison.Ordinal)
            || !string.Equals(route["applicationId"] as string, ExampleData.ApplicationId, StringComparison.Ordinal)
            || !string.Equals(route["buildId"] as string, ExampleData.BuildId, StringComparison.OrdinalIgnoreCase))
        {
            var notFound = new GetBuildDownloadsByUserNotFoundResponse
            {
                Status = false,
                Error = new GetBuildDownloadsByUserNotFoundResponseError { Code = 3001, Message = "Entity not found" },
            };
            return WriteAsync(context, StatusCodes.Status404NotFound, AppliveryClientJson.Serialize(notFound, AppliveryClientJson.WriteGetBuildDownloadsByUserNotFoundResponse));
        }

        var query = context.Request.Query;
        if (!TryReadDate(query["iniDate"], out var iniDate) || !TryReadDate(query["endDate"], out var endDate))
        {
            // The spec documents no 400; the server still refuses what it cannot read rather than ignore a filter.
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Task.CompletedTask;
        }

        var email = query["email"].ToString();
        var response = DownloadsFilter.Apply(ExampleData.Response(), email.Length == 0 ? null : email, iniDate, endDate);
        return WriteAsync(context, StatusCodes.Status200OK, AppliveryClientJson.Serialize(response, AppliveryClientJson.WriteDownloadsByUserResponse));
    }

    private static Task WriteUnauthorizedAsync(HttpContext context, int code, string message)
    {
        var body = new GetBuildDownloadsByUserUnauthorizedResponse
        {
            Status = false,
            Error = new GetBuildDownloadsByUserUnauthorizedResponseError { Code = code, Message = message },
        };
        return WriteAsync(context, StatusCodes.Status401Unauthorized, AppliveryClientJson.Serialize(body, AppliveryClientJson.WriteGetBuildDownloadsByUserUnauthorizedResponse));
    }

    private static async Task WriteAsync(HttpContext context, int status, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>An absent parameter is no filter; a present one must be an RFC 3339 date-time, as the client writes it.</summary>
    private static bool TryReadDate(Microsoft.Extensions.Primitives.StringValues values, out DateTimeOffset? value)
    {
        value = null;
        if (values.Count == 0)
        {
            return true;
        }

        if (values.Count == 1 && DateTimeOffset.TryParseExact(values[0], "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }

    /// <summary>Starts and stops with the calls above, and leaves the console's signals alone.</summary>
    private sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
