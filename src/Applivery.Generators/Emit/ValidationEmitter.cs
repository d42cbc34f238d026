using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using Applivery.Generators.Model;

namespace Applivery.Generators.Emit;

/// <summary>
/// Emits the checks of the spec's constraints: the namespace's <c>ValidationError</c> and <c>ValidationRules</c> (from
/// <c>Runtime/</c>), the client's cached regexes and parameter validators, and the body of each DTO's <c>Validate()</c>.
/// </summary>
internal static class ValidationEmitter
{
    public static string ValidationClassName(ClientSpec client) => SupportNames.Validation(client.ClientName);

    /// <summary>The violation type shared by every client in a namespace (<c>Runtime/ValidationError.cs</c>).</summary>
    public static string EmitValidationError(string ns) => RuntimeResources.InNamespace("ValidationError.cs", ns);

    /// <summary>
    /// The rule checks shared by every client in a namespace: <c>Runtime/ValidationRules.cs</c> with the members of
    /// each family in <paramref name="families"/> (<c>Runtime/ValidationRules.{Family}.cs</c>), in their fixed order.
    /// </summary>
    public static string EmitValidationRules(string ns, EquatableArray<string> families) =>
        RuntimeResources.WithParts(
            SupportNames.ValidationRules + ".cs",
            "    internal static partial class " + SupportNames.ValidationRules,
            SupportNames.ValidationRuleFamilies.Where(families.Contains).Select(family => $"{SupportNames.ValidationRules}.{family}.cs"),
            ns);

    /// <summary>The class of the rule checks, by its full name.</summary>
    private static string Rules(ClientSpec client) => $"global::{client.Namespace}.{SupportNames.ValidationRules}";

    public static string EmitValidationClass(ClientSpec client)
    {
        var writer = GeneratedFile.Begin(client.Namespace, client.SpecFileName);
        Documentation.Element(writer, "summary", $"Checks the constraints of {Documentation.Code(client.SpecFileName)}: cached regular expressions and one parameter validator per operation (the rules themselves are <c>ValidationRules</c>).");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.OpenBlock($"{GeneratedFile.Visibility(client)} static partial class {ValidationClassName(client)}");

        writer.Lines($"""
            /// <summary>How long one pattern may take on one value: a pathological pattern in a spec must not hang the caller.</summary>
            internal static readonly {CSharpTypes.TimeSpan} MatchTimeout = {CSharpTypes.TimeSpan}.FromSeconds(2);
            """);

        foreach (var pattern in client.Patterns)
        {
            var field = "s_" + char.ToLowerInvariant(pattern.FieldName[0]) + pattern.FieldName.Substring(1);
            writer.Line();
            writer.Line($"private static {CSharpTypes.Regex}? {field};");
            writer.Line();
            writer.Line($"/// <summary>The spec's text of <see cref=\"{pattern.FieldName}\"/>, for messages.</summary>");
            writer.Line($"internal const string {pattern.FieldName}Text = {CSharpTypes.Literal(pattern.Pattern)};");
            writer.Line();
            var meaning = pattern.DotNetPattern == pattern.Pattern ? string.Empty : $" Compiled as {Documentation.Code(pattern.DotNetPattern)}, which means in .NET what the spec's ECMAScript pattern means.";
            Documentation.Element(writer, "summary", $"The pattern {Documentation.Code(pattern.Pattern)}, built on first use.{meaning} Used by: {Documentation.CodeList(pattern.UsedBy)}.");
            writer.Line($"internal static {CSharpTypes.Regex} {pattern.FieldName} => {field} ??= new {CSharpTypes.Regex}({CSharpTypes.Literal(pattern.DotNetPattern)}, {CSharpTypes.RegexOptions}.CultureInvariant, MatchTimeout);");
        }

        foreach (var operation in client.Operations)
        {
            writer.Line();
            EmitParameterValidator(writer, client, operation);
        }

        writer.CloseBlock();
        return GeneratedFile.End(writer);
    }

    /// <summary>The method name of an operation's parameter validator.</summary>
    public static string ParameterValidatorName(OperationSpec operation) => "Validate" + operation.MethodName + "Parameters";

