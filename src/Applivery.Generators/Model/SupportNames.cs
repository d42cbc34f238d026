using System.Collections.Generic;
using System.Linq;

namespace Applivery.Generators.Model;

/// <summary>
/// The one owner of every name the generator adds beside the spec's own: the support types of a client, the types
/// shared per namespace, and the members generated classes declare. The model reserves them (so no schema, property
/// or case takes one, APG007) and the emitters name their output with them; neither spells one out itself.
/// </summary>
internal static class SupportNames
{
    public static string Interface(string clientName) => "I" + clientName;

    public static string Exception(string clientName) => clientName + "Exception";

    public static string Validation(string clientName) => clientName + "Validation";

    public static string Json(string clientName) => clientName + "Json";

    public static string JsonResolver(string clientName) => clientName + "JsonTypeInfoResolver";

    public static string ServiceCollectionExtensions(string clientName) => clientName + "ServiceCollectionExtensions";

    public static string Credentials(string clientName) => clientName + "Credentials";

    /// <summary>Shared by the clients of a namespace: one file each (see <see cref="SharedConcern"/>).</summary>
    public const string ValidationError = "ValidationError";

    /// <summary>The rule checks beside <see cref="ValidationError"/>, internal, once per namespace.</summary>
    public const string ValidationRules = "ValidationRules";

    public const string FileDownload = "FileDownload";

    public const string FileUpload = "FileUpload";

    /// <summary>
    /// The credential types, generated once per namespace (like <see cref="ValidationError"/>), those the schemes of
    /// its clients take; every one stays reserved, so a schema's name does not depend on which schemes a spec has.
    /// </summary>
    public static readonly string[] SharedCredentialTypes = { ApiKeyCredential, BasicCredential, BearerCredential, AuthorizationCredential };

    public const string ApiKeyCredential = "ApiKeyCredential";

    public const string BasicCredential = "BasicCredential";

    public const string BearerCredential = "BearerCredential";

    public const string AuthorizationCredential = "AuthorizationCredential";

    /// <summary>The shared credential type a scheme's credential is given as (one of <see cref="SharedCredentialTypes"/>).</summary>
    public static string CredentialType(SecuritySchemeKind kind) => kind switch
    {
        SecuritySchemeKind.ApiKey => ApiKeyCredential,
        SecuritySchemeKind.Basic => BasicCredential,
        SecuritySchemeKind.Bearer => BearerCredential,
        _ => AuthorizationCredential,
    };

    /// <summary>
    /// The families of <see cref="ValidationRules"/> beside its core (required): one runtime file each,
    /// <c>Runtime/ValidationRules.{Family}.cs</c>, in the order they are emitted.
    /// </summary>
    public static readonly string[] ValidationRuleFamilies = { "Length", "Pattern", "Range", "Counts", "UniqueItems" };

    /// <summary>Members of every generated object class (and of <c>object</c>): a property named like one gets a <c>Value</c> suffix.</summary>
    public static readonly HashSet<string> ObjectMembers = new(System.StringComparer.Ordinal)
    {
        "Validate", "ValidateInto", "GetType", "ToString", "Equals", "GetHashCode", "MemberwiseClone", "Finalize", "UnrecognizedValues",
        "AdditionalProperties",
    };

    /// <summary>Members of every union type without a discriminator beside its cases' <c>Is…</c>/<c>As…</c>: no case is named like one.</summary>
    public static readonly string[] UnionMembers = { "Unmatched", "Value", "Validate" };

    /// <summary>Members of the credentials class and of <c>object</c>: no scheme's property is named like one.</summary>
    public static readonly string[] CredentialsMembers = { "ToString", "Equals", "GetHashCode", "GetType", "MemberwiseClone", "Finalize" };

    /// <summary>
    /// The JSON runtime reads these kinds with <c>Read{Kind}(ref Utf8JsonReader)</c>, which a spec's JSON class (deriving
    /// from it) would hide with the reader of a schema of that name: no schema takes one.
    /// </summary>
    public static readonly string[] RuntimeReaderKinds = { "String", "Boolean", "Int32", "Int64", "Double", "Single", "Decimal", "DateTimeOffset", "Guid", "JsonElement" };

