using System.Collections.Generic;
using System.Linq;
using Applivery.Generators.Model;

namespace Applivery.Generators.Emit;

/// <summary>
/// Emits reflection-free JSON reading and writing for every generated type, on <c>Utf8JsonReader</c> and
/// <c>Utf8JsonWriter</c>, plus an <c>IJsonTypeInfoResolver</c> so users can call <c>JsonSerializer</c> AOT-safely.
/// An emitted <c>JsonSerializerContext</c> would not work: the System.Text.Json generator never sees our output.
/// </summary>
/// <param name="MainFile">The JSON class's own file.</param>
/// <param name="TypeParts">Per generated type name, its reader and writer as a partial declaration of the JSON class.</param>
internal sealed record JsonParts(string MainFile, IReadOnlyDictionary<string, string> TypeParts);

internal sealed partial class JsonEmitter
{
    private const string Reader = "Json_.Utf8JsonReader";
    private const string Writer = "Json_.Utf8JsonWriter";
    private const string TokenType = "Json_.JsonTokenType";
    private const string EncodedText = "Json_.JsonEncodedText";
    private const string Unrecognized = "Generic_.Dictionary<string, string>";

    private readonly ClientSpec _client;
    private readonly Dictionary<string, string> _nameFields = new(System.StringComparer.Ordinal);
    private readonly HashSet<string> _fieldNames = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, (TypeRef Type, string ReadName, string WriteName)> _collections = new(System.StringComparer.Ordinal);

    private readonly bool _hasUtf8Literals;

    /// <summary>The object types whose request form differs from what they hold: they or an object they contain have readOnly properties.</summary>
    private readonly HashSet<string> _hasRequestForm;

    private JsonEmitter(ClientSpec client, TargetFeatures features)
    {
        _client = client;
        _hasUtf8Literals = features.LanguageVersion >= 11;
        _hasRequestForm = RequestFormTypesOf(client);
    }

    public static string ClassName(ClientSpec client) => SupportNames.Json(client.ClientName);

    public static string ResolverName(ClientSpec client) => SupportNames.JsonResolver(client.ClientName);

    /// <summary>
    /// The JSON code of a spec: the main file (names, collections, whole-document methods, resolver; the fixed helpers
    /// are its base class, <see cref="JsonRuntimeEmitter"/>)
    /// and, per generated type, its reader and writer, which go into that type's own file so no file grows with the spec.
    /// </summary>
    public static JsonParts Emit(ClientSpec client, TargetFeatures features) => new JsonEmitter(client, features).EmitFiles();

    /// <summary>The method that reads a whole document of this type (a response body).</summary>
    public static string RootReader(TypeRef type) => type.Kind switch
    {
        TypeKind.Object or TypeKind.Union => "Read" + type.Name,
        TypeKind.Enum or TypeKind.Array or TypeKind.Map => "Read" + Identifiers.ToPascalCase(Describe(type)) + "Document",
        _ => "Read" + PrimitiveName(type.Kind),
    };

    /// <summary>
    /// The method that writes a whole request body of this type (an <c>Action&lt;Utf8JsonWriter, T&gt;</c>): readOnly
    /// properties, at any depth, are left out, because the server owns them. An object or union whose request form is
    /// its full JSON is written by its one writer: no forwarding method is generated for it.
    /// </summary>
    public static string RootWriter(ClientSpec client, TypeRef type) => type.Kind switch
    {
        TypeKind.Object or TypeKind.Union => "Write" + type.Name + (RequestFormTypesOf(client).Contains(type.Name!) ? "Request" : string.Empty),
        _ => "Write" + Identifiers.ToPascalCase(Describe(type)) + "Document",
    };

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ClientSpec, HashSet<string>> RequestForms = new();

    /// <summary><see cref="RequestFormTypes"/>, computed once per model: the client emitter asks for every request body.</summary>
    private static HashSet<string> RequestFormTypesOf(ClientSpec client) => RequestForms.GetValue(client, RequestFormTypes);

    /// <summary>
    /// The object types whose request body differs from their full JSON: with a readOnly property, or containing (in
    /// a property, array or map, at any depth) such a type. A fixed point, so recursive types are decided right.
    /// </summary>
    private static HashSet<string> RequestFormTypes(ClientSpec client)
    {
        var result = new HashSet<string>(client.Objects.Where(type => type.Properties.Any(property => property.IsReadOnly)).Select(type => type.Name), System.StringComparer.Ordinal);
        bool Contains(TypeRef type) => type.Kind is TypeKind.Object or TypeKind.Union ? result.Contains(type.Name!) : type.Element is { } element && Contains(element);
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var type in client.Objects)
            {
                if (!result.Contains(type.Name) &&
                    (type.Properties.Any(property => Contains(property.Type)) || (type.AdditionalProperties is { } additional && Contains(additional)) ||
                     (type.Discriminator is { } union && union.Cases.Any(@case => result.Contains(@case.TypeName)))))
                {
                    result.Add(type.Name);
                    changed = true;
                }
            }

