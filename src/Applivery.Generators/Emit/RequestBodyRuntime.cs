namespace Applivery.Generators.Emit;

/// <summary>
/// The fixed private helpers of the client for form and multipart bodies (the wire rules of OpenAPI's Encoding Object),
/// emitted only when an operation sends such a body.
/// </summary>
internal static class RequestBodyRuntime
{
    public const string Form = """
        /// <summary>How a form field is written: the <c>style</c> of its OpenAPI encoding entry.</summary>
        private enum FormStyle_
        {
            /// <summary>No style given: a primitive as text, an array as repeated fields, an object as JSON text.</summary>
            Default,
            Form,
            SpaceDelimited,
            PipeDelimited,
            DeepObject,
            /// <summary><c>contentType: application/json</c>: the whole value as JSON text.</summary>
            Json,
        }

        /// <summary>
        /// An <c>application/x-www-form-urlencoded</c> body from the model's JSON: each top-level property becomes
        /// fields as <paramref name="encodingOf"/> says (null: the defaults for every property); nulls are left out.
        /// </summary>
        private static global::System.Net.Http.HttpContent FormContent_(byte[] json, global::System.Func<string, (FormStyle_ Style, bool Explode)>? encodingOf)
        {
            var form = new global::System.Text.StringBuilder();
            using (var document = global::System.Text.Json.JsonDocument.Parse(json))
            {
                if (document.RootElement.ValueKind != global::System.Text.Json.JsonValueKind.Object)
                {
                    throw new global::System.ArgumentException("A form body must be an object (a set of fields), but was " + document.RootElement.ValueKind + ".");
                }

                foreach (var property in document.RootElement.EnumerateObject())
                {
                    var (style, explode) = encodingOf is null ? (FormStyle_.Default, true) : encodingOf(property.Name);
                    AppendFormField_(form, property.Name, property.Value, style, explode);
                }
            }

            var content = new global::System.Net.Http.ByteArrayContent(global::System.Text.Encoding.ASCII.GetBytes(form.ToString()));
            content.Headers.ContentType = new global::System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
            return content;
        }

        private static void AppendFormField_(global::System.Text.StringBuilder form, string name, global::System.Text.Json.JsonElement value, FormStyle_ style, bool explode)
        {
            switch (value.ValueKind)
            {
                case global::System.Text.Json.JsonValueKind.Null:
                case global::System.Text.Json.JsonValueKind.Undefined:
                    return;
                case global::System.Text.Json.JsonValueKind.Array when style == FormStyle_.DeepObject:
                    AppendDeepObject_(form, name, value);
                    return;
                case global::System.Text.Json.JsonValueKind.Array when style != FormStyle_.Json:
                {
                    var items = new global::System.Collections.Generic.List<string>();
                    foreach (var item in value.EnumerateArray())
                    {
                        if (item.ValueKind != global::System.Text.Json.JsonValueKind.Null)
                        {
                            items.Add(FormEscape_(FormText_(item)));
                        }
                    }

                    if (explode && items.Count > 0)
                    {
                        foreach (var item in items)
                        {
                            AppendFormPair_(form, FormEscape_(name), item);
                        }
                    }
                    else
                    {
                        AppendFormPair_(form, FormEscape_(name), string.Join(FormDelimiter_(style), items));
                    }

                    return;
                }

                case global::System.Text.Json.JsonValueKind.Object when style == FormStyle_.DeepObject:
                    AppendDeepObject_(form, name, value);
                    return;
                case global::System.Text.Json.JsonValueKind.Object when style is FormStyle_.Form or FormStyle_.SpaceDelimited or FormStyle_.PipeDelimited:
                {
                    if (explode)
                    {
                        // form, exploded: each property of the object is a field of its own (R=100&G=200).
                        foreach (var property in value.EnumerateObject())
                        {
                            if (property.Value.ValueKind != global::System.Text.Json.JsonValueKind.Null)
                            {
                                AppendFormPair_(form, FormEscape_(property.Name), FormEscape_(FormText_(property.Value)));
                            }
                        }

                        return;
                    }

                    var pairs = new global::System.Collections.Generic.List<string>();
                    foreach (var property in value.EnumerateObject())
                    {
                        if (property.Value.ValueKind != global::System.Text.Json.JsonValueKind.Null)
                        {
                            pairs.Add(FormEscape_(property.Name));
                            pairs.Add(FormEscape_(FormText_(property.Value)));
                        }
                    }

                    AppendFormPair_(form, FormEscape_(name), string.Join(FormDelimiter_(style), pairs));
                    return;
                }

                default:
                    // A primitive as its text; an object without a style (or with contentType JSON) as JSON text.
                    AppendFormPair_(form, FormEscape_(name), FormEscape_(style == FormStyle_.Json ? value.GetRawText() : FormText_(value)));
                    return;
            }
        }

        /// <summary>deepObject: <c>name[key]=value</c>, nested objects as further <c>[key]</c>s and array items as <c>[0]</c>, <c>[1]</c>, ….</summary>
        private static void AppendDeepObject_(global::System.Text.StringBuilder form, string key, global::System.Text.Json.JsonElement value)
        {
            switch (value.ValueKind)
            {
                case global::System.Text.Json.JsonValueKind.Object:
                    foreach (var property in value.EnumerateObject())
                    {
                        AppendDeepObject_(form, key + "[" + property.Name + "]", property.Value);
                    }

                    return;
                case global::System.Text.Json.JsonValueKind.Array:
                    var index = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        AppendDeepObject_(form, key + "[" + index.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + "]", item);
                        index++;
                    }

                    return;
                case global::System.Text.Json.JsonValueKind.Null:
                case global::System.Text.Json.JsonValueKind.Undefined:
                    return;
                default:
                    AppendFormPair_(form, FormEscape_(key), FormEscape_(FormText_(value)));
                    return;
            }
        }

        /// <summary>The delimiter of a non-exploded list, percent-encoded as the form requires.</summary>
        private static string FormDelimiter_(FormStyle_ style) => style switch
        {
            FormStyle_.SpaceDelimited => "%20",
            FormStyle_.PipeDelimited => "%7C",
            _ => ",",
        };

        private static void AppendFormPair_(global::System.Text.StringBuilder form, string escapedName, string escapedValue)
        {
            if (form.Length > 0)
            {
                form.Append('&');
            }

            form.Append(escapedName).Append('=').Append(escapedValue);
        }

        /// <summary>A scalar as text (a string's value, a number or literal as written); an object or array as JSON.</summary>
        private static string FormText_(global::System.Text.Json.JsonElement value) =>
            value.ValueKind == global::System.Text.Json.JsonValueKind.String ? value.GetString()! : value.GetRawText();

        /// <summary>
        /// Form encoding of UTF-8 text: letters, digits and <c>-._~</c> as they are, a space as <c>+</c>, every other
        /// byte as <c>%XX</c> (what <c>FormUrlEncodedContent</c> does, without its length limit on older frameworks).
        /// </summary>
        private static string FormEscape_(string text)
        {
            const string Hex = "0123456789ABCDEF";
            var builder = new global::System.Text.StringBuilder(text.Length);
            foreach (var b in global::System.Text.Encoding.UTF8.GetBytes(text))
            {
                if (b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~')
                {
                    builder.Append((char)b);
                }
                else if (b == (byte)' ')
                {
                    builder.Append('+');
                }
                else
                {
                    builder.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 15]);
                }
            }

            return builder.ToString();
        }

        """;

