using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Applivery.Generators.Model;

/// <summary>Reads an OpenAPI path template such as <c>/apps/{applicationId}/builds</c>.</summary>
internal static class PathTemplate
{
    private static readonly Regex Placeholder = new(@"\{([^{}]+)\}", RegexOptions.CultureInvariant);

    public static IEnumerable<string> Placeholders(string template)
    {
        foreach (Match match in Placeholder.Matches(template))
        {
            yield return match.Groups[1].Value;
        }
    }

    /// <summary>The template as literal text and parameter names, in order.</summary>
    public static IEnumerable<(string Text, bool IsParameter)> Split(string template)
    {
        var position = 0;
        foreach (Match match in Placeholder.Matches(template))
        {
            if (match.Index > position)
            {
                yield return (template.Substring(position, match.Index - position), false);
            }

            yield return (match.Groups[1].Value, true);
            position = match.Index + match.Length;
        }

        if (position < template.Length)
        {
            yield return (template.Substring(position), false);
        }
    }
}