            foreach (var union in client.Unions)
            {
                if (!result.Contains(union.Name) && union.Cases.Any(@case => Contains(@case.Type)))
                {
                    result.Add(union.Name);
                    changed = true;
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The enums some JSON holds (a property, an item, a union case, a whole body), at any depth. An enum that only a
    /// parameter takes is formatted by the client and needs no JSON reader or writer.
    /// </summary>
    internal static HashSet<string> EnumsInJson(ClientSpec client)
    {
        var found = new HashSet<string>(System.StringComparer.Ordinal);
        void Visit(TypeRef? type)
        {
            for (; type is not null; type = type.Element)
            {
                if (type.Kind == TypeKind.Enum)
                {
                    found.Add(type.Name!);
                }
            }
        }

        foreach (var type in client.MemberTypes())
        {
            Visit(type);
        }

        foreach (var operation in client.Operations)
        {
            foreach (var response in operation.Responses)
            {
                Visit(response.Type);
            }

            foreach (var body in ClientEmitter.RequestBodyJsonTypes(client, operation))
            {
                Visit(body);
            }
        }

        return found;
    }

    /// <summary>Whether writing a value of this type takes the request flag.</summary>
    private bool HasRequestForm(TypeRef type) => type.Kind switch
    {
        TypeKind.Object or TypeKind.Union => _hasRequestForm.Contains(type.Name!),
        TypeKind.Array or TypeKind.Map => HasRequestForm(type.Element!),
        _ => false,
    };

    private static string PrimitiveName(TypeKind kind) => kind == TypeKind.JsonElement ? "JsonElement" : kind.ToString();

    private string Ns => _client.Namespace;

    private JsonParts EmitFiles()
    {
        var parts = new Dictionary<string, SourceWriter>(System.StringComparer.Ordinal);
        foreach (var type in _client.Objects)
        {
            var part = new SourceWriter { Indentation = 2 };
            if (type.Discriminator is { } discriminator)
            {
                EmitUnion(part, type, discriminator);
            }
            else
            {
                EmitObjectReader(part, type);
                part.Line();
                EmitObjectWriter(part, type);
            }

            parts[type.Name] = part;
        }

        foreach (var union in _client.Unions)
        {
            var part = new SourceWriter { Indentation = 2 };
            EmitUnionType(part, union);
            parts[union.Name] = part;
        }

        var enumsInJson = EnumsInJson(_client);
        foreach (var spec in _client.Enums.Where(spec => enumsInJson.Contains(spec.Name)))
        {
            var part = new SourceWriter { Indentation = 2 };
            EmitEnumReader(part, spec);
            part.Line();
            EmitEnumWriter(part, spec);
            parts[spec.Name] = part;
        }

        var body = new SourceWriter { Indentation = 2 };
        EmitDocumentMethods(body, parts);

        // Collections are discovered while emitting the members above; their methods may add nested ones. A list or map
        // of a generated type goes into that type's file; those of primitives stay here.
        var emitted = new HashSet<string>(System.StringComparer.Ordinal);
        while (_collections.Keys.FirstOrDefault(key => !emitted.Contains(key)) is { } next)
        {
            emitted.Add(next);
            var collection = _collections[next];
            EmitCollection(PartFor(collection.Type, body, parts), collection);
        }

        var writer = GeneratedFile.Begin(Ns, _client.SpecFileName);
        Documentation.Element(writer, "summary", $"Reads and writes the JSON of {Documentation.Code(_client.SpecFileName)} on <c>Utf8JsonReader</c>/<c>Utf8JsonWriter</c>, without reflection.");
        // The methods every type has say what they do here, once, instead of above each of thousands of them.
        Documentation.Element(
            writer,
            "remarks",
            "Each type's methods are in its own file. <c>Read{Type}</c> reads one from the current token, which must start it;\n"
            + "<c>Write{Type}</c> writes one, leaving null optional properties out; the methods of an array or map of it\n"
            + "(the runtime's <c>ReadList</c>/<c>WriteList</c> with those methods for objects, generated <c>ReadListOf…</c>,\n"
            + "<c>WriteListOf…</c>, <c>ReadMapOf…</c> for the rest) do so for each item. An enum's <c>Read{Enum}Value</c> reads a value the spec\n"
            + "does not list as its unrecognized member and keeps the raw text under the property's key, for <c>Write{Enum}Value</c>.\n"
            + "Unknown properties are skipped; missing optional properties stay null; when a property appears twice the last one wins.\n"
            + "A failure names the JSON path and what was found.");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.OpenBlock($"internal abstract partial class {ClassName(_client)} : {JsonRuntimeEmitter.ClassName}");
        foreach (var pair in _nameFields.OrderBy(pair => pair.Value, System.StringComparer.Ordinal))
        {
            writer.Line($"private static readonly {EncodedText} {pair.Value} = {EncodedText}.Encode({CSharpTypes.Literal(pair.Key)});");
        }

        if (body.ToString().Length > 0)
        {
            writer.Line();
            writer.Indentation = 0;
            writer.Lines(body.ToString().TrimEnd('\n'));
            writer.Indentation = 2;
        }

        if (FileUploadEmitter.IsUsedBy(_client))
        {
            writer.Line();
            writer.Lines(FileUploadEmitter.JsonHelpers(Ns));
        }

        writer.CloseBlock();
        writer.Line();
        EmitResolver(writer);
        return new JsonParts(GeneratedFile.End(writer), parts.ToDictionary(pair => pair.Key, pair => Part(pair.Value), System.StringComparer.Ordinal));
    }

    /// <summary>Where the methods of a collection or document type go, a blank line after what is there.</summary>
    private static SourceWriter PartFor(TypeRef type, SourceWriter main, Dictionary<string, SourceWriter> parts)
    {
        var target = ItemTypeName(type) is { } owner && parts.TryGetValue(owner, out var part) ? part : main;
        if (!target.IsAtBlockStart)
        {
            target.Line();
        }

        return target;
    }

    /// <summary>The generated type at the bottom of a collection (an array of maps of <c>Pet</c> → <c>Pet</c>), or null for primitives.</summary>
    private static string? ItemTypeName(TypeRef type) => type.Element is { } element
        ? ItemTypeName(element)
        : type.Kind is TypeKind.Object or TypeKind.Enum or TypeKind.Union ? type.Name : null;

    /// <summary>One type's members of the JSON class, as the partial class declaration that goes into the type's file.</summary>
    private string Part(SourceWriter members)
    {
        var part = new SourceWriter { Indentation = 1 };
        part.OpenBlock($"internal abstract partial class {ClassName(_client)}");
        part.Indentation = 0;
        part.Lines(members.ToString().TrimEnd('\n'));
        part.Indentation = 2;
        part.CloseBlock();
        return part.ToString();
    }

    /// <summary>
    /// Readers of whole response bodies and writers of whole request bodies whose schema is not an object: arrays,
    /// maps, enums, primitives. Only the direction some operation uses: a response type gets no writer.
    /// </summary>
    /// <param name="parts">The generated types' parts: the methods of a document of a generated type (an array of Pet) go there.</param>
    private void EmitDocumentMethods(SourceWriter main, Dictionary<string, SourceWriter> parts)
    {
        static bool IsDocument(TypeRef? type) => type is not null && type.Kind is not (TypeKind.Object or TypeKind.Union);
        var responseTypes = _client.Operations.SelectMany(operation => operation.Responses.Select(response => response.Type)).Where(IsDocument).Select(type => type!).ToList();
        var requestTypes = _client.Operations.SelectMany(operation => ClientEmitter.RequestBodyJsonTypes(_client, operation)).Where(IsDocument).Select(type => type!).ToList();
        var readRoots = new HashSet<string>(responseTypes.Select(RootReader), System.StringComparer.Ordinal);
        var writtenRoots = new HashSet<string>(requestTypes.Select(type => RootWriter(_client, type)), System.StringComparer.Ordinal);
        var types = responseTypes.Concat(requestTypes)
            .GroupBy(type => RootReader(type), System.StringComparer.Ordinal)
            .Select(group => group.First())
            .OrderBy(type => RootReader(type), System.StringComparer.Ordinal);
        foreach (var type in types)
        {
            var reads = readRoots.Contains(RootReader(type)) && type.Kind is TypeKind.Enum or TypeKind.Array or TypeKind.Map;
            var writes = writtenRoots.Contains(RootWriter(_client, type));
            if (!reads && !writes)
            {
                // A primitive response is read by the runtime's own Read{Kind}.
                continue;
            }

            var writer = PartFor(type, main, parts);
            var csharpType = CSharpTypes.Of(type, Ns);
            if (reads)
            {
                var read = ReadExpression(type, "\"$\"");
                writer.Line($"/// <summary>Reads a whole JSON document of {Documentation.Escape(csharpType)}.</summary>");
                if (ReadTakesUnrecognized(type))
                {
                    writer.OpenBlock($"internal static {csharpType} {RootReader(type)}(ref {Reader} reader)");
                    writer.Line($"{Unrecognized}? unrecognizedValues = null;");
                    writer.Line($"return {read};");
                    writer.CloseBlock();
                }
                else
                {
                    writer.Line($"internal static {csharpType} {RootReader(type)}(ref {Reader} reader) => {read};");
                }

                writer.Line();
            }

            if (writes)
            {
                writer.Line($"/// <summary>Writes a whole JSON document of {Documentation.Escape(csharpType)} as a request body{(HasRequestForm(type) ? " (readOnly properties left out)" : string.Empty)}.</summary>");
                writer.OpenBlock($"internal static void {RootWriter(_client, type)}({Writer} writer, {csharpType} value)");
                writer.Line(WriteStatement(type, "value", "null", "\"$\"", "forRequest: true"));
                writer.CloseBlock();
                writer.Line();
            }
        }
    }

    /// <param name="prelude">Lines after the start-of-object check (the unknown case keeps the raw JSON there).</param>
    /// <param name="initializers">More members of the result's initializer.</param>
    private void EmitObjectReader(SourceWriter writer, ObjectTypeSpec type, string[]? prelude = null, string[]? initializers = null)
    {
        var typeName = CSharpTypes.Named(Ns, type.Name);
        var hasEnums = ObjectTypeEmitter.HasEnumValues(type);
        writer.OpenBlock($"internal static {typeName} Read{type.Name}(ref {Reader} reader)");
        writer.Line($"ExpectToken(ref reader, {TokenType}.StartObject, \"an object\");");
        foreach (var line in prelude ?? System.Array.Empty<string>())
        {
            writer.Line(line);
        }

        foreach (var property in type.Properties)
        {
            writer.Line($"{CSharpTypes.OfNullable(property.Type, Ns, true)} {Local(property)} = default;");
        }

        if (type.Properties.Any(property => ReadTakesUnrecognized(property.Type)) ||
            (type.AdditionalProperties is { Element: { } mapElement } && ReadTakesUnrecognized(mapElement)))
        {
            writer.Line($"{Unrecognized}? unrecognizedValues = null;");
        }

        if (type.AdditionalProperties is { } additionalType)
        {
            writer.Line($"Generic_.Dictionary<string, {CSharpTypes.Of(additionalType.Element!, Ns)}>? additionalProperties = null;");
        }

        writer.Line("string? at = null;");
        writer.OpenBlock("try");
        // NextProperty clears `at`: past a property, a failure on the next token belongs to the object, not to it.
        writer.OpenBlock("while (NextProperty(ref reader, ref at))");
        var first = true;
        foreach (var property in type.Properties)
        {
            writer.OpenBlock($"{(first ? "if" : "else if")} ({NameMatch(property.WireName)})");
            first = false;
            writer.Line($"{Local(property)} = {PropertyRead(property)};");
            writer.CloseBlock();
        }

        if (!first)
        {
            writer.OpenBlock("else");
        }

        if (type.AdditionalProperties is { Element: { } additionalElement })
        {
            // The members beside the declared properties are kept, as additionalProperties says.
            writer.Line("var additionalName = reader.GetString()!;");
            writer.Line("at = PropertyStep(additionalName);");
            writer.Line("Next(ref reader);");
            var read = ReadExpression(additionalElement, "additionalName");
            var value = additionalElement.IsValueType ? read : $"reader.TokenType == {TokenType}.Null ? null! : {read}";
            writer.Line($"(additionalProperties ??= new Generic_.Dictionary<string, {CSharpTypes.Of(additionalElement, Ns)}>())[additionalName] = {value};");
        }
        else
        {
            // Properties the spec does not list are skipped: a newer server may add some.
            writer.Line("Next(ref reader);");
            writer.Line("SkipValue(ref reader);");
        }

        if (!first)
        {
            writer.CloseBlock();
        }

        writer.CloseBlock();
        writer.CloseBlock();
        writer.OpenBlock("catch (global::System.Exception exception) when (at is not null && IsReadFailure(exception))");
        writer.Line("throw JsonReadFailure.Within(exception, at);");
        writer.CloseBlock();
        writer.Line();

        // A writeOnly property is never in a response; a readOnly one is required there (unless the schema allows null).
        // "?? throw MissingProperty(...)" fails naming the property when it is missing, in property order, before the object exists.
        writer.OpenBlock($"return new {typeName}");
        foreach (var property in type.Properties)
        {
            var mustBePresent = property.IsRequired && !property.IsWriteOnly && !property.AllowsNull && (!property.IsNullable || property.IsReadOnly);
            var suffix = property.IsRequired && !property.IsNullable && property.Type.IsValueType ? ".Value" : string.Empty;
            writer.Line(mustBePresent
                ? $"{property.Name} = {Local(property)} ?? throw MissingProperty({CSharpTypes.Literal(property.JsonPath)}),"
                : $"{property.Name} = {Local(property)}{suffix},");
        }

        if (type.AdditionalProperties is not null)
        {
            writer.Line("AdditionalProperties = additionalProperties,");
        }

        if (hasEnums)
        {
            writer.Line("UnrecognizedValues = unrecognizedValues,");
        }

        foreach (var line in initializers ?? System.Array.Empty<string>())
        {
            writer.Line(line);
        }

        writer.CloseBlock(";");
        writer.CloseBlock();
    }

    private void EmitObjectWriter(SourceWriter writer, ObjectTypeSpec type)
    {
        var typeName = CSharpTypes.Named(Ns, type.Name);
        var unrecognized = ObjectTypeEmitter.HasEnumValues(type) ? "value.UnrecognizedValues" : "null";
        var hasRequestForm = _hasRequestForm.Contains(type.Name);
        if (hasRequestForm)
        {
            writer.Line($"/// <summary>Writes everything <paramref name=\"value\"/> holds as a JSON object (readOnly properties included); null optional properties are left out.</summary>");
            writer.Line($"internal static void Write{type.Name}({Writer} writer, {typeName} value) => Write{type.Name}(writer, value, forRequest: false);");
            writer.Line();
            writer.Line($"/// <summary>Writes <paramref name=\"value\"/> as a request body: readOnly properties (the server's) are left out, here and in the objects it contains.</summary>");
            writer.Line($"internal static void Write{type.Name}Request({Writer} writer, {typeName} value) => Write{type.Name}(writer, value, forRequest: true);");
            writer.Line();
            writer.Line($"/// <summary>Writes <paramref name=\"value\"/> as a JSON object; null optional properties are left out, and readOnly ones too when <paramref name=\"forRequest\"/> is set.</summary>");
            writer.OpenBlock($"private static void Write{type.Name}({Writer} writer, {typeName} value, bool forRequest)");
        }
        else
        {
            writer.OpenBlock($"internal static void Write{type.Name}({Writer} writer, {typeName} value)");
        }

        writer.Line("writer.WriteStartObject();");
        EmitDiscriminatorWrite(writer, type);
        foreach (var property in type.Properties)
        {
            if (property.IsReadOnly)
            {
                writer.OpenBlock("if (!forRequest)");
            }

            EmitPropertyWrite(writer, property, unrecognized);
            if (property.IsReadOnly)
            {
                writer.CloseBlock();
            }
        }

        if (type.AdditionalProperties is { Element: { } element })
        {
            writer.OpenBlock("if (value.AdditionalProperties is { } additionalProperties)");
            writer.OpenBlock("foreach (var entry in additionalProperties)");
            if (type.Properties.Count > 0 || DiscriminatorOf(type) is not null)
            {
                // The typed property wins: a member named like one is not written twice.
                var declared = string.Join(" or ", type.Properties.Select(property => property.WireName).Concat(DiscriminatorOf(type) is { } discriminator ? new[] { discriminator } : System.Array.Empty<string>()).Select(CSharpTypes.Literal));
                writer.OpenBlock($"if (entry.Key is {declared})");
                writer.Line("continue;");
                writer.CloseBlock();
                writer.Line();
            }

            writer.Line("writer.WritePropertyName(entry.Key);");
            writer.Line("var item = entry.Value;");
            var write = WriteStatement(element, "item", unrecognized, "entry.Key", "forRequest");
            if (element.IsValueType)
            {
                writer.Line(write);
            }
            else
            {
                writer.OpenBlock("if (item is null)");
                writer.Line("writer.WriteNullValue();");
                writer.CloseBlock();
                writer.OpenBlock("else");
                writer.Line(write);
                writer.CloseBlock();
            }

            writer.CloseBlock();
            writer.CloseBlock();
        }

        writer.Line("writer.WriteEndObject();");
        writer.CloseBlock();
    }

    private void EmitPropertyWrite(SourceWriter writer, PropertySpec property, string unrecognized)
    {
        var local = Local(property);
        var name = NameField(property.WireName);
        if (ScalarWriter(property.Type.Kind) is { } scalar)
        {
            // A scalar is one call: the writer's name-and-value overload, or WriteOptional for a value that may be
            // absent. A required property is written even when null (the server expects the key); a null readOnly or
            // writeOnly one is a value not carried in this direction, so it is left out.
            if (property.Type.IsValueType && !property.IsNullable)
            {
                writer.Line($"writer.{scalar}({name}, value.{property.Name});");
                return;
            }

            var writeNull = property.IsRequired && !property.IsReadOnly && !property.IsWriteOnly ? ", writeNull: true" : string.Empty;
            writer.Line($"WriteOptional(writer, {name}, value.{property.Name}{writeNull});");
            return;
        }

        var write = WriteStatement(property.Type, local, unrecognized, CSharpTypes.Literal(property.WireName), "forRequest");
        if (property.Type.IsValueType && !property.IsNullable)
        {
            writer.Line($"writer.WritePropertyName({name});");
            writer.Line($"var {local} = value.{property.Name};");
            writer.Line(write);
            return;
        }

        writer.OpenBlock($"if (value.{property.Name} is {{ }} {local})");
        writer.Line($"writer.WritePropertyName({name});");
        writer.Line(write);
        writer.CloseBlock();
        if (property.IsRequired && !property.IsReadOnly && !property.IsWriteOnly)
        {
            // A required property is written even when null: the server expects the key. (A null readOnly or
            // writeOnly property is one the value does not carry in this direction: it is left out.)
            writer.OpenBlock("else");
            writer.Line($"writer.WritePropertyName({name});");
            writer.Line("writer.WriteNullValue();");
            writer.CloseBlock();
        }
    }

    /// <summary>The <c>Utf8JsonWriter</c> method that writes a property of this scalar kind with its name, or null for other kinds.</summary>
    private static string? ScalarWriter(TypeKind kind) => kind switch
    {
        TypeKind.String or TypeKind.DateTimeOffset or TypeKind.Guid => "WriteString",
        TypeKind.Boolean => "WriteBoolean",
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.Single or TypeKind.Decimal => "WriteNumber",
        _ => null,
    };

    private void EmitEnumReader(SourceWriter writer, EnumSpec spec)
    {
        // The members are named qualified: in an expression a member of the JSON class could hide the enum's name.
        var enumName = CSharpTypes.Qualified(Ns, spec.Name);
        writer.OpenBlock($"internal static {CSharpTypes.Named(Ns, spec.Name)} Read{spec.Name}Value(ref {Reader} reader, string key, ref {Unrecognized}? unrecognizedValues)");
        writer.OpenBlock($"if (reader.TokenType == {TokenType}.String)");
        foreach (var member in spec.Members)
        {
            writer.Line($"if ({NameMatch(member.WireValue)}) return {enumName}.{member.Name};");
        }

        writer.CloseBlock();
        writer.Line();
        writer.Line($"(unrecognizedValues ??= new {Unrecognized}())[key] = RawScalarText(ref reader);");
        writer.Line($"return {enumName}.{spec.UnrecognizedMemberName};");
        writer.CloseBlock();
    }

    private void EmitEnumWriter(SourceWriter writer, EnumSpec spec)
    {
        var enumName = CSharpTypes.Qualified(Ns, spec.Name);
        writer.OpenBlock($"internal static void Write{spec.Name}Value({Writer} writer, {CSharpTypes.Named(Ns, spec.Name)} value, {CSharpTypes.IReadOnlyDictionary}<string, string>? unrecognizedValues, string key)");
        writer.OpenBlock("switch (value)");
        foreach (var member in spec.Members)
        {
            writer.Line($"case {enumName}.{member.Name}: writer.WriteStringValue({NameField(member.WireValue)}); return;");
        }

        writer.Line($"default: writer.WriteStringValue(UnrecognizedText(unrecognizedValues, key, {CSharpTypes.Literal(spec.Name)}, (int)value)); return;");
        writer.CloseBlock();
        writer.CloseBlock();
    }

    private void EmitCollection(SourceWriter writer, (TypeRef Type, string ReadName, string WriteName) collection)
    {
        var (type, readName, writeName) = collection;
        var element = type.Element!;
        var forRequestParameter = HasRequestForm(type) ? ", bool forRequest" : string.Empty;
        var elementType = CSharpTypes.Of(element, Ns);
        var csharpType = CSharpTypes.Of(type, Ns);
        var isArray = type.Kind == TypeKind.Array;
        var nullElement = element.IsValueType ? null : "null!";

        writer.OpenBlock($"private static {csharpType} {readName}(ref {Reader} reader, string key, ref {Unrecognized}? unrecognizedValues)");
        if (isArray)
        {
            writer.Line($"ExpectToken(ref reader, {TokenType}.StartArray, \"an array\");");
            writer.Line($"var items = new ArrayBuilder<{elementType}>();");
            writer.OpenBlock("try");
            writer.OpenBlock($"while (Next(ref reader) != {TokenType}.EndArray)");
            var itemKey = $"key + \"[\" + items.Count.ToString({CSharpTypes.CultureInfo}.InvariantCulture) + \"]\"";
            var read = ReadExpression(element, itemKey);
            writer.Line(nullElement is null ? $"items.Add({read});" : $"items.Add(reader.TokenType == {TokenType}.Null ? {nullElement} : {read});");
            writer.CloseBlock();
            writer.Line();
            writer.Line("return items.ToArray();");
            writer.CloseBlock();
            writer.OpenBlock("catch (global::System.Exception exception) when (IsReadFailure(exception))");
            writer.Line($"throw JsonReadFailure.Within(exception, \"[\" + items.Count.ToString({CSharpTypes.CultureInfo}.InvariantCulture) + \"]\");");
            writer.CloseBlock();
            writer.OpenBlock("finally");
            writer.Line("items.Dispose();");
            writer.CloseBlock();
        }
        else
        {
            writer.Line($"ExpectToken(ref reader, {TokenType}.StartObject, \"an object\");");
            writer.Line($"var entries = new Generic_.Dictionary<string, {elementType}>();");
            writer.Line("var name = string.Empty;");
            writer.OpenBlock("try");
            writer.OpenBlock($"while (Next(ref reader) != {TokenType}.EndObject)");
            writer.Line("name = reader.GetString()!;");
            writer.Line("Next(ref reader);");
            var read = ReadExpression(element, "key + \"['\" + name + \"']\"");
            writer.Line(nullElement is null ? $"entries[name] = {read};" : $"entries[name] = reader.TokenType == {TokenType}.Null ? {nullElement} : {read};");
            writer.CloseBlock();
            writer.CloseBlock();
            writer.OpenBlock("catch (global::System.Exception exception) when (IsReadFailure(exception))");
            writer.Line("throw JsonReadFailure.Within(exception, PropertyStep(name));");
            writer.CloseBlock();
            writer.Line();
            writer.Line("return entries;");
        }

        writer.CloseBlock();
        writer.Line();

        writer.OpenBlock($"private static void {writeName}({Writer} writer, {csharpType} value, {CSharpTypes.IReadOnlyDictionary}<string, string>? unrecognizedValues, string key{forRequestParameter})");
        if (isArray)
        {
            writer.Line("writer.WriteStartArray();");
            writer.OpenBlock("for (var index = 0; index < value.Count; index++)");
            writer.Line("var item = value[index];");
            var itemKey = $"key + \"[\" + index.ToString({CSharpTypes.CultureInfo}.InvariantCulture) + \"]\"";
            EmitElementWrite(writer, element, "item", itemKey);
            writer.CloseBlock();
            writer.Line("writer.WriteEndArray();");
        }
        else
        {
            writer.Line("writer.WriteStartObject();");
            writer.OpenBlock("foreach (var entry in value)");
            writer.Line("writer.WritePropertyName(entry.Key);");
            writer.Line("var item = entry.Value;");
            EmitElementWrite(writer, element, "item", "key + \"['\" + entry.Key + \"']\"");
            writer.CloseBlock();
            writer.Line("writer.WriteEndObject();");
        }

        writer.CloseBlock();
        writer.Line();
    }

    private void EmitElementWrite(SourceWriter writer, TypeRef element, string item, string key)
    {
        var write = WriteStatement(element, item, "unrecognizedValues", key, "forRequest");
        if (element.IsValueType)
        {
            writer.Line(write);
            return;
        }

        writer.OpenBlock($"if ({item} is null)");
        writer.Line("writer.WriteNullValue();");
        writer.CloseBlock();
        writer.OpenBlock("else");
        writer.Line(write);
        writer.CloseBlock();
    }

    /// <summary>
    /// Reads the value of a matched property into its local: null for a JSON null. A primitive is one runtime call
    /// (<c>ReadInt64(ref reader, ref at, ".id")</c>), which binds faster than the null test and the read it stands for.
    /// </summary>
    private string PropertyRead(PropertySpec property)
    {
        var path = CSharpTypes.Literal(property.JsonPath);
        return property.Type.Kind switch
        {
            TypeKind.String or TypeKind.Boolean or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.Single
                or TypeKind.Decimal or TypeKind.DateTimeOffset or TypeKind.Guid or TypeKind.JsonElement
                => $"Read{property.Type.Kind}(ref reader, ref at, {path})",
            _ => $"NextValueIsNull(ref reader, ref at, {path}) ? null : {ReadExpression(property.Type, CSharpTypes.Literal(property.WireName))}",
        };
    }

    private string ReadExpression(TypeRef type, string key) => type.Kind switch
    {
        TypeKind.String => "ReadString(ref reader)",
        TypeKind.Boolean => "ReadBoolean(ref reader)",
        TypeKind.Int32 => "ReadInt32(ref reader)",
        TypeKind.Int64 => "ReadInt64(ref reader)",
        TypeKind.Double => "ReadDouble(ref reader)",
        TypeKind.Single => "ReadSingle(ref reader)",
        TypeKind.Decimal => "ReadDecimal(ref reader)",
        TypeKind.DateTimeOffset => "ReadDateTimeOffset(ref reader)",
        TypeKind.Guid => "ReadGuid(ref reader)",
        TypeKind.File => $"Read{FileUploadEmitter.TypeName}(ref reader)",
        TypeKind.Object or TypeKind.Union => $"Read{type.Name}(ref reader)",
        TypeKind.Enum => $"Read{type.Name}Value(ref reader, {key}, ref unrecognizedValues)",
        TypeKind.Array when IsListOfObjects(type) => $"ReadList(ref reader, Read{type.Element!.Name})",
        TypeKind.Array or TypeKind.Map => $"{Collection(type).ReadName}(ref reader, {key}, ref unrecognizedValues)",
        _ => "ReadJsonElement(ref reader)",
    };

    /// <param name="forRequest">The request flag to pass on (an expression), used when the type has a request form.</param>
    private string WriteStatement(TypeRef type, string value, string unrecognized, string key, string forRequest) => type.Kind switch
    {
        TypeKind.String or TypeKind.DateTimeOffset or TypeKind.Guid => $"writer.WriteStringValue({value});",
        TypeKind.Boolean => $"writer.WriteBooleanValue({value});",
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.Single or TypeKind.Decimal => $"writer.WriteNumberValue({value});",
        TypeKind.Object or TypeKind.Union when HasRequestForm(type) => $"Write{type.Name}(writer, {value}, {forRequest});",
        TypeKind.Object or TypeKind.Union => $"Write{type.Name}(writer, {value});",
        TypeKind.File => $"Write{FileUploadEmitter.TypeName}(writer, {value});",
        TypeKind.Enum => $"Write{type.Name}Value(writer, {value}, {unrecognized}, {key});",
        TypeKind.Array when IsListOfObjects(type) && HasRequestForm(type) => $"WriteList(writer, {value}, {forRequest}, Write{type.Element!.Name});",
        TypeKind.Array when IsListOfObjects(type) => $"WriteList(writer, {value}, Write{type.Element!.Name});",
        TypeKind.Array or TypeKind.Map when HasRequestForm(type) => $"{Collection(type).WriteName}(writer, {value}, {unrecognized}, {key}, {forRequest});",
        TypeKind.Array or TypeKind.Map => $"{Collection(type).WriteName}(writer, {value}, {unrecognized}, {key});",
        _ => $"{value}.WriteTo(writer);",
    };

    /// <summary>
    /// An array of objects or unions: read and written by the runtime's generic <c>ReadList</c>/<c>WriteList</c> with
    /// the items' own methods, so no list method is generated per item type. Arrays of anything else (enums, which
    /// keep unrecognized values under each item's path, primitives, nested arrays and maps) keep their own methods.
    /// </summary>
    private static bool IsListOfObjects(TypeRef type) =>
        type.Kind == TypeKind.Array && type.Element!.Kind is TypeKind.Object or TypeKind.Union;

    /// <summary>Whether <see cref="ReadExpression"/> of this type passes the reader's <c>unrecognizedValues</c> on.</summary>
    private static bool ReadTakesUnrecognized(TypeRef type) =>
        type.Kind is TypeKind.Enum or TypeKind.Map || (type.Kind == TypeKind.Array && !IsListOfObjects(type));

    private (TypeRef Type, string ReadName, string WriteName) Collection(TypeRef type)
    {
        var key = CSharpTypes.QualifiedOf(type, Ns);
        if (!_collections.TryGetValue(key, out var collection))
        {
            var shape = Identifiers.ToPascalCase(Describe(type));
            collection = (type, "Read" + shape, "Write" + shape);
            _collections[key] = collection;
        }

        return collection;
    }

    private static string Describe(TypeRef type) => type.Kind switch
    {
        TypeKind.Array => "ListOf " + Describe(type.Element!),
        TypeKind.Map => "MapOf " + Describe(type.Element!),
        TypeKind.Object or TypeKind.Enum or TypeKind.Union => type.Name!,
        _ => type.Kind.ToString(),
    };

    /// <summary>The comparison with a property name or enum value as the reader sees it (unescaped).</summary>
    private string NameMatch(string text)
    {
        if (_hasUtf8Literals)
        {
            // A UTF-8 literal is static data: the fastest comparison, and right for any text.
            return $"reader.ValueTextEquals({CSharpTypes.Literal(text)}u8)";
        }

        // JsonEncodedText escapes non-ASCII and HTML-sensitive characters, so only plain names can be compared as bytes.
        var isPlain = text.All(c => c is >= ' ' and < (char)127 and not '"' and not '\\' and not '<' and not '>' and not '&' and not '\'' and not '+' and not '`');
        return isPlain ? $"reader.ValueTextEquals({NameField(text)}.EncodedUtf8Bytes)" : $"reader.ValueTextEquals({CSharpTypes.Literal(text)})";
    }

    private string NameField(string text)
    {
        if (!_nameFields.TryGetValue(text, out var field))
        {
            field = Identifiers.MakeUnique("Utf8" + Identifiers.ToPascalCase(text.Length == 0 ? "Empty" : text).TrimStart('_'), _fieldNames);
            _nameFields[text] = field;
        }

        return field;
    }

    private static string Local(PropertySpec property) => "_" + char.ToLowerInvariant(property.Name[0]) + property.Name.Substring(1);

    private void EmitResolver(SourceWriter writer)
    {
        var resolver = ResolverName(_client);
        var json = $"global::{Ns}.{ClassName(_client)}";
        Documentation.Element(writer, "summary", $"Lets <c>System.Text.Json</c> (de)serialize the types of {Documentation.Code(_client.SpecFileName)} without reflection, AOT- and trim-safe, through the generated readers and writers.");
        Documentation.Element(writer, "example", "<code>var info = (JsonTypeInfo&lt;Member&gt;)" + resolver + ".Options.GetTypeInfo(typeof(Member));\nstring json = JsonSerializer.Serialize(member, info);</code>");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.OpenBlock($"{GeneratedFile.Visibility(_client)} sealed class {resolver} : Json_.Serialization.Metadata.IJsonTypeInfoResolver");
        writer.Line("/// <summary>The shared instance.</summary>");
        writer.Line($"public static {resolver} Instance {{ get; }} = new {resolver}();");
        writer.Line();
        writer.Line("private static Json_.JsonSerializerOptions? s_options;");
        writer.Line();
        writer.Line("/// <summary>Read-only options that use this resolver.</summary>");
        writer.Line($"public static Json_.JsonSerializerOptions Options => s_options ??= CreateOptions();");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.OpenBlock("public Json_.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(global::System.Type type, Json_.JsonSerializerOptions options)");
        // One line per type: the resolver of a big spec lists thousands.
        var names = _client.Objects.SelectMany(type => type.Discriminator is { UnknownTypeName: var unknown } ? new[] { type.Name, unknown } : new[] { type.Name })
            .Concat(_client.Unions.Select(union => union.Name));
        // The JSON class by its simple name: it is in this namespace, which no other type of that name can shadow.
        var jsonClass = ClassName(_client);
        foreach (var name in names)
        {
            writer.Line($"if (type == typeof(global::{Ns}.{name})) return Info<global::{Ns}.{name}>(options, {jsonClass}.Read{name}, {jsonClass}.Write{name});");
        }

        writer.Line();
        writer.Line("return null;");
        writer.CloseBlock();
        writer.Line();
        writer.Line($"private static Json_.Serialization.Metadata.JsonTypeInfo Info<T>(Json_.JsonSerializerOptions options, {json}.ValueReader<T> read, global::System.Action<Json_.Utf8JsonWriter, T> write) =>");
        writer.Line($"    Json_.Serialization.Metadata.JsonMetadataServices.CreateValueInfo<T>(options, new {json}.Converter<T>(read, write));");
        writer.Line();
        writer.OpenBlock("private static Json_.JsonSerializerOptions CreateOptions()");
        writer.Line("var options = new Json_.JsonSerializerOptions { TypeInfoResolver = Instance };");
        writer.Line("options.MakeReadOnly();");
        writer.Line("return options;");
        writer.CloseBlock();
        writer.CloseBlock();
    }
}
