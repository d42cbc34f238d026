namespace Applivery.Generators.Model;

internal enum ParameterLocation
{
    Path,
    Query,
    Header,
    Cookie,
}

/// <summary>OpenAPI's <c>style</c> of a parameter: how a value, an array or an object is laid out (RFC 6570).</summary>
internal enum ParameterStyle
{
    Simple,
    Form,
    Label,
    Matrix,
    SpaceDelimited,
    PipeDelimited,
    DeepObject,
}

/// <param name="Name">The C# parameter name (camelCase, escaped with @ when a keyword).</param>
/// <param name="WireName">The name in the path template, query string, header or cookie.</param>
/// <param name="Style">The serialization style: the spec's, or the location's default.</param>
/// <param name="Explode">The spec's <c>explode</c>, defaulting to true for <c>form</c> and false otherwise.</param>
/// <param name="AllowReserved">Query only: RFC 3986 reserved characters are sent unescaped.</param>
/// <param name="ContentType">
/// For a parameter described by <c>content</c> rather than <c>schema</c>: its media type. A JSON one sends the value
/// JSON-encoded (then escaped for its location); any other sends a primitive's text form.
/// </param>
/// <param name="NotSentReason">
/// Why the value cannot be serialized (reported as APG005): the parameter stays in the signature and a non-null value
/// throws <c>NotSupportedException</c> rather than being dropped; null when it is sent.
/// </param>
/// <param name="DefaultValue">The schema's <c>default</c> as its JSON text, for the docs: what the server uses when the parameter is not sent.</param>
internal sealed record ParameterSpec(
    string Name,
    string WireName,
    ParameterLocation Location,
    TypeRef Type,
    bool IsRequired,
    string? Summary,
    ParameterStyle Style,
    bool Explode,
    bool AllowReserved,
    string? ContentType,
    string? NotSentReason,
    string? DefaultValue = null)
{
    /// <summary>Whether the value is written with the JSON writer (a <c>content</c> parameter with a JSON media type).</summary>
    public bool IsJson => ContentType is { } type && IsJsonMediaType(type);

    public static bool IsJsonMediaType(string mediaType)
    {
        var type = mediaType.Split(';')[0].Trim().ToLowerInvariant();
        return type == "application/json" || type.EndsWith("+json", System.StringComparison.Ordinal);
    }
}
