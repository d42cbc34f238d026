using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Applivery.Generators.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. README's diagnostics table mirrors this file. An error is only for what
/// stops generation (of the spec, or of the whole output); whatever leaves the rest generating, with a stated
/// fallback, is a warning, so a project that builds with warnings as errors can accept it with NoWarn.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Applivery.Generators";

    public static readonly DiagnosticDescriptor MalformedSpec = Create(
        "APG001",
        "The spec file could not be read",
        "'{0}' is not valid YAML or JSON: {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NotOpenApi3 = Create(
        "APG002",
        "The document is not OpenAPI 3.x",
        "'{0}' is not an OpenAPI 3.x document: {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnresolvableReference = Create(
        "APG003",
        "A $ref cannot be resolved",
        "$ref '{0}' cannot be resolved: {1}; a schema it stands for is represented as JsonElement, a parameter, request body, response or path item is left out",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor CircularReference = Create(
        "APG004",
        "A $ref only points at itself",
        "'{0}' only points at itself ({1}); it is represented as JsonElement",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnsupportedConstruct = Create(
        "APG005",
        "A construct is not supported yet",
        "{0} is not supported yet: {1}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidPattern = Create(
        "APG006",
        "A pattern cannot be compiled by .NET",
        "The pattern '{0}' cannot be compiled as a .NET regular expression ({1}); values are not checked against it",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NameCollision = Create(
        "APG007",
        "Two names map to one C# name",
        "{0} '{1}' maps to the C# name '{2}', which {3} already uses; it is generated as '{4}'",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidMetadata = Create(
        "APG008",
        "Invalid AdditionalFiles metadata",
        "The {0} metadata '{1}' of '{2}' is invalid: {3}; '{4}' is used instead",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor LanguageVersionTooLow = Create(
        "APG009",
        "The C# language version is too low",
        "The generated client needs C# 9 or later (init accessors), but the project uses C# {0}; set <LangVersion>latest</LangVersion>",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DuplicateClient = Create(
        "APG010",
        "Two specs generate the same client",
        "'{0}' would generate '{1}', which '{2}' already generates (or one of its types); give one of them its own Namespace or ClientName metadata",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidKeywordValue = Create(
        "APG011",
        "A keyword has an invalid value",
        "'{0}' has the invalid value '{1}': {2}; it is ignored",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DuplicateKey = Create(
        "APG012",
        "A mapping holds the same key twice",
        "The key '{0}' appears more than once in its mapping; the first one is used",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnexpectedShape = Create(
        "APG013",
        "A node does not have the shape OpenAPI requires",
        "{0} must be {1}; it is ignored",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor CredentialsNeverSent = Create(
        "APG014",
        "The client takes credentials that no operation sends",
        "The spec declares the security schemes {0}, but no generated operation has a security requirement the client applies{1}: the client still takes their credentials and sends them with no request",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NotStrictJson = Create(
        "APG015",
        "A .json spec is not strict JSON",
        "'{0}' is not strict JSON here: {1}; it was read as YAML, which accepts it, but other JSON tools may not",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnusedSchemasNotGenerated = Create(
        "APG016",
        "Component schemas that no generated operation uses are not generated",
        "{0} left out: {1}; set Schemas=\"all\" on the AdditionalFiles item to generate every component (one that only stands for another type is that type)",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor InternalError = Create(
        "APG099",
        "The generator failed on this spec",
        "The generator failed on '{0}': {1}. Please report this with the spec.",
        DiagnosticSeverity.Error);

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = new()
    {
        [MalformedSpec.Id] = MalformedSpec,
        [NotOpenApi3.Id] = NotOpenApi3,
        [UnresolvableReference.Id] = UnresolvableReference,
        [CircularReference.Id] = CircularReference,
        [UnsupportedConstruct.Id] = UnsupportedConstruct,
        [InvalidPattern.Id] = InvalidPattern,
        [NameCollision.Id] = NameCollision,
        [InvalidMetadata.Id] = InvalidMetadata,
        [LanguageVersionTooLow.Id] = LanguageVersionTooLow,
        [DuplicateClient.Id] = DuplicateClient,
        [InvalidKeywordValue.Id] = InvalidKeywordValue,
        [DuplicateKey.Id] = DuplicateKey,
        [UnexpectedShape.Id] = UnexpectedShape,
        [CredentialsNeverSent.Id] = CredentialsNeverSent,
        [NotStrictJson.Id] = NotStrictJson,
        [UnusedSchemasNotGenerated.Id] = UnusedSchemasNotGenerated,
        [InternalError.Id] = InternalError,
    };

    public static IEnumerable<DiagnosticDescriptor> All => ById.Values;

    public static DiagnosticDescriptor Get(string id) => ById[id];

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: null);
}