    private static void EmitParameterValidator(SourceWriter writer, ClientSpec client, OperationSpec operation)
    {
        var parameters = operation.Parameters;
        var signature = string.Join(", ", parameters.Select(parameter => $"{CSharpTypes.OfNullable(parameter.Type, client.Namespace, !parameter.IsRequired || !parameter.Type.IsValueType)} {parameter.Name}"));
        var nullChecks = 0;
        var checks = new List<string>();
        foreach (var parameter in parameters)
        {
            var name = parameter.Name;
            var wire = CSharpTypes.Literal(parameter.Name.TrimStart('@'));
            if (parameter.IsRequired && !parameter.Type.IsValueType)
            {
                // Unqualified: inside this class no member takes the reserved name (a model's property may, so its checks are qualified).
                checks.Add($"{SupportNames.ValidationRules}.RequireNotNull({name}, {wire});");
                nullChecks++;
            }

            if (parameter.Location == ParameterLocation.Path && parameter.Type.Kind == TypeKind.String && !(parameter.Type.Constraints.MinLength >= 1))
            {
                checks.Add($"{SupportNames.ValidationRules}.RequireSegment({name}, {wire});");
            }

            checks.AddRange(ValueChecks(client, parameter.Type, name, check => $"{SupportNames.ValidationRules}.Require{check.Rule}({check.Value}, {wire}{check.Arguments});"));
        }

        // The parameters' docs are the operation's, written once on the interface method and inherited from there.
        var method = $"{SupportNames.Interface(client.ClientName)}.{operation.MethodName}Async";
        Documentation.Element(writer, "summary", $"Checks the parameters of <see cref=\"{method}\"/> ({Documentation.Code(operation.OperationId)}) against the spec before anything is sent.");
        if (parameters.Count > 0)
        {
            writer.Line($"/// <inheritdoc cref=\"{method}\" path=\"/param\"/>");
        }

        // Only the exceptions its checks can throw: a validator without rules documents none.
        if (nullChecks > 0)
        {
            writer.Line("/// <exception cref=\"ArgumentNullException\">A required parameter is null.</exception>");
        }

        if (checks.Count > nullChecks)
        {
            writer.Line("/// <exception cref=\"ArgumentException\">A parameter breaks a rule of the spec; the message names the parameter, the rule and the value.</exception>");
        }

        writer.OpenBlock($"public static void {ParameterValidatorName(operation)}({signature})");
        foreach (var line in checks)
        {
            writer.Line(line);
        }

        if (checks.Count == 0)
        {
            writer.Line("// The spec sets no rule on these parameters.");
        }

        writer.CloseBlock();
    }

    /// <summary>
    /// The object types of a client whose <c>Validate()</c> can find nothing, memoized per model (which is immutable):
    /// every type's emitter asks, and a big spec has thousands of types.
    /// </summary>
    private static readonly ConditionalWeakTable<ClientSpec, HashSet<string>> UncheckedObjects = new();

    /// <summary>
    /// Whether <c>Validate()</c> of an object type can find anything: the spec sets a rule on it, or on an object or
    /// union it contains (at any depth). A type that is neither has no <c>ValidateInto</c>, and no parent calls one.
    /// Unions and discriminated hierarchies always have one.
    /// </summary>
    public static bool HasChecks(ClientSpec client, ObjectTypeSpec type) => !IsUnchecked(client, type.Name);

    private static bool IsUnchecked(ClientSpec client, string objectName) =>
        UncheckedObjects.GetValue(client, FindUncheckedObjects).Contains(objectName);

    private static HashSet<string> FindUncheckedObjects(ClientSpec client)
    {
        var known = new HashSet<string>(client.Objects.Select(type => type.Name), System.StringComparer.Ordinal);
        var found = new HashSet<string>(System.StringComparer.Ordinal);

        // An object references another that may be found later (or itself): repeat until a pass finds nothing new.
        var grew = true;
        while (grew)
        {
            grew = false;
            foreach (var type in client.Objects)
            {
                if (!found.Contains(type.Name) && ChecksSomething(type))
                {
                    found.Add(type.Name);
                    grew = true;
                }
            }
        }

        known.ExceptWith(found);
        return known;

        bool ChecksSomething(ObjectTypeSpec type) =>
            type.Discriminator is not null || type.BaseName is not null ||
            type.Properties.Any(property => IsRequiredOfCaller(property) || ValueChecksSomething(property.Type)) ||
            (type.AdditionalProperties is { } additional && ValueChecksSomething(additional));

        // Conservative: any constraint counts, whether or not it becomes a check.
        bool ValueChecksSomething(TypeRef value) =>
            !value.Constraints.IsEmpty || value.Kind == TypeKind.Union ||
            (value.Kind == TypeKind.Object && (!known.Contains(value.Name!) || found.Contains(value.Name!))) ||
            (value.Element is not null && ValueChecksSomething(value.Element));
    }

