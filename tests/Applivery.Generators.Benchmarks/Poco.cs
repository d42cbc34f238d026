using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

// Hand-written POCOs of the same shape as the generated types, for the System.Text.Json baselines. The differences are
// the idiomatic System.Text.Json ones, chosen to give the baseline its best case:
//  - mutable { get; set; } properties (init-only properties would push the source-generated metadata onto its slower
//    parameterized-constructor path);
//  - the two string enums are C# enums read by JsonStringEnumConverter<T>, each member bound to its exact wire string
//    with [JsonStringEnumMemberName]; an unknown value fails the read (the generated reader keeps it in
//    UnrecognizedValues instead, which costs nothing when every value is known, as in these payloads);
//  - no validation and no JSON-path error messages.
// `info` is a JsonElement? in both, and lists are List<T> behind IReadOnlyList<T> in both.
namespace Applivery.Generators.Benchmarks.Poco;

/// <summary>The same shape as the generated <c>DownloadsByUserResponse</c>.</summary>
public sealed class PocoDownloadsByUserResponse
{
    [JsonPropertyName("status")]
    public bool? Status { get; set; }

    [JsonPropertyName("data")]
    public List<PocoUserDownloads>? Data { get; set; }
}

/// <summary>The same shape as the generated <c>UserDownloads</c>.</summary>
public sealed class PocoUserDownloads
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("total")]
    public int? Total { get; set; }

    [JsonPropertyName("member")]
    public PocoMember? Member { get; set; }

    [JsonPropertyName("downloads")]
    public List<PocoDownload>? Downloads { get; set; }
}

/// <summary>The same shape as the generated <c>Member</c>.</summary>
public sealed class PocoMember
{
    [JsonPropertyName("type")]
    public PocoMemberType? Type { get; set; }

    [JsonPropertyName("memberId")]
    public string? MemberId { get; set; }

    [JsonPropertyName("email")]
    public string? Email { get; set; }

    [JsonPropertyName("firstName")]
    public string? FirstName { get; set; }

    [JsonPropertyName("lastName")]
    public string? LastName { get; set; }

    [JsonPropertyName("picture")]
    public string? Picture { get; set; }
}

/// <summary>The same members as the generated <c>MemberType</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PocoMemberType>))]
public enum PocoMemberType
{
    Unrecognized = 0,
    [JsonStringEnumMemberName("user")] User = 1,
    [JsonStringEnumMemberName("employee")] Employee = 2,
    [JsonStringEnumMemberName("mdmUser")] MdmUser = 3,
    [JsonStringEnumMemberName("otpUser")] OtpUser = 4,
    [JsonStringEnumMemberName("unknown")] Unknown = 5,
    [JsonStringEnumMemberName("anonymous")] Anonymous = 6,
}

/// <summary>The same members as the generated <c>DownloadSource</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PocoDownloadSource>))]
public enum PocoDownloadSource
{
    Unrecognized = 0,
    [JsonStringEnumMemberName("store")] Store = 1,
    [JsonStringEnumMemberName("sdk")] Sdk = 2,
    [JsonStringEnumMemberName("dashboard")] Dashboard = 3,
    [JsonStringEnumMemberName("integrationApi")] IntegrationApi = 4,
    [JsonStringEnumMemberName("emm")] Emm = 5,
    [JsonStringEnumMemberName("adm")] Adm = 6,
    [JsonStringEnumMemberName("scim")] Scim = 7,
    [JsonStringEnumMemberName("agent")] Agent = 8,
    [JsonStringEnumMemberName("win")] Win = 9,
}

/// <summary>The same shape as the generated <c>Download</c>.</summary>
public sealed class PocoDownload
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("from")]
    public PocoDownloadSource? From { get; set; }

    [JsonPropertyName("build")]
    public PocoDownloadBuild? Build { get; set; }

    [JsonPropertyName("info")]
    public JsonElement? Info { get; set; }

    [JsonPropertyName("device")]
    public PocoDownloadDevice? Device { get; set; }

    [JsonPropertyName("os")]
    public PocoDownloadOs? Os { get; set; }

    [JsonPropertyName("networkInfo")]
    public PocoDownloadNetworkInfo? NetworkInfo { get; set; }

    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; set; }

    [JsonPropertyName("updatedAt")]
    public DateTimeOffset? UpdatedAt { get; set; }
}

/// <summary>The same shape as the generated <c>DownloadBuild</c>.</summary>
public sealed class PocoDownloadBuild
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("os")]
    public string? Os { get; set; }

    [JsonPropertyName("buildPlatform")]
    public string? BuildPlatform { get; set; }

    [JsonPropertyName("icon")]
    public string? Icon { get; set; }

    [JsonPropertyName("versionName")]
    public string? VersionName { get; set; }
}

/// <summary>The same shape as the generated <c>DownloadDevice</c>.</summary>
public sealed class PocoDownloadDevice
{
    [JsonPropertyName("model")]
    public string? Model { get; set; }

    [JsonPropertyName("type")]
    public string? Type { get; set; }
}

/// <summary>The same shape as the generated <c>DownloadOs</c>.</summary>
public sealed class PocoDownloadOs
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("version")]
    public string? Version { get; set; }
}

/// <summary>The same shape as the generated <c>DownloadNetworkInfo</c>.</summary>
public sealed class PocoDownloadNetworkInfo
{
    [JsonPropertyName("ip")]
    public string? Ip { get; set; }

    [JsonPropertyName("city")]
    public string? City { get; set; }

    [JsonPropertyName("continent")]
    public string? Continent { get; set; }

    [JsonPropertyName("country")]
    public string? Country { get; set; }

    [JsonPropertyName("latitude")]
    public double? Latitude { get; set; }

    [JsonPropertyName("longitude")]
    public double? Longitude { get; set; }

    [JsonPropertyName("postalCode")]
    public string? PostalCode { get; set; }

    [JsonPropertyName("region")]
    public string? Region { get; set; }

    [JsonPropertyName("regionCode")]
    public string? RegionCode { get; set; }

    [JsonPropertyName("timezone")]
    public string? Timezone { get; set; }

    [JsonPropertyName("visitor")]
    public string? Visitor { get; set; }
}

/// <summary>
/// The System.Text.Json source-generated context for the POCOs: the baseline. (The STJ generator runs on this project's
/// own code; it never sees the Applivery generator's output, which is why the Applivery generator writes its own reader.)
/// </summary>
[JsonSerializable(typeof(PocoDownloadsByUserResponse))]
public sealed partial class PocoJsonContext : JsonSerializerContext
{
}

/// <summary>Options for the reflection-based path: no resolver given, so JsonSerializer uses reflection metadata.</summary>
public static class PocoReflection
{
    /// <summary>Shared (and so cached) reflection options; the JsonStringEnumConverter attributes on the enums apply.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };
}
