using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Applivery.Generators.ContractTests;

/// <summary>
/// Builds the generated client's argument values by reflection from the JSON values <see cref="SampleValues"/> derived
/// from the spec: scalars, enums (through the generated <c>{Enum}Extensions.TryParseWireValue</c>), collections, and
/// generated model classes whose init properties are set one by one from the JSON's properties (wire name →
/// <c>PascalCase</c>, the README's naming rule). What could not be set is reported, never silently dropped.
/// </summary>
internal sealed class ClrValues
{
    private readonly Assembly _generated;

    public ClrValues(Assembly generated) => _generated = generated;

    /// <summary>Problems met while building (a JSON property no generated member takes, for instance).</summary>
    public List<string> Notes { get; } = new();

    public object? Build(JsonNode? node, Type type, string path)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            return node is null ? null : Build(node, underlying, path);
        }

        if (node is null)
        {
            return type.IsValueType ? Activator.CreateInstance(type) : null;
        }

        if (type == typeof(string))
        {
            return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node.ToJsonString();
        }

        if (type == typeof(JsonElement))
        {
            using var document = JsonDocument.Parse(node.ToJsonString());
            return document.RootElement.Clone();
        }

        if (type == typeof(object))
        {
            using var document = JsonDocument.Parse(node.ToJsonString());
            return document.RootElement.Clone();
        }

        if (typeof(JsonNode).IsAssignableFrom(type))
        {
            return node.DeepClone();
        }

        if (IsUnion(type))
        {
            // A union without a discriminator: which case the JSON is, is the generated reader's decision.
            return ThroughTheResolver(node, type);
        }

        if (type == typeof(bool))
        {
            return node.GetValueKind() == JsonValueKind.True || (node.GetValueKind() == JsonValueKind.String && node.GetValue<string>() == "true");
        }

        if (IsNumber(type))
        {
            var text = node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
            var number = decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            return type == typeof(double) ? (double)number : type == typeof(float) ? (float)number : System.Convert.ChangeType(number, type, CultureInfo.InvariantCulture);
        }

        var scalar = node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
        if (type == typeof(DateTimeOffset))
        {
            return DateTimeOffset.Parse(scalar, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        }

        if (type == typeof(DateTime))
        {
            return DateTime.Parse(scalar, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        }

        if (type == typeof(DateOnly))
        {
            return DateOnly.Parse(scalar.Length >= 10 ? scalar.Substring(0, 10) : scalar, CultureInfo.InvariantCulture);
        }

        if (type == typeof(TimeOnly))
        {
            return TimeOnly.Parse(scalar.TrimEnd('Z'), CultureInfo.InvariantCulture);
        }

        if (type == typeof(TimeSpan))
        {
            return System.Xml.XmlConvert.ToTimeSpan(scalar);
        }

        if (type == typeof(Guid))
        {
            return Guid.Parse(scalar);
        }

        if (type == typeof(Uri))
        {
            return new Uri(scalar, UriKind.RelativeOrAbsolute);
        }

        if (type == typeof(byte[]))
        {
            return Bytes(scalar);
        }

        if (type == typeof(ReadOnlyMemory<byte>))
        {
            return new ReadOnlyMemory<byte>(Bytes(scalar));
        }

        if (typeof(Stream).IsAssignableFrom(type))
        {
            return new MemoryStream(Bytes(scalar));
        }

        if (type.IsEnum)
        {
            return Enum(scalar, type, path);
        }

        if (type.IsArray)
        {
            var element = type.GetElementType()!;
            var items = Items(node, element, path);
            var array = Array.CreateInstance(element, items.Count);
            for (var i = 0; i < items.Count; i++)
            {
                array.SetValue(items[i], i);
            }

            return array;
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            var arguments = type.GetGenericArguments();
            if (arguments.Length == 2 && node is JsonObject map && typeof(IEnumerable).IsAssignableFrom(type))
            {
                var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(arguments))!;
                foreach (var pair in map)
                {
                    dictionary[pair.Key] = Build(pair.Value, arguments[1], path + "." + pair.Key);
                }

                return dictionary;
            }

            if (arguments.Length == 1 && typeof(IEnumerable).IsAssignableFrom(type))
            {
                var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(arguments))!;
                foreach (var item in Items(node, arguments[0], path))
                {
                    list.Add(item);
                }

                if (type.IsAssignableFrom(list.GetType()))
                {
                    return list;
                }

                var array = Array.CreateInstance(arguments[0], list.Count);
                list.CopyTo(array, 0);
                return array;
            }
        }

        if (type.IsClass || (type.IsValueType && !type.IsPrimitive))
        {
            return Object(node, type, path);
        }

        throw new NotSupportedException($"{path}: the test cannot build a {type} from {node.ToJsonString()}");
    }

    /// <summary>The C# property a wire name maps to (README naming rules: PascalCase, a <c>Value</c> suffix on collisions).</summary>
    public static PropertyInfo? PropertyFor(Type type, string wireName)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var pascal = PascalCase(wireName);
        return properties.FirstOrDefault(property => property.Name == pascal)
            ?? properties.FirstOrDefault(property => property.Name == pascal + "Value")
            ?? properties.FirstOrDefault(property => string.Equals(Normalize(property.Name), Normalize(wireName), StringComparison.Ordinal));
    }

    public static string PascalCase(string text)
    {
        var builder = new StringBuilder();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isPart = i < text.Length && (char.IsLetterOrDigit(text[i])) && text[i] != '_';
            if (isPart && start < 0)
            {
                start = i;
            }
            else if (!isPart && start >= 0)
            {
                builder.Append(char.ToUpperInvariant(text[start])).Append(text, start + 1, i - start - 1);
                start = -1;
            }
        }

        var name = builder.Length == 0 ? "Value" : builder.ToString();
        return char.IsDigit(name[0]) ? "_" + name : name;
    }

    public static string Normalize(string name) => new string(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private static bool IsNumber(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) || type == typeof(sbyte)
        || type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) || type == typeof(double) || type == typeof(float) || type == typeof(decimal);

    private static byte[] Bytes(string text)
    {
        return Encoding.UTF8.GetBytes(text);
    }

    private List<object?> Items(JsonNode node, Type element, string path)
    {
        var source = node as JsonArray ?? new JsonArray(node.DeepClone());
        return source.Select((item, index) => Build(item, element, $"{path}[{index}]")).ToList();
    }

    private object Enum(string wire, Type type, string path)
    {
        var extensions = _generated.GetType(type.FullName + "Extensions");
        var parse = extensions?.GetMethod("TryParseWireValue", BindingFlags.Public | BindingFlags.Static);
        if (parse is not null)
        {
            var arguments = new object?[] { wire, null };
            if ((bool)parse.Invoke(null, arguments)!)
            {
                return arguments[1]!;
            }
        }

        var member = System.Enum.GetNames(type).FirstOrDefault(name => Normalize(name) == Normalize(wire));
        if (member is null)
        {
            throw new NotSupportedException($"{path}: the enum {type.Name} has no member for the spec value '{wire}'");
        }

        return System.Enum.Parse(type, member);
    }

    /// <summary>A generated union type: the one with a static <c>Unmatched(JsonElement)</c>.</summary>
    private static bool IsUnion(Type type) =>
        type.GetMethod("Unmatched", BindingFlags.Public | BindingFlags.Static, new[] { typeof(JsonElement) }) is not null;

    /// <summary>Reads the JSON as <paramref name="type"/> with the generated <c>{Client}JsonTypeInfoResolver</c>.</summary>
    private object ThroughTheResolver(JsonNode node, Type type)
    {
        var resolver = _generated.GetTypes().First(candidate => candidate.Name.EndsWith("JsonTypeInfoResolver", StringComparison.Ordinal) && candidate.Namespace == type.Namespace);
        var options = (JsonSerializerOptions)resolver.GetProperty("Options", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        return JsonSerializer.Deserialize(node.ToJsonString(), type, options)!;
    }

    private object Object(JsonNode node, Type type, string path)
    {
        if (type.IsAbstract)
        {
            // A discriminated union's base: the generated reader picks the case the sample's discriminator names
            // (or the unknown case, which sends the sample as it is).
            return ThroughTheResolver(node, type);
        }

        if (node is not JsonObject map)
        {
            return FileLike(node, type, path);
        }

        var constructor = type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .OrderBy(candidate => candidate.GetParameters().Length)
            .First();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var arguments = constructor.GetParameters().Select(parameter =>
        {
            var wire = map.Select(pair => pair.Key).FirstOrDefault(key => Normalize(key) == Normalize(parameter.Name!));
            if (wire is null)
            {
                return parameter.ParameterType.IsValueType ? Activator.CreateInstance(parameter.ParameterType) : null;
            }

            used.Add(wire);
            return Build(map[wire], parameter.ParameterType, path + "." + wire);
        }).ToArray();
        var instance = constructor.Invoke(arguments);
        foreach (var pair in map)
        {
            if (used.Contains(pair.Key))
            {
                continue;
            }

            var property = PropertyFor(type, pair.Key);
            if (property?.SetMethod is null)
            {
                Notes.Add($"{path}.{pair.Key}: {type.Name} has no settable property for it");
                continue;
            }

            property.SetValue(instance, Build(pair.Value, property.PropertyType, path + "." + pair.Key));
        }

        return instance;
    }

    /// <summary>A file part type (whatever the generator names it): a stream or bytes, a file name, a content type.</summary>
    private object FileLike(JsonNode node, Type type, string path)
    {
        var content = node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
        object? ValueFor(Type memberType, string name)
        {
            if (memberType == typeof(string))
            {
                // No content type of our own: the client then sends the one the spec names for the body or part.
                return name.Contains("type", StringComparison.OrdinalIgnoreCase) ? null : name.Contains("name", StringComparison.OrdinalIgnoreCase) ? "contract.txt" : content;
            }

            return memberType == typeof(Stream) || memberType == typeof(byte[]) || memberType == typeof(ReadOnlyMemory<byte>)
                ? Build(JsonValue.Create(content), memberType, path)
                : memberType.IsValueType ? Activator.CreateInstance(memberType) : null;
        }

        var constructor = type.GetConstructors().OrderByDescending(candidate => candidate.GetParameters().Length).FirstOrDefault()
            ?? throw new NotSupportedException($"{path}: {type.Name} has no public constructor for the value {content}");
        var instance = constructor.Invoke(constructor.GetParameters().Select(parameter => ValueFor(parameter.ParameterType, parameter.Name!)).ToArray());
        foreach (var property in type.GetProperties().Where(property => property.SetMethod is not null && property.GetValue(instance) is null))
        {
            property.SetValue(instance, ValueFor(property.PropertyType, property.Name));
        }

        return instance;
    }
}