    /// <summary>
    /// The non-generic types the generated classes declare inside themselves (the JSON runtime's, inherited by every
    /// spec's JSON class, the client's and the shared file types'). Inside such a class a nested type hides a spec's
    /// type of the same name, so the code names a spec's type by its simple name in type positions except when it is one
    /// of these (the emitters' <c>CSharpTypes.Named</c>); the schema keeps its name. A test fails when a generated
    /// class declares a nested type this list lacks.
    /// </summary>
    public static readonly HashSet<string> NestedTypeNames = new(System.StringComparer.Ordinal)
    {
        "PooledBody", "JsonReadFailure", "ErrorBody", "ErrorReader", "Authorizer", "StreamingContent", "FormStyle",
    };

    /// <summary>Every type name a client adds beside the spec's, with what owns it (for the APG007 message).</summary>
    public static IEnumerable<KeyValuePair<string, string>> TypeNames(string clientName)
    {
        const string Owner = "a generated support type";
        yield return new(clientName, "the client");
        yield return new(Interface(clientName), "the client's interface");
        yield return new(Exception(clientName), Owner);
        yield return new(Validation(clientName), Owner);
        yield return new(Json(clientName), Owner);
        yield return new(JsonResolver(clientName), Owner);
        yield return new(ServiceCollectionExtensions(clientName), Owner);
        yield return new(ValidationError, Owner);
        yield return new(ValidationRules, Owner);
        yield return new(Credentials(clientName), Owner);
        foreach (var shared in SharedCredentialTypes)
        {
            yield return new(shared, Owner);
        }

        yield return new(FileDownload, Owner);
        yield return new(FileUpload, Owner);
    }

    /// <summary>
    /// The using aliases a spec's files may declare inside their namespace (each file only those it names), so that the
    /// code reads <c>Generic_.IReadOnlyList&lt;Pet&gt;</c> and <c>Json_.JsonTokenType.StartObject</c> instead of spelling
    /// <c>global::System.Collections.Generic.</c> out thousands of times. An alias and a type or namespace of the same
    /// name in one namespace do not compile (CS0576), and the namespace is the user's too (a folder <c>Json</c> makes
    /// <c>MyApp.Json</c>): so the two namespace aliases end in <c>_</c>, which neither a spec's name nor a user's folder
    /// has, and the type aliases are the framework's own names of types nobody declares again (<c>CancellationToken</c>),
    /// reserved as schema names (<see cref="ReservedTypeNames"/>). A common name (<c>Task</c>, <c>Exception</c>,
    /// <c>Uri</c>) stays fully qualified, so as not to rename a spec's types, and so does a type a file names about once
    /// (the alias line would cost more than it saves). The code names an alias in type positions, where a member of the
    /// same name (a property <c>CancellationToken</c>) cannot hide it, or in the JSON, client and validation classes,
    /// whose members no spec names.
    /// </summary>
    public static readonly (string Name, string Target)[] Aliases =
    {
        ("Generic_", "global::System.Collections.Generic"),
        ("Json_", "global::System.Text.Json"),
        ("CancellationToken", "global::System.Threading.CancellationToken"),
        ("ArgumentException", "global::System.ArgumentException"),
        ("ArgumentNullException", "global::System.ArgumentNullException"),
        ("OperationCanceledException", "global::System.OperationCanceledException"),
        ("StringBuilder", "global::System.Text.StringBuilder"),
    };

    /// <summary>Every type name no schema may take: the support types (<see cref="TypeNames"/>), the runtime readers' kinds and the <see cref="Aliases"/>, which are reserved, not generated.</summary>
    public static IEnumerable<KeyValuePair<string, string>> ReservedTypeNames(string clientName)
    {
        foreach (var name in TypeNames(clientName))
        {
            yield return name;
        }

        foreach (var kind in RuntimeReaderKinds)
        {
            yield return new(kind, "a reader of the JSON runtime (Read" + kind + ")");
        }

        // A name with a trailing underscore is none a schema can take (see Identifiers): only the type aliases are reserved.
        foreach (var (alias, target) in Aliases.Where(alias => !alias.Name.EndsWith("_", System.StringComparison.Ordinal)))
        {
            yield return new(alias, "a using alias of the generated files (" + target.Substring("global::".Length) + ")");
        }
    }
}
