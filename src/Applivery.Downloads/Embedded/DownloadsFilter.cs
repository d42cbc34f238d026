using System;
using System.Collections.Generic;
using System.Linq;
using Applivery.Downloads.Api;

namespace Applivery.Downloads.Embedded;

/// <summary>
/// The embedded server's reading of the operation's filters: <c>email</c> keeps the user with that email (ignoring
/// case), <c>iniDate</c>/<c>endDate</c> keep the downloads made on or after / on or before them. A user left without
/// downloads is left out, and each user's <c>total</c> counts what remains.
/// </summary>
internal static class DownloadsFilter
{
    public static DownloadsByUserResponse Apply(DownloadsByUserResponse response, string? email, DateTimeOffset? iniDate, DateTimeOffset? endDate)
    {
        var users = new List<UserDownloads>();
        foreach (var user in response.Data ?? Array.Empty<UserDownloads>())
        {
            if (email is not null && !string.Equals(user.Member?.Email, email, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var downloads = (user.Downloads ?? Array.Empty<Download>())
                .Where(download => download.CreatedAt is { } at && !(at < iniDate) && !(at > endDate))
                .ToArray();
            if (downloads.Length > 0)
            {
                users.Add(new UserDownloads { Id = user.Id, Member = user.Member, Total = downloads.Length, Downloads = downloads });
            }
        }

        return new DownloadsByUserResponse { Status = response.Status, Data = users };
    }
}
