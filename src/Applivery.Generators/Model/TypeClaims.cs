using System;
using System.Collections.Generic;
using System.Linq;

namespace Applivery.Generators.Model;

/// <summary>
/// What one spec's output claims in the compilation: its type names and the shared support it needs. Small and
/// value-equal, so that editing a spec's descriptions or operations leaves it unchanged and no other spec re-emits.
/// </summary>
/// <param name="SpecFilePath">The spec's path, to place APG010.</param>
/// <param name="TypeNames">Every generated type name, namespace-qualified.</param>
/// <param name="NeedsRequiredMembers">Some property is <c>required</c>: the compiler's required-member types are needed.</param>
/// <param name="SharedConcerns">The <see cref="SharedConcern"/>s whose types this spec's code uses, emitted once per namespace.</param>
/// <param name="SharedParts">The parts of those files it uses, as <c>{Concern}.{Part}</c> (see <see cref="SharedConcern.PartsUsedBy"/>).</param>
internal sealed record TypeClaims(
    string SpecFilePath,
    string SpecFileName,
    string Namespace,
    EquatableArray<string> TypeNames,
    bool NeedsRequiredMembers,
    EquatableArray<string> SharedConcerns,
    EquatableArray<string> SharedParts)
{
    public static TypeClaims? Of(ClientSpec? client)
    {
        if (client is null)
        {
            return null;
        }

        var names = client.Objects.Select(type => type.Name)
            .Concat(client.Unions.Select(union => union.Name))
            .Concat(client.Enums.SelectMany(spec => new[] { spec.Name, spec.ExtensionsName }))
            .Concat(SupportNames.TypeNames(client.ClientName).Select(pair => pair.Key).Where(name => !SharedConcern.IsSharedTypeName(name)))
            .Concat(client.Operations.SelectMany(operation => operation.Responses).Select(response => response.ResultTypeName).OfType<string>().Distinct())
            .Select(name => client.Namespace + "." + name);
        return new TypeClaims(
            client.SpecFilePath,
            client.SpecFileName,
            client.Namespace,
            names.ToEquatableArray(),
            client.Objects.Any(type => type.Properties.Any(property => property.IsRequired && !property.IsNullable)),
            SharedConcern.UsedBy(client).ToEquatableArray(),
            SharedConcern.PartsUsedBy(client).Distinct().OrderBy(part => part, StringComparer.Ordinal).ToEquatableArray());
    }
}

/// <summary>
/// The types every client of a namespace shares, emitted once per namespace (one file each) by the shared output, and
/// only where some client uses them.
/// </summary>
internal static class SharedConcern
{
    public const string ValidationError = nameof(ValidationError);
    public const string Credentials = nameof(Credentials);
    public const string FileDownload = nameof(FileDownload);
    public const string FileUpload = nameof(FileUpload);

    private static readonly Dictionary<string, string[]> TypeNames = new(StringComparer.Ordinal)
    {
        [ValidationError] = new[] { SupportNames.ValidationError, SupportNames.ValidationRules },
        [Credentials] = SupportNames.SharedCredentialTypes,
        [FileDownload] = new[] { SupportNames.FileDownload },
        [FileUpload] = new[] { SupportNames.FileUpload },
    };

    public static bool IsSharedTypeName(string name) => TypeNames.Values.Any(names => names.Contains(name, StringComparer.Ordinal));

    /// <summary>What <paramref name="client"/>'s code refers to; <see cref="ValidationError"/> always.</summary>
    public static IEnumerable<string> UsedBy(ClientSpec client)
    {
        yield return ValidationError;
        if (client.SecuritySchemes.Any(scheme => scheme.HasCredential))
        {
            yield return Credentials;
        }

        if (client.Operations.Any(operation => operation.Responses.Any(response => response.IsSuccess && response.BodyKind == ResponseBodyKind.Binary)))
        {
            yield return FileDownload;
        }

        if (UsesFileUpload(client))
        {
            yield return FileUpload;
        }
    }

