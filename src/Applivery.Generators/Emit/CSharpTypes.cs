using Applivery.Generators.Model;

namespace Applivery.Generators.Emit;

/// <summary>
/// The names the generated code uses for the framework's types: fully qualified (<c>global::System.…</c>), so a schema
/// called <c>String</c> or <c>System</c> cannot shadow them, or one of the aliases <see cref="SupportNames.Aliases"/> owns.
/// </summary>
internal static class CSharpTypes
{
    public const string GeneratedCode = "global::System.CodeDom.Compiler.GeneratedCode";
    public const string Regex = "global::System.Text.RegularExpressions.Regex";
    public const string RegexOptions = "global::System.Text.RegularExpressions.RegexOptions";
    public const string TimeSpan = "global::System.TimeSpan";
    public const string ArgumentException = "ArgumentException";
    public const string ArgumentNullException = "ArgumentNullException";
    public const string List = "Generic_.List";
    public const string IReadOnlyList = "Generic_.IReadOnlyList";
    public const string IReadOnlyDictionary = "Generic_.IReadOnlyDictionary";
    public const string CultureInfo = "global::System.Globalization.CultureInfo";
    public const string JsonElement = "Json_.JsonElement";
    public const string ObsoleteAttribute = "global::System.Obsolete";

    /// <summary>The client runtime's classes (<c>src/Applivery.Generators/Runtime/</c>), once per compilation.</summary>
    public const string ParameterStyles = "global::" + RuntimeResources.Namespace + "." + RuntimeEmitter.ParameterStyles;
    public const string FormBody = "global::" + RuntimeResources.Namespace + "." + RuntimeEmitter.FormBody;
    public const string MultipartBody = "global::" + RuntimeResources.Namespace + "." + RuntimeEmitter.MultipartBody;

    /// <summary>A type as the generated code names it in a type position (see <see cref="Named"/>).</summary>
    public static string Of(TypeRef type, string ns) => Spell(type, ns, Named);

    /// <summary>Like <see cref="Of"/>, but every type of the spec's namespace fully qualified (an ordering or grouping key).</summary>
    public static string QualifiedOf(TypeRef type, string ns) => Spell(type, ns, Qualified);

    /// <summary>
    /// A type as the generated code names it in a type position (a declaration, <c>new</c>, a cast, a type argument): a
    /// type of the spec's namespace by its simple name, which every generated file can use, as it is declared in that
    /// namespace and only a nested type could hide it there (a property or method of the same name cannot, in a type
    /// position); fully qualified when it is named like one of the nested types of the generated classes
    /// (<see cref="SupportNames.NestedTypeNames"/>). Member access (<c>Color.Red</c>) is an expression, where a member
    /// of the same name would win: there the code keeps <see cref="Qualified"/>.
    /// </summary>
    public static string Named(string ns, string name) => SupportNames.NestedTypeNames.Contains(name) ? Qualified(ns, name) : name;

    /// <summary>A type of the spec's namespace, fully qualified: for expressions and for keys that must not depend on scope.</summary>
    public static string Qualified(string ns, string name) => $"global::{ns}.{name}";

    /// <param name="spell">How a type of the spec's namespace is named: <see cref="Named"/> or <see cref="Qualified"/>.</param>
    private static string Spell(TypeRef type, string ns, System.Func<string, string, string> spell) => type.Kind switch
    {
        TypeKind.String => "string",
        TypeKind.Boolean => "bool",
        TypeKind.Int32 => "int",
        TypeKind.Int64 => "long",
        TypeKind.Double => "double",
        TypeKind.Single => "float",
        TypeKind.Decimal => "decimal",
        TypeKind.DateTimeOffset => "global::System.DateTimeOffset",
        TypeKind.Guid => "global::System.Guid",
        TypeKind.JsonElement => JsonElement,
        TypeKind.Object or TypeKind.Enum or TypeKind.Union => spell(ns, type.Name!),
        TypeKind.Array => $"{IReadOnlyList}<{Spell(type.Element!, ns, spell)}>",
        TypeKind.Map => $"{IReadOnlyDictionary}<string, {Spell(type.Element!, ns, spell)}>",
        TypeKind.File => spell(ns, FileUploadEmitter.TypeName),
        _ => JsonElement,
    };

    public static string OfNullable(TypeRef type, string ns, bool isNullable) => isNullable ? Of(type, ns) + "?" : Of(type, ns);

    /// <summary>A C# string literal with every character escaped by the language's rules.</summary>
    public static string Literal(string text) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(text, quote: true);
}
