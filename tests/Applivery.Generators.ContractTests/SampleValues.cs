using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Applivery.Generators.ContractTests;

/// <summary>
/// Values derived from a schema, as JSON: the schema's example (or <c>examples</c>, <c>default</c>, <c>const</c>,
/// <c>enum</c>), else one built from its type, format, pattern and bounds. Arrays get at least two items (so that every
/// array serialization style is distinguishable on the wire); <paramref name="variant"/> makes the second item differ.
/// </summary>
internal sealed class SampleValues
{
    private const int MaxDepth = 6;
    private readonly OpenApiDocument _document;

    public SampleValues(OpenApiDocument document, bool useExamples = true)
    {
        _document = document;
        _useExamples = useExamples;
    }

    private readonly bool _useExamples;

    /// <summary>A value for <paramref name="schemaNode"/>; <paramref name="forRequest"/> leaves out readOnly properties.</summary>
    public JsonNode? For(JsonNode? schemaNode, bool forRequest, int variant = 0, int depth = 0)
    {
        if (_document.Resolve(schemaNode) is not JsonObject schema)
        {
            return JsonValue.Create("sample");
        }

        var type = TypeOf(schema);
        if (type != "array" && type != "object")
        {
            if (variant == 0 && _useExamples && Example(schema) is { } example)
            {
                return example;
            }

            if (schema["const"] is { } constant)
            {
                return constant.DeepClone();
            }

            if (schema["enum"] is JsonArray values && values.Count > 0)
            {
                var candidates = values.Where(value => value is not null).ToList();
                if (candidates.Count > 0)
                {
                    return candidates[variant % candidates.Count]!.DeepClone();
                }
            }

            if (variant == 0 && _useExamples && schema["default"] is { } defaultValue)
            {
                return defaultValue.DeepClone();
            }
        }

        if (schema["allOf"] is JsonArray allOf && allOf.Count > 0)
        {
            var merged = new JsonObject();
            JsonNode? last = null;
            foreach (var part in allOf)
            {
                var value = For(part, forRequest, variant, depth + 1);
                if (value is JsonObject obj)
                {
                    foreach (var pair in obj.ToList())
                    {
                        obj.Remove(pair.Key);
                        merged[pair.Key] = pair.Value;
                    }
                }
                else
                {
                    last = value;
                }
            }

            if (schema["properties"] is JsonObject)
            {
                foreach (var pair in (JsonObject)ObjectValue(schema, forRequest, variant, depth)!)
                {
                    merged[pair.Key] = pair.Value?.DeepClone();
                }
            }

            return merged.Count > 0 || last is null ? merged : last;
        }

        foreach (var keyword in new[] { "oneOf", "anyOf" })
        {
            if (schema[keyword] is JsonArray alternatives && alternatives.Count > 0)
            {
                var choice = alternatives.FirstOrDefault(alternative => TypeOf(_document.Resolve(alternative) as JsonObject) != "null") ?? alternatives[0];
                var value = For(choice, forRequest, variant, depth + 1);
                if (value is JsonObject obj && schema["properties"] is JsonObject)
                {
                    foreach (var pair in (JsonObject)ObjectValue(schema, forRequest, variant, depth)!)
                    {
                        obj[pair.Key] ??= pair.Value?.DeepClone();
                    }
                }

                return value;
            }
        }

        switch (type)
        {
            case "array":
                return ArrayValue(schema, forRequest, variant, depth);
            case "object":
                return ObjectValue(schema, forRequest, variant, depth);
            case "integer":
                return JsonValue.Create((long)Number(schema, integer: true, variant));
            case "number":
                return JsonValue.Create(Number(schema, integer: false, variant));
            case "boolean":
                return JsonValue.Create(variant % 2 == 0);
            case "null":
                return null;
            default:
                return JsonValue.Create(StringValue(schema, variant));
        }
    }

    /// <summary>The schema's first type, leaving out "null"; inferred from its keywords when absent.</summary>
    public static string? TypeOf(JsonObject? schema)
    {
        switch (schema?["type"])
        {
            case JsonValue value:
                return value.GetValue<string>();
            case JsonArray types:
                return types.Select(type => type?.GetValue<string>()).FirstOrDefault(type => type != "null") ?? "null";
        }

        if (schema is null)
        {
            return null;
        }

        if (schema["properties"] is not null || schema["additionalProperties"] is JsonObject)
        {
            return "object";
        }

        return schema["items"] is not null ? "array" : null;
    }

    private JsonNode? Example(JsonObject schema)
    {
        if (schema.ContainsKey("example"))
        {
            return schema["example"]?.DeepClone();
        }

        return schema["examples"] is JsonArray { Count: > 0 } examples ? examples[0]?.DeepClone() : null;
    }

