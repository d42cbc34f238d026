using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Applivery.Generators.Diagnostics;
using Applivery.Generators.OpenApi;

namespace Applivery.Generators.Model;

/// <summary>
/// The <c>IncludeOperations</c> and <c>ExcludeOperations</c> metadata of a spec file: which operations are generated.
/// Each is a list of selectors separated by <c>,</c> or <c>;</c> — <c>tag:repos</c>, <c>path:/repos/{owner}/{repo}/issues/**</c>,
/// <c>operationId:issues/list</c> — where <c>*</c> matches within a path segment and <c>**</c> across segments. An
/// operation is kept when no include is given or an include selector matches it, and no exclude selector matches it.
/// A selector that is malformed or matches no operation is APG008 naming it, so a typo is never silent.
/// </summary>
internal sealed class OperationFilter
{
    internal const string IncludeMetadata = "IncludeOperations";
    internal const string ExcludeMetadata = "ExcludeOperations";

    private readonly string? _includeText;
    private readonly string? _excludeText;
    private readonly List<Selector> _include;
    private readonly List<Selector> _exclude;

    private OperationFilter(string? includeText, List<Selector> include, string? excludeText, List<Selector> exclude)
    {
        _includeText = includeText;
        _include = include;
        _excludeText = excludeText;
        _exclude = exclude;
    }

    /// <summary>The filter of a file with neither option: every operation is kept.</summary>
    public static readonly OperationFilter KeepAll = new(null, new List<Selector>(), null, new List<Selector>());

    /// <summary>The filter the metadata asks for, or null when the file has neither option (every operation is kept).</summary>
    public static OperationFilter? Parse(SpecInput input, string fileName, SpecDiagnostics diagnostics)
    {
        if (input.IncludeOperationsOption is null && input.ExcludeOperationsOption is null)
        {
            return null;
        }

        return new OperationFilter(
            input.IncludeOperationsOption,
            ParseList(IncludeMetadata, input.IncludeOperationsOption, fileName, diagnostics),
            input.ExcludeOperationsOption,
            ParseList(ExcludeMetadata, input.ExcludeOperationsOption, fileName, diagnostics));
    }

    /// <summary>
    /// Picks the operations under <c>paths</c> to generate (walking them as <see cref="OperationBuilder"/> does) and
    /// counts what each selector matched; <see cref="ReportUnmatched"/> then names the selectors that matched nothing.
    /// </summary>
    public List<KeptOperation> Select(SpecMapping? paths, ReferenceResolver references)
    {
        var kept = new List<KeptOperation>();
        if (paths is null)
        {
            return kept;
        }

        foreach (var pathEntry in paths.Entries)
        {
            var path = pathEntry.Key.Value;
            if (path.StartsWith("x-", StringComparison.Ordinal) || references.Resolve(pathEntry.Value) is not SpecMapping pathItem)
            {
                continue;
            }

            foreach (var method in OperationBuilder.HttpMethods)
            {
                if (pathItem.GetMapping(method) is not { } operation)
                {
                    continue;
                }

                var tags = operation.GetSequence("tags")?.Items.OfType<SpecScalar>().Select(tag => tag.Value).ToList() ?? new List<string>();
                var operationId = operation.GetString("operationId");
                var included = _includeText is null;
                foreach (var selector in _include)
                {
                    included |= selector.Matches(path, operationId, tags);
                }

                var excluded = false;
                foreach (var selector in _exclude)
                {
                    excluded |= selector.Matches(path, operationId, tags);
                }

                if (included && !excluded)
                {
                    kept.Add(new KeptOperation(path, method, pathItem, operation));
                }
            }
        }

        return kept;
    }

    /// <summary>APG008 for each selector that matched no operation of the spec (after <see cref="Select"/>).</summary>
    public void ReportUnmatched(string fileName, SpecDiagnostics diagnostics)
    {
        Report(IncludeMetadata, _includeText, _include, fileName, diagnostics);
        Report(ExcludeMetadata, _excludeText, _exclude, fileName, diagnostics);

        static void Report(string metadata, string? text, List<Selector> selectors, string fileName, SpecDiagnostics diagnostics)
        {
            var matching = selectors.Where(selector => selector.MatchCount > 0).Select(selector => selector.Text).ToList();
            foreach (var selector in selectors.Where(selector => selector.MatchCount == 0))
            {
                diagnostics.Report(
                    DiagnosticDescriptors.InvalidMetadata,
                    FileStart,
                    metadata,
                    text!,
                    fileName,
                    $"the selector '{selector.Text}' matches no operation (names are compared case-sensitively)",
                    Remaining(metadata, matching));
            }
        }
    }

