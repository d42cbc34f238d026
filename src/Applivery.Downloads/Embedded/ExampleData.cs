using System;
using Applivery.Downloads.Api;

namespace Applivery.Downloads.Embedded;

/// <summary>
/// The embedded server's data, built with the generated types: five users of different member types who downloaded
/// build 2.4.0 of an iOS app ten times in March 2024 from different sources, devices and countries. Fixed, so the
/// output is the same on every run.
/// </summary>
internal static class ExampleData
{
    public const string OrganizationId = "demo-org";

    public const string ApplicationId = "demo-app";

    public const string BuildId = "65f1c0de2b7a4e0012ab34cd";

    private static readonly DownloadBuild Build = new()
    {
        Id = BuildId,
        Os = "ios",
        BuildPlatform = "ios",
        Icon = "https://example.com/demo-app/icon.png",
        VersionName = "2.4.0",
    };

    /// <summary>Every download of the build, grouped by user, as the API answers without filters.</summary>
    public static DownloadsByUserResponse Response() => new()
    {
        Status = true,
        Data = new[]
        {
            User("65f1c0de2b7a4e0012ab1001", MemberType.Employee, "65f1c0de2b7a4e0012ab0001", "ada.lovelace@example.com", "Ada", "Lovelace",
                Downloaded("65f1c0de2b7a4e0012ab2001", DownloadSource.Store, "2024-03-04T09:15:00Z", Phone("iPhone15,2"), Ios("17.4"), Madrid("203.0.113.10")),
                Downloaded("65f1c0de2b7a4e0012ab2002", DownloadSource.Dashboard, "2024-03-11T16:40:00Z", Desktop("MacBookPro18,3"), Os("macOS", "14.3"), Madrid("203.0.113.11")),
                Downloaded("65f1c0de2b7a4e0012ab2003", DownloadSource.Sdk, "2024-03-19T08:05:00Z", Phone("iPhone15,2"), Ios("17.4"),
                    Place("198.51.100.23", "Lisbon", "Europe", "PT", 38.7223, -9.1393, "1100-148", "Lisbon", "11", "Europe/Lisbon", "v-ada"))),
            User("65f1c0de2b7a4e0012ab1002", MemberType.User, "65f1c0de2b7a4e0012ab0002", "grace.hopper@example.com", "Grace", "Hopper",
                Downloaded("65f1c0de2b7a4e0012ab2004", DownloadSource.Store, "2024-03-05T14:00:00Z", Tablet("iPad13,4"), Os("iPadOS", "17.3"),
                    Place("192.0.2.44", "New York", "North America", "US", 40.7128, -74.006, "10001", "New York", "NY", "America/New_York", "v-grace")),
                Downloaded("65f1c0de2b7a4e0012ab2005", DownloadSource.IntegrationApi, "2024-03-21T11:30:00Z", Tablet("iPad13,4"), Os("iPadOS", "17.3"),
                    Place("192.0.2.45", "Arlington", "North America", "US", 38.8816, -77.091, "22201", "Virginia", "VA", "America/New_York", "v-grace"))),
            User("65f1c0de2b7a4e0012ab1003", MemberType.MdmUser, "65f1c0de2b7a4e0012ab0003", "alan.turing@example.com", "Alan", "Turing",
                Downloaded("65f1c0de2b7a4e0012ab2006", DownloadSource.Emm, "2024-03-07T10:20:00Z", Phone("iPhone14,5"), Ios("16.7"),
                    Place("198.51.100.70", "London", "Europe", "GB", 51.5072, -0.1276, "EC1A 1BB", "England", "ENG", "Europe/London", "v-alan")),
                Downloaded("65f1c0de2b7a4e0012ab2007", DownloadSource.Agent, "2024-03-25T12:00:00Z", Phone("iPhone14,5"), Ios("17.4"),
                    Place("198.51.100.71", "Manchester", "Europe", "GB", 53.4808, -2.2426, "M1 1AE", "England", "ENG", "Europe/London", "v-alan"))),
            User("65f1c0de2b7a4e0012ab1004", MemberType.OtpUser, "65f1c0de2b7a4e0012ab0004", "katherine.johnson@example.com", "Katherine", "Johnson",
                Downloaded("65f1c0de2b7a4e0012ab2008", DownloadSource.Dashboard, "2024-03-12T18:45:00Z", Desktop("Surface Laptop 5"), Os("Windows", "11"),
                    Place("192.0.2.90", "Hampton", "North America", "US", 37.0299, -76.3452, "23669", "Virginia", "VA", "America/New_York", "v-katherine"))),
            User("65f1c0de2b7a4e0012ab1005", MemberType.Anonymous, null, null, null, null,
                Downloaded("65f1c0de2b7a4e0012ab2009", DownloadSource.Store, "2024-03-15T21:10:00Z", Phone("iPhone13,2"), Ios("17.2"),
                    Place("203.0.113.150", "São Paulo", "South America", "BR", -23.5505, -46.6333, "01000-000", "São Paulo", "SP", "America/Sao_Paulo", "v-anon-1")),
                Downloaded("65f1c0de2b7a4e0012ab2010", DownloadSource.Store, "2024-03-28T07:55:00Z", Phone("iPhone12,1"), Ios("16.7"),
                    Place("203.0.113.151", "Mexico City", "North America", "MX", 19.4326, -99.1332, "06000", "Mexico City", "CMX", "America/Mexico_City", "v-anon-2"))),
        },
    };

    private static UserDownloads User(string id, MemberType type, string? memberId, string? email, string? firstName, string? lastName, params Download[] downloads) => new()
    {
        Id = id,
        Total = downloads.Length,
        Member = new Member
        {
            Type = type,
            MemberId = memberId,
            Email = email,
            FirstName = firstName,
            LastName = lastName,
            Picture = firstName is null ? null : $"https://example.com/avatars/{firstName.ToLowerInvariant()}.png",
        },
        Downloads = downloads,
    };

    private static Download Downloaded(string id, DownloadSource from, string at, DownloadDevice device, DownloadOs os, DownloadNetworkInfo networkInfo)
    {
        var createdAt = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture);
        return new Download
        {
            Id = id,
            From = from,
            Build = Build,
            Device = device,
            Os = os,
            NetworkInfo = networkInfo,
            CreatedAt = createdAt,
            UpdatedAt = createdAt,
        };
    }

    private static DownloadDevice Phone(string model) => new() { Model = model, Type = "phone" };

    private static DownloadDevice Tablet(string model) => new() { Model = model, Type = "tablet" };

    private static DownloadDevice Desktop(string model) => new() { Model = model, Type = "desktop" };

    private static DownloadOs Ios(string version) => Os("iOS", version);

    private static DownloadOs Os(string name, string version) => new() { Name = name, Version = version };

    private static DownloadNetworkInfo Madrid(string ip) =>
        Place(ip, "Madrid", "Europe", "ES", 40.4168, -3.7038, "28001", "Madrid", "MD", "Europe/Madrid", "v-ada");

    private static DownloadNetworkInfo Place(string ip, string city, string continent, string country, double latitude, double longitude,
        string postalCode, string region, string regionCode, string timezone, string visitor) => new()
    {
        Ip = ip,
        City = city,
        Continent = continent,
        Country = country,
        Latitude = latitude,
        Longitude = longitude,
        PostalCode = postalCode,
        Region = region,
        RegionCode = regionCode,
        Timezone = timezone,
        Visitor = visitor,
    };
}