    private JsonNode ArrayValue(JsonObject schema, bool forRequest, int variant, int depth)
    {
        var minimum = (int?)schema["minItems"]?.GetValue<decimal>() ?? 0;
        var maximum = (int?)schema["maxItems"]?.GetValue<decimal>() ?? int.MaxValue;
        var count = Math.Min(Math.Max(2, minimum), Math.Max(maximum, 0));
        if (depth >= MaxDepth)
        {
            count = Math.Min(count, Math.Max(minimum, 0));
        }

        var items = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            items.Add(For(schema["items"], forRequest, variant + i, depth + 1));
        }

        return items;
    }

    private JsonNode? ObjectValue(JsonObject schema, bool forRequest, int variant, int depth)
    {
        if (variant == 0 && _useExamples && Example(schema) is JsonObject example && depth > 0)
        {
            // A nested example is the spec's own picture of a valid value; the top-level object is built property by
            // property so that every declared property is exercised.
            return example;
        }

        var result = new JsonObject();
        var required = (schema["required"] as JsonArray)?.Select(item => item?.GetValue<string>()).ToHashSet() ?? new HashSet<string?>();
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var pair in properties)
            {
                var property = _document.Resolve(pair.Value) as JsonObject;
                if (forRequest && property?["readOnly"]?.GetValue<bool>() == true)
                {
                    continue;
                }

                if (!forRequest && property?["writeOnly"]?.GetValue<bool>() == true)
                {
                    continue;
                }

                if (depth >= MaxDepth && !required.Contains(pair.Key))
                {
                    continue;
                }

                result[pair.Key] = For(pair.Value, forRequest, variant, depth + 1);
            }
        }
        else if (schema["additionalProperties"] is JsonObject additional && depth < MaxDepth)
        {
            result["key" + (variant + 1)] = For(additional, forRequest, variant, depth + 1);
        }

        return result;
    }

    private static decimal Number(JsonObject schema, bool integer, int variant)
    {
        decimal? minimum = schema["minimum"] is JsonValue min ? min.GetValue<decimal>() : null;
        decimal? maximum = schema["maximum"] is JsonValue max ? max.GetValue<decimal>() : null;
        var exclusiveMinimum = schema["exclusiveMinimum"];
        var exclusiveMaximum = schema["exclusiveMaximum"];
        var step = integer ? 1m : 0.5m;
        if (exclusiveMinimum is JsonValue exMin && exMin.TryGetValue<decimal>(out var exMinValue))
        {
            minimum = exMinValue + step;
        }
        else if (exclusiveMinimum is JsonValue flag && flag.TryGetValue<bool>(out var isExclusive) && isExclusive && minimum is not null)
        {
            minimum += step;
        }

        if (exclusiveMaximum is JsonValue exMax && exMax.TryGetValue<decimal>(out var exMaxValue))
        {
            maximum = exMaxValue - step;
        }
        else if (exclusiveMaximum is JsonValue flag && flag.TryGetValue<bool>(out var isExclusive) && isExclusive && maximum is not null)
        {
            maximum -= step;
        }

        var value = (minimum ?? (integer ? 1m : 1.5m)) + variant * step;
        if (maximum is not null && value > maximum)
        {
            value = Math.Max(minimum ?? maximum.Value, maximum.Value);
        }

        if (schema["multipleOf"] is JsonValue multiple && multiple.TryGetValue<decimal>(out var multipleOf) && multipleOf > 0)
        {
            value = Math.Ceiling(value / multipleOf) * multipleOf;
        }

        return integer ? Math.Ceiling(value) : value;
    }

    private static string StringValue(JsonObject schema, int variant)
    {
        var format = schema["format"]?.GetValue<string>();
        var text = format switch
        {
            "date-time" => variant == 0 ? "2024-01-02T03:04:05Z" : "2024-02-03T04:05:06Z",
            "date" => variant == 0 ? "2024-01-02" : "2024-02-03",
            "time" => "03:04:05Z",
            "duration" => "P1D",
            "uuid" => variant == 0 ? "3fa85f64-5717-4562-b3fc-2c963f66afa6" : "7c9e6679-7425-40de-944b-e07fc1f90ae7",
            "email" => variant == 0 ? "user@example.com" : "other@example.com",
            "uri" or "url" or "uri-reference" or "iri" => "https://example.com/path" + variant,
            "hostname" => "example.com",
            "ipv4" => "192.168.0." + (variant + 1),
            "ipv6" => "2001:db8::" + (variant + 1),
            "byte" => System.Convert.ToBase64String(Encoding.UTF8.GetBytes("bytes" + variant)),
            "binary" => "file content " + variant,
            "password" => "secret" + variant,
            _ => null,
        };

        if (text is null && schema["pattern"] is JsonValue pattern)
        {
            text = PatternSample.Generate(pattern.GetValue<string>(), variant);
        }

        text ??= variant == 0 ? "sample" : "sample" + variant;
        var minLength = (int?)schema["minLength"]?.GetValue<decimal>() ?? 0;
        var maxLength = (int?)schema["maxLength"]?.GetValue<decimal>() ?? int.MaxValue;
        if (format is null && schema["pattern"] is null)
        {
            while (text.Length < minLength)
            {
                text += "x";
            }

            if (text.Length > maxLength)
            {
                text = text.Substring(0, maxLength);
            }
        }

        return text;
    }
}