    /// <summary>Validate() checks what the caller sends: a readOnly property is never required of it, a writeOnly one is.</summary>
    private static bool IsRequiredOfCaller(PropertySpec property) =>
        property.IsRequired && !property.IsReadOnly && !property.AllowsNull && (property.IsWriteOnly || (!property.IsNullable && !property.Type.IsValueType));

    /// <summary>Writes the statements of a DTO's <c>ValidateInto(errors, path)</c>.</summary>
    public static void EmitObjectChecks(SourceWriter writer, ClientSpec client, ObjectTypeSpec type)
    {
        var any = false;
        foreach (var property in type.Properties)
        {
            var path = "path + " + CSharpTypes.Literal(property.JsonPath);
            if (IsRequiredOfCaller(property))
            {
                writer.Line($"{Rules(client)}.CheckRequired(errors, {path}, {property.Name});");
                any = true;
            }

            var prefix = char.ToLowerInvariant(property.Name[0]) + property.Name.Substring(1);
            foreach (var line in NestedChecks(client, property.Type, property.Name, path, prefix, depth: 0))
            {
                writer.Line(line);
                any = true;
            }
        }

        if (type.AdditionalProperties is { } additional)
        {
            foreach (var line in NestedChecks(client, additional, "AdditionalProperties", "path", "additionalProperties", depth: 0))
            {
                writer.Line(line);
                any = true;
            }
        }

        if (!any)
        {
            writer.Line("// The spec sets no rule on this type.");
        }
    }

    /// <param name="prefix">Starts the names of loop variables: pattern variables stay in scope for the whole method.</param>
    private static IEnumerable<string> NestedChecks(ClientSpec client, TypeRef type, string value, string path, string prefix, int depth)
    {
        foreach (var line in ValueChecks(client, type, value, check => $"{Rules(client)}.Check{check.Rule}(errors, {path}, {check.Value}{check.Arguments});"))
        {
            yield return line;
        }

        switch (type.Kind)
        {
            case TypeKind.Object or TypeKind.Union when IsChecked(client, type):
                yield return $"{value}?.ValidateInto(errors, {path});";
                break;
            case TypeKind.Array when NeedsChecks(client, type.Element!):
                {
                    var items = prefix + "Items" + depth.ToString(CultureInfo.InvariantCulture);
                    var index = prefix + "Index" + depth.ToString(CultureInfo.InvariantCulture);
                    var itemPath = $"{path} + \"[\" + {index}.ToString({CSharpTypes.CultureInfo}.InvariantCulture) + \"]\"";
                    yield return $"if ({value} is {{ }} {items})";
                    yield return "{";
                    yield return $"    for (var {index} = 0; {index} < {items}.Count; {index}++)";
                    yield return "    {";
                    foreach (var line in NestedChecks(client, type.Element!, $"{items}[{index}]", itemPath, prefix, depth + 1))
                    {
                        yield return "        " + line;
                    }

                    yield return "    }";
                    yield return "}";
                    break;
                }

            case TypeKind.Map when NeedsChecks(client, type.Element!):
                {
                    var entry = prefix + "Entry" + depth.ToString(CultureInfo.InvariantCulture);
                    var entries = prefix + "Entries" + depth.ToString(CultureInfo.InvariantCulture);
                    yield return $"if ({value} is {{ }} {entries})";
                    yield return "{";
                    yield return $"    foreach (var {entry} in {entries})";
                    yield return "    {";
                    foreach (var line in NestedChecks(client, type.Element!, $"{entry}.Value", $"{Rules(client)}.PropertyPath({path}, {entry}.Key)", prefix, depth + 1))
                    {
                        yield return "        " + line;
                    }

                    yield return "    }";
                    yield return "}";
                    break;
                }
        }
    }

    /// <summary>The checks of one value held by a union case (<paramref name="value"/> a local of the case's type).</summary>
    public static IEnumerable<string> CaseChecks(ClientSpec client, TypeRef type, string value, string path) =>
        NeedsChecks(client, type) ? NestedChecks(client, type, value, path, value, depth: 0) : System.Linq.Enumerable.Empty<string>();

