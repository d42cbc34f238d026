using System;
using System.Collections.Generic;
using System.Linq;
using Applivery.Generators.Diagnostics;
using Applivery.Generators.OpenApi;

namespace Applivery.Generators.Model;

/// <summary>
/// The request body of an operation. Of the media types a body offers, JSON wins when present; otherwise the first
/// one (in spec order) that can be sent. Only when none can is the operation skipped, with APG005 for each media type.
/// </summary>
internal sealed partial class OperationBuilder
{
    private static readonly string[] FormStyles = { "form", "spaceDelimited", "pipeDelimited", "deepObject" };

    private RequestBodySpec? BuildRequestBody(string methodName, SpecNode node, string pointer, string parameterName)
    {
        if (_references.Resolve(node) is not SpecMapping body)
        {
            return null;
        }

        var content = body.GetMapping("content");
        var isRequired = body.GetScalar("required")?.AsBoolean() == true;
        var summary = body.GetString("description");
        if (content is null || content.Entries.Count == 0)
        {
            _diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, body.Span, $"The request body of {methodName} without any media type", "nothing says how to send it; the operation is skipped");
            return null;
        }

        // JSON first (as before), then every other media type in the order the spec lists them.
        var (jsonType, _) = FindJsonContent(content);
        var candidates = content.Entries
            .OrderBy(entry => entry.Key.Value == jsonType ? 0 : 1)
            .ToList();
        var refusals = new List<(SpecScalar Key, string Reason)>();
        foreach (var entry in candidates)
        {
            var media = _references.Resolve(entry.Value) as SpecMapping;
            var mediaPointer = pointer + "/content/" + JsonPointer.Escape(entry.Key.Value);
            var built = BuildBodyFor(methodName, entry.Key.Value, media, mediaPointer, isRequired, summary, parameterName, out var reason);
            if (built is not null)
            {
                return built;
            }

            refusals.Add((entry.Key, reason!));
        }

