using System.Collections.Generic;
using System.Linq;
using Applivery.Generators.Model;

namespace Applivery.Generators.Emit;

/// <summary>
/// The generated client's parameter serialization: OpenAPI's styles as RFC 6570 defines them, <c>allowReserved</c>,
/// JSON <c>content</c> parameters, the <c>Cookie</c> header, and the addresses of operations with their own
/// <c>servers</c>. Emitted only into clients that need it, so a client of plain parameters stays as it was.
/// </summary>
internal static class ParameterRuntimeSource
{
    /// <summary>Writes the helpers the client's parameters and servers need, each block after a blank line; nothing when none is needed.</summary>
    public static void Emit(SourceWriter target, ClientSpec client)
    {
        if (Helpers(client) is { Length: > 0 } helpers)
        {
            target.Line();
            target.Lines(helpers);
            target.Line();
        }
    }

    private static string Helpers(ClientSpec client)
    {
        var parameters = client.Operations.SelectMany(operation => operation.Parameters).ToList();
        var writer = new SourceWriter();
        if (parameters.Any(NeedsStyles))
        {
            writer.Lines(StyleHelpers.Replace("JSONCLASS", $"global::{client.Namespace}.{JsonEmitter.ClassName(client)}"));
            foreach (var type in DistinctTypes(parameters.Where(parameter => parameter.ContentType is null && parameter.NotSentReason is null && parameter.Type.Kind == TypeKind.Object).Select(parameter => parameter.Type)))
            {
                writer.Line();
                EmitObjectProperties(writer, client, type);
            }

            foreach (var type in DistinctTypes(parameters.Where(parameter => parameter.IsJson && parameter.NotSentReason is null).Select(parameter => parameter.Type)))
            {
                writer.Line();
                EmitJsonWriter(writer, client, type);
            }
        }

        if (client.Operations.Any(operation => BaseAddressOf(client, operation) != "BaseAddress"))
        {
            if (writer.ToString().Length > 0)
            {
                writer.Line();
            }

            writer.Lines(ServerHelpers.TrimEnd('\n'));
        }

        return writer.ToString().TrimEnd('\n');
    }

    /// <summary>
    /// The expression of an operation's base address: its own server's, or the client's (also when its server is the
    /// document's first one, as real specs often repeat it, so that a BaseAddress set by the user still applies).
    /// </summary>
    public static string BaseAddressOf(ClientSpec client, OperationSpec operation)
    {
        if (operation.Server is not { } server || (client.ServerUrl is { } documentServer && WithDefaults(server).TrimEnd('/') == documentServer.TrimEnd('/')))
        {
            return "BaseAddress";
        }

        var variables = server.Variables.SelectMany(variable => new[] { CSharpTypes.Literal(variable.Name), variable.Default is null ? "null" : CSharpTypes.Literal(variable.Default) });
        return $"ServerAddress({string.Join(", ", new[] { CSharpTypes.Literal(server.Url) }.Concat(variables))})";
    }

    private static string WithDefaults(ServerSpec server) =>
        server.Variables.Aggregate(server.Url, (url, variable) => variable.Default is null ? url : url.Replace("{" + variable.Name + "}", variable.Default));

    /// <summary>Whether a parameter needs more than <c>FormatValue</c>, <c>AppendQuery</c> and <c>EscapeDataString</c>.</summary>
    private static bool NeedsStyles(ParameterSpec parameter) =>
        parameter.ContentType is not null || parameter.NotSentReason is not null || parameter.AllowReserved ||
        parameter.Location == ParameterLocation.Cookie || parameter.Type.Kind is TypeKind.Array or TypeKind.Object or TypeKind.Map ||
        (parameter.Location == ParameterLocation.Path && parameter.Style != ParameterStyle.Simple);

    private static IEnumerable<TypeRef> DistinctTypes(IEnumerable<TypeRef> types) =>
        types.GroupBy(type => CSharpTypes.Of(type, string.Empty), System.StringComparer.Ordinal)
            .OrderBy(group => group.Key, System.StringComparer.Ordinal)
            .Select(group => group.First());

