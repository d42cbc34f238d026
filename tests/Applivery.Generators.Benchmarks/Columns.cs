using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Applivery.Generators.Benchmarks;

/// <summary>The size of the benchmark's payload (its <c>Payload</c> parameter), in bytes.</summary>
public sealed class PayloadBytesColumn : IColumn
{
    public string Id => nameof(PayloadBytesColumn);

    public string ColumnName => "Payload bytes";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Params;

    public int PriorityInCategory => 1;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Size;

    public string Legend => "Size of the UTF-8 JSON payload that each operation reads";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        PayloadOf(benchmarkCase) is { } bytes ? bytes.ToString("N0", CultureInfo.InvariantCulture) : "-";

    internal static long? PayloadOf(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Parameters["Payload"] is string size ? PayloadGenerator.Get(size).LongLength : null;
}

/// <summary>Throughput: payload megabytes (10^6 bytes) per second of the median time.</summary>
public sealed class ThroughputColumn : IColumn
{
    public string Id => nameof(ThroughputColumn);

    public string ColumnName => "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Throughput: payload bytes / Median, in MB (10^6 bytes) per second (the median, as spikes from other load only slow it down)";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var median = summary[benchmarkCase]?.ResultStatistics?.Median;
        if (median is not > 0 || PayloadBytesColumn.PayloadOf(benchmarkCase) is not { } bytes)
        {
            return "NA";
        }

        var megabytesPerSecond = bytes / (median.Value / 1e9) / 1e6;
        return megabytesPerSecond.ToString(megabytesPerSecond >= 100 ? "N0" : "N1", CultureInfo.InvariantCulture);
    }
}

/// <summary>The ratio of medians (this case / the baseline of its group): less swayed than Ratio by a few slow iterations.</summary>
public sealed class MedianRatioColumn : IColumn
{
    public string Id => nameof(MedianRatioColumn);

    public string ColumnName => "Ratio (median)";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Baseline;

    public int PriorityInCategory => 10;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Median of this case / median of the baseline in the same group";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var baseline = summary.GetBaseline(summary.GetLogicalGroupKey(benchmarkCase));
        var median = summary[benchmarkCase]?.ResultStatistics?.Median;
        var baselineMedian = baseline is null ? null : summary[baseline]?.ResultStatistics?.Median;
        return median is > 0 && baselineMedian is > 0 ? (median.Value / baselineMedian.Value).ToString("0.00", CultureInfo.InvariantCulture) : "?";
    }
}
