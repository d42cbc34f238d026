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
        foreach (var line in block.Replace("\r\n", "\n").Split('\n'))
        {
            Line(line);
        }

        return this;
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
