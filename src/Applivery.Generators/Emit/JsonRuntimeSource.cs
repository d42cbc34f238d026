namespace Applivery.Generators.Emit;

/// <summary>The fixed part of the generated JSON class: token helpers, primitive readers, path-carrying failures.</summary>
internal static class JsonRuntimeSource
{
    public const string Helpers = """
        /// <summary>Reads one value of type <typeparamref name="T"/> from the reader's current token.</summary>
        internal delegate T ValueReader<T>(ref global::System.Text.Json.Utf8JsonReader reader);

        /// <summary>Deeper JSON than this is refused rather than followed: no real response nests that far.</summary>
        internal const int MaxDepth = 256;

        /// <summary>Parses a whole UTF-8 JSON document; a failure is a <see cref="global::System.Text.Json.JsonException"/> naming the JSON path and what was found.</summary>
        internal static T Parse<T>(global::System.ReadOnlySpan<byte> utf8Json, ValueReader<T> read)
        {
            if (utf8Json.Length >= 3 && utf8Json[0] == 0xEF && utf8Json[1] == 0xBB && utf8Json[2] == 0xBF)
            {
                utf8Json = utf8Json.Slice(3);
            }

            // Not a final block: data that ends inside a value makes Read() return false, which Next() reports as a cut-off body.
            var reader = new global::System.Text.Json.Utf8JsonReader(utf8Json, isFinalBlock: false, new global::System.Text.Json.JsonReaderState(new global::System.Text.Json.JsonReaderOptions { MaxDepth = MaxDepth }));
            try
            {
                if (!reader.Read())
                {
                    // A bare scalar document ("42") is only complete once the reader knows no more data follows.
                    reader = new global::System.Text.Json.Utf8JsonReader(utf8Json, new global::System.Text.Json.JsonReaderOptions { MaxDepth = MaxDepth });
                    if (!reader.Read())
                    {
                        throw new JsonReadFailure("the body is empty, where a JSON value was expected", string.Empty);
                    }
                }

                var value = read(ref reader);
                if (reader.Read())
                {
                    throw new JsonReadFailure("unexpected data after the end of the JSON value: " + Found(ref reader), string.Empty);
                }

                return value;
            }
            catch (global::System.Exception exception) when (IsReadFailure(exception))
            {
                var failure = (JsonReadFailure)JsonReadFailure.Within(exception, string.Empty);
                var path = "$" + failure.PathSuffix;
                throw new global::System.Text.Json.JsonException(path + ": " + failure.Reason, path, null, reader.BytesConsumed, failure);
            }
        }

        /// <summary>
        /// Reads a stream to its end into a pooled buffer (no intermediate string) and parses it. The buffer starts at
        /// the announced length, so a large body is not copied through ever-doubling buffers.
        /// </summary>
        internal static async global::System.Threading.Tasks.Task<T> ReadAsync<T>(global::System.IO.Stream stream, ValueReader<T> read, long? expectedLength, long maxLength, global::System.Threading.CancellationToken cancellationToken)
        {
            if (expectedLength > maxLength)
            {
                throw TooLarge(maxLength);
            }

            var pool = global::System.Buffers.ArrayPool<byte>.Shared;
            var initialLength = expectedLength is { } announced && announced > 0 && announced < 1024L * 1024 * 1024 ? (int)announced + 1 : 16 * 1024;
            var buffer = pool.Rent(initialLength);
            var length = 0;
            try
            {
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        var larger = pool.Rent((int)global::System.Math.Min((long)buffer.Length * 2, 0x7FFFFFC7));
                        global::System.Buffer.BlockCopy(buffer, 0, larger, 0, length);
                        pool.Return(buffer);
                        buffer = larger;
                    }

                    var count = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
                    if (count == 0)
                    {
                        break;
                    }

                    length += count;
                    if (length > maxLength)
                    {
                        throw TooLarge(maxLength);
                    }
                }

                return Parse(new global::System.ReadOnlySpan<byte>(buffer, 0, length), read);
            }
            finally
            {
                pool.Return(buffer);
            }
        }

        private static global::System.Text.Json.JsonException TooLarge(long maxLength) =>
            new global::System.Text.Json.JsonException("$: the body is larger than the limit of " + maxLength.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " bytes (MaxResponseBodySize)", "$", null, null);

        /// <summary>Writes a value to UTF-8 JSON bytes.</summary>
        /// <param name="value">The value to write.</param>
        /// <param name="write">The generated writer of its type, such as <c>WriteMember</c>.</param>
        /// <param name="indented">Whether to indent the JSON for reading.</param>
        /// <param name="encoder">Which characters of string values are escaped; the default escapes non-ASCII and HTML-sensitive ones.</param>
        internal static byte[] Serialize<T>(T value, global::System.Action<global::System.Text.Json.Utf8JsonWriter, T> write, bool indented = false, global::System.Text.Encodings.Web.JavaScriptEncoder? encoder = null)
        {
            using var stream = new global::System.IO.MemoryStream();
            using (var writer = new global::System.Text.Json.Utf8JsonWriter(stream, new global::System.Text.Json.JsonWriterOptions { Indented = indented, Encoder = encoder }))
            {
                write(writer, value);
            }

            return stream.ToArray();
        }

        /// <summary>Moves to the next token; the end of the data before the end of the value means the body was cut off.</summary>
        private static global::System.Text.Json.JsonTokenType Next(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (!reader.Read())
            {
                throw new JsonReadFailure("the JSON ends before the value is complete (the body was cut off)", string.Empty);
            }

            return reader.TokenType;
        }

        /// <summary>
        /// Moves to the next property name of an object, false at its end. Clears <paramref name="at"/>: past a property, a
        /// failure belongs to the object.
        /// </summary>
        private static bool NextProperty(ref global::System.Text.Json.Utf8JsonReader reader, ref string? at)
        {
            at = null;
            return Next(ref reader) != global::System.Text.Json.JsonTokenType.EndObject;
        }

        /// <summary>Moves to the value of the property just matched, whose path is <paramref name="path"/> from here on; true when it is null.</summary>
        private static bool NextValueIsNull(ref global::System.Text.Json.Utf8JsonReader reader, ref string? at, string path)
        {
            at = path;
            return Next(ref reader) == global::System.Text.Json.JsonTokenType.Null;
        }

        private static void SkipValue(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (!reader.TrySkip())
            {
                throw new JsonReadFailure("the JSON ends before the value is complete (the body was cut off)", string.Empty);
            }
        }

        private static void ExpectToken(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Text.Json.JsonTokenType expected, string description)
        {
            if (reader.TokenType != expected)
            {
                throw Unexpected(ref reader, description);
            }
        }

        internal static string ReadString(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            ExpectToken(ref reader, global::System.Text.Json.JsonTokenType.String, "a string");
            return reader.GetString()!;
        }

        internal static bool ReadBoolean(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case global::System.Text.Json.JsonTokenType.True:
                    return true;
                case global::System.Text.Json.JsonTokenType.False:
                    return false;
                default:
                    throw Unexpected(ref reader, "true or false");
            }
        }

        internal static int ReadInt32(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.Number || !reader.TryGetInt32(out var value))
            {
                throw Unexpected(ref reader, "an integer from -2147483648 to 2147483647");
            }

            return value;
        }

        internal static long ReadInt64(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.Number || !reader.TryGetInt64(out var value))
            {
                throw Unexpected(ref reader, "a 64-bit integer");
            }

            return value;
        }

        internal static double ReadDouble(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.Number || !reader.TryGetDouble(out var value) || double.IsInfinity(value))
            {
                throw Unexpected(ref reader, "a number");
            }

            return value;
        }

        internal static float ReadSingle(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.Number || !reader.TryGetSingle(out var value) || float.IsInfinity(value))
            {
                throw Unexpected(ref reader, "a single-precision number");
            }

            return value;
        }

        internal static decimal ReadDecimal(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.Number || !reader.TryGetDecimal(out var value))
            {
                throw Unexpected(ref reader, "a decimal number");
            }

            return value;
        }

        internal static global::System.DateTimeOffset ReadDateTimeOffset(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.String || !reader.TryGetDateTimeOffset(out var value))
            {
                throw Unexpected(ref reader, "an RFC 3339 date-time such as 2024-01-01T00:00:00Z");
            }

            return value;
        }

        internal static global::System.Guid ReadGuid(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.String || !reader.TryGetGuid(out var value))
            {
                throw Unexpected(ref reader, "a UUID");
            }

            return value;
        }

        internal static global::System.Text.Json.JsonElement ReadJsonElement(ref global::System.Text.Json.Utf8JsonReader reader) =>
            global::System.Text.Json.JsonElement.ParseValue(ref reader);

        /// <summary>The text of a scalar as sent: a string's value, or a number's or literal's JSON text.</summary>
        private static string RawScalarText(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case global::System.Text.Json.JsonTokenType.String:
                    return reader.GetString()!;
                case global::System.Text.Json.JsonTokenType.Number:
                case global::System.Text.Json.JsonTokenType.True:
                case global::System.Text.Json.JsonTokenType.False:
                    return global::System.Text.Encoding.UTF8.GetString(reader.ValueSpan.ToArray());
                default:
                    throw Unexpected(ref reader, "a string");
            }
        }

        private static string UnrecognizedText(global::System.Collections.Generic.IReadOnlyDictionary<string, string>? unrecognizedValues, string key, string enumName, int value)
        {
            if (unrecognizedValues is not null && unrecognizedValues.TryGetValue(key, out var text))
            {
                return text;
            }

            throw new global::System.Text.Json.JsonException(
                "'" + key + "' holds " + enumName + " value " + value.ToString(global::System.Globalization.CultureInfo.InvariantCulture) +
                ", which has no wire string, and UnrecognizedValues keeps no raw text for it.");
        }

        private static string PropertyStep(string name) => "['" + name.Replace("\\", "\\\\").Replace("'", "\\'") + "']";

        private static JsonReadFailure Unexpected(ref global::System.Text.Json.Utf8JsonReader reader, string expected) =>
            new JsonReadFailure("expected " + expected + ", found " + Found(ref reader), string.Empty);

        /// <summary>Describes the current token for an error message, with at most 100 characters of its text.</summary>
        private static string Found(ref global::System.Text.Json.Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case global::System.Text.Json.JsonTokenType.StartObject:
                    return "an object";
                case global::System.Text.Json.JsonTokenType.StartArray:
                    return "an array";
                case global::System.Text.Json.JsonTokenType.Null:
                    return "null";
                case global::System.Text.Json.JsonTokenType.String:
                    return "the string '" + Excerpt(reader.GetString()!) + "'";
                default:
                    return "'" + Excerpt(global::System.Text.Encoding.UTF8.GetString(reader.ValueSpan.ToArray())) + "'";
            }
        }

        private static string Excerpt(string text) => text.Length <= 100 ? text : text.Substring(0, 100) + "… (" + text.Length.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " characters)";

        /// <summary>Failures that a read turns into a path-carrying message: ours, and the reader's own for malformed JSON.</summary>
        private static bool IsReadFailure(global::System.Exception exception) =>
            exception is JsonReadFailure || exception is global::System.Text.Json.JsonException || exception is global::System.InvalidOperationException;

        /// <summary>
        /// A read failure on its way out of nested readers; each level prepends its step, so the path costs nothing
        /// until something fails.
        /// </summary>
        internal sealed class JsonReadFailure : global::System.Exception
        {
            public JsonReadFailure(string reason, string pathSuffix)
                : base(reason)
            {
                Reason = reason;
                PathSuffix = pathSuffix;
            }

            public string Reason { get; }

            public string PathSuffix { get; }

            public static global::System.Exception Within(global::System.Exception exception, string step) =>
                exception is JsonReadFailure failure
                    ? new JsonReadFailure(failure.Reason, step + failure.PathSuffix)
                    : new JsonReadFailure("the JSON is not valid: " + exception.Message, step);
        }

        /// <summary>
        /// Collects array items in a pooled buffer and hands out an exact-size array: no List growth, no slack left
        /// in the object graph.
        /// </summary>
        private struct ArrayBuilder<T>
        {
            private T[]? _items;
            private int _count;

            public int Count => _count;

            public void Add(T item)
            {
                if (_items is null)
                {
                    _items = global::System.Buffers.ArrayPool<T>.Shared.Rent(8);
                }
                else if (_count == _items.Length)
                {
                    var larger = global::System.Buffers.ArrayPool<T>.Shared.Rent(_items.Length * 2);
                    global::System.Array.Copy(_items, larger, _count);
                    global::System.Buffers.ArrayPool<T>.Shared.Return(_items, clearArray: true);
                    _items = larger;
                }

                _items[_count++] = item;
            }

            public T[] ToArray()
            {
                if (_count == 0)
                {
                    return global::System.Array.Empty<T>();
                }

                var result = new T[_count];
                global::System.Array.Copy(_items!, result, _count);
                return result;
            }

            public void Dispose()
            {
                if (_items is not null)
                {
                    global::System.Buffers.ArrayPool<T>.Shared.Return(_items, clearArray: true);
                    _items = null;
                }
            }
        }

        /// <summary>Adapts a generated reader and writer to System.Text.Json.</summary>
        internal sealed class Converter<T> : global::System.Text.Json.Serialization.JsonConverter<T>
        {
            private readonly ValueReader<T> _read;
            private readonly global::System.Action<global::System.Text.Json.Utf8JsonWriter, T> _write;

            public Converter(ValueReader<T> read, global::System.Action<global::System.Text.Json.Utf8JsonWriter, T> write)
            {
                _read = read;
                _write = write;
            }

            public override T? Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options)
            {
                try
                {
                    return _read(ref reader);
                }
                catch (JsonReadFailure failure)
                {
                    throw new global::System.Text.Json.JsonException("$" + failure.PathSuffix + ": " + failure.Reason, failure);
                }
            }

            public override void Write(global::System.Text.Json.Utf8JsonWriter writer, T value, global::System.Text.Json.JsonSerializerOptions options) => _write(writer, value);
        }
        """;
}
