using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Applivery.Generators.ContractTests;

/// <summary>
/// The test oracle: the OpenAPI serialization of argument values (the spec's "Style Examples" table), computed here
/// from each parameter's <c>style</c>/<c>explode</c> independently of the generator, to compare with the request the
/// generated client actually sent. Values are compared decoded, so percent-encoding choices do not matter.
/// </summary>
internal static class WireOracle
{
    public static string DefaultStyle(string location) => location switch
    {
        "query" or "cookie" => "form",
        _ => "simple",
    };

    public static (string Style, bool Explode) StyleOf(JsonObject parameter)
    {
        var location = parameter["in"]!.GetValue<string>();
        var style = parameter["style"]?.GetValue<string>() ?? DefaultStyle(location);
        var explode = parameter["explode"] is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : style == "form";
        return (style, explode);
    }

    /// <summary>The query pairs one parameter contributes (names and values decoded).</summary>
    public static IEnumerable<(string Name, string Value)> Query(string name, string style, bool explode, JsonNode? value)
    {
        switch (value)
        {
            case null:
                yield break;
            case JsonArray array:
                var items = array.Select(Scalar).ToList();
                if (explode && style is "form" or "spaceDelimited" or "pipeDelimited")
                {
                    foreach (var item in items)
                    {
                        yield return (name, item);
                    }
                }
                else
                {
                    yield return (name, string.Join(style switch { "spaceDelimited" => " ", "pipeDelimited" => "|", _ => "," }, items));
                }

                break;
            case JsonObject obj:
                if (style == "deepObject")
                {
                    foreach (var pair in obj)
                    {
                        yield return ($"{name}[{pair.Key}]", Scalar(pair.Value));
                    }
                }
                else if (explode)
                {
                    foreach (var pair in obj)
                    {
                        yield return (pair.Key, Scalar(pair.Value));
                    }
                }
                else
                {
                    var separator = style switch { "spaceDelimited" => " ", "pipeDelimited" => "|", _ => "," };
                    yield return (name, string.Join(separator, obj.SelectMany(pair => new[] { pair.Key, Scalar(pair.Value) })));
                }

                break;
            default:
                yield return (name, Scalar(value));
                break;
        }
    }

    /// <summary>A path segment (simple, label or matrix) or a header value (simple), decoded.</summary>
    public static string Expand(string name, string style, bool explode, JsonNode? value)
    {
        string Join(string separator, IEnumerable<string> parts) => string.Join(separator, parts);
        IEnumerable<string> Pairs(JsonObject obj, string keyValue) => obj.Select(pair => pair.Key + keyValue + Scalar(pair.Value));
        IEnumerable<string> Flat(JsonObject obj) => obj.SelectMany(pair => new[] { pair.Key, Scalar(pair.Value) });
        switch (style)
        {
            case "label":
                return value switch
                {
                    JsonArray array => "." + Join(explode ? "." : ",", array.Select(Scalar)),
                    JsonObject obj => "." + (explode ? Join(".", Pairs(obj, "=")) : Join(",", Flat(obj))),
                    _ => "." + Scalar(value),
                };
            case "matrix":
                return value switch
                {
                    JsonArray array => explode ? Join("", array.Select(item => ";" + name + "=" + Scalar(item))) : ";" + name + "=" + Join(",", array.Select(Scalar)),
                    JsonObject obj => explode ? Join("", Pairs(obj, "=").Select(pair => ";" + pair)) : ";" + name + "=" + Join(",", Flat(obj)),
                    _ => ";" + name + "=" + Scalar(value),
                };
            default:
                return value switch
                {
                    JsonArray array => Join(",", array.Select(Scalar)),
                    JsonObject obj => explode ? Join(",", Pairs(obj, "=")) : Join(",", Flat(obj)),
                    _ => Scalar(value),
                };
        }
    }

    /// <summary>A primitive as the wire writes it: strings unquoted, numbers and booleans as JSON does.</summary>
    public static string Scalar(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(),
    };

    /// <summary>
    /// Two decoded wire values are the same when equal, or when both are the same instant (a date-time the client wrote
    /// in another RFC 3339 spelling) or the same number.
    /// </summary>
    public static bool SameValue(string expected, string actual, string? format = null)
    {
        if (format == "float" && float.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var single)
            && float.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var actualSingle))
        {
            // A 'float' is a C# float: what Prism wrote with double precision comes back rounded to single precision.
            return single == actualSingle;
        }

        if (expected == actual)
        {
            return true;
        }

        if (expected.Contains('T') && DateTimeOffset.TryParse(expected, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var a)
            && DateTimeOffset.TryParse(actual, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var b))
        {
            return a == b;
        }

        if (decimal.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            && decimal.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
            && x == y)
        {
            return true;
        }

        return double.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var d1)
            && double.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var d2)
            && d1 == d2 && !double.IsInfinity(d1);
    }

    /// <summary>Query string pairs, decoded (a <c>+</c> is kept: RFC 3986 gives it no meaning in a query).</summary>
    public static List<(string Name, string Value)> ParseQuery(string query)
    {
        var result = new List<(string, string)>();
        foreach (var part in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=');
            var name = equals < 0 ? part : part.Substring(0, equals);
            var value = equals < 0 ? "" : part.Substring(equals + 1);
            result.Add((Uri.UnescapeDataString(name), Uri.UnescapeDataString(value)));
        }

        return result;
    }

    /// <summary>
    /// Compares pairs per name, in order within a name (the order of exploded items matters, the order of parameters
    /// does not); returns what differs, or null.
    /// </summary>
    public static string? ComparePairs(string what, IReadOnlyList<(string Name, string Value)> expected, IReadOnlyList<(string Name, string Value)> actual)
    {
        var problems = new List<string>();
        foreach (var name in expected.Select(pair => pair.Name).Concat(actual.Select(pair => pair.Name)).Distinct())
        {
            var want = expected.Where(pair => pair.Name == name).Select(pair => pair.Value).ToList();
            var got = actual.Where(pair => pair.Name == name).Select(pair => pair.Value).ToList();
            if (want.Count != got.Count || want.Zip(got).Any(pair => !SameValue(pair.First, pair.Second)))
            {
                problems.Add($"{what} '{name}': the spec's serialization is {Show(name, want)}, the client sent {Show(name, got)}");
            }
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    private static string Show(string name, IReadOnlyList<string> values) =>
        values.Count == 0 ? "nothing" : string.Join("&", values.Select(value => name + "=" + value));
}
