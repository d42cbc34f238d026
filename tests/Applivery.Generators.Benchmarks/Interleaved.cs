using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;

namespace Applivery.Generators.Benchmarks;

/// <summary>
/// A cross-check for noisy machines, not a replacement for BenchmarkDotNet: runs the same benchmark methods in one
/// process, round-robin (every method once per round, a full GC before each batch), so that background load hits all
/// of them alike, and reports per-method median and minimum times and their ratios to the baseline.
/// <c>dotnet run -c Release --project tests/Applivery.Generators.Benchmarks -- --interleaved [rounds]</c>
/// </summary>
public static class Interleaved
{
    private const double TargetBatchMilliseconds = 50;

    // Where the floor's token count goes, so that it is neither optimized away nor boxed.
    private static int s_tokens;

    /// <summary>Runs every benchmark of both classes for both payloads and prints markdown tables.</summary>
    public static void Run(int rounds)
    {
        Console.WriteLine($"Interleaved cross-check: {rounds} rounds, batches of about {TargetBatchMilliseconds} ms, one process; ratios to the baseline of each table.");
        foreach (var payload in new[] { PayloadGenerator.Small, PayloadGenerator.Large })
        {
            var deserialize = new DeserializeBenchmarks { Payload = payload };
            deserialize.Setup();
            Measure("DeserializeBenchmarks", payload, rounds, "STJ source-gen (POCO)",
            [
                ("Generated reader", deserialize.Generated),
                ("STJ source-gen (POCO)", deserialize.StjSourceGenerated),
                ("STJ reflection (POCO)", deserialize.StjReflection),
                ("Utf8JsonReader tokens only (floor)", () => { s_tokens = deserialize.Utf8JsonReaderFloor(); return null; }),
            ]);

            var http = new HttpClientBenchmarks { Payload = payload };
            http.Setup();
            try
            {
                Measure("HttpClientBenchmarks", payload, rounds, "HttpClient + ReadFromJsonAsync (STJ source-gen)",
                [
                    ("Generated client", () => http.GeneratedClient().GetAwaiter().GetResult()),
                    ("HttpClient + ReadFromJsonAsync (STJ source-gen)", () => http.StjSourceGenerated().GetAwaiter().GetResult()),
                ]);
            }
            finally
            {
                http.Cleanup();
            }
        }
    }

    private static void Measure(string title, string payload, int rounds, string baseline, (string Name, Func<object?> Run)[] cases)
    {
        var bytes = PayloadGenerator.Get(payload).Length;
        var batch = new int[cases.Length];
        var allocated = new long[cases.Length];
        var times = cases.Select(_ => new List<double>()).ToArray();
        for (var i = 0; i < cases.Length; i++)
        {
            // Warm up (JIT tiers), then size the batch and measure the allocation of one operation.
            var warmup = Stopwatch.StartNew();
            var calls = 0;
            while (calls < 30 || warmup.ElapsedMilliseconds < 300)
            {
                GC.KeepAlive(cases[i].Run());
                calls++;
            }

            batch[i] = Math.Max(1, (int)(TargetBatchMilliseconds / (warmup.Elapsed.TotalMilliseconds / calls)));
            var before = GC.GetAllocatedBytesForCurrentThread();
            GC.KeepAlive(cases[i].Run());
            allocated[i] = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < cases.Length; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                var stopwatch = Stopwatch.StartNew();
                for (var call = 0; call < batch[i]; call++)
                {
                    GC.KeepAlive(cases[i].Run());
                }

                times[i].Add(stopwatch.Elapsed.TotalMicroseconds / batch[i]);
            }
        }

        GC.KeepAlive(s_tokens);
        var b = Array.FindIndex(cases, c => c.Name == baseline);
        var baseMedian = Median(times[b]);
        var baseMin = times[b].Min();
        Console.WriteLine();
        Console.WriteLine($"{title}, Payload={payload} ({bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes)");
        Console.WriteLine();
        Console.WriteLine("| Method | Median | Min | Ratio (median) | Ratio (min) | MB/s (median) | Allocated/op | Alloc ratio |");
        Console.WriteLine("|--- |---:|---:|---:|---:|---:|---:|---:|");
        for (var i = 0; i < cases.Length; i++)
        {
            var median = Median(times[i]);
            var min = times[i].Min();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {cases[i].Name}{(i == b ? " (baseline)" : string.Empty)} | {Format(median)} | {Format(min)} | {median / baseMedian:0.00} | {min / baseMin:0.00} | {bytes / median:N0} | {allocated[i]:N0} B | {(allocated[b] == 0 ? 0 : (double)allocated[i] / allocated[b]):0.00} |"));
        }
    }

    private static string Format(double microseconds) =>
        microseconds >= 10_000
            ? (microseconds / 1000).ToString("N1", CultureInfo.InvariantCulture) + " ms"
            : microseconds.ToString("N1", CultureInfo.InvariantCulture) + " us";

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(value => value).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
