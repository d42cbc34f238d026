using System.Collections.Generic;
using System.Linq;
using Applivery.Generators.Model;

namespace Applivery.Generators.Emit;

/// <summary>
/// The client's own parameter helpers: the members of object parameters, the writers of JSON <c>content</c>
/// parameters, and the addresses of operations with their own <c>servers</c>. The styles themselves (RFC 6570) are
/// <c>Runtime/ParameterStyles.cs</c>, once per compilation. Emitted only into clients that need it.
/// </summary>
internal static class ParameterRuntimeSource
{
    /// <summary>The helpers the client's parameters and servers need; empty when none is needed.</summary>
    public static string Helpers(ClientSpec client)
    {
        var parameters = client.Operations.SelectMany(operation => operation.Parameters).ToList();
        var writer = new SourceWriter();
        if (parameters.Any(parameter => NeedsStyles(client, parameter)))
        {
            foreach (var type in DistinctTypes(parameters.Where(parameter => parameter.ContentType is null && parameter.NotSentReason is null && parameter.Type.Kind == TypeKind.Object).Select(parameter => parameter.Type)))
            {
                if (!writer.IsEmpty)
                {
                    writer.Line();
                }

                EmitObjectProperties(writer, client, type);
            }

            foreach (var type in DistinctTypes(parameters.Where(parameter => parameter.ContentType is null && parameter.NotSentReason is null && ClientRuntimeSource.IsItemUnion(client, parameter.Type)).Select(parameter => parameter.Type)))
            {
                if (!writer.IsEmpty)
                {
                    writer.Line();
                }

                EmitUnionItems(writer, client, type);
            }

            foreach (var type in DistinctTypes(parameters.Where(parameter => parameter.IsJson && parameter.NotSentReason is null).Select(parameter => parameter.Type)))
            {
                if (!writer.IsEmpty)
                {
                    writer.Line();
                }

                EmitJsonWriter(writer, client, type);
            }
        }

        if (client.Operations.Any(operation => BaseAddressOf(client, operation) != "BaseAddress"))
        {
            if (!writer.IsEmpty)
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
    public static bool NeedsStyles(ClientSpec client, ParameterSpec parameter) =>
        parameter.ContentType is not null || parameter.NotSentReason is not null || parameter.AllowReserved ||
        parameter.Location == ParameterLocation.Cookie || parameter.Type.Kind is TypeKind.Array or TypeKind.Object or TypeKind.Map ||
        ClientRuntimeSource.IsItemUnion(client, parameter.Type) ||
        (parameter.Location == ParameterLocation.Path && parameter.Style != ParameterStyle.Simple);

    private static IEnumerable<TypeRef> DistinctTypes(IEnumerable<TypeRef> types) =>
        types.GroupBy(type => CSharpTypes.QualifiedOf(type, string.Empty), System.StringComparer.Ordinal)
            .OrderBy(group => group.Key, System.StringComparer.Ordinal)
            .Select(group => group.First());

    /// <summary>An object parameter's properties as name, value, name, value…, in spec order, nulls left out.</summary>
    private static void EmitObjectProperties(SourceWriter writer, ClientSpec client, TypeRef type)
    {
        var properties = client.Objects.FirstOrDefault(candidate => candidate.Name == type.Name)?.Properties ?? EquatableArray<PropertySpec>.Empty;
        writer.Line($"/// <summary>The properties of a {Documentation.Escape(type.Name!)} parameter as name, value, name, value…, in spec order; null ones are not sent.</summary>");
        writer.OpenBlock($"private static Generic_.List<string> ParameterProperties({CSharpTypes.Of(type, client.Namespace)} value)");
        writer.Line("var properties = new Generic_.List<string>();");
        var index = 0;
        foreach (var property in properties)
        {
            var wire = CSharpTypes.Literal(property.WireName);
            if (property.Type.IsValueType && !property.IsNullable)
            {
                writer.Line($"properties.Add({wire});");
                writer.Line($"properties.Add({ClientRuntimeSource.FormatterOf(property.Type)}(value.{property.Name}));");
                continue;
            }

            var local = "property" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            index++;
            writer.OpenBlock($"if (value.{property.Name} is {{ }} {local})");
            writer.Line($"properties.Add({wire});");
            writer.Line($"properties.Add({ClientRuntimeSource.FormatterOf(property.Type)}({local}));");
            writer.CloseBlock();
        }

        writer.Line("return properties;");
        writer.CloseBlock();
    }

    /// <summary>A union parameter's items: those of the array case it holds, or its single value as one item.</summary>
    private static void EmitUnionItems(SourceWriter writer, ClientSpec client, TypeRef type)
    {
        var union = client.Unions.First(candidate => candidate.Name == type.Name);
        writer.Line($"/// <summary>The items of a {Documentation.Escape(type.Name!)} parameter: those of the array it holds, or its one value.</summary>");
        writer.Line($"private static Generic_.IReadOnlyList<string> ParameterItems({CSharpTypes.Of(type, client.Namespace)} value) => value.Case switch");
        writer.Line("{");
        var index = 0;
        foreach (var @case in union.Cases)
        {
            index++;
            var caseType = CSharpTypes.Of(@case.Type, client.Namespace);
            writer.Line(@case.Type.Kind == TypeKind.Array
                ? $"    {index} => {CSharpTypes.ParameterStyles}.FormatItems(({caseType})value.Value, {ClientRuntimeSource.FormatterOf(@case.Type.Element!)}),"
                : $"    {index} => new[] {{ {ClientRuntimeSource.FormatterOf(@case.Type)}(({caseType})value.Value) }},");
        }

        writer.Line("    _ => new[] { FormatValue((Json_.JsonElement)value.Value) },");
        writer.Line("};");
    }

    /// <summary>Writes a JSON <c>content</c> parameter's value: objects through the generated writer, the rest here.</summary>
    private static void EmitJsonWriter(SourceWriter writer, ClientSpec client, TypeRef type)
    {
        writer.Line($"/// <summary>Writes a {Documentation.Escape(CSharpTypes.Of(type, client.Namespace))} parameter as JSON.</summary>");
        writer.OpenBlock($"private static void WriteJsonParameter(Json_.Utf8JsonWriter writer, {CSharpTypes.Of(type, client.Namespace)} value)");
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
                yield return $"writer.WriteStringValue({ClientRuntimeSource.FormatterOf(type)}({value}));";
                break;
            case TypeKind.JsonElement:
                yield return $"{value}.WriteTo(writer);";
                break;
            case TypeKind.Object:
            case TypeKind.Union:
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

    private const string ServerHelpers = """
        /// <summary>
        /// Values of the variables of the servers that operations declare themselves (path-level and operation-level
        /// <c>servers</c>), by variable name; a variable not set here takes the spec's default.
        /// </summary>
        public Generic_.IReadOnlyDictionary<string, string>? ServerVariables { get; init; }

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