        foreach (var (key, reason) in refusals)
        {
            _diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, key.Span, $"The request body of {methodName} as '{key.Value}'", reason + (refusals.Count > 1 ? "; no media type of the body can be sent, so the operation is skipped" : "; the operation is skipped"));
        }

        return null;
    }

    /// <summary>The body as one media type, or null with the reason it cannot be sent.</summary>
    private RequestBodySpec? BuildBodyFor(string methodName, string contentType, SpecMapping? media, string pointer, bool isRequired, string? summary, string parameterName, out string? reason)
    {
        reason = null;
        var schemaNode = media?["schema"];
        var schema = schemaNode is null ? null : _references.Resolve(schemaNode) as SpecMapping;
        var kind = KindOf(contentType, schema);
        if (kind is null)
        {
            reason = FormMediaType(contentType).StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)
                ? "only multipart/form-data (named parts) can be sent, not this kind of multipart"
                : "only JSON, form, multipart, binary and text bodies can be sent, and this one has a structured (non-string) schema";
            return null;
        }

        var schemaPointer = pointer + "/schema";
        TypeRef Mapped() => schemaNode is null
            ? TypeRef.JsonElement
            : _schemas.Map(schemaNode, methodName + "Request", schemaPointer).Type;

        switch (kind.Value)
        {
            case RequestBodyKind.Json:
                return new RequestBodySpec(contentType, Mapped(), isRequired, summary, parameterName);

            case RequestBodyKind.Binary:
                return new RequestBodySpec(contentType, TypeRef.Primitive(TypeKind.File, ConstraintSpec.None), isRequired, summary, parameterName, RequestBodyKind.Binary);

            case RequestBodyKind.Text:
            {
                var type = schema?.GetString("type") == "string" ? Mapped() : null;
                return new RequestBodySpec(contentType, type is { Kind: TypeKind.String } ? type : TypeRef.Primitive(TypeKind.String, ConstraintSpec.None), isRequired, summary, parameterName, RequestBodyKind.Text);
            }

            case RequestBodyKind.Form:
            {
                if (schemaNode is null)
                {
                    reason = "a form body needs a schema that lists its fields";
                    return null;
                }

                var type = Mapped();
                if (type.Kind is not (TypeKind.Object or TypeKind.Map or TypeKind.JsonElement))
                {
                    reason = "a form body is a set of fields, so its schema must be an object";
                    return null;
                }

                return new RequestBodySpec(FormMediaType(contentType), type, isRequired, summary, parameterName, RequestBodyKind.Form, ReadEncodings(methodName, media!, isForm: true));
            }

            default:
            {
                if (schemaNode is null)
                {
                    reason = "a multipart body needs a schema that lists its parts";
                    return null;
                }

                var type = Mapped();
                if (type.Kind != TypeKind.Object)
                {
                    reason = "a multipart body is one part per property, so its schema must be an object with properties";
                    return null;
                }

                var encodings = ReadEncodings(methodName, media!, isForm: false);
                return new RequestBodySpec(FormMediaType(contentType), type, isRequired, summary, parameterName, RequestBodyKind.Multipart, WithFileMediaTypes(encodings, schema));
            }
        }
    }

    /// <summary>What a media type means for the body; null when the project cannot send it.</summary>
    private static RequestBodyKind? KindOf(string contentType, SpecMapping? schema)
    {
        var mediaType = FormMediaType(contentType).ToLowerInvariant();
        if (IsJsonMediaType(mediaType))
        {
            return RequestBodyKind.Json;
        }

        switch (mediaType)
        {
            case "application/x-www-form-urlencoded":
                return RequestBodyKind.Form;
            case "multipart/form-data":
            case "application/form-data":
                return RequestBodyKind.Multipart;
        }

        var schemaType = schema?.GetString("type");
        var isBinarySchema = schema is not null && schemaType is null or "string" &&
            (schema.GetString("format") == "binary" || (schema.ContainsKey("contentMediaType") && !schema.ContainsKey("contentEncoding")));
        if (isBinarySchema)
        {
            return RequestBodyKind.Binary;
        }

        if (mediaType.StartsWith("text/", StringComparison.Ordinal))
        {
            return RequestBodyKind.Text;
        }

        if (mediaType.StartsWith("multipart/", StringComparison.Ordinal))
        {
            // multipart/mixed, multipart/related: parts without names, not a form.
            return null;
        }

        if (mediaType == "application/octet-stream" || mediaType.StartsWith("image/", StringComparison.Ordinal) ||
            mediaType.StartsWith("audio/", StringComparison.Ordinal) || mediaType.StartsWith("video/", StringComparison.Ordinal) ||
            mediaType.StartsWith("font/", StringComparison.Ordinal) || mediaType is "application/pdf" or "application/zip" or "application/gzip")
        {
            return RequestBodyKind.Binary;
        }

        // Any other media type (application/xml, application/sql, …): raw bytes without a schema, text with a string one.
        return schema is null ? RequestBodyKind.Binary : schemaType == "string" ? RequestBodyKind.Text : null;
    }

    private static bool IsJsonMediaType(string mediaType) =>
        mediaType is "application/json" or "text/json" or "*/*" || mediaType.EndsWith("+json", StringComparison.Ordinal);

    /// <summary>The media type without parameters (<c>; charset=utf-8</c>), as the Content-Type of a form.</summary>
    private static string FormMediaType(string contentType) => contentType.Split(';')[0].Trim();

    private EquatableArray<PropertyEncodingSpec> ReadEncodings(string methodName, SpecMapping media, bool isForm)
    {
        if (media.GetMapping("encoding") is not { } encoding)
        {
            return EquatableArray<PropertyEncodingSpec>.Empty;
        }

        var result = new List<PropertyEncodingSpec>();
        foreach (var entry in encoding.Entries)
        {
            if (_references.Resolve(entry.Value) is not SpecMapping entryMap)
            {
                continue;
            }

            var contentType = entryMap.GetString("contentType");
            if (!isForm)
            {
                if (entryMap.KeyNode("headers") is { } headers)
                {
                    _diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, headers.Span, $"'headers' of the part '{entry.Key.Value}' of {methodName}'s body", "the part is sent without them");
                }

                // Parts are sent as RFC 7578 asks: one part per array item, objects as JSON. Another style is not applied.
                var partStyle = entryMap.GetScalar("style");
                if ((partStyle is not null && partStyle.Value != "form") || entryMap.GetScalar("explode")?.AsBoolean() == false)
                {
                    _diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, (partStyle ?? entryMap.GetScalar("explode"))!.Span, $"The style of the part '{entry.Key.Value}' of {methodName}'s multipart body", "each array item is sent as a part of its own and an object as a JSON part");
                }

                result.Add(new PropertyEncodingSpec(entry.Key.Value, FormStyle.Default, true, contentType));
                continue;
            }

            var styleNode = entryMap.GetScalar("style");
            var explode = entryMap.GetScalar("explode")?.AsBoolean();
            FormStyle style;
            if (styleNode is not null)
            {
                var index = Array.IndexOf(FormStyles, styleNode.Value);
                if (index < 0)
                {
                    _diagnostics.Report(DiagnosticDescriptors.InvalidKeywordValue, styleNode.Span, $"style of the form field '{entry.Key.Value}'", styleNode.Value, "expected form, spaceDelimited, pipeDelimited or deepObject (form is used)");
                    index = 0;
                }

                style = (FormStyle)(index + 1);
            }
            else if (explode is not null)
            {
                style = FormStyle.Form;
            }
            else
            {
                style = contentType is not null && IsJsonMediaType(FormMediaType(contentType).ToLowerInvariant()) ? FormStyle.Json : FormStyle.Default;
            }

            result.Add(new PropertyEncodingSpec(entry.Key.Value, style, explode ?? style is FormStyle.Form or FormStyle.Default, contentType));
        }

        return result.ToEquatableArray();
    }

    /// <summary>
    /// A file property whose schema names its media type (3.1's <c>contentMediaType</c>, on it or its items) and that
    /// has no encoding <c>contentType</c>: the part is sent with that media type.
    /// </summary>
    private EquatableArray<PropertyEncodingSpec> WithFileMediaTypes(EquatableArray<PropertyEncodingSpec> encodings, SpecMapping? schema)
    {
        if (schema?.GetMapping("properties") is not { } properties)
        {
            return encodings;
        }

        var result = encodings.ToList();
        foreach (var entry in properties.Entries)
        {
            var property = _references.Resolve(entry.Value) as SpecMapping;
            var fileSchema = property?.GetString("type") == "array" && property["items"] is { } items ? _references.Resolve(items) as SpecMapping : property;
            if (fileSchema?.GetString("contentMediaType") is { } mediaType && !fileSchema.ContainsKey("contentEncoding") && !result.Any(encoding => encoding.WireName == entry.Key.Value))
            {
                result.Add(new PropertyEncodingSpec(entry.Key.Value, FormStyle.Default, true, mediaType));
            }
        }

        return result.ToEquatableArray();
    }

    private static (string? ContentType, SpecMapping? Media) FindJsonContent(SpecMapping? content)
    {
        if (content is null)
        {
            return (null, null);
        }

        foreach (var entry in content.Entries)
        {
            var mediaType = entry.Key.Value.Split(';')[0].Trim().ToLowerInvariant();
            if (mediaType is "application/json" or "text/json" or "*/*" || mediaType.EndsWith("+json", StringComparison.Ordinal))
            {
                return (entry.Key.Value, entry.Value as SpecMapping);
            }
        }

        return (null, null);
    }
}
