namespace Applivery.Downloads;

/// <summary>The process exit codes, as <c>--help</c> lists them.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The request failed: an API error, a network error, a body that does not match the spec.</summary>
    public const int RequestFailed = 1;

    /// <summary>The command line or an id is invalid; nothing was sent.</summary>
    public const int InvalidArguments = 2;

    /// <summary>Ctrl+C, as shells report SIGINT.</summary>
    public const int Cancelled = 130;
}
