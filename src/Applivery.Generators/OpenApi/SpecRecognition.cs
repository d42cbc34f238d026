using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace Applivery.Generators.OpenApi;

/// <summary>
/// Decides from the text alone, before any parsing, whether an additional file is meant as an OpenAPI document.
/// Unrelated YAML/JSON (stylecop.json, pipelines) must be ignored without a word; a spec that cannot be read must not be.
/// </summary>
internal static class SpecRecognition
{
    /// <summary>A root key that marks a file as an OpenAPI (or Swagger) document without parsing it.</summary>
    private static readonly Regex RootVersionKey = new(@"(^|[{,]\s*)[""']?(openapi|swagger)[""']?\s*:", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    /// <summary>The version key as the first thing of the file, after what <see cref="SkipTop"/> passes over.</summary>
    private static readonly Regex TopVersionKey = new(@"\G[\s\p{Cf}]*\{?[\s\p{Cf}]*[""']?(openapi|swagger)[""']?[ \t]*:", RegexOptions.CultureInvariant);

    /// <summary>Whether the text has an <c>openapi</c> (or <c>swagger</c>) key where a root key can be.</summary>
    public static bool HasVersionKey(string text) => RootVersionKey.IsMatch(text);

    /// <summary>
    /// Whether the file's first key is <c>openapi</c>/<c>swagger</c>, possibly behind characters that stop a reader
    /// from seeing it (a second byte order mark, a tab, a zero-width space): such a file is meant as a spec, so if it
    /// then cannot be read it gets APG001 at that line rather than being skipped.
    /// </summary>
    /// <param name="keySpan">Where the key is.</param>
    /// <param name="hidden">The invisible or non-space characters before the key on its line, as U+XXXX names (empty when none).</param>
    public static bool StartsWithVersionKey(string text, out SourceSpan keySpan, out string hidden)
    {
        keySpan = default;
        hidden = string.Empty;
        var start = SkipTop(text);
        var match = TopVersionKey.Match(text, start);
        if (!match.Success)
        {
            return false;
        }

        var keyIndex = match.Groups[1].Index;
        var lineStart = keyIndex == 0 ? 0 : text.LastIndexOf('\n', keyIndex - 1) + 1;

        var line = text.Take(lineStart).Count(c => c == '\n');
        var column = keyIndex - lineStart;
        keySpan = new SourceSpan(keyIndex, keyIndex + match.Groups[1].Length, line, column, line, column + match.Groups[1].Length);
        hidden = string.Join(", ", Describe(text.Substring(lineStart, keyIndex - lineStart)));
        return true;
    }

    /// <summary>Whether what was read is a mapping with the version key at its root.</summary>
    public static bool HasRootVersionKey(SpecNode? root) => root is SpecMapping mapping && (mapping.ContainsKey("openapi") || mapping.ContainsKey("swagger"));

    /// <summary>The APG001 reason for a version key that opens the file behind <paramref name="hidden"/> characters.</summary>
    public static string HiddenKeyMessage(string text, SourceSpan keySpan, string hidden) =>
        $"its first key '{text.Substring(keySpan.StartIndex, keySpan.EndIndex - keySpan.StartIndex)}' (line {keySpan.StartLine + 1}) cannot be read as that key because of {hidden} before it; remove what precedes the key on its line";

    /// <summary>Passes over blank lines, comments, directives and the document marker at the top, and any invisible character.</summary>
    private static int SkipTop(string text)
    {
        var index = 0;
        while (index < text.Length)
        {
            var c = text[index];
            if (char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                index++;
                continue;
            }

            var restOfLine = text.IndexOf('\n', index);
            var lineText = restOfLine < 0 ? text.Substring(index) : text.Substring(index, restOfLine - index);
            if (c is '#' or '%' || lineText.TrimEnd() == "---")
            {
                index = restOfLine < 0 ? text.Length : restOfLine + 1;
                continue;
            }

            break;
        }

        // Back to the start of the key's line, so that what hides the key is matched (and named) with it.
        var lineStartIndex = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
        return lineStartIndex;
    }

    private static IEnumerable<string> Describe(string prefix)
    {
        foreach (var c in prefix.Distinct())
        {
            var name = c switch
            {
                '\uFEFF' => " (a byte order mark)",
                '\t' => " (a tab)",
                '\u200B' => " (a zero-width space)",
                '\u00A0' => " (a no-break space)",
                _ => string.Empty,
            };
            if (c is not (' ' or '{' or '"' or '\''))
            {
                yield return "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + name;
            }
        }
    }
}