    /// <summary>An object parameter's properties as name, value, name, value…, in spec order, nulls left out.</summary>
    private static void EmitObjectProperties(SourceWriter writer, ClientSpec client, TypeRef type)
    {
        var properties = client.Objects.FirstOrDefault(candidate => candidate.Name == type.Name)?.Properties ?? EquatableArray<PropertySpec>.Empty;
        writer.Line($"/// <summary>The properties of a {Documentation.Escape(type.Name!)} parameter as name, value, name, value…, in spec order; null ones are not sent.</summary>");
        writer.OpenBlock($"private static global::System.Collections.Generic.List<string> ParameterProperties({CSharpTypes.Of(type, client.Namespace)} value)");
        writer.Line("var properties = new global::System.Collections.Generic.List<string>();");
        var index = 0;
        foreach (var property in properties)
        {
            var wire = CSharpTypes.Literal(property.WireName);
            if (property.Type.IsValueType && !property.IsNullable)
            {
                writer.Line($"properties.Add({wire});");
                writer.Line($"properties.Add(FormatValue(value.{property.Name}));");
                continue;
            }

            var local = "property" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            index++;
            writer.OpenBlock($"if (value.{property.Name} is {{ }} {local})");
            writer.Line($"properties.Add({wire});");
            writer.Line($"properties.Add(FormatValue({local}));");
            writer.CloseBlock();
        }

        writer.Line("return properties;");
        writer.CloseBlock();
    }

    /// <summary>Writes a JSON <c>content</c> parameter's value: objects through the generated writer, the rest here.</summary>
    private static void EmitJsonWriter(SourceWriter writer, ClientSpec client, TypeRef type)
    {
        writer.Line($"/// <summary>Writes a {Documentation.Escape(CSharpTypes.Of(type, client.Namespace))} parameter as JSON.</summary>");
        writer.OpenBlock($"private static void WriteJsonParameter(global::System.Text.Json.Utf8JsonWriter writer, {CSharpTypes.Of(type, client.Namespace)} value)");
        foreach (var line in JsonWrite(client, type, "value", 0))
        {
            writer.Line(line);
        }

        writer.CloseBlock();
    }

    private static IEnumerable<string> JsonWrite(ClientSpec client, TypeRef type, string value, int depth)
    {
        var suffix = depth.ToString(System.Globalization.CultureInfo.InvariantCulture);
        switch (type.Kind)
        {
            case TypeKind.String:
            case TypeKind.Guid:
                yield return $"writer.WriteStringValue({value});";
                break;
            case TypeKind.Boolean:
                yield return $"writer.WriteBooleanValue({value});";
                break;
            case TypeKind.DateTimeOffset:
            case TypeKind.Enum:
                yield return $"writer.WriteStringValue(FormatValue({value}));";
                break;
            case TypeKind.JsonElement:
                yield return $"{value}.WriteTo(writer);";
                break;
            case TypeKind.Object:
                yield return $"global::{client.Namespace}.{JsonEmitter.ClassName(client)}.{JsonEmitter.RootWriter(client, type)}(writer, {value});";
                break;
            case TypeKind.Array:
                yield return "writer.WriteStartArray();";
                yield return $"foreach (var item{suffix} in {value})";
                yield return "{";
                foreach (var line in JsonWrite(client, type.Element!, "item" + suffix, depth + 1))
                {
                    yield return "    " + line;
                }

                yield return "}";
                yield return "writer.WriteEndArray();";
                break;
            case TypeKind.Map:
                yield return "writer.WriteStartObject();";
                yield return $"foreach (var entry{suffix} in {value})";
                yield return "{";
                yield return $"    writer.WritePropertyName(entry{suffix}.Key);";
                foreach (var line in JsonWrite(client, type.Element!, $"entry{suffix}.Value", depth + 1))
                {
                    yield return "    " + line;
                }

                yield return "}";
                yield return "writer.WriteEndObject();";
                break;
            default:
                yield return $"writer.WriteNumberValue({value});";
                break;
        }
    }

