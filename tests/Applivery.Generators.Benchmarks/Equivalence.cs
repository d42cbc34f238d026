using System;
using System.Text.Json;
using Applivery.Generators.Benchmarks.Api;
using Applivery.Generators.Benchmarks.Experiments;
using Applivery.Generators.Benchmarks.Poco;

namespace Applivery.Generators.Benchmarks;

/// <summary>Checks, before anything is measured, that every deserializer reads the same, complete values.</summary>
public static class Equivalence
{
    /// <summary>Throws when the readers disagree or when a field of the payload is missing.</summary>
    public static void Check(byte[] payload)
    {
        var generated = AppliveryClientJson.Parse(payload, AppliveryClientJson.ReadDownloadsByUserResponse);
        var sourceGenerated = JsonSerializer.Deserialize(payload, PocoJsonContext.Default.PocoDownloadsByUserResponse)!;
        var reflection = JsonSerializer.Deserialize<PocoDownloadsByUserResponse>(payload, PocoReflection.Options)!;

        // Written back by each side's own writer, the three must be the same JSON.
        using var fromGenerated = JsonDocument.Parse(AppliveryClientJson.Serialize(generated, AppliveryClientJson.WriteDownloadsByUserResponse));
        using var fromSourceGenerated = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(sourceGenerated, PocoJsonContext.Default.PocoDownloadsByUserResponse));
        using var fromReflection = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(reflection, PocoReflection.Options));
        if (!JsonElement.DeepEquals(fromGenerated.RootElement, fromSourceGenerated.RootElement) ||
            !JsonElement.DeepEquals(fromGenerated.RootElement, fromReflection.RootElement))
        {
            throw new InvalidOperationException("The deserializers read different values from the same payload.");
        }

        CheckExperiment(payload);
        foreach (var edgeCase in EdgeCases)
        {
            CheckExperiment(System.Text.Encoding.UTF8.GetBytes(edgeCase));
        }

        // Every field filled: no null anywhere in what was read (the POCO writer writes nulls out).
        if (ContainsNull(fromSourceGenerated.RootElement) || generated.Data is null || generated.Data.Count == 0)
        {
            throw new InvalidOperationException("The payload leaves a field empty.");
        }

        foreach (var user in generated.Data)
        {
            if (user.Member?.UnrecognizedValues is not null || user.Downloads is null || user.Downloads.Count == 0)
            {
                throw new InvalidOperationException("The payload has an unrecognized member type or a user without downloads.");
            }

            foreach (var download in user.Downloads)
            {
                if (download.UnrecognizedValues is not null || download.Info is null || download.NetworkInfo?.Latitude is null)
                {
                    throw new InvalidOperationException("The payload has an unrecognized download source or an incomplete download.");
                }
            }
        }
    }

    /// <summary>JSON the payload generator never writes: escaped names and values, unknown properties and enum values, nulls, failures.</summary>
    private static readonly string[] EdgeCases =
    [
        """{"status":true,"extra":{"a":[1,2]},"data":[{"\u0069d":"5f8d0d55b54764421b7156c9","total":1,"member":{"type":"robot","ty\u0070e":"mdm\u0055ser","memberId":"a","x":null},"downloads":[{"id":"b","from":"s\u0064k","info":{"k":[1]},"networkInfo":{"latitude":1.5,"city":"S\u00e3o Paulo"},"createdAt":"2024-01-01T00:00:00Z","future":"x"},null]},null]}""",
        """{"status":true,"data":[{"member":{"type":"dashboard"},"downloads":[{"from":"user","os":{"name":"ios"},"device":null}]}]}""",
        """{"status":true,"data":[{"total":"two"}]}""",
        """{"status":true,"data":[{"downloads":[{"createdAt":"2024-01-01T00: 00:00Z"}]}]}""",
        """{"status":true,"data":[{"downloads":[{"networkInfo":{"latitude":1e999}}]}]}""",
        """{"status":true,"data":[{"downloads":[{"id":"abc""",
        """{"status":true,"data":[{"id":1}]}""",
        """{"status":true,"data":[]} {}""",
    ];

    /// <summary>The experimental reader must read what the generated one reads, and fail where and as it fails, with and without its string cache.</summary>
    private static void CheckExperiment(byte[] json)
    {
        var expected = Outcome(() => AppliveryClientJson.Parse(json, AppliveryClientJson.ReadDownloadsByUserResponse));
        foreach (var useCache in new[] { false, true })
        {
            ExperimentalJson.UseShortStringCache = useCache;
            try
            {
                var actual = Outcome(() => ExperimentalJson.Parse(json, ExperimentalJson.ReadDownloadsByUserResponse));
                if (actual != expected)
                {
                    throw new InvalidOperationException("The experimental reader (string cache: " + useCache + ") differs from the generated one:\n  generated:    " + expected + "\n  experimental: " + actual);
                }
            }
            finally
            {
                ExperimentalJson.UseShortStringCache = false;
            }
        }
    }

    /// <summary>What a read gives, as text: the value written back by the generated writer, or the failure's path and message.</summary>
    private static string Outcome(Func<DownloadsByUserResponse> read)
    {
        try
        {
            return System.Text.Encoding.UTF8.GetString(AppliveryClientJson.Serialize(read(), AppliveryClientJson.WriteDownloadsByUserResponse));
        }
        catch (JsonException exception)
        {
            return "JsonException at " + exception.Path + ": " + exception.Message;
        }
    }

    private static bool ContainsNull(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                return true;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (ContainsNull(property.Value))
                    {
                        return true;
                    }
                }

                return false;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (ContainsNull(item))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }
}
