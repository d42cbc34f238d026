using System;
using System.Globalization;

namespace Applivery.Downloads.CommandLine;

/// <summary>Reads <c>--from</c>/<c>--to</c> as ISO 8601, with the invariant culture whatever the machine's culture.</summary>
internal static class IsoDate
{
    private const string DateOnly = "yyyy-MM-dd";

    private static readonly string[] Formats =
    {
        DateOnly,
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    };

    /// <summary>
    /// Parses <c>2024-03-01</c>, <c>2024-03-01T09:30</c>, <c>2024-03-01T09:30:00Z</c> or <c>2024-03-01T09:30:00.5+02:00</c>;
    /// without an offset the time is UTC. A date alone is the start of that day, or its last instant when
    /// <paramref name="endOfDay"/> is set, so <c>--to 2024-03-31</c> includes the whole of March 31.
    /// </summary>
    public static bool TryParse(string text, bool endOfDay, out DateTimeOffset value)
    {
        if (!DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
        {
            return false;
        }

        if (endOfDay && DateTimeOffset.TryParseExact(text, DateOnly, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
        {
            value = value.Date == DateTime.MaxValue.Date ? DateTimeOffset.MaxValue : value.AddDays(1).AddTicks(-1);
        }

        return true;
    }
}