/// <summary>
/// A string matching a regular expression of the kinds specs use (classes, ranges, groups, alternation, quantifiers,
/// <c>\d</c> <c>\w</c>), checked against .NET's regex; null when the pattern is beyond it.
/// </summary>
internal static class PatternSample
{
    public static string? Generate(string pattern, int variant)
    {
        try
        {
            var position = 0;
            var text = Alternation(pattern, ref position, variant);
            return Regex.IsMatch(text, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)) ? text : null;
        }
        catch (Exception exception) when (exception is ArgumentException or IndexOutOfRangeException or RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static string Alternation(string pattern, ref int position, int variant)
    {
        var first = Sequence(pattern, ref position, variant);
        while (position < pattern.Length && pattern[position] == '|')
        {
            position++;
            Sequence(pattern, ref position, variant);
        }

        return first;
    }

    private static string Sequence(string pattern, ref int position, int variant)
    {
        var builder = new StringBuilder();
        while (position < pattern.Length && pattern[position] != '|' && pattern[position] != ')')
        {
            string atom;
            var c = pattern[position];
            switch (c)
            {
                case '^' or '$':
                    position++;
                    continue;
                case '(':
                    position++;
                    if (position < pattern.Length && pattern[position] == '?')
                    {
                        position += 2; // (?: and friends
                    }

                    atom = Alternation(pattern, ref position, variant);
                    position++; // ')'
                    break;
                case '[':
                    atom = Class(pattern, ref position, variant).ToString();
                    break;
                case '\\':
                    atom = Escape(pattern[position + 1], variant).ToString();
                    position += 2;
                    break;
                case '.':
                    atom = "a";
                    position++;
                    break;
                default:
                    atom = c.ToString();
                    position++;
                    break;
            }

            var (min, max) = Quantifier(pattern, ref position);
            var count = min > 0 ? min : Math.Min(max, 1);
            for (var i = 0; i < count; i++)
            {
                builder.Append(atom);
            }
        }

        return builder.ToString();
    }

    private static (int Min, int Max) Quantifier(string pattern, ref int position)
    {
        if (position >= pattern.Length)
        {
            return (1, 1);
        }

        (int, int) result;
        switch (pattern[position])
        {
            case '*':
                position++;
                result = (0, int.MaxValue);
                break;
            case '+':
                position++;
                result = (1, int.MaxValue);
                break;
            case '?':
                position++;
                result = (0, 1);
                break;
            case '{':
                var end = pattern.IndexOf('}', position);
                var parts = pattern.Substring(position + 1, end - position - 1).Split(',');
                position = end + 1;
                var low = int.Parse(parts[0], CultureInfo.InvariantCulture);
                var high = parts.Length == 1 ? low : parts[1].Length == 0 ? int.MaxValue : int.Parse(parts[1], CultureInfo.InvariantCulture);
                result = (low, high);
                break;
            default:
                return (1, 1);
        }

        if (position < pattern.Length && pattern[position] is '?' or '+')
        {
            position++;
        }

        return result;
    }

    private static char Class(string pattern, ref int position, int variant)
    {
        position++; // '['
        var negated = pattern[position] == '^';
        if (negated)
        {
            position++;
        }

        var members = new List<char>();
        var first = true;
        while (position < pattern.Length && (pattern[position] != ']' || first))
        {
            first = false;
            var c = pattern[position];
            if (c == '\\')
            {
                c = Escape(pattern[position + 1], variant);
                position += 2;
            }
            else
            {
                position++;
            }

            if (position + 1 < pattern.Length && pattern[position] == '-' && pattern[position + 1] != ']')
            {
                var to = pattern[position + 1];
                position += 2;
                for (var x = c; x <= to && members.Count < 200; x++)
                {
                    members.Add(x);
                }
            }
            else
            {
                members.Add(c);
            }
        }

        position++; // ']'
        if (negated)
        {
            return "aZ0_-".First(candidate => !members.Contains(candidate));
        }

        return members[variant % members.Count];
    }

    private static char Escape(char c, int variant) => c switch
    {
        'd' => (char)('1' + variant % 9),
        'w' => (char)('a' + variant % 26),
        's' => ' ',
        'D' or 'W' or 'S' => '-',
        'n' => '\n',
        't' => '\t',
        _ => c,
    };
}
