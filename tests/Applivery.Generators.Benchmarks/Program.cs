using System;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

namespace Applivery.Generators.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project tests/Applivery.Generators.Benchmarks -- --filter '*'</c>.
/// </summary>
public static class Program
{
    /// <summary>
    /// The default job, sized for a noisy 2-core machine shared with other builds: one process per benchmark, 3 warmup
    /// and 15 measured iterations of about 500 ms each, instead of BenchmarkDotNet's adaptive 6-100 iterations (a
    /// whole run takes about 5 minutes). Compare ratios from one run, not absolute times across runs. Any <c>--job</c>
    /// argument (such as <c>--job short</c>) replaces it.
    /// </summary>
    public static readonly Job FastJob = Job.Default
        .WithId("Fast")
        .WithLaunchCount(1)
        .WithWarmupCount(3)
        .WithIterationCount(15);

    /// <summary>Runs BenchmarkDotNet with the arguments, or the interleaved cross-check with <c>--interleaved [rounds]</c>.</summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--interleaved")
        {
            Interleaved.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 30);
            return 0;
        }

        var config = DefaultConfig.Instance
            .AddColumn(StatisticColumn.Median, StatisticColumn.Min, new MedianRatioColumn(), new PayloadBytesColumn(), new ThroughputColumn());
        if (!args.Any(arg => arg is "--job" or "-j" || arg.StartsWith("--job=", StringComparison.Ordinal)))
        {
            config = config.AddJob(FastJob);
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        return summaries.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success)) ? 1 : 0;
    }
}
