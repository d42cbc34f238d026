using System;
using System.Collections.Generic;
using System.Linq;
using Applivery.Downloads.Api;

namespace Applivery.Downloads.Reporting;

/// <summary>One row of the report: who a user is and how, from where and on what they downloaded the build.</summary>
internal sealed record UserSummary(
    string User,
    string MemberType,
    int Downloads,
    DateTimeOffset? LastDownload,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> Platforms,
    IReadOnlyList<string> Countries)
{
    public static UserSummary From(UserDownloads user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var downloads = (user.Downloads ?? Array.Empty<Download>()).Where(download => download is not null).ToArray();
        return new UserSummary(
            Describe(user.Member),
            TypeOf(user.Member),
            user.Total ?? downloads.Length,
            downloads.Max(download => download.CreatedAt),
            Distinct(downloads.Select(SourceOf)),
            Distinct(downloads.Select(PlatformOf)),
            Distinct(downloads.Select(download => download.NetworkInfo?.Country)));
    }

    /// <summary>The wire value of each download's <c>from</c>, or the raw text of a value this spec does not list.</summary>
    public static string? SourceOf(Download download)
    {
        ArgumentNullException.ThrowIfNull(download);
        return download.From?.ToWireValue() ?? RawValue(download.UnrecognizedValues, "from");
    }

    /// <summary>The device's operating system and version (<c>iOS 17.4</c>), else the build's platform.</summary>
    public static string? PlatformOf(Download download)
    {
        ArgumentNullException.ThrowIfNull(download);
        var platform = string.Join(' ', new[] { download.Os?.Name, download.Os?.Version }.Where(part => !string.IsNullOrWhiteSpace(part)));
        return platform.Length > 0 ? platform : download.Build?.Os;
    }

    /// <summary>Distinct non-empty values, the most frequent first, then in ordinal order.</summary>
    public static IReadOnlyList<string> Distinct(IEnumerable<string?> values) =>
        values.Where(value => !string.IsNullOrWhiteSpace(value))
            .GroupBy(value => value!, StringComparer.Ordinal)
            .OrderByDescending(group => group.Count())
            .ThenBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => group.Key)
            .ToArray();

    /// <summary>The email, else the name, else the member id; <c>(anonymous)</c> for a member with none of them.</summary>
    private static string Describe(Member? member)
    {
        if (!string.IsNullOrWhiteSpace(member?.Email))
        {
            return member.Email;
        }

        var name = string.Join(' ', new[] { member?.FirstName, member?.LastName }.Where(part => !string.IsNullOrWhiteSpace(part)));
        if (name.Length > 0)
        {
            return name;
        }

        return string.IsNullOrWhiteSpace(member?.MemberId) ? "(anonymous)" : member.MemberId;
    }

    private static string TypeOf(Member? member) =>
        member?.Type?.ToWireValue() ?? RawValue(member?.UnrecognizedValues, "type") ?? "-";

    private static string? RawValue(IReadOnlyDictionary<string, string>? unrecognized, string key) =>
        unrecognized is not null && unrecognized.TryGetValue(key, out var raw) ? raw : null;
}
