using System.Text;

namespace Applivery.Generators.Emit;

/// <summary>
/// Writes indented C# text with '\n' line ends whatever the platform, so the output is byte-identical everywhere.
/// </summary>
internal sealed class SourceWriter
{
    private const int SpacesPerLevel = 4;
    private readonly StringBuilder _builder = new();

    public int Indentation { get; set; }

    /// <summary>Nothing is written, or the last line is blank: the next block needs no blank line before it.</summary>
    public bool IsEmpty => _builder.Length == 0;

    public bool IsAtBlockStart => _builder.Length == 0 || (_builder.Length >= 2 && _builder[_builder.Length - 1] == '\n' && _builder[_builder.Length - 2] == '\n');

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', Indentation * SpacesPerLevel);
            _builder.Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    /// <summary>Writes each line of a multi-line block at the current indentation.</summary>
    public SourceWriter Lines(string block)
    {
        // Each line is copied straight from the block: big specs pass whole files through here.
        var start = 0;
        while (true)
        {
            var end = block.IndexOf('\n', start);
            var length = (end < 0 ? block.Length : end) - start;
            if (end >= 0 && length > 0 && block[end - 1] == '\r')
            {
                length--;
            }

            if (length > 0)
            {
                _builder.Append(' ', Indentation * SpacesPerLevel);
                _builder.Append(block, start, length);
            }

            _builder.Append('\n');
            if (end < 0)
            {
                return this;
            }

            start = end + 1;
        }
    }

    public SourceWriter OpenBlock(string header)
    {
        Line(header);
        Line("{");
        Indentation++;
        return this;
    }

    public SourceWriter CloseBlock(string suffix = "")
    {
        Indentation--;
        Line("}" + suffix);
        return this;
    }

    public override string ToString() => _builder.ToString();

    internal static readonly char[] NewLineCharacters = { '\r', '\n', '\u0085', '\u2028', '\u2029' };

    public static string[] SplitLines(string text) => text.Replace("\r\n", "\n").Split(NewLineCharacters);
}