    /// <summary>The part of a file, only where a <c>FileUpload</c> exists (a client that uses one).</summary>
    public static string FilePart(string ns) => $$"""
        /// <summary>A file part, streamed; its Content-Disposition always has a file name (the property's when the file names none).</summary>
        private static void AddFilePart_(global::System.Net.Http.MultipartFormDataContent parts, string name, global::{{ns}}.{{FileUploadEmitter.TypeName}} file, string defaultContentType)
        {
            var part = file.ToHttpContent(defaultContentType);
            part.Headers.ContentDisposition = FormDataDisposition_(name, file.FileName is { Length: > 0 } fileName ? fileName : name);
            parts.Add(part);
        }

        """;

    public const string Multipart = """
        /// <summary>A multipart form with a token boundary, sent unquoted (some servers reject a quoted one).</summary>
        private static global::System.Net.Http.MultipartFormDataContent MultipartContent_(string mediaType)
        {
            var boundary = "----applivery-" + global::System.Guid.NewGuid().ToString("N");
            var parts = new global::System.Net.Http.MultipartFormDataContent(boundary);
            parts.Headers.ContentType = global::System.Net.Http.Headers.MediaTypeHeaderValue.Parse(mediaType + "; boundary=" + boundary);
            return parts;
        }

        /// <summary>A text part (UTF-8, no Content-Type unless the spec names one, as browsers send fields).</summary>
        private static void AddTextPart_(global::System.Net.Http.MultipartFormDataContent parts, string name, string value, string? contentType)
        {
            var part = new global::System.Net.Http.ByteArrayContent(global::System.Text.Encoding.UTF8.GetBytes(value));
            if (contentType is not null)
            {
                part.Headers.ContentType = global::System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
            }

            part.Headers.ContentDisposition = FormDataDisposition_(name, null);
            parts.Add(part);
        }

        /// <summary>A JSON part: the value written by the generated JSON writer.</summary>
        private static void AddJsonPart_(global::System.Net.Http.MultipartFormDataContent parts, string name, byte[] json, string contentType)
        {
            var part = new global::System.Net.Http.ByteArrayContent(json);
            part.Headers.ContentType = global::System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
            part.Headers.ContentDisposition = FormDataDisposition_(name, null);
            parts.Add(part);
        }

        /// <summary>A free-form value: a string as text, anything else as a JSON part; nothing for null.</summary>
        private static void AddJsonElementPart_(global::System.Net.Http.MultipartFormDataContent parts, string name, global::System.Text.Json.JsonElement value, string? contentType)
        {
            switch (value.ValueKind)
            {
                case global::System.Text.Json.JsonValueKind.Null:
                case global::System.Text.Json.JsonValueKind.Undefined:
                    return;
                case global::System.Text.Json.JsonValueKind.String:
                    AddTextPart_(parts, name, value.GetString()!, contentType);
                    return;
                default:
                    AddJsonPart_(parts, name, global::System.Text.Encoding.UTF8.GetBytes(value.GetRawText()), contentType ?? "application/json");
                    return;
            }
        }

        /// <summary>
        /// <c>form-data; name="…"; filename="…"</c>, quoted; a quote or line break in a name is percent-encoded (as
        /// browsers do); a non-ASCII file name also goes in <c>filename*</c> (RFC 6266) with an ASCII fallback.
        /// </summary>
        private static global::System.Net.Http.Headers.ContentDispositionHeaderValue FormDataDisposition_(string name, string? fileName)
        {
            var disposition = new global::System.Net.Http.Headers.ContentDispositionHeaderValue("form-data") { Name = QuotedFormName_(name) };
            if (fileName is not null)
            {
                var ascii = new global::System.Text.StringBuilder(fileName.Length);
                var isAscii = true;
                foreach (var c in fileName)
                {
                    isAscii &= c < 128;
                    ascii.Append(c is >= ' ' and < (char)127 ? c : '_');
                }

                disposition.FileName = QuotedFormName_(ascii.ToString());
                if (!isAscii)
                {
                    disposition.FileNameStar = fileName;
                }
            }

            return disposition;
        }

        private static string QuotedFormName_(string name) =>
            "\"" + name.Replace("\"", "%22").Replace("\r", "%0D").Replace("\n", "%0A") + "\"";

        """;
}