    private static bool NeedsChecks(ClientSpec client, TypeRef type) =>
        IsChecked(client, type) || !type.Constraints.IsEmpty || (type.Element is not null && NeedsChecks(client, type.Element));

    /// <summary>Whether a value of an object or union type has a <c>ValidateInto</c> to call (see <see cref="HasChecks"/>).</summary>
    private static bool IsChecked(ClientSpec client, TypeRef type) =>
        type.Kind == TypeKind.Union || (type.Kind == TypeKind.Object && !IsUnchecked(client, type.Name!));

    /// <summary>The rule checks on one value, each as (helper suffix, extra arguments), formatted by the caller.</summary>
    private static IEnumerable<string> ValueChecks(ClientSpec client, TypeRef type, string value, System.Func<(string Rule, string Value, string Arguments), string> format)
    {
        var constraints = type.Constraints;
        var validation = $"global::{client.Namespace}.{ValidationClassName(client)}";
        if (type.Kind == TypeKind.String)
        {
            if (constraints.MinLength is { } minLength)
            {
                yield return format(("MinLength", value, ", " + minLength.ToString(CultureInfo.InvariantCulture)));
            }

            if (constraints.MaxLength is { } maxLength)
            {
                yield return format(("MaxLength", value, ", " + maxLength.ToString(CultureInfo.InvariantCulture)));
            }

            if (constraints.Pattern is { } pattern && client.Patterns.FirstOrDefault(spec => spec.Pattern == pattern) is { } patternSpec)
            {
                yield return format(("Pattern", value, $", {validation}.{patternSpec.FieldName}, {validation}.{patternSpec.FieldName}Text"));
            }
        }

        if (type.IsNumeric)
        {
            if (constraints.Minimum is { } minimum)
            {
                var (bound, compared) = Comparison(type.Kind, minimum, value);
                yield return format(("Minimum", compared, $", {bound}, {Bool(constraints.ExclusiveMinimum)}"));
            }

            if (constraints.Maximum is { } maximum)
            {
                var (bound, compared) = Comparison(type.Kind, maximum, value);
                yield return format(("Maximum", compared, $", {bound}, {Bool(constraints.ExclusiveMaximum)}"));
            }
        }

        if (type.Kind is TypeKind.Array)
        {
            if (constraints.MinItems is { } minItems)
            {
                yield return format(("MinItems", value, ", " + minItems.ToString(CultureInfo.InvariantCulture)));
            }

            if (constraints.MaxItems is { } maxItems)
            {
                yield return format(("MaxItems", value, ", " + maxItems.ToString(CultureInfo.InvariantCulture)));
            }

            if (constraints.UniqueItems)
            {
                yield return format(("UniqueItems", value, string.Empty));
            }
        }

        if (type.Kind is TypeKind.Map or TypeKind.JsonElement)
        {
            if (constraints.MinProperties is { } minProperties)
            {
                yield return format(("MinProperties", value, ", " + minProperties.ToString(CultureInfo.InvariantCulture)));
            }

            if (constraints.MaxProperties is { } maxProperties)
            {
                yield return format(("MaxProperties", value, ", " + maxProperties.ToString(CultureInfo.InvariantCulture)));
            }
        }
    }

    /// <summary>
    /// The bound as a literal of the value's own type, so the generic helper compares without loss; a bound the type
    /// cannot hold (0.5 for an integer) compares both as double.
    /// </summary>
    private static (string Bound, string Value) Comparison(TypeKind kind, string bound, string value)
    {
        switch (kind)
        {
            case TypeKind.Int32 when int.TryParse(bound, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _):
                return (bound, value);
            case TypeKind.Int64 when long.TryParse(bound, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _):
                return (bound + "L", value);
            case TypeKind.Decimal when decimal.TryParse(bound, NumberStyles.Float, CultureInfo.InvariantCulture, out _):
                return (bound + "M", value);
            case TypeKind.Single:
                return (DoubleText(bound) + "F", value);
            case TypeKind.Double:
                return (DoubleText(bound) + "D", value);
            default:
                return (DoubleText(bound) + "D", $"(double?){value}");
        }
    }

    private static string DoubleText(string bound) =>
        double.Parse(bound, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";
}
