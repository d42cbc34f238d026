using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Applivery.Generators.Tests.Infrastructure;

/// <summary>What MSBuild hands a generator: global build properties plus per-file AdditionalFiles metadata.</summary>
internal sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly Dictionary<string, DictionaryOptions> _byPath;

    public TestOptionsProvider(IReadOnlyDictionary<string, string> globalOptions, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> fileMetadata)
    {
        GlobalOptions = new DictionaryOptions(globalOptions);
        _byPath = new Dictionary<string, DictionaryOptions>();
        foreach (var pair in fileMetadata)
        {
            var options = new Dictionary<string, string>();
            foreach (var metadata in pair.Value)
            {
                options["build_metadata.AdditionalFiles." + metadata.Key] = metadata.Value;
            }

            _byPath[pair.Key] = new DictionaryOptions(options);
        }
    }

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        _byPath.TryGetValue(textFile.Path, out var options) ? options : DictionaryOptions.Empty;

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

        private readonly IReadOnlyDictionary<string, string> _values;

        public DictionaryOptions(IReadOnlyDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
