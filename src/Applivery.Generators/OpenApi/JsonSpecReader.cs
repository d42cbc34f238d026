using System;
using System.Collections.Generic;
using System.Text;

namespace Applivery.Generators.OpenApi;

/// <summary>
/// Reads strict JSON (RFC 8259) into the same <see cref="SpecNode"/>s, spans and diagnostics as the YAML path of
/// <see cref="SpecTextReader"/>, many times faster: big specs are usually JSON, and GitHub's 13 MB description took
/// 1.7 s through YamlDotNet's general YAML parser. Whatever it could read differently from the YAML path it leaves
/// to that path, which then reads the text as before: malformed JSON (so its diagnostics are YAML's, as before),
/// nesting deeper than <see cref="SpecTextReader.MaxDepth"/>, a byte order mark, and in a string a character YAML
/// takes for a line break (U+0085, U+2028, U+2029) or an escaped surrogate without its pair.
/// </summary>
internal sealed class JsonSpecReader
{
    private readonly string _text;
    private readonly SpecDiagnostics _problems;
    private int _index;
    private int _line;
    private int _lineStart;

    // One scratch list per depth, reused by every collection at that depth: a collection's nodes end in an exact array.
    private readonly List<List<KeyValuePair<SpecScalar, SpecNode>>> _entryScratch = new();
    private readonly List<List<SpecNode>> _itemScratch = new();

    private JsonSpecReader(string text, SpecDiagnostics problems)
    {
        _text = text;
        _problems = problems;
    }

    /// <summary>Whether the text may be JSON: its first character after whitespace opens an object or an array.</summary>
    public static bool LooksLikeJson(string text)
    {
        foreach (var character in text)
        {
            if (!IsWhitespace(character))
            {
                return character is '{' or '[';
            }
        }

        return false;
    }

    /// <summary>
    /// The document's root, with duplicate keys reported to <paramref name="problems"/> as the YAML path reports them;
    /// false, with nothing reported, when the YAML path must read the text instead.
    /// </summary>
    public static bool TryRead(string text, SpecDiagnostics problems, out SpecNode? root) => TryRead(text, problems, out root, out _);

    /// <param name="violation">
    /// Where and why the text is not JSON, when that is why it is left to the YAML path; null when it is JSON that the
    /// YAML path reads differently (too deep, a YAML line break or a lone surrogate in a string).
    /// </param>
    public static bool TryRead(string text, SpecDiagnostics problems, out SpecNode? root, out (SourceSpan Span, string Reason)? violation)
    {
        var found = new SpecDiagnostics(problems.FilePath);
        var reader = new JsonSpecReader(text, found);
        root = null;
        violation = null;
        try
        {
            reader.SkipWhitespace();
            var value = reader.ReadValue(depth: 0);
            reader.SkipWhitespace();
            if (reader._index != text.Length)
            {
                throw reader.NotJson("text after the end of the document");
            }

            root = value;
        }
        catch (NotReadHereException exception)
        {
            violation = exception.Reason is { } reason ? (exception.Span, reason) : null;
            return false;
        }

        problems.Add(found);
        return true;
    }

    private SpecNode ReadValue(int depth)
    {
        if (_index >= _text.Length)
        {
            throw NotJson("the text ends where a value is expected");
        }

        return _text[_index] switch
        {
            '{' => ReadObject(depth),
            '[' => ReadArray(depth),
            '"' => ReadString(),
            _ => ReadPlain(),
        };
    }

