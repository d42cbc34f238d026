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
internal sealed record TypeClaims(
    string SpecFilePath,
    string SpecFileName,
    string Namespace,
    EquatableArray<string> TypeNames,
    bool NeedsRequiredMembers)
{
    public static TypeClaims? Of(ClientSpec? client)
    {
        if (client is null)
        {
            return null;
        }

        var names = client.Objects.Select(type => type.Name)
            .Concat(client.Enums.SelectMany(spec => new[] { spec.Name, spec.ExtensionsName }))
            .Concat(ClientSpecBuilder.SupportTypeNames(client.ClientName).Select(pair => pair.Key).Where(name => name != "ValidationError"))
            .Select(name => client.Namespace + "." + name);
        return new TypeClaims(
            client.SpecFilePath,
            client.SpecFileName,
            client.Namespace,
            names.ToEquatableArray(),
            client.Objects.Any(type => type.Properties.Any(property => property.IsRequired && !property.IsNullable)));
    }
}

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
    EquatableArray<string> Namespaces,
    bool NeedsRequiredMembers)
{
    public static ClaimsResolution Resolve(IEnumerable<TypeClaims?> all)
    {
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var skipped = new List<string>();
        var duplicates = new List<DuplicateClaim>();
        var namespaces = new SortedSet<string>(StringComparer.Ordinal);
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

            namespaces.Add(claims.Namespace);
            needsRequiredMembers |= claims.NeedsRequiredMembers;
        }

        return new ClaimsResolution(skipped.ToEquatableArray(), duplicates.ToEquatableArray(), namespaces.ToEquatableArray(), needsRequiredMembers);
    }
}