    private static List<Selector> ParseList(string metadata, string? text, string fileName, SpecDiagnostics diagnostics)
    {
        var selectors = new List<Selector>();
        if (text is null)
        {
            return selectors;
        }

        var problems = new List<string>();
        foreach (var item in text.Split(',', ';').Select(item => item.Trim()).Where(item => item.Length > 0))
        {
            var colon = item.IndexOf(':');
            var kind = colon < 0 ? null : Selector.Kinds.FirstOrDefault(known => string.Equals(known, item.Substring(0, colon).Trim(), StringComparison.OrdinalIgnoreCase));
            if (kind is null)
            {
                problems.Add($"the selector '{item}' does not start with 'tag:', 'path:' or 'operationId:'");
                continue;
            }

            var glob = item.Substring(colon + 1).Trim();
            if (glob.Length == 0)
            {
                problems.Add($"the selector '{item}' names no {kind}");
                continue;
            }

            selectors.Add(new Selector(kind, kind + ":" + glob, Glob(glob)));
        }

        foreach (var problem in problems)
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidMetadata, FileStart, metadata, text, fileName, problem, Remaining(metadata, selectors.Select(selector => selector.Text).ToList()));
        }

        return selectors;
    }

    /// <summary>What the generator goes on with, for the message's "'…' is used instead".</summary>
    private static string Remaining(string metadata, List<string> selectors) =>
        selectors.Count > 0
            ? string.Join(",", selectors)
            : metadata == IncludeMetadata ? "no selector, so no operation is generated" : "no selector, so no operation is excluded";

    /// <summary><c>*</c> is any run of characters but <c>/</c>; <c>**</c> any run at all; a trailing <c>/**</c> also matches nothing (the path itself).</summary>
    internal static Regex Glob(string glob)
    {
        var pattern = new StringBuilder("^");
        for (var i = 0; i < glob.Length;)
        {
            if (string.CompareOrdinal(glob, i, "/**", 0, 3) == 0 && i + 3 == glob.Length)
            {
                pattern.Append("(?:/.*)?");
                i += 3;
            }
            else if (string.CompareOrdinal(glob, i, "/**/", 0, 4) == 0)
            {
                pattern.Append("/(?:.*/)?");
                i += 4;
            }
            else if (glob[i] == '*')
            {
                var run = 0;
                while (i < glob.Length && glob[i] == '*')
                {
                    run++;
                    i++;
                }

                pattern.Append(run > 1 ? ".*" : "[^/]*");
            }
            else
            {
                pattern.Append(Regex.Escape(glob[i].ToString()));
                i++;
            }
        }

        return new Regex(pattern.Append('$').ToString(), RegexOptions.CultureInvariant);
    }

    private static SourceSpan FileStart => new(0, 0, 0, 0, 0, 0);

    private sealed class Selector
    {
        public static readonly string[] Kinds = { "tag", "path", "operationId" };

        private readonly Regex _pattern;

        public Selector(string kind, string text, Regex pattern)
        {
            Kind = kind;
            Text = text;
            _pattern = pattern;
        }

        public string Kind { get; }

        /// <summary>The selector as the user wrote it (the kind spelled as documented).</summary>
        public string Text { get; }

        public int MatchCount { get; private set; }

        public bool Matches(string path, string? operationId, List<string> tags)
        {
            var matches = Kind switch
            {
                "tag" => tags.Any(tag => _pattern.IsMatch(tag)),
                "path" => _pattern.IsMatch(path),
                _ => operationId is not null && _pattern.IsMatch(operationId),
            };
            if (matches)
            {
                MatchCount++;
            }

            return matches;
        }
    }
}

/// <summary>An operation the filter keeps, with the path item whose parameters it shares.</summary>
internal readonly struct KeptOperation
{
    public KeptOperation(string path, string method, SpecMapping pathItem, SpecMapping operation)
    {
        Key = Of(path, method);
        PathItem = pathItem;
        Operation = operation;
    }

    /// <summary>Method and path: one operation node can sit under two paths (a shared path item), so the node is no key.</summary>
    public string Key { get; }

    public SpecMapping PathItem { get; }

    public SpecMapping Operation { get; }

    public static string Of(string path, string method) => method + " " + path;
}
