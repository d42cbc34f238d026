namespace Applivery.Generators.Model;

/// <summary>What a security scheme of <c>components.securitySchemes</c> sends, as the generated client implements it.</summary>
internal enum SecuritySchemeKind
{
    /// <summary>A scheme whose shape is invalid (reported at its line): requirements naming it are never applied.</summary>
    Unsupported,

    /// <summary><c>type: apiKey</c>: a key in a header, the query or a cookie.</summary>
    ApiKey,

    /// <summary><c>type: http, scheme: basic</c>: <c>Authorization: Basic base64(user:password)</c>.</summary>
    Basic,

    /// <summary><c>type: http, scheme: bearer</c>, <c>oauth2</c> and <c>openIdConnect</c>: <c>Authorization: Bearer token</c>.</summary>
    Bearer,

    /// <summary><c>type: http</c> with any other scheme name: <c>Authorization: {scheme} {credentials}</c>.</summary>
    OtherHttp,

    /// <summary><c>type: mutualTLS</c>: the HttpClient handler's client certificate; nothing is added to the request.</summary>
    MutualTls,
}

/// <summary>Where an <c>apiKey</c> scheme's key goes.</summary>
internal enum ApiKeyLocation
{
    Header,
    Query,
    Cookie,
}

/// <summary>One entry of <c>components.securitySchemes</c>.</summary>
/// <param name="Name">The scheme's key exactly as in the spec, e.g. <c>petstore_auth</c>.</param>
/// <param name="PropertyName">The property of <c>{Client}Credentials</c> that holds its credential, e.g. <c>PetstoreAuth</c>.</param>
/// <param name="SpecType">The spec's <c>type</c>, e.g. <c>oauth2</c>, for documentation.</param>
/// <param name="WireName">
/// For <see cref="SecuritySchemeKind.ApiKey"/>: the header, query parameter or cookie name. For
/// <see cref="SecuritySchemeKind.OtherHttp"/>: the HTTP authentication scheme name as written (e.g. <c>Token</c>).
/// </param>
internal sealed record SecuritySchemeSpec(
    string Name,
    string PropertyName,
    SecuritySchemeKind Kind,
    string SpecType,
    string? WireName,
    ApiKeyLocation Location,
    string? Description)
{
    /// <summary>Whether the scheme has a credential the user gives (every kind but mutualTLS and invalid ones).</summary>
    public bool HasCredential => Kind is SecuritySchemeKind.ApiKey or SecuritySchemeKind.Basic or SecuritySchemeKind.Bearer or SecuritySchemeKind.OtherHttp;

    /// <summary>Whether the scheme writes the <c>Authorization</c> header (two of them cannot go in one request).</summary>
    public bool SetsAuthorization =>
        Kind is SecuritySchemeKind.Basic or SecuritySchemeKind.Bearer or SecuritySchemeKind.OtherHttp ||
        (Kind == SecuritySchemeKind.ApiKey && Location == ApiKeyLocation.Header && string.Equals(WireName, "Authorization", System.StringComparison.OrdinalIgnoreCase));
}

/// <summary>One alternative of a <c>security</c> array: every scheme it names is applied together (AND).</summary>
internal sealed record SecurityRequirementSpec(EquatableArray<SecuritySchemeSpec> Schemes);

/// <summary>What an operation's <c>security</c> (or the document's) asks for.</summary>
/// <param name="Alternatives">
/// The usable alternatives in spec order: the first one whose credentials are all configured is applied. Empty when
/// the requirement is <c>[]</c>, absent, or only <c>{}</c>; then nothing is sent.
/// </param>
/// <param name="Origin">Where the requirement comes from, for the generated comment: <c>operation</c>, <c>document</c> or <c>none</c>.</param>
/// <param name="DeclaredAlternatives">How many alternatives the spec's array has (0 for <c>security: []</c>), for the generated comment.</param>
/// <param name="SendsLegacyBearerToken">
/// The document declares no security scheme at all and the operation does not say <c>security: []</c>: a bearer token
/// given to the client's constructor is sent anyway (the behaviour before security schemes were read).
/// </param>
internal sealed record OperationSecuritySpec(EquatableArray<SecurityRequirementSpec> Alternatives, string Origin, int DeclaredAlternatives, bool SendsLegacyBearerToken)
{
    public static OperationSecuritySpec None { get; } = new(EquatableArray<SecurityRequirementSpec>.Empty, "none", 0, false);
}