    /// <summary>
    /// The parts of the shared files <paramref name="client"/>'s code uses, as <c>{Concern}.{Part}</c>: the credential
    /// type of each scheme that takes one (<c>Credentials.BearerCredential</c>), and the family of each rule its types
    /// and parameters set (<c>ValidationError.Pattern</c>, for <c>ValidationRules.Pattern.cs</c>). A superset of what
    /// the emitted code calls (a pattern's rule is counted even where no check is emitted); it never misses one.
    /// </summary>
    public static IEnumerable<string> PartsUsedBy(ClientSpec client)
    {
        foreach (var scheme in client.SecuritySchemes.Where(scheme => scheme.HasCredential))
        {
            yield return Credentials + "." + SupportNames.CredentialType(scheme.Kind);
        }

        var families = new HashSet<string>(StringComparer.Ordinal);
        void Add(TypeRef? type)
        {
            for (; type is not null; type = type.Element)
            {
                var constraints = type.Constraints;
                if (constraints.MinLength is not null || constraints.MaxLength is not null)
                {
                    families.Add("Length");
                }

                if (constraints.Pattern is not null)
                {
                    families.Add("Pattern");
                }

                if (constraints.Minimum is not null || constraints.Maximum is not null)
                {
                    families.Add("Range");
                }

                if (constraints.MinItems is not null || constraints.MaxItems is not null || constraints.MinProperties is not null || constraints.MaxProperties is not null)
                {
                    families.Add("Counts");
                }

                if (constraints.UniqueItems)
                {
                    families.Add("UniqueItems");
                }
            }
        }

        foreach (var type in client.MemberTypes())
        {
            Add(type);
        }

        foreach (var parameter in client.Operations.SelectMany(operation => operation.Parameters))
        {
            Add(parameter.Type);
        }

        foreach (var family in SupportNames.ValidationRuleFamilies.Where(families.Contains))
        {
            yield return ValidationError + "." + family;
        }
    }

    /// <summary>Some property, body or response of <paramref name="client"/> is a file (<c>format: binary</c> and the like).</summary>
    public static bool UsesFileUpload(ClientSpec client) =>
        client.Objects.Any(type => type.Properties.Any(property => ContainsFile(property.Type))) ||
        client.Operations.Any(operation => operation.RequestBody is { } body && ContainsFile(body.Type) ||
            operation.Parameters.Any(parameter => ContainsFile(parameter.Type)) ||
            operation.Responses.Any(response => response.Type is { } type && ContainsFile(type)));

    private static bool ContainsFile(TypeRef type) => type.Kind == TypeKind.File || (type.Element is not null && ContainsFile(type.Element));
}

/// <summary>One shared file: a <see cref="SharedConcern"/> in a namespace, with the parts its clients use (without the concern's prefix).</summary>
internal sealed record SharedFile(string Namespace, string Concern, EquatableArray<string> Parts);

/// <summary>A type name two specs would both generate in one namespace: the later spec is skipped (APG010).</summary>
internal sealed record DuplicateClaim(string SpecFilePath, string SpecFileName, string TypeName, string OwnerFileName);

/// <summary>
/// The compilation-wide decisions, made once from every spec's <see cref="TypeClaims"/>: which specs are skipped
/// because an earlier spec (in AdditionalFiles order) already generates one of their type names, which namespaces get
/// the shared types, and which polyfills are needed.
/// </summary>
internal sealed record ClaimsResolution(
    EquatableArray<string> SkippedSpecPaths,
    EquatableArray<DuplicateClaim> Duplicates,
    EquatableArray<SharedFile> SharedFiles,
    bool NeedsRequiredMembers)
{
    public static ClaimsResolution Resolve(IEnumerable<TypeClaims?> all)
    {
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var skipped = new List<string>();
        var duplicates = new List<DuplicateClaim>();
        var shared = new SortedSet<(string Namespace, string Concern)>();
        var parts = new SortedSet<(string Namespace, string Part)>();
        var needsRequiredMembers = false;
        foreach (var claims in all)
        {
            if (claims is null)
            {
                continue;
            }

            var taken = claims.TypeNames.FirstOrDefault(name => owners.ContainsKey(name));
            if (taken is not null)
            {
                skipped.Add(claims.SpecFilePath);
                duplicates.Add(new DuplicateClaim(claims.SpecFilePath, claims.SpecFileName, taken, owners[taken]));
                continue;
            }

            foreach (var name in claims.TypeNames)
            {
                owners[name] = claims.SpecFileName;
            }

            foreach (var concern in claims.SharedConcerns)
            {
                shared.Add((claims.Namespace, concern));
            }

            foreach (var part in claims.SharedParts)
            {
                parts.Add((claims.Namespace, part));
            }

            needsRequiredMembers |= claims.NeedsRequiredMembers;
        }

        return new ClaimsResolution(skipped.ToEquatableArray(), duplicates.ToEquatableArray(), shared.Select(file => new SharedFile(file.Namespace, file.Concern, PartsOf(parts, file.Namespace, file.Concern))).ToEquatableArray(), needsRequiredMembers);
    }

    private static EquatableArray<string> PartsOf(SortedSet<(string Namespace, string Part)> parts, string ns, string concern) =>
        parts.Where(part => part.Namespace == ns && part.Part.StartsWith(concern + ".", StringComparison.Ordinal))
            .Select(part => part.Part.Substring(concern.Length + 1))
            .ToEquatableArray();
}
