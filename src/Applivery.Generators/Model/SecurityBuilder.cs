using System;
using System.Collections.Generic;
using System.Linq;
using Applivery.Generators.Diagnostics;
using Applivery.Generators.OpenApi;

namespace Applivery.Generators.Model;

/// <summary>
/// Reads <c>components.securitySchemes</c> into <see cref="SecuritySchemeSpec"/>s and each operation's <c>security</c>
/// (or the document's) into an <see cref="OperationSecuritySpec"/>. Every shape it cannot apply is a diagnostic.
/// </summary>
internal sealed class SecurityBuilder
{
    /// <summary>Members every class has: a scheme property with one of these names would hide it.</summary>

    private readonly ReferenceResolver _references;
    private readonly SpecDiagnostics _diagnostics;
    private readonly Dictionary<string, SecuritySchemeSpec> _byName = new(StringComparer.Ordinal);
    private readonly OperationSecuritySpec _documentDefault;

    public SecurityBuilder(ReferenceResolver references, SpecDiagnostics diagnostics, SpecMapping document, string clientName)
    {
        _references = references;
        _diagnostics = diagnostics;
        var components = document.GetMapping("components");
        var declared = components?.GetMapping("securitySchemes");
        HasDeclaredSchemes = declared is not null && declared.Entries.Count > 0;
        Schemes = ReadSchemes(declared, clientName + "Credentials");
        _documentSecurityKey = document.KeyNode("security");
        _schemesKey = components?.KeyNode("securitySchemes");
        _documentDefault = _documentSecurityKey is { } key
            ? Read(document["security"], key.Span, "the document")
            : OperationSecuritySpec.None with { SendsLegacyBearerToken = !HasDeclaredSchemes };
    }

    private readonly SpecScalar? _documentSecurityKey;
    private readonly SpecScalar? _schemesKey;

    /// <summary>
    /// APG014 when the client takes credentials (a declared scheme that carries one) but no generated operation requires
    /// any scheme (a document's <c>security: []</c>, or operations that each opt out): a credential given to the client
    /// would otherwise be dropped without a word. Reported at the document's <c>security</c>, else at the schemes.
    /// </summary>
    public void ReportCredentialsNoOperationSends(IReadOnlyList<OperationSpec> operations)
    {
        var withCredential = Schemes.Where(scheme => scheme.HasCredential).Select(scheme => "'" + scheme.Name + "'").ToList();
        var sentByAny = operations.Any(operation => operation.Security.Alternatives.Any(alternative => !alternative.Schemes.IsEmpty));
        if (withCredential.Count == 0 || operations.Count == 0 || sentByAny || (_documentSecurityKey ?? _schemesKey) is not { } at)
        {
            return;
        }

        var why = _documentSecurityKey is not null && _documentDefault.DeclaredAlternatives == 0 ? " (the document's security is empty)" : string.Empty;
        _diagnostics.Report(DiagnosticDescriptors.CredentialsNeverSent, at.Span, string.Join(", ", withCredential), why);
    }

    /// <summary>Whether the document has any entry in <c>components.securitySchemes</c>, valid or not.</summary>
    public bool HasDeclaredSchemes { get; }

    public EquatableArray<SecuritySchemeSpec> Schemes { get; }

    /// <summary>The operation's own <c>security</c> when it has one, else the document's.</summary>
    public OperationSecuritySpec ForOperation(string methodName, SpecMapping operation) =>
        operation.KeyNode("security") is { } key
            ? Read(operation["security"], key.Span, methodName) with { Origin = "operation" }
            : _documentDefault;

    private EquatableArray<SecuritySchemeSpec> ReadSchemes(SpecMapping? declared, string credentialsClassName)
    {
        if (declared is null)
        {
            return EquatableArray<SecuritySchemeSpec>.Empty;
        }

        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { credentialsClassName };
        var schemes = new List<SecuritySchemeSpec>();
        foreach (var entry in declared.Entries)
        {
            var name = entry.Key.Value;
            var desired = Identifiers.ToPascalCase(name);
            if (SupportNames.CredentialsMembers.Contains(desired) || desired == credentialsClassName)
            {
                desired += "Value";
            }

            var propertyName = Identifiers.MakeUnique(desired, taken);
            if (propertyName != desired)
            {
                _diagnostics.Report(DiagnosticDescriptors.NameCollision, entry.Key.Span, "The security scheme", name, desired, "another security scheme", propertyName);
            }

            var scheme = ReadScheme(name, propertyName, entry.Key, entry.Value);
            schemes.Add(scheme);
            _byName[name] = scheme;
        }

        return schemes.ToEquatableArray();
    }

