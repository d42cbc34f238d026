using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Applivery.Generators.Benchmarks;

/// <summary>
/// Builds the 200 body of <c>GET .../downloads/by-user</c> (<c>DownloadsByUserResponse</c>) deterministically: the same
/// size always gives the same bytes, on any machine, because the values come from a fixed-seed SplitMix64 and a fixed
/// start date, never from <see cref="Random"/> or the clock.
/// </summary>
/// <remarks>
/// Every property of every object is present and non-null: ids are 24 lower-case hex digits, member types cycle through
/// all six values and download sources through all nine, networkInfo has fractional latitude/longitude, info is a small
/// object with a string, a number, a boolean and an array, dates are UTC RFC 3339 with milliseconds. Some names are
/// non-ASCII and are written as raw UTF-8 (as most servers send them), not as \u escapes.
/// </remarks>
public static class PayloadGenerator
{
    /// <summary>The payload sizes the benchmarks use, as "{users}x{downloads per user}".</summary>
    public const string Small = "10x5";

    /// <summary>2,000 users with 10 downloads each.</summary>
    public const string Large = "2000x10";

    private static readonly ConcurrentDictionary<string, byte[]> Cache = new(StringComparer.Ordinal);

    private static readonly string[] MemberTypes = ["user", "employee", "mdmUser", "otpUser", "unknown", "anonymous"];
    private static readonly string[] Sources = ["store", "sdk", "dashboard", "integrationApi", "emm", "adm", "scim", "agent", "win"];
    private static readonly string[] FirstNames = ["Ana", "José", "Zoë", "Łukasz", "Mei", "Oluwaseun", "Søren", "Priya", "Jürgen", "Camille", "Nikolai", "Aoife"];
    private static readonly string[] LastNames = ["García", "Müller", "Nakamura", "O'Brien", "Kowalski", "Dubois", "Okafor", "Rossi", "Andersson", "Fernández", "Ivanova", "Smith"];
    private static readonly string[] Domains = ["example.com", "corp.example.org", "mail.example.net"];
    private static readonly (string Os, string Platform, string[] Models, string DeviceType, string[] Versions)[] Platforms =
    [
        ("ios", "ios", ["iPhone15,2", "iPhone14,5", "iPad13,4", "iPhone16,1"], "phone", ["17.4.1", "16.7.2", "17.0", "18.1"]),
        ("android", "android", ["Pixel 8", "SM-S918B", "SM-A546B", "moto g84"], "phone", ["14", "13", "12", "15"]),
        ("windows", "windows", ["Surface Pro 9", "ThinkPad X1", "XPS 13"], "desktop", ["10.0.22631", "10.0.19045"]),
    ];
    private static readonly (string City, string Continent, string Country, string Region, string RegionCode, string Timezone, double Latitude, double Longitude, string Postal)[] Places =
    [
        ("Madrid", "Europe", "ES", "Comunidad de Madrid", "MD", "Europe/Madrid", 40.4165, -3.70256, "28013"),
        ("Barcelona", "Europe", "ES", "Catalunya", "CT", "Europe/Madrid", 41.38879, 2.15899, "08002"),
        ("Berlin", "Europe", "DE", "Land Berlin", "BE", "Europe/Berlin", 52.52437, 13.41053, "10178"),
        ("New York", "North America", "US", "New York", "NY", "America/New_York", 40.71427, -74.00597, "10007"),
        ("São Paulo", "South America", "BR", "São Paulo", "SP", "America/Sao_Paulo", -23.5475, -46.63611, "01001-000"),
        ("Tokyo", "Asia", "JP", "Tokyo", "13", "Asia/Tokyo", 35.6895, 139.69171, "100-0001"),
        ("Lagos", "Africa", "NG", "Lagos", "LA", "Africa/Lagos", 6.45407, 3.39467, "100001"),
        ("Sydney", "Oceania", "AU", "New South Wales", "NSW", "Australia/Sydney", -33.86785, 151.20732, "2000"),
    ];

    /// <summary>The UTF-8 bytes of the payload for <paramref name="size"/> ("10x5", "2000x10", or any "{users}x{downloads}"), cached.</summary>
    public static byte[] Get(string size) => Cache.GetOrAdd(size, static key =>
    {
        var parts = key.Split('x');
        if (parts.Length != 2 || !int.TryParse(parts[0], out var users) || !int.TryParse(parts[1], out var downloads) || users < 0 || downloads < 0)
        {
            throw new ArgumentException("A payload size is '{users}x{downloads per user}', such as 10x5, not '" + key + "'.", nameof(size));
        }

        return Generate(users, downloads);
    });

