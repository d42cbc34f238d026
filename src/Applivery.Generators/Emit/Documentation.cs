using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Applivery.Generators.Emit;

/// <summary>Writes XML doc comments from spec text, which may contain anything: markup, comment ends, newlines.</summary>
internal static class Documentation
{
    public static void Summary(SourceWriter writer, string? text, string fallback) =>
        Element(writer, "summary", string.IsNullOrWhiteSpace(text) ? Escape(fallback) : Escape(text!));

    /// <summary>A doc comment line up to this long (without indentation) holds a one-line element whole, as people write them.</summary>
    private const int SingleLineLimit = 116;

    /// <summary>Writes an element whose content is already XML (escaped text plus deliberate tags such as &lt;c&gt;).</summary>
    public static void Element(SourceWriter writer, string tag, string xmlContent, string attributes = "")
    {
        var lines = SourceWriter.SplitLines(xmlContent.Trim()).Select(line => line.TrimEnd()).ToList();
        if (lines.Count == 1 && lines[0].Length > 0 && lines[0].Length + 2 * tag.Length + attributes.Length + 9 <= SingleLineLimit)
        {
            writer.Line($"/// <{tag}{attributes}>{lines[0]}</{tag}>");
            return;
        }

        writer.Line($"/// <{tag}{attributes}>");
        foreach (var line in lines)
        {
            writer.Line(line.Length == 0 ? "/// <para/>" : "/// " + line);
        }

        writer.Line($"/// </{tag}>");
    }

    /// <summary>Escapes text for XML; the line structure is kept, each line becomes its own /// line.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '"':
                    builder.Append("&quot;");
                    break;
                default:
                    // Control characters are not allowed in XML; they never carry meaning in a description.
                    builder.Append(char.IsControl(c) && c != '\n' && c != '\r' && c != '\t' ? ' ' : c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Text as inline code: <c>value</c>, escaped, on one line.</summary>
    public static string Code(string text) => "<c>" + Escape(string.Join(" ", SourceWriter.SplitLines(text))) + "</c>";

    /// <summary>The text as a sentence another can follow: "Page number" + "At least 1." reads "Page number. At least 1.".</summary>
    public static string EndSentence(string text) =>
        text.Length == 0 || text[text.Length - 1] is '.' or '!' or '?' or ':' or ';' ? text : text + ".";

    /// <summary>Text on one line (for a &lt;param&gt;), or null.</summary>
    public static string? SingleLine(string? text) => text is null ? null : string.Join(" ", SourceWriter.SplitLines(text.Trim()));

    public static string CodeList(IEnumerable<string> values) => string.Join(", ", values.Select(Code));
}
