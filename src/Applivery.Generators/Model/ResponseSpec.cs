namespace Applivery.Generators.Model;

/// <summary>How the client reads a response body.</summary>
internal enum ResponseBodyKind
{
    /// <summary>No body: none declared, or a <c>204</c>/<c>205</c>, which cannot have one.</summary>
    None,

    /// <summary>A JSON body, read as <see cref="ResponseSpec.Type"/>.</summary>
    Json,

    /// <summary>A text body (<c>text/*</c>, XML, YAML), read as a <c>string</c> in the charset of its Content-Type.</summary>
    Text,

    /// <summary>Any other body (<c>application/octet-stream</c>, images, PDF, <c>format: binary</c>), returned as a stream.</summary>
    Binary,
}

/// <param name="StatusCode">The status code as in the spec: <c>200</c>, <c>4XX</c> or <c>default</c>.</param>
/// <param name="ContentType">The media type the client reads (the JSON one when there are several), or null when it reads no body.</param>
/// <param name="Type">The JSON body's type, or null when the body is not JSON.</param>
/// <param name="BodyKind">How the body is read.</param>
/// <param name="MediaTypes">Every valid media type the response declares, in spec order (for the Accept header).</param>
/// <param name="ResultTypeName">
/// For a success of an operation whose 2xx responses have different bodies: the generated result type that holds them
/// (<c>{Operation}Result</c>); else null.
/// </param>
/// <param name="ResultPropertyName">The property of <paramref name="ResultTypeName"/> for this status, such as <c>Ok</c>.</param>
internal sealed record ResponseSpec(
    string StatusCode,
    string? Description,
    string? ContentType,
    TypeRef? Type,
    ResponseBodyKind BodyKind,
    EquatableArray<string> MediaTypes,
    string? ResultTypeName,
    string? ResultPropertyName)
{
    public bool IsSuccess => StatusCode.StartsWith("2", System.StringComparison.Ordinal);
}
