using System;
using System.Text.Json;
using Applivery.Generators.Benchmarks.Api;
using Applivery.Generators.Benchmarks.Poco;
using BenchmarkDotNet.Attributes;

namespace Applivery.Generators.Benchmarks;

/// <summary>
/// Deserializers of the same UTF-8 bytes (the 200 body of downloads/by-user), all in one class so that their ratios come
/// from the same run. The baseline is System.Text.Json with a source-generated context over hand-written POCOs.
/// </summary>
[MemoryDiagnoser]
public class DeserializeBenchmarks
{
    private byte[] _bytes = [];

    /// <summary>"{users}x{downloads per user}": 10 users with 5 downloads each, or 2,000 users with 10 each.</summary>
    [Params(PayloadGenerator.Small, PayloadGenerator.Large)]
    public string Payload { get; set; } = PayloadGenerator.Small;

    /// <summary>Builds the payload once and checks that every deserializer reads the same values from it.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _bytes = PayloadGenerator.Get(Payload);
        Equivalence.Check(_bytes);
    }

    /// <summary>The reader the Applivery generator emits, as the generated client calls it.</summary>
    [Benchmark(Description = "Generated reader")]
    public DownloadsByUserResponse Generated() =>
        AppliveryClientJson.Parse(_bytes, AppliveryClientJson.ReadDownloadsByUserResponse);

    /// <summary>Baseline: System.Text.Json, source-generated JsonSerializerContext, hand-written POCOs.</summary>
    [Benchmark(Baseline = true, Description = "STJ source-gen (POCO)")]
    public PocoDownloadsByUserResponse? StjSourceGenerated() =>
        JsonSerializer.Deserialize(_bytes, PocoJsonContext.Default.PocoDownloadsByUserResponse);

    /// <summary>System.Text.Json with reflection metadata (cached in shared options), the same POCOs.</summary>
    [Benchmark(Description = "STJ reflection (POCO)")]
    public PocoDownloadsByUserResponse? StjReflection() =>
        JsonSerializer.Deserialize<PocoDownloadsByUserResponse>(_bytes, PocoReflection.Options);

    /// <summary>The floor: Utf8JsonReader over every token, no value decoded, nothing allocated.</summary>
    [Benchmark(Description = "Utf8JsonReader tokens only (floor)")]
    public int Utf8JsonReaderFloor()
    {
        var reader = new Utf8JsonReader(_bytes);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }
}
