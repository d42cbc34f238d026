using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Applivery.Downloads.Api;

namespace Applivery.Downloads.Reporting;

/// <summary>
/// Writes the response as a table, one row per user (most downloads first, then the most recent), and a totals line
/// counting users, downloads and the distinct sources, platforms and countries.
/// </summary>
internal static class TableReport
{
    private const string ColumnGap = "  ";

    private static readonly string[] Headers = { "User", "Member type", "Downloads", "Last download (UTC)", "Sources", "Platforms", "Countries" };

    public static void Write(TextWriter output, DownloadsQuery query, DownloadsByUserResponse response)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(response);

        var users = (response.Data ?? Array.Empty<UserDownloads>()).Where(user => user is not null).ToArray();
        var summaries = users.Select(UserSummary.From)
            .OrderByDescending(summary => summary.Downloads)
            .ThenByDescending(summary => summary.LastDownload)
            .ThenBy(summary => summary.User, StringComparer.Ordinal)
            .ToArray();

        output.WriteLine(Title(query));
        output.WriteLine();
        if (summaries.Length == 0)
        {
            output.WriteLine("No downloads.");
        }
        else
        {
            var rows = summaries.Select(Cells).ToList();
            WriteTable(output, rows);
        }

        output.WriteLine();
        output.WriteLine(Totals(users, summaries));
    }

    private static string Title(DownloadsQuery query)
    {
        var title = $"Downloads of build {query.BuildId} (application {query.ApplicationId}, organization {query.OrganizationId}) by user";
        var filters = new List<string>();
        if (query.Email is not null)
        {
            filters.Add($"email {query.Email}");
        }

        if (query.From is { } from)
        {
            filters.Add($"from {Instant(from)}");
        }

        if (query.To is { } to)
        {
            filters.Add($"to {Instant(to)}");
        }

        return filters.Count == 0 ? title : $"{title}, {string.Join(", ", filters)}";
    }

    private static string[] Cells(UserSummary summary) => new[]
    {
        summary.User,
        summary.MemberType,
        summary.Downloads.ToString(CultureInfo.InvariantCulture),
        summary.LastDownload is { } last ? last.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "-",
        List(summary.Sources),
        List(summary.Platforms),
        List(summary.Countries),
    };

    private static void WriteTable(TextWriter output, List<string[]> rows)
    {
        var widths = Headers.Select((header, column) => Math.Max(header.Length, rows.Max(row => row[column].Length))).ToArray();
        WriteRow(output, Headers, widths);
        WriteRow(output, widths.Select(width => new string('-', width)).ToArray(), widths);
        foreach (var row in rows)
        {
            WriteRow(output, row, widths);
        }
    }

    /// <summary>Numbers right-aligned; the last column is not padded, so no line ends in spaces.</summary>
    private static void WriteRow(TextWriter output, string[] cells, int[] widths)
    {
        var parts = cells.Select((cell, column) =>
            column == cells.Length - 1 ? cell
            : column == 2 ? cell.PadLeft(widths[column])
            : cell.PadRight(widths[column]));
        output.WriteLine(string.Join(ColumnGap, parts).TrimEnd());
    }

    private static string Totals(IReadOnlyList<UserDownloads> users, IReadOnlyList<UserSummary> summaries)
    {
        var downloads = users.SelectMany(user => user.Downloads ?? Array.Empty<Download>()).Where(download => download is not null).ToArray();
        var counts = new[]
        {
            Count(summaries.Count, "user"),
            Count(summaries.Sum(summary => summary.Downloads), "download"),
            Count(UserSummary.Distinct(downloads.Select(UserSummary.SourceOf)).Count, "source"),
            Count(UserSummary.Distinct(downloads.Select(UserSummary.PlatformOf)).Count, "platform"),
            Count(UserSummary.Distinct(downloads.Select(download => download.NetworkInfo?.Country)).Count, "country", "countries"),
        };
        return "Total: " + string.Join(", ", counts);
    }

    private static string Count(int count, string singular, string? plural = null) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural ?? singular + "s");

    private static string List(IReadOnlyList<string> values) => values.Count == 0 ? "-" : string.Join(", ", values);

    private static string Instant(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
}
