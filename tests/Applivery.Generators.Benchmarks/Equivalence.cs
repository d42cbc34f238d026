using System;
using System.Text.Json;
using Applivery.Generators.Benchmarks.Api;
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