    private SpecMapping ReadObject(int depth)
    {
        if (depth >= SpecTextReader.MaxDepth)
        {
            throw new NotReadHereException();
        }

        var start = Position();
        _index++;
        var entries = Scratch(_entryScratch, depth);
        HashSet<string>? keys = null;
        SkipWhitespace();
        if (Peek() == '}')
        {
            return new SpecMapping(Array.Empty<KeyValuePair<SpecScalar, SpecNode>>(), Close(start));
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw NotJson(Peek() == '}' ? "a comma before '}'" : "expected a property name in double quotes");
            }

            var key = ReadString();
            SkipWhitespace();
            Expect(':', "expected ':' after the property name");
            SkipWhitespace();
            var value = ReadValue(depth + 1);

            // As the YAML path does: the first occurrence wins, each later one is reported at its key.
            if (SpecMapping.IsNewKey(entries, ref keys, key.Value))
            {
                entries.Add(new KeyValuePair<SpecScalar, SpecNode>(key, value));
            }
            else
            {
                _problems.DuplicateKey(key.Value, key.Span);
            }

            SkipWhitespace();
            if (Peek() == '}')
            {
                return new SpecMapping(entries.ToArray(), Close(start));
            }

            Expect(',', "expected ',' or '}'");
        }
    }

    private static List<T> Scratch<T>(List<List<T>> scratch, int depth)
    {
        while (scratch.Count <= depth)
        {
            scratch.Add(new List<T>());
        }

        var list = scratch[depth];
        list.Clear();
        return list;
    }

    private SpecSequence ReadArray(int depth)
    {
        if (depth >= SpecTextReader.MaxDepth)
        {
            throw new NotReadHereException();
        }

        var start = Position();
        _index++;
        var items = Scratch(_itemScratch, depth);
        SkipWhitespace();
        if (Peek() == ']')
        {
            return new SpecSequence(Array.Empty<SpecNode>(), Close(start));
        }

        while (true)
        {
            SkipWhitespace();
            items.Add(ReadValue(depth + 1));
            SkipWhitespace();
            if (Peek() == ']')
            {
                return new SpecSequence(items.ToArray(), Close(start));
            }

            Expect(',', "expected ',' or ']'");
        }
    }

    private SpecScalar ReadString()
    {
        var start = Position();
        _index++;
        var contentStart = _index;

        // Most strings have no escape: one scan, one substring.
        while (_index < _text.Length)
        {
            var character = _text[_index];
            if (character == '"')
            {
                var value = _text.Substring(contentStart, _index - contentStart);
                _index++;
                return new SpecScalar(value, isPlain: false, SpanFrom(start));
            }

            if (character == '\\' || !IsPlainStringCharacter(character))
            {
                break;
            }

            _index++;
        }

        var builder = new StringBuilder(_text, contentStart, _index - contentStart, (_index - contentStart) + 16);
        while (true)
        {
            if (_index >= _text.Length)
            {
                throw NotJson("the string is not closed");
            }

            var character = _text[_index];
            if (character == '"')
            {
                _index++;
                return new SpecScalar(builder.ToString(), isPlain: false, SpanFrom(start));
            }

            if (character == '\\')
            {
                _index++;
                builder.Append(ReadEscape());
                continue;
            }

            if (!IsPlainStringCharacter(character))
            {
                // A control character must be escaped in JSON; the YAML line breaks and U+FEFF are JSON, only read differently.
                throw character < ' ' ? NotJson("a control character in a string (JSON needs it escaped)") : new NotReadHereException();
            }

            builder.Append(character);
            _index++;
        }
    }

    /// <summary>The text of one escape after its backslash; a surrogate pair's two escapes at once.</summary>
    private string ReadEscape()
    {
        var escape = Peek();
        _index++;
        switch (escape)
        {
            case '"': return "\"";
            case '\\': return "\\";
            case '/': return "/";
            case 'b': return "\b";
            case 'f': return "\f";
            case 'n': return "\n";
            case 'r': return "\r";
            case 't': return "\t";
            case 'u':
                var unit = ReadHex4();
                if (char.IsLowSurrogate(unit))
                {
                    throw new NotReadHereException();
                }

                if (!char.IsHighSurrogate(unit))
                {
                    return unit.ToString();
                }

                if (Peek() != '\\' || _index + 1 >= _text.Length || _text[_index + 1] != 'u')
                {
                    throw new NotReadHereException();
                }

                _index += 2;
                var low = ReadHex4();
                if (!char.IsLowSurrogate(low))
                {
                    throw new NotReadHereException();
                }

                return new string(new[] { unit, low });
            default:
                throw NotJson("an escape JSON does not define in a string");
        }
    }

    private char ReadHex4()
    {
        if (_index + 4 > _text.Length)
        {
            throw NotJson("a \\u escape needs four hexadecimal digits");
        }

        var value = 0;
        for (var i = 0; i < 4; i++)
        {
            var digit = _text[_index + i];
            value = (value << 4) | digit switch
            {
                >= '0' and <= '9' => digit - '0',
                >= 'a' and <= 'f' => digit - 'a' + 10,
                >= 'A' and <= 'F' => digit - 'A' + 10,
                _ => throw NotJson("a \\u escape needs four hexadecimal digits"),
            };
        }

        _index += 4;
        return (char)value;
    }

    /// <summary><c>true</c>, <c>false</c>, <c>null</c> or a number, kept as its text like a plain YAML scalar.</summary>
    private SpecScalar ReadPlain()
    {
        var start = Position();
        if (Peek() is ']' or '}')
        {
            throw NotJson($"a comma before '{Peek()}'");
        }

        if (Word("true") || Word("false") || Word("null") || Number())
        {
            var next = _index < _text.Length ? _text[_index] : ' ';
            if (IsWhitespace(next) || next is ',' or ']' or '}')
            {
                return new SpecScalar(_text.Substring(start.Index, _index - start.Index), isPlain: true, SpanFrom(start));
            }
        }

        _index = start.Index;
        throw NotJson("a value JSON does not define (text is in double quotes; true, false, null and numbers are plain)");
    }

    private bool Word(string word)
    {
        if (string.CompareOrdinal(_text, _index, word, 0, word.Length) != 0)
        {
            return false;
        }

        _index += word.Length;
        return true;
    }

    /// <summary>RFC 8259's number: <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>.</summary>
    private bool Number()
    {
        if (Peek() == '-')
        {
            _index++;
        }

        if (Peek() == '0')
        {
            _index++;
        }
        else if (!Digits())
        {
            return false;
        }

        if (Peek() == '.')
        {
            _index++;
            if (!Digits())
            {
                return false;
            }
        }

        if (Peek() is 'e' or 'E')
        {
            _index++;
            if (Peek() is '+' or '-')
            {
                _index++;
            }

            if (!Digits())
            {
                return false;
            }
        }

        return true;
    }

    private bool Digits()
    {
        var start = _index;
        while (_index < _text.Length && _text[_index] is >= '0' and <= '9')
        {
            _index++;
        }

        return _index > start;
    }

    private void Expect(char character, string reason)
    {
        if (Peek() != character)
        {
            throw NotJson(reason);
        }

        _index++;
    }

    /// <summary>The text breaks JSON's grammar here: the YAML path reads it, and a <c>.json</c> file is told why (APG015).</summary>
    private NotReadHereException NotJson(string reason)
    {
        var here = Position();
        return new NotReadHereException(reason, new SourceSpan(here.Index, Math.Min(here.Index + 1, _text.Length), here.Line, here.Column, here.Line, here.Column + (here.Index < _text.Length ? 1 : 0)));
    }

    private char Peek() => _index < _text.Length ? _text[_index] : '\0';

    /// <summary>JSON's whitespace; a line break is <c>\n</c>, <c>\r\n</c> or a lone <c>\r</c>, counted as YAML counts it.</summary>
    private void SkipWhitespace()
    {
        while (_index < _text.Length)
        {
            switch (_text[_index])
            {
                case ' ':
                case '\t':
                    _index++;
                    break;
                case '\n':
                    _index++;
                    NewLine();
                    break;
                case '\r':
                    _index++;
                    if (_index < _text.Length && _text[_index] == '\n')
                    {
                        _index++;
                    }

                    NewLine();
                    break;
                default:
                    return;
            }
        }
    }

    private void NewLine()
    {
        _line++;
        _lineStart = _index;
    }

    private static bool IsWhitespace(char character) => character is ' ' or '\t' or '\n' or '\r';

    /// <summary>A character a JSON string holds as it is, and YAML reads the same: no control, no YAML line break.</summary>
    private static bool IsPlainStringCharacter(char character) =>
        character >= ' ' && character is not ('\u0085' or '\u2028' or '\u2029' or '\uFEFF');

    private Mark Position() => new(_index, _line, _index - _lineStart);

    /// <summary>A collection's span, which ends where its closing bracket starts (as YamlDotNet's end events do); the bracket is consumed.</summary>
    private SourceSpan Close(Mark start)
    {
        var span = SpanFrom(start);
        _index++;
        return span;
    }

    private SourceSpan SpanFrom(Mark start) => new(start.Index, _index, start.Line, start.Column, _line, _index - _lineStart);

    private readonly struct Mark
    {
        public Mark(int index, int line, int column)
        {
            Index = index;
            Line = line;
            Column = column;
        }

        public int Index { get; }

        public int Line { get; }

        public int Column { get; }
    }

    /// <summary>The text is not read here; the YAML path reads it.</summary>
    private sealed class NotReadHereException : Exception
    {
        public NotReadHereException()
        {
        }

        public NotReadHereException(string reason, SourceSpan span)
        {
            Reason = reason;
            Span = span;
        }

        /// <summary>Why the text is not JSON; null when it is JSON that only the YAML path reads as it must.</summary>
        public string? Reason { get; }

        public SourceSpan Span { get; }
    }
}
