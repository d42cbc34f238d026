using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Smoke.Api;

namespace Smoke;

/// <summary>Uses the generated names, so a change to the naming rules or the options breaks this build.</summary>
public static class Usage
{
    /// <summary>Calls the generated client.</summary>
    public static Task<DownloadsByUserResponse> CallAsync(HttpClient http, CancellationToken cancellationToken)
    {
        IDownloadsApi client = new DownloadsApi(http, "token");
        return client.GetBuildDownloadsByUserAsync("my-org", "my-app", "5f8d0d55b54764421b7156c9", cancellationToken: cancellationToken);
    }

    /// <summary>Reads the wire value of a generated enum.</summary>
    public static string? Wire(MemberType type) => type.ToWireValue();
}
