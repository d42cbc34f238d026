using System;
using System.Collections.Generic;
using System.Linq;
using Applivery.Generators.Diagnostics;
using Applivery.Generators.OpenApi;

namespace Applivery.Generators.Model;

/// <summary>The responses of an operation and the names of their inline body types.</summary>
internal sealed partial class OperationBuilder
{
    /// <summary>
    /// The type names of the operations' result types (<c>{Operation}Result</c>), so a schema of that name is seen;
    /// set by <see cref="ClientSpecBuilder"/>. Without it the natural name is used.
    /// </summary>
    internal TypeNameRegistry? TypeNames { get; init; }

    private EquatableArray<ResponseSpec> BuildResponses(string methodName, SpecMapping operation, string pointer)
    {
        var responses = new List<ResponseSpec>();
        if (operation.GetMapping("responses") is not { } responseMap)
        {
            return EquatableArray<ResponseSpec>.Empty;
        }

        var isFirstSuccess = true;
        foreach (var entry in responseMap.Entries)
        {
            var status = entry.Key.Value;
            if (status.StartsWith("x-", StringComparison.Ordinal) || _references.Resolve(entry.Value) is not SpecMapping response)
            {
                continue;
            }

            if (!IsStatusKey(status))
            {
                _diagnostics.Report(DiagnosticDescriptors.UnexpectedShape, entry.Key.Span, $"The response key '{status}' of {methodName}", "a status code (200), a range (2XX) or 'default'");
                continue;
            }

            var isSuccess = status.StartsWith("2", StringComparison.Ordinal);
            var mediaTypes = DeclaredMediaTypes(response.GetMapping("content"), methodName, status);
            var (kind, contentType, media) = ChooseResponseContent(mediaTypes);

            // A 204 or 205, and any answer to HEAD, has no body by HTTP's definition (RFC 9110 §9.3.2, §15.3.5-6),
            // whatever content the spec lists.
            if (status is "204" or "205" || pointer.EndsWith("/head", StringComparison.Ordinal))
            {
                (kind, contentType, media) = (ResponseBodyKind.None, null, null);
            }

            TypeRef? type = null;
            if (kind == ResponseBodyKind.Json)
            {
                if (media?["schema"] is { } schema)
                {
                    var name = isSuccess && isFirstSuccess ? methodName + "Response" : methodName + StatusName(status) + "Response";
                    isFirstSuccess &= !isSuccess;
                    type = _schemas.Map(schema, name, $"{pointer}/responses/{status}/content/{JsonPointer.Escape(contentType!)}/schema").Type;
                }
                else
                {
                    // JSON without a schema is still a body: it is returned as it came.
                    type = TypeRef.JsonElement;
                }
            }

            var declared = mediaTypes.Select(item => item.MediaType).ToEquatableArray();
            responses.Add(new ResponseSpec(status, response.GetString("description"), contentType, type, kind, declared, null, null));
        }

        return WithResultType(methodName, operation, responses).ToEquatableArray();
    }

    /// <summary>
    /// Several 2xx responses whose bodies differ cannot share one return type: they become the properties of one
    /// generated <c>{Operation}Result</c>, beside its status code.
    /// </summary>
    private List<ResponseSpec> WithResultType(string methodName, SpecMapping operation, List<ResponseSpec> responses)
    {
        var shapes = responses.Where(response => response.IsSuccess && response.BodyKind != ResponseBodyKind.None)
            .Select(response => (response.BodyKind, response.Type))
            .Distinct()
            .Count();
        if (shapes < 2)
        {
            return responses;
        }

        var desired = methodName + "Result";
        var resultName = TypeNames?.Reserve(desired, "The result type of the operation", methodName, operation.KeyNode("responses")?.Span) ?? desired;
        var propertyNames = new HashSet<string>(StringComparer.Ordinal) { "StatusCode", "Dispose", "DisposeAsync" };
        return responses.Select(response => response.IsSuccess && response.BodyKind != ResponseBodyKind.None
            ? response with { ResultTypeName = resultName, ResultPropertyName = Identifiers.MakeUnique(StatusName(response.StatusCode), propertyNames) }
            : response.IsSuccess ? response with { ResultTypeName = resultName } : response).ToList();
    }

    /// <summary>What OpenAPI allows as a key of <c>responses</c>: <c>200</c>, <c>2XX</c> or <c>default</c>.</summary>
    private static bool IsStatusKey(string status) =>
        status.Equals("default", StringComparison.OrdinalIgnoreCase)
        || (status.Length == 3 && status[0] is >= '1' and <= '5' && ((char.IsDigit(status[1]) && char.IsDigit(status[2])) || (status[1] is 'X' or 'x' && status[2] is 'X' or 'x')));

    /// <summary>The content entries of a response whose key is a media type (or range); any other key is reported.</summary>
    private List<(string MediaType, SpecMapping? Media)> DeclaredMediaTypes(SpecMapping? content, string methodName, string status)
    {
        var result = new List<(string, SpecMapping?)>();
        foreach (var entry in content?.Entries ?? Array.Empty<KeyValuePair<SpecScalar, SpecNode>>())
        {
            var mediaType = entry.Key.Value.Trim();
            if (!MediaTypePattern.IsMatch(mediaType))
            {
                _diagnostics.Report(DiagnosticDescriptors.UnexpectedShape, entry.Key.Span, $"The media type '{entry.Key.Value}' of the {status} response of {methodName}", "'type/subtype' (RFC 6838), optionally with parameters");
                continue;
            }

            result.Add((mediaType, _references.Resolve(entry.Value) as SpecMapping));
        }

        return result;
    }