    private SecuritySchemeSpec ReadScheme(string name, string propertyName, SpecScalar key, SpecNode value)
    {
        var invalid = new SecuritySchemeSpec(name, propertyName, SecuritySchemeKind.Unsupported, "?", null, ApiKeyLocation.Header, null);
        if (_references.Resolve(value) is not SpecMapping scheme)
        {
            _diagnostics.Report(DiagnosticDescriptors.UnexpectedShape, key.Span, $"The security scheme '{name}'", "a mapping with a 'type' (operations that require it get no credential from it)");
            return invalid;
        }

        var type = scheme.GetString("type");
        var description = scheme.GetString("description");
        var typeSpan = scheme.GetScalar("type")?.Span ?? key.Span;
        switch (type)
        {
            case "apiKey":
                var keyName = scheme.GetString("name");
                var location = scheme.GetString("in") switch
                {
                    "header" => ApiKeyLocation.Header,
                    "query" => ApiKeyLocation.Query,
                    "cookie" => ApiKeyLocation.Cookie,
                    _ => (ApiKeyLocation?)null,
                };
                if (location is null)
                {
                    _diagnostics.Report(DiagnosticDescriptors.UnexpectedShape, scheme.GetScalar("in")?.Span ?? key.Span, $"'in' of the apiKey security scheme '{name}'", "'header', 'query' or 'cookie' (operations that require it get no credential from it)");
                    return invalid with { SpecType = type };
                }

                if (string.IsNullOrEmpty(keyName) || (location != ApiKeyLocation.Query && !IsToken(keyName!)))
                {
                    _diagnostics.Report(DiagnosticDescriptors.UnexpectedShape, scheme.GetScalar("name")?.Span ?? key.Span, $"'name' of the apiKey security scheme '{name}'", $"a {(location == ApiKeyLocation.Query ? "non-empty query parameter name" : "valid " + location.Value.ToString().ToLowerInvariant() + " name (letters, digits and !#$%&'*+-.^_`|~)")} (operations that require it get no credential from it)");
                    return invalid with { SpecType = type };
                }

                return new SecuritySchemeSpec(name, propertyName, SecuritySchemeKind.ApiKey, type, keyName, location.Value, description);

            case "http":
                var httpScheme = scheme.GetString("scheme");
                if (string.IsNullOrEmpty(httpScheme) || !IsToken(httpScheme!))
                {
                    _diagnostics.Report(DiagnosticDescriptors.UnexpectedShape, scheme.GetScalar("scheme")?.Span ?? key.Span, $"'scheme' of the http security scheme '{name}'", "an HTTP authentication scheme name such as 'basic' or 'bearer' (operations that require it get no credential from it)");
                    return invalid with { SpecType = type };
                }

                // Authentication scheme names are case-insensitive (RFC 9110, 11.1).
                var kind = string.Equals(httpScheme, "basic", StringComparison.OrdinalIgnoreCase) ? SecuritySchemeKind.Basic
                    : string.Equals(httpScheme, "bearer", StringComparison.OrdinalIgnoreCase) ? SecuritySchemeKind.Bearer
                    : SecuritySchemeKind.OtherHttp;
                return new SecuritySchemeSpec(name, propertyName, kind, type, kind == SecuritySchemeKind.OtherHttp ? httpScheme : null, ApiKeyLocation.Header, description);

            case "oauth2":
            case "openIdConnect":
                return new SecuritySchemeSpec(name, propertyName, SecuritySchemeKind.Bearer, type, null, ApiKeyLocation.Header, description);

            case "mutualTLS":
                return new SecuritySchemeSpec(name, propertyName, SecuritySchemeKind.MutualTls, type, null, ApiKeyLocation.Header, description);

            default:
                _diagnostics.Report(DiagnosticDescriptors.UnexpectedShape, typeSpan, $"'type' of the security scheme '{name}'", "'apiKey', 'http', 'mutualTLS', 'oauth2' or 'openIdConnect' (operations that require it get no credential from it)");
                return invalid with { SpecType = type ?? "?" };
        }
    }

    private OperationSecuritySpec Read(SpecNode? node, SourceSpan keySpan, string owner)
    {
        var legacy = !HasDeclaredSchemes;
        if (node is not SpecSequence sequence)
        {
            _diagnostics.Report(DiagnosticDescriptors.UnexpectedShape, node?.Span ?? keySpan, $"'security' of {owner}", "a list of security requirements (no credentials are sent)");
            return new OperationSecuritySpec(EquatableArray<SecurityRequirementSpec>.Empty, "document", 0, false);
        }

        var alternatives = new List<SecurityRequirementSpec>();
        foreach (var item in sequence.Items)
        {
            if (item is not SpecMapping requirement)
            {
                _diagnostics.Report(DiagnosticDescriptors.UnexpectedShape, item.Span, $"A security requirement of {owner}", "a mapping from scheme names to scope lists");
                continue;
            }

            var schemes = new List<SecuritySchemeSpec>();
            var usable = true;
            foreach (var entry in requirement.Entries)
            {
                if (!_byName.TryGetValue(entry.Key.Value, out var scheme))
                {
                    // With no scheme declared at all, the legacy bearer token is what these requirements get.
                    if (!legacy)
                    {
                        _diagnostics.Report(DiagnosticDescriptors.UnexpectedShape, entry.Key.Span, $"The security requirement '{entry.Key.Value}' of {owner}", "the name of a scheme in components.securitySchemes (this alternative is never applied)");
                    }

                    usable = false;
                }
                else if (scheme.Kind == SecuritySchemeKind.Unsupported)
                {
                    usable = false;
                }
                else
                {
                    schemes.Add(scheme);
                }
            }

            if (usable && schemes.Count(scheme => scheme.SetsAuthorization) > 1)
            {
                _diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, requirement.Span, $"The security requirement '{string.Join(" + ", schemes.Select(scheme => scheme.Name))}' of {owner}", "its schemes need two Authorization headers in one request; this alternative is never applied");
                usable = false;
            }

            // '{}' (authentication optional) needs nothing: it is what happens when no other alternative is configured.
            if (usable && schemes.Count > 0)
            {
                alternatives.Add(new SecurityRequirementSpec(schemes.ToEquatableArray()));
            }
        }

        return new OperationSecuritySpec(alternatives.ToEquatableArray(), "document", sequence.Items.Count, legacy && sequence.Items.Count > 0);
    }

    /// <summary>An RFC 9110 token: what a header name, cookie name or authentication scheme name may contain.</summary>
    private static bool IsToken(string text) =>
        text.Length > 0 && text.All(c => c < 127 && (char.IsLetterOrDigit(c) || "!#$%&'*+-.^_`|~".IndexOf(c) >= 0));
}