    private const string StyleHelpers = """
        /// <summary>
        /// Lays out one parameter as RFC 6570 expands a variable, which is how OpenAPI defines its styles: <paramref name="first"/>
        /// before it, <paramref name="separator"/> between exploded members, <c>name=</c> when <paramref name="named"/>
        /// (<paramref name="ifEmpty"/> instead of <c>=</c> for an empty value), <paramref name="delimiter"/> between the members of
        /// an unexploded value. <paramref name="members"/> are a value's items, or an object's names and values in turn.
        /// An empty array or object is not sent (RFC 6570: undefined).
        /// </summary>
        private static string Expand(string first, string separator, bool named, string ifEmpty, string delimiter, bool escape, bool allowReserved, string name, global::System.Collections.Generic.IReadOnlyList<string> members, bool properties, bool explode)
        {
            if (members.Count == 0)
            {
                return string.Empty;
            }

            var text = new global::System.Text.StringBuilder(first);
            if (!explode)
            {
                if (named)
                {
                    text.Append(Escape(name, escape, false)).Append('=');
                }

                for (var i = 0; i < members.Count; i++)
                {
                    text.Append(i == 0 ? string.Empty : delimiter).Append(Escape(members[i], escape, allowReserved));
                }
            }
            else if (!properties)
            {
                for (var i = 0; i < members.Count; i++)
                {
                    text.Append(i == 0 ? string.Empty : separator);
                    if (named)
                    {
                        text.Append(Escape(name, escape, false)).Append(members[i].Length == 0 ? ifEmpty : "=");
                    }

                    text.Append(Escape(members[i], escape, allowReserved));
                }
            }
            else
            {
                for (var i = 0; i + 1 < members.Count; i += 2)
                {
                    text.Append(i == 0 ? string.Empty : separator).Append(Escape(members[i], escape, false));
                    text.Append(named && members[i + 1].Length == 0 ? ifEmpty : "=").Append(Escape(members[i + 1], escape, allowReserved));
                }
            }

            return text.ToString();
        }

        /// <summary>
        /// Percent-encodes UTF-8 except RFC 3986's unreserved characters; with <paramref name="allowReserved"/> its reserved
        /// characters and existing <c>%XX</c> escapes also stay, except <c>#</c>, which would end the URI.
        /// </summary>
        private static string Escape(string value, bool escape, bool allowReserved)
        {
            if (!escape)
            {
                return value;
            }

            if (!allowReserved)
            {
                return global::System.Uri.EscapeDataString(value);
            }

            var bytes = global::System.Text.Encoding.UTF8.GetBytes(value);
            var text = new global::System.Text.StringBuilder(bytes.Length);
            for (var i = 0; i < bytes.Length; i++)
            {
                var c = (char)bytes[i];
                var isEscape = c == '%' && i + 2 < bytes.Length && global::System.Uri.IsHexDigit((char)bytes[i + 1]) && global::System.Uri.IsHexDigit((char)bytes[i + 2]);
                if (bytes[i] < 0x80 && (char.IsLetterOrDigit(c) || "-._~:/?[]@!$&'()*+,;=".IndexOf(c) >= 0 || isEscape))
                {
                    text.Append(c);
                }
                else
                {
                    text.Append('%').Append(bytes[i].ToString("X2", global::System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            return text.ToString();
        }

        /// <summary>A path parameter in the <c>simple</c> style: <c>blue</c>, <c>blue,black,brown</c>, <c>R,100,G,200</c> or, exploded, <c>R=100,G=200</c>.</summary>
        private static string SimpleStyle(string name, global::System.Collections.Generic.IReadOnlyList<string> members, bool properties, bool explode) =>
            Expand(string.Empty, ",", false, string.Empty, ",", true, false, name, members, properties, explode);

        /// <summary>A path parameter in the <c>label</c> style: <c>.blue</c>, <c>.blue,black,brown</c> or, exploded, <c>.blue.black.brown</c>.</summary>
        private static string LabelStyle(string name, global::System.Collections.Generic.IReadOnlyList<string> members, bool properties, bool explode) =>
            Expand(".", ".", false, string.Empty, ",", true, false, name, members, properties, explode);

        /// <summary>A path parameter in the <c>matrix</c> style: <c>;color=blue</c>, <c>;color=blue,black,brown</c> or, exploded, <c>;color=blue;color=black</c>.</summary>
        private static string MatrixStyle(string name, global::System.Collections.Generic.IReadOnlyList<string> members, bool properties, bool explode) =>
            Expand(";", ";", true, string.Empty, ",", true, false, name, members, properties, explode);

        /// <summary>A header in the <c>simple</c> style, not percent-encoded (a header is not a URI).</summary>
        private static string HeaderStyle(global::System.Collections.Generic.IReadOnlyList<string> members, bool properties, bool explode) =>
            Expand(string.Empty, ",", false, string.Empty, ",", false, false, string.Empty, members, properties, explode);

        /// <summary>
        /// A query parameter in the <c>form</c> style (<paramref name="delimiter"/> <c>,</c>), <c>spaceDelimited</c> (<c>%20</c>)
        /// or <c>pipeDelimited</c> (<c>|</c>, which the URI sends as <c>%7C</c>); exploded, every style repeats <c>name=value</c>.
        /// </summary>
        private static void AppendQuery(global::System.Text.StringBuilder uri, ref char separator, string name, global::System.Collections.Generic.IReadOnlyList<string> members, bool properties, bool explode, string delimiter, bool allowReserved)
        {
            var text = Expand(separator.ToString(), "&", true, "=", delimiter, true, allowReserved, name, members, properties, explode);
            if (text.Length > 0)
            {
                uri.Append(text);
                separator = '&';
            }
        }

        /// <summary>A query parameter in the <c>deepObject</c> style: <c>name[R]=100&amp;name[G]=200</c>.</summary>
        private static void AppendDeepObject(global::System.Text.StringBuilder uri, ref char separator, string name, global::System.Collections.Generic.IReadOnlyList<string> properties, bool allowReserved)
        {
            for (var i = 0; i + 1 < properties.Count; i += 2)
            {
                uri.Append(separator).Append(Escape(name, true, false)).Append('[').Append(Escape(properties[i], true, false)).Append("]=").Append(Escape(properties[i + 1], true, allowReserved));
                separator = '&';
            }
        }

        /// <summary>A cookie in the <c>form</c> style, percent-encoded; exploded members and other cookies are separated by <c>; </c> (RFC 6265).</summary>
        private static void AppendCookie(global::System.Text.StringBuilder cookie, string name, global::System.Collections.Generic.IReadOnlyList<string> members, bool properties, bool explode)
        {
            var text = Expand(cookie.Length == 0 ? string.Empty : "; ", "; ", true, "=", ",", true, false, name, members, properties, explode);
            cookie.Append(text);
        }

        /// <summary>An array parameter's items, each formatted as a single value would be.</summary>
        private static string[] FormatItems<T>(global::System.Collections.Generic.IReadOnlyList<T> values, global::System.Func<T, string> format)
        {
            var items = new string[values.Count];
            for (var i = 0; i < items.Length; i++)
            {
                items[i] = format(values[i]);
            }

            return items;
        }

        /// <summary>A map parameter's entries as name, value, name, value…, in the dictionary's order.</summary>
        private static global::System.Collections.Generic.List<string> FormatProperties<T>(global::System.Collections.Generic.IReadOnlyDictionary<string, T> values, global::System.Func<T, string> format)
        {
            var properties = new global::System.Collections.Generic.List<string>(values.Count * 2);
            foreach (var entry in values)
            {
                properties.Add(entry.Key);
                properties.Add(format(entry.Value));
            }

            return properties;
        }

        /// <summary>A <c>content: application/json</c> parameter's JSON text (escaped afterwards for where it goes).</summary>
        private static string JsonParameter<T>(T value, global::System.Action<global::System.Text.Json.Utf8JsonWriter, T> write) =>
            global::System.Text.Encoding.UTF8.GetString(JSONCLASS.Serialize(value, write, encoder: global::System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping));

        /// <summary>A parameter whose value OpenAPI's styles cannot lay out (APG005 at generation) is refused, never dropped.</summary>
        private static void ThrowNotSent(string message) => throw new global::System.NotSupportedException(message);
        """;

