namespace Applivery.Generators.Model;

/// <summary>How a request body goes on the wire; chosen from its media type (see README, "Request bodies").</summary>
internal enum RequestBodyKind
{
    /// <summary><c>application/json</c>, <c>+json</c>: the generated JSON writer.</summary>
    Json,

    /// <summary><c>application/x-www-form-urlencoded</c>: the model's properties as form fields, by their encoding entries.</summary>
    Form,

    /// <summary><c>multipart/form-data</c> (or <c>application/form-data</c>): one part per property; files streamed.</summary>
    Multipart,

    /// <summary>Any binary media type: a <c>FileUpload</c>, streamed.</summary>
    Binary,

    /// <summary><c>text/*</c>, or a string schema under another media type: a <c>string</c> sent as UTF-8.</summary>
    Text,
}

/// <summary>How one form field is written (<c>style</c> of OpenAPI's Encoding Object).</summary>
internal enum FormStyle
{
    /// <summary>No <c>style</c>/<c>explode</c>: the Encoding Object's <c>contentType</c> rules apply (an object is sent as JSON).</summary>
    Default,
    Form,
    SpaceDelimited,
    PipeDelimited,
    DeepObject,

    /// <summary><c>contentType: application/json</c> without a style: the whole value as JSON text.</summary>
    Json,
}

/// <param name="ParameterName">
/// The C# name of the body parameter: <c>body</c>, unless a spec parameter already has that name (the spec's names win).
/// </param>
/// <param name="ContentType">The media type as the spec writes it; also the <c>Content-Type</c> sent (for a form, without parameters).</param>
/// <param name="Encodings">The <c>encoding</c> entries of a form or multipart body, one per property that has one.</param>
internal sealed record RequestBodySpec(
    string ContentType,
    TypeRef Type,
    bool IsRequired,
    string? Summary,
    string ParameterName,
    RequestBodyKind Kind = RequestBodyKind.Json,
    EquatableArray<PropertyEncodingSpec> Encodings = default);

/// <summary>One entry of a media type's <c>encoding</c> map.</summary>
/// <param name="WireName">The property it applies to.</param>
/// <param name="Explode">The effective <c>explode</c> (default true for <c>form</c>, false for the other styles).</param>
/// <param name="ContentType">The part's <c>contentType</c> as written, or null.</param>
internal sealed record PropertyEncodingSpec(string WireName, FormStyle Style, bool Explode, string? ContentType);
