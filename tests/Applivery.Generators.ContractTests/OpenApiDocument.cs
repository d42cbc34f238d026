using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Applivery.Generators.ContractTests;

/// <summary>One operation of the document, with its parameters merged from the path item and resolved.</summary>
internal sealed record OperationInfo(
    string Method,
    string Path,
    string? OperationId,
    JsonObject Node,
    IReadOnlyList<JsonObject> Parameters,
    int StartLine,
    int EndLine)
{
    /// <summary>The key the baseline records: the operationId, else <c>METHOD /path</c>.</summary>
    public string Key => OperationId ?? Method.ToUpperInvariant() + " " + Path;
}

/// <summary>
/// The test's own, independent reading of an OpenAPI document (YamlDotNet into <see cref="JsonNode"/>), used to derive
/// argument values and the expected wire form. It shares no code with the generator.
/// </summary>
internal sealed class OpenApiDocument
{
    private static readonly string[] Methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };
    private static readonly Regex Integer = new(@"^[-+]?[0-9]+$", RegexOptions.CultureInvariant);
    private static readonly Regex Float = new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);

    private OpenApiDocument(JsonObject root, IReadOnlyList<OperationInfo> operations)
    {
        Root = root;
        Operations = operations;
    }

    public JsonObject Root { get; }

    public IReadOnlyList<OperationInfo> Operations { get; }

    public bool IsOpenApi31 => Root["openapi"]?.GetValue<string>().StartsWith("3.1", StringComparison.Ordinal) == true;

    public static OpenApiDocument Load(string text)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        var rootNode = (YamlMappingNode)yaml.Documents[0].RootNode;
        var root = (JsonObject)Convert(rootNode)!;
        var document = new OpenApiDocument(root, Array.Empty<OperationInfo>());
        var operations = new List<OperationInfo>();
        if (rootNode.Children.TryGetValue(new YamlScalarNode("paths"), out var pathsNode) && pathsNode is YamlMappingNode paths)
        {
            foreach (var pathEntry in paths.Children)
            {
                var path = ((YamlScalarNode)pathEntry.Key).Value!;
                if (pathEntry.Value is not YamlMappingNode pathItemNode)
                {
                    continue;
                }

                var pathItem = (JsonObject)document.Resolve(root["paths"]![path])!;
                if (path.StartsWith("x-", StringComparison.Ordinal))
                {
                    continue;
                }

                // The generator's order (paths in document order, methods in this fixed order) decides name suffixes.
                foreach (var method in Methods)
                {
                    var methodEntry = pathItemNode.Children.FirstOrDefault(pair => pair.Key is YamlScalarNode { Value: var key } && key == method);
                    if (methodEntry.Key is null || pathItem[method] is not JsonObject operation)
                    {
                        continue;
                    }

                    operations.Add(new OperationInfo(
                        method,
                        path,
                        operation["operationId"]?.GetValue<string>(),
                        operation,
                        document.MergeParameters(pathItem, operation),
                        (int)methodEntry.Key.Start.Line,
                        (int)methodEntry.Value.End.Line));
                }
            }
        }

        return new OpenApiDocument(root, operations);
    }

    /// <summary>Follows local <c>$ref</c>s (<c>#/...</c>) until a node without one.</summary>
    public JsonNode? Resolve(JsonNode? node)
    {
        for (var hops = 0; hops < 32 && node is JsonObject map && map["$ref"] is JsonValue reference; hops++)
        {
            var text = reference.GetValue<string>();
            if (!text.StartsWith("#", StringComparison.Ordinal))
            {
                return null;
            }

            JsonNode? current = Root;
            foreach (var raw in text.Substring(1).Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                var segment = Uri.UnescapeDataString(raw).Replace("~1", "/").Replace("~0", "~");
                current = current switch
                {
                    JsonObject obj => obj[segment],
                    JsonArray array when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count => array[index],
                    _ => null,
                };
            }

            node = current;
        }

        return node;
    }

    private IReadOnlyList<JsonObject> MergeParameters(JsonObject pathItem, JsonObject operation)
    {
        var merged = new List<JsonObject>();
        foreach (var source in new[] { pathItem["parameters"], operation["parameters"] })
        {
            if (source is not JsonArray list)
            {
                continue;
            }

            foreach (var item in list)
            {
                if (Resolve(item) is not JsonObject parameter || parameter["name"] is null || parameter["in"] is null)
                {
                    continue;
                }

                var name = parameter["name"]!.GetValue<string>();
                var location = parameter["in"]!.GetValue<string>();
                merged.RemoveAll(existing => existing["name"]!.GetValue<string>() == name && existing["in"]!.GetValue<string>() == location);
                merged.Add(parameter);
            }
        }

        return merged;
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children
            .GroupBy(pair => ((YamlScalarNode)pair.Key).Value ?? "")
            .Select(group => KeyValuePair.Create(group.Key, Convert(group.Last().Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }

        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (Integer.IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonNode.Parse(integer.ToString(CultureInfo.InvariantCulture));
        }

        if (Float.IsMatch(value) && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return JsonNode.Parse(number.ToString(CultureInfo.InvariantCulture));
        }

        return JsonValue.Create(value);
    }
}