    private const string ServerHelpers = """
        /// <summary>
        /// Values of the variables of the servers that operations declare themselves (path-level and operation-level
        /// <c>servers</c>), by variable name; a variable not set here takes the spec's default.
        /// </summary>
        public global::System.Collections.Generic.IReadOnlyDictionary<string, string>? ServerVariables { get; init; }

        /// <summary>
        /// Sends every operation to <see cref="BaseAddress"/>, also those whose spec names their own server (for a proxy, a
        /// mock or a test server). Off by default.
        /// </summary>
        public bool UseBaseAddressForEveryOperation { get; init; }

        /// <summary>
        /// The address of an operation with its own server: the URL with its variables set (<see cref="ServerVariables"/>, else
        /// the spec's defaults); a relative URL resolves against <see cref="BaseAddress"/>.
        /// </summary>
        private global::System.Uri ServerAddress(string template, params string?[] variables)
        {
            if (UseBaseAddressForEveryOperation)
            {
                return BaseAddress;
            }

            var url = template;
            for (var i = 0; i + 1 < variables.Length; i += 2)
            {
                var name = variables[i]!;
                var value = ServerVariables is { } values && values.TryGetValue(name, out var set) ? set : variables[i + 1];
                if (value is null)
                {
                    throw new global::System.InvalidOperationException("Set ServerVariables[\"" + name + "\"]: the server '" + template + "' gives no default for it.");
                }

                url = url.Replace("{" + name + "}", value);
            }

            // On Unix "/files" parses as an absolute file: URI; only http and https are servers.
            return global::System.Uri.TryCreate(url, global::System.UriKind.Absolute, out var absolute) && (absolute.Scheme == global::System.Uri.UriSchemeHttp || absolute.Scheme == global::System.Uri.UriSchemeHttps)
                ? WithTrailingSlash(absolute)
                : WithTrailingSlash(new global::System.Uri(BaseAddress, url));
        }
        """;
}
