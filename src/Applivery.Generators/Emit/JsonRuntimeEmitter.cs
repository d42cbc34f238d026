using System;
using System.Collections.Generic;
using System.Linq;
using Applivery.Generators.Model;

namespace Applivery.Generators.Emit;

/// <summary>
/// The fixed JSON runtime: real C# files under <c>Runtime/</c>, embedded in the generator, emitted once per compilation
/// as one class (<c>Applivery.Generators.Runtime.JsonRuntime</c>) that every spec's JSON class derives from. Only the
/// parts some spec of the compilation uses are emitted, as the Regex generator emits only the helpers its patterns need.
/// </summary>
internal static class JsonRuntimeEmitter
{
    public const string HintName = RuntimeResources.Namespace + ".JsonRuntime.g.cs";

    /// <summary>The base class of every spec's JSON class.</summary>
    public const string ClassName = "global::" + RuntimeResources.Namespace + ".JsonRuntime";

    /// <summary>The always-emitted part: its file holds the class declaration; every other part adds members to it.</summary>
    public const string Core = "Core";

    /// <summary>The optional parts, in the order they are emitted: a primitive kind's reader and writer, then the shared shapes.</summary>
    public static readonly string[] OptionalParts =
    {
        nameof(TypeKind.Boolean), nameof(TypeKind.Int32), nameof(TypeKind.Int64), nameof(TypeKind.Double), nameof(TypeKind.Single),
        nameof(TypeKind.Decimal), nameof(TypeKind.DateTimeOffset), nameof(TypeKind.Guid), nameof(TypeKind.JsonElement),
        "Enums", "Arrays", "UnionArrays", "UnionObjects",
    };

    private const string ClassLine = "    internal abstract partial class JsonRuntime";

    /// <summary>
    /// The parts the spec's generated code calls, decided from the model (the value kinds of its properties, union
    /// cases, bodies and responses, its enums, arrays and unions) so that this stays a cheap step apart from emission.
    /// It may name a part a kind does not need (a kind only written, never read); it never misses one.
    /// </summary>
    public static EquatableArray<string> PartsUsedBy(ClientSpec? client)
    {
        if (client is null)
        {
            return EquatableArray<string>.Empty;
        }

        var kinds = new HashSet<TypeKind>();
        void Add(TypeRef? type)
        {
            for (; type is not null; type = type.Element)
            {
                kinds.Add(type.Kind);
            }
        }

        foreach (var type in client.MemberTypes())
        {
            Add(type);
        }

        // Parameters are not among them: they are formatted as text, and a JSON content parameter is written with
        // direct writer calls (its objects by their writers, whose property kinds are counted above).
        foreach (var operation in client.Operations)
        {
            Add(operation.RequestBody?.Type);
            foreach (var response in operation.Responses)
            {
                Add(response.Type);
            }
        }

        // A union's JSON that fits no case and a discriminated union's unknown case are kept as a JsonElement.
        if (!client.Unions.IsEmpty || client.Objects.Any(type => type.Discriminator is not null))
        {
            kinds.Add(TypeKind.JsonElement);
        }

        bool Uses(string part) => part switch
        {
            "Enums" => JsonEmitter.EnumsInJson(client).Count > 0,
            "Arrays" => kinds.Contains(TypeKind.Array),
            "UnionArrays" => client.Unions.Any(union => union.Cases.Count(@case => @case.Type.Kind == TypeKind.Array) > 1),
            "UnionObjects" => client.Unions.Any(union => union.Cases.Any(@case => @case.Type.Kind == TypeKind.Object)),
            _ => kinds.Contains((TypeKind)Enum.Parse(typeof(TypeKind), part)),
        };

        return new EquatableArray<string>(new[] { Core }.Concat(OptionalParts.Where(Uses)));
    }

    /// <summary>The JSON runtime file: the core part with the members of each optional part in <paramref name="parts"/> added, in <see cref="OptionalParts"/> order (other names are ignored).</summary>
    public static string Emit(IEnumerable<string> parts)
    {
        var used = new HashSet<string>(parts, StringComparer.Ordinal);
        return RuntimeResources.WithParts(FileName(Core), ClassLine, OptionalParts.Where(used.Contains).Select(FileName), RuntimeResources.Namespace);
    }

    /// <summary>The member lines of one part's file: those between its class's braces.</summary>
    public static IEnumerable<string> Members(string part) => RuntimeResources.Members(FileName(part), ClassLine);

    /// <summary>The text of <c>Runtime/JsonRuntime[.{part}].cs</c>.</summary>
    public static string Resource(string part) => RuntimeResources.Text(FileName(part));

    public static string FileName(string part) => part == Core ? "JsonRuntime.cs" : $"JsonRuntime.{part}.cs";
}
