using System.Text;

namespace Applivery.Generators.Model;

/// <summary>
/// OpenAPI patterns follow ECMAScript; .NET reads the same text with a few different meanings. Where the difference
/// would accept values the spec rejects, the text is adapted: <c>$</c> (which in .NET also matches before a final
/// newline) becomes <c>\z</c>, and <c>\d</c> (any Unicode digit in .NET) becomes <c>[0-9]</c>.
/// </summary>
internal static class EcmaScriptPattern
{
    public static string ToDotNet(string pattern)
    {
        var builder = new StringBuilder(pattern.Length + 8);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[++i];
                if (next == 'd')
                {
                    builder.Append(inClass ? "0-9" : "[0-9]");
                }
                else
                {
                    builder.Append(c).Append(next);
                }

                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
                builder.Append(c);
                continue;
            }

            switch (c)
            {
                case '[':
                    inClass = true;
                    builder.Append(c);

                    // A ']' right after '[' or '[^' is a literal, not the end of the class.
                    if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                    {
                        builder.Append(pattern[++i]);
                    }

                    if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                    {
                        builder.Append(pattern[++i]);
                    }

                    break;
                case '$':
                    builder.Append("\\z");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }
}
