using System.Collections.Generic;
using System.Linq;
using Applivery.Generators.Model;

namespace Applivery.Generators.Emit;

/// <summary>
/// The fixed runtime of the generated code, once per compilation: the JSON runtime (<see cref="JsonRuntimeEmitter"/>,
/// by parts) and the client's classes that no spec changes (parameter styles, form and multipart bodies), each only
/// when some spec of the compilation needs it. Which ones is decided from each spec's model, a cheap step apart from
/// emission, so that an edit that needs the same runtime leaves it cached.
/// </summary>
internal static class RuntimeEmitter
{
    public const string ParameterStyles = nameof(ParameterStyles);
    public const string FormBody = nameof(FormBody);
    public const string MultipartBody = nameof(MultipartBody);

    /// <summary>The client runtime's files, each a whole class: <c>Runtime/{name}.cs</c>.</summary>
    public static readonly string[] ClientFiles = { ParameterStyles, FormBody, MultipartBody };

    /// <summary>The runtime parts and files <paramref name="client"/>'s generated code calls.</summary>
    public static EquatableArray<string> UsedBy(ClientSpec? client)
    {
        if (client is null)
        {
            return EquatableArray<string>.Empty;
        }

        var files = new List<string>();
        if (client.Operations.SelectMany(operation => operation.Parameters).Any(parameter => ParameterRuntimeSource.NeedsStyles(client, parameter)))
        {
            files.Add(ParameterStyles);
        }

        if (ClientEmitter.SendsForm(client))
        {
            files.Add(FormBody);
        }

        if (ClientEmitter.SendsMultipart(client))
        {
            files.Add(MultipartBody);
        }

        return new EquatableArray<string>(JsonRuntimeEmitter.PartsUsedBy(client).Concat(files));
    }

    /// <summary>The runtime files for the parts and files some spec uses (nothing when no spec generates).</summary>
    public static IEnumerable<(string HintName, string Source)> Emit(EquatableArray<string> used)
    {
        if (used.IsEmpty)
        {
            yield break;
        }

        yield return (JsonRuntimeEmitter.HintName, JsonRuntimeEmitter.Emit(used));
        foreach (var file in ClientFiles.Where(used.Contains))
        {
            yield return ($"{RuntimeResources.Namespace}.{file}.g.cs", RuntimeResources.InNamespace(file + ".cs", RuntimeResources.Namespace));
        }
    }
}