    /// <summary>Writes the payload for <paramref name="users"/> users with <paramref name="downloadsPerUser"/> downloads each.</summary>
    public static byte[] Generate(int users, int downloadsPerUser)
    {
        var random = new SplitMix64(0x5EED_0F_A991_1E57UL + (ulong)users * 31UL + (ulong)downloadsPerUser);
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var buffer = new ArrayBufferWriter<byte>(Math.Max(1024, users * downloadsPerUser * 1200));
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("status", true);
            writer.WriteStartArray("data");
            for (var u = 0; u < users; u++)
            {
                var first = FirstNames[random.Next(FirstNames.Length)];
                var last = LastNames[random.Next(LastNames.Length)];
                writer.WriteStartObject();
                writer.WriteString("id", random.Hex24());
                writer.WriteNumber("total", downloadsPerUser);
                writer.WriteStartObject("member");
                writer.WriteString("type", MemberTypes[u % MemberTypes.Length]);
                writer.WriteString("memberId", random.Hex24());
                writer.WriteString("email", Ascii(first) + "." + Ascii(last) + u.ToString(System.Globalization.CultureInfo.InvariantCulture) + "@" + Domains[random.Next(Domains.Length)]);
                writer.WriteString("firstName", first);
                writer.WriteString("lastName", last);
                writer.WriteString("picture", "https://cdn.example.com/avatars/" + random.Hex24() + ".png");
                writer.WriteEndObject();
                writer.WriteStartArray("downloads");
                for (var d = 0; d < downloadsPerUser; d++)
                {
                    var platform = Platforms[random.Next(Platforms.Length)];
                    var place = Places[random.Next(Places.Length)];
                    var created = start.AddSeconds(random.Next(365 * 24 * 3600)).AddMilliseconds(random.Next(1000));
                    var updated = created.AddSeconds(random.Next(3600)).AddMilliseconds(random.Next(1000));
                    writer.WriteStartObject();
                    writer.WriteString("id", random.Hex24());
                    writer.WriteString("from", Sources[(u + d) % Sources.Length]);
                    writer.WriteStartObject("build");
                    writer.WriteString("id", random.Hex24());
                    writer.WriteString("os", platform.Os);
                    writer.WriteString("buildPlatform", platform.Platform);
                    writer.WriteString("icon", "https://cdn.example.com/icons/" + random.Hex24() + ".png");
                    writer.WriteString("versionName", (1 + random.Next(5)) + "." + random.Next(20) + "." + random.Next(100));
                    writer.WriteEndObject();
                    writer.WriteStartObject("info");
                    writer.WriteString("userAgent", "Applivery/" + (3 + random.Next(3)) + "." + random.Next(10) + " (" + platform.Os + ")");
                    writer.WriteNumber("attempt", 1 + random.Next(3));
                    writer.WriteBoolean("viaQr", random.Next(2) == 0);
                    writer.WriteStartArray("tags");
                    writer.WriteStringValue("beta");
                    writer.WriteStringValue(platform.DeviceType);
                    writer.WriteEndArray();
                    writer.WriteEndObject();
                    writer.WriteStartObject("device");
                    writer.WriteString("model", platform.Models[random.Next(platform.Models.Length)]);
                    writer.WriteString("type", platform.DeviceType);
                    writer.WriteEndObject();
                    writer.WriteStartObject("os");
                    writer.WriteString("name", platform.Os);
                    writer.WriteString("version", platform.Versions[random.Next(platform.Versions.Length)]);
                    writer.WriteEndObject();
                    writer.WriteStartObject("networkInfo");
                    writer.WriteString("ip", random.Next(1, 224) + "." + random.Next(256) + "." + random.Next(256) + "." + random.Next(1, 255));
                    writer.WriteString("city", place.City);
                    writer.WriteString("continent", place.Continent);
                    writer.WriteString("country", place.Country);
                    writer.WriteNumber("latitude", Math.Round(place.Latitude + (random.NextDouble() - 0.5) / 10, 5));
                    writer.WriteNumber("longitude", Math.Round(place.Longitude + (random.NextDouble() - 0.5) / 10, 5));
                    writer.WriteString("postalCode", place.Postal);
                    writer.WriteString("region", place.Region);
                    writer.WriteString("regionCode", place.RegionCode);
                    writer.WriteString("timezone", place.Timezone);
                    writer.WriteString("visitor", random.Hex24());
                    writer.WriteEndObject();
                    writer.WriteString("createdAt", created);
                    writer.WriteString("updatedAt", updated);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static string Ascii(string name)
    {
        var normalized = name.Normalize(System.Text.NormalizationForm.FormD);
        var builder = new System.Text.StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z')
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c is 'ł' or 'Ł')
            {
                builder.Append('l');
            }
            else if (c is 'ø' or 'Ø')
            {
                builder.Append('o');
            }
        }

        return builder.ToString();
    }

    /// <summary>SplitMix64: tiny, fast and fully specified, so the payload never depends on the runtime's Random.</summary>
    private struct SplitMix64(ulong seed)
    {
        private ulong _state = seed;

        public ulong NextUInt64()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        public int Next(int maxExclusive) => (int)(NextUInt64() % (ulong)maxExclusive);

        public int Next(int minInclusive, int maxExclusive) => minInclusive + Next(maxExclusive - minInclusive);

        public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

        public string Hex24()
        {
            Span<char> chars = stackalloc char[24];
            var a = NextUInt64();
            var b = NextUInt64();
            for (var i = 0; i < 16; i++)
            {
                chars[i] = "0123456789abcdef"[(int)((a >> (i * 4)) & 0xF)];
            }

            for (var i = 0; i < 8; i++)
            {
                chars[16 + i] = "0123456789abcdef"[(int)((b >> (i * 4)) & 0xF)];
            }

            return new string(chars);
        }
    }
}