    /// <summary>
    /// Which of a response's media types the client reads: the first JSON one, else the first one in spec order.
    /// A <c>format: binary</c> schema is a stream whatever the media type; <c>text/*</c> and XML/YAML are text;
    /// a range (<c>*/*</c>) is JSON only when its schema describes JSON structure.
    /// </summary>
    private (ResponseBodyKind Kind, string? ContentType, SpecMapping? Media) ChooseResponseContent(List<(string MediaType, SpecMapping? Media)> mediaTypes)
    {
        var classified = mediaTypes.Select(item => (Kind: Classify(item.MediaType, item.Media), item.MediaType, item.Media)).ToList();
        foreach (var item in classified)
        {
            if (item.Kind == ResponseBodyKind.Json)
            {
                return item;
            }
        }

        return classified.Count > 0 ? classified[0] : (ResponseBodyKind.None, null, null);
    }

    private ResponseBodyKind Classify(string declaredMediaType, SpecMapping? media)
    {
        var mediaType = declaredMediaType.Split(';')[0].Trim().ToLowerInvariant();
        var schema = media?["schema"] is { } node ? _references.Resolve(node) as SpecMapping : null;
        if (schema is not null && IsBinarySchema(schema))
        {
            return ResponseBodyKind.Binary;
        }

        if (mediaType is "application/json" or "text/json" || mediaType.EndsWith("+json", StringComparison.Ordinal))
        {
            return ResponseBodyKind.Json;
        }

        if (mediaType is "*/*" or "application/*")
        {
            return schema is not null && DescribesJson(schema) ? ResponseBodyKind.Json : ResponseBodyKind.Binary;
        }

        // An event stream never ends: it is read as a stream, not as a bounded string.
        if (mediaType == "text/event-stream")
        {
            return ResponseBodyKind.Binary;
        }

        if (mediaType.StartsWith("text/", StringComparison.Ordinal) || mediaType.EndsWith("+xml", StringComparison.Ordinal)
            || mediaType is "application/xml" or "application/yaml" or "application/x-yaml" or "application/javascript" or "application/x-www-form-urlencoded")
        {
            return ResponseBodyKind.Text;
        }

        return ResponseBodyKind.Binary;
    }

    /// <summary><c>format: binary</c>, or (OpenAPI 3.1) a <c>contentMediaType</c> without a text <c>contentEncoding</c>.</summary>
    private static bool IsBinarySchema(SpecMapping schema) =>
        schema.GetString("format") == "binary" || (schema.GetString("contentMediaType") is not null && schema.GetString("contentEncoding") is null);

    /// <summary>A schema that only JSON can carry: an object, an array, a composition, a number or a boolean.</summary>
    private bool DescribesJson(SpecMapping schema)
    {
        if (schema.ContainsKey("properties") || schema.ContainsKey("items") || schema.ContainsKey("allOf") || schema.ContainsKey("oneOf") || schema.ContainsKey("anyOf") || schema.ContainsKey("additionalProperties"))
        {
            return true;
        }

        var types = schema["type"] switch
        {
            SpecScalar scalar => new[] { scalar.Value },
            SpecSequence sequence => sequence.Items.OfType<SpecScalar>().Select(item => item.Value).ToArray(),
            _ => Array.Empty<string>(),
        };
        return types.Any(type => type is "object" or "array" or "integer" or "number" or "boolean");
    }

    /// <summary>A media type or range with optional parameters, as an Accept header takes it.</summary>
    private static readonly System.Text.RegularExpressions.Regex MediaTypePattern = new(
        @"^[A-Za-z0-9!#$%&'*+.^_`|~-]+/[A-Za-z0-9!#$%&'*+.^_`|~-]+(\s*;\s*[A-Za-z0-9!#$%&'*+.^_`|~-]+=([A-Za-z0-9!#$%&'*+.^_`|~-]+|""[^""\\]*""))*$",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>The word a status code is known by, for the name of an inline response body type.</summary>
    internal static string StatusName(string status) => status.ToUpperInvariant() switch
    {
        "200" => "Ok",
        "201" => "Created",
        "202" => "Accepted",
        "203" => "NonAuthoritative",
        "206" => "PartialContent",
        "300" => "MultipleChoices",
        "400" => "BadRequest",
        "401" => "Unauthorized",
        "402" => "PaymentRequired",
        "403" => "Forbidden",
        "404" => "NotFound",
        "405" => "MethodNotAllowed",
        "406" => "NotAcceptable",
        "408" => "RequestTimeout",
        "409" => "Conflict",
        "410" => "Gone",
        "412" => "PreconditionFailed",
        "413" => "PayloadTooLarge",
        "415" => "UnsupportedMediaType",
        "422" => "UnprocessableEntity",
        "423" => "Locked",
        "429" => "TooManyRequests",
        "500" => "InternalServerError",
        "501" => "NotImplemented",
        "502" => "BadGateway",
        "503" => "ServiceUnavailable",
        "504" => "GatewayTimeout",
        "1XX" => "Informational",
        "2XX" => "Success",
        "3XX" => "Redirection",
        "4XX" => "ClientError",
        "5XX" => "ServerError",
        "DEFAULT" => "Default",
        _ => "Status" + string.Concat(Identifiers.SplitWords(status)),
    };
}
