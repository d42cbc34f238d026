using System;

namespace Applivery.Downloads;

/// <summary>One call of <c>getBuildDownloadsByUser</c>: the build's ids and the optional filters.</summary>
internal sealed record DownloadsQuery(
    string OrganizationId,
    string ApplicationId,
    string BuildId,
    string? Email,
    DateTimeOffset? From,
    DateTimeOffset? To);
