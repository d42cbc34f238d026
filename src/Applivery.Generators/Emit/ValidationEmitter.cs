using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Applivery.Generators.Model;

namespace Applivery.Generators.Emit;

/// <summary>
/// Emits the checks of the spec's constraints: the shared <c>ValidationError</c>, the client's cached regexes and
/// rule helpers, the parameter validators, and the body of each DTO's <c>Validate()</c>.
/// </summary>
internal static class ValidationEmitter
{
    public static string ValidationClassName(ClientSpec client) => SupportNames.Validation(client.ClientName);

    /// <summary>The type shared by every client in a namespace.</summary>
    public static string EmitValidationError(string ns)
    {
        var writer = GeneratedFile.Begin(ns, null);
        writer.Lines($$"""
            /// <summary>
            /// One value that breaks a rule of the spec, found by a generated <c>Validate()</c> method.
            /// </summary>
            {{GeneratedFile.GeneratedCodeAttribute}}
            public sealed class ValidationError
            {
                /// <summary>Creates a validation error.</summary>
                public ValidationError(string path, string rule, string message, string? value)
                {
                    Path = path;
                    Rule = rule;
                    Message = message;
                    Value = value;
                }

                /// <summary>The JSON path of the value, such as <c>$.data[0].member.email</c>.</summary>
                public string Path { get; }

                /// <summary>The spec keyword that is broken: <c>pattern</c>, <c>maxLength</c>, <c>minimum</c>, <c>required</c>...</summary>
                public string Rule { get; }

                /// <summary>What the rule requires, such as <c>must be at most 128 characters long</c>.</summary>
                public string Message { get; }

                /// <summary>The offending value as text (invariant culture), or null when the value is missing.</summary>
                public string? Value { get; }

                /// <inheritdoc/>
                public override string ToString() => Value is null ? Path + ": " + Message : Path + ": " + Message + " (was '" + Value + "')";
            }
            """);
        return GeneratedFile.End(writer);
    }

    public static string EmitValidationClass(ClientSpec client)
    {
        var writer = GeneratedFile.Begin(client.Namespace, client.SpecFileName);
        Documentation.Element(writer, "summary", $"Checks the constraints of {Documentation.Code(client.SpecFileName)}: cached regular expressions, rule helpers and one parameter validator per operation.");
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

        writer.Line();
        writer.Lines(RuleHelpers);
        writer.CloseBlock();
        return GeneratedFile.End(writer);
    }

    /// <summary>The method name of an operation's parameter validator.</summary>
    public static string ParameterValidatorName(OperationSpec operation) => "Validate" + operation.MethodName + "Parameters";

    private static void EmitParameterValidator(SourceWriter writer, ClientSpec client, OperationSpec operation)
    {
        var parameters = operation.Parameters;
        var signature = string.Join(", ", parameters.Select(parameter => $"{CSharpTypes.OfNullable(parameter.Type, client.Namespace, !parameter.IsRequired || !parameter.Type.IsValueType)} {parameter.Name}"));
        Documentation.Element(writer, "summary", $"Checks the parameters of {Documentation.Code(operation.OperationId)} against the spec before anything is sent.");
        foreach (var parameter in parameters)
        {
            writer.Line($"/// <param name=\"{parameter.Name.TrimStart('@')}\">{Documentation.Escape(Documentation.SingleLine(parameter.Summary) ?? "The " + parameter.WireName + " parameter.")}</param>");
        }

        writer.Line("/// <exception cref=\"global::System.ArgumentNullException\">A required parameter is null.</exception>");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">A parameter breaks a rule of the spec; the message names the parameter, the rule and the value.</exception>");
        writer.OpenBlock($"public static void {ParameterValidatorName(operation)}({signature})");
        var any = false;
        foreach (var parameter in parameters)
        {
            var name = parameter.Name;
            var wire = CSharpTypes.Literal(parameter.Name.TrimStart('@'));
            if (parameter.IsRequired && !parameter.Type.IsValueType)
            {
                writer.Line($"RequireNotNull({name}, {wire});");
                any = true;
            }

            foreach (var line in ValueChecks(client, parameter.Type, name, check => $"Require{check.Rule}({check.Value}, {wire}{check.Arguments});"))
            {
                writer.Line(line);
                any = true;
            }
        }

        if (!any)
        {
            writer.Line("// The spec sets no rule on these parameters.");
        }

        writer.CloseBlock();
    }

    /// <summary>Writes the statements of a DTO's <c>ValidateInto(errors, path)</c>.</summary>
    public static void EmitObjectChecks(SourceWriter writer, ClientSpec client, ObjectTypeSpec type)
    {
        var validation = $"global::{client.Namespace}.{ValidationClassName(client)}";
        var any = false;
        foreach (var property in type.Properties)
        {
            var path = "path + " + CSharpTypes.Literal(property.JsonPath);
            // Validate() checks what the caller sends: a readOnly property is never required of it, a writeOnly one is.
            if (property.IsRequired && !property.IsReadOnly && !property.AllowsNull && (property.IsWriteOnly || (!property.IsNullable && !property.Type.IsValueType)))
            {
                writer.Line($"{validation}.CheckRequired(errors, {path}, {property.Name});");
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
        var validation = $"global::{client.Namespace}.{ValidationClassName(client)}";
        foreach (var line in ValueChecks(client, type, value, check => $"{validation}.Check{check.Rule}(errors, {path}, {check.Value}{check.Arguments});"))
        {
            yield return line;
        }

        switch (type.Kind)
        {
            case TypeKind.Object or TypeKind.Union:
                yield return $"{value}?.ValidateInto(errors, {path});";
                break;
            case TypeKind.Array when NeedsChecks(type.Element!):
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

            case TypeKind.Map when NeedsChecks(type.Element!):
                {
                    var entry = prefix + "Entry" + depth.ToString(CultureInfo.InvariantCulture);
                    var entries = prefix + "Entries" + depth.ToString(CultureInfo.InvariantCulture);
                    yield return $"if ({value} is {{ }} {entries})";
                    yield return "{";
                    yield return $"    foreach (var {entry} in {entries})";
                    yield return "    {";
                    foreach (var line in NestedChecks(client, type.Element!, $"{entry}.Value", $"{validation}.PropertyPath({path}, {entry}.Key)", prefix, depth + 1))
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
        NeedsChecks(type) ? NestedChecks(client, type, value, path, value, depth: 0) : System.Linq.Enumerable.Empty<string>();

    private static bool NeedsChecks(TypeRef type) =>
        type.Kind is TypeKind.Object or TypeKind.Union || !type.Constraints.IsEmpty || (type.Element is not null && NeedsChecks(type.Element));

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

        /// <summary>Each rule written once; the Check form collects a <c>ValidationError</c>, the Require form throws for a parameter.</summary>
    private const string RuleHelpers = """
        internal static void CheckRequired(global::System.Collections.Generic.List<ValidationError> errors, string path, object? value)
        {
            if (value is null)
            {
                errors.Add(new ValidationError(path, "required", "is required", null));
            }
        }

        internal static void CheckMinLength(global::System.Collections.Generic.List<ValidationError> errors, string path, string? value, int minimum)
        {
            if (value is not null && CountCharacters(value) < minimum)
            {
                errors.Add(new ValidationError(path, "minLength", MinLengthRequirement(minimum), value));
            }
        }

        internal static void CheckMaxLength(global::System.Collections.Generic.List<ValidationError> errors, string path, string? value, int maximum)
        {
            if (value is not null && CountCharacters(value) > maximum)
            {
                errors.Add(new ValidationError(path, "maxLength", MaxLengthRequirement(maximum), value));
            }
        }

        internal static void CheckPattern(global::System.Collections.Generic.List<ValidationError> errors, string path, string? value, global::System.Text.RegularExpressions.Regex pattern, string patternText)
        {
            if (value is not null && !Matches(pattern, value))
            {
                errors.Add(new ValidationError(path, "pattern", PatternRequirement(patternText), value));
            }
        }

        internal static void CheckMinimum<T>(global::System.Collections.Generic.List<ValidationError> errors, string path, T? value, T minimum, bool exclusive)
            where T : struct, global::System.IComparable<T>, global::System.IFormattable
        {
            if (value is { } number && IsBelow(number, minimum, exclusive))
            {
                errors.Add(new ValidationError(path, exclusive ? "exclusiveMinimum" : "minimum", MinimumRequirement(FormatNumber(minimum), exclusive), FormatNumber(number)));
            }
        }

        internal static void CheckMaximum<T>(global::System.Collections.Generic.List<ValidationError> errors, string path, T? value, T maximum, bool exclusive)
            where T : struct, global::System.IComparable<T>, global::System.IFormattable
        {
            if (value is { } number && IsAbove(number, maximum, exclusive))
            {
                errors.Add(new ValidationError(path, exclusive ? "exclusiveMaximum" : "maximum", MaximumRequirement(FormatNumber(maximum), exclusive), FormatNumber(number)));
            }
        }

        internal static void CheckMinItems<T>(global::System.Collections.Generic.List<ValidationError> errors, string path, global::System.Collections.Generic.IReadOnlyCollection<T>? value, int minimum)
        {
            if (value is not null && value.Count < minimum)
            {
                errors.Add(new ValidationError(path, "minItems", "must have at least " + Format(minimum) + " items", Format(value.Count) + " items"));
            }
        }

        internal static void CheckMaxItems<T>(global::System.Collections.Generic.List<ValidationError> errors, string path, global::System.Collections.Generic.IReadOnlyCollection<T>? value, int maximum)
        {
            if (value is not null && value.Count > maximum)
            {
                errors.Add(new ValidationError(path, "maxItems", "must have at most " + Format(maximum) + " items", Format(value.Count) + " items"));
            }
        }

        internal static void RequireNotNull(object? value, string parameterName)
        {
            if (value is null)
            {
                throw new global::System.ArgumentNullException(parameterName, "The parameter '" + parameterName + "' is required (rule: required).");
            }
        }

        internal static void RequireMinLength(string? value, string parameterName, int minimum)
        {
            if (value is not null && CountCharacters(value) < minimum)
            {
                throw Invalid(parameterName, "minLength", MinLengthRequirement(minimum), value);
            }
        }

        internal static void RequireMaxLength(string? value, string parameterName, int maximum)
        {
            if (value is not null && CountCharacters(value) > maximum)
            {
                throw Invalid(parameterName, "maxLength", MaxLengthRequirement(maximum), value);
            }
        }

        internal static void RequirePattern(string? value, string parameterName, global::System.Text.RegularExpressions.Regex pattern, string patternText)
        {
            if (value is not null && !Matches(pattern, value))
            {
                throw Invalid(parameterName, "pattern", PatternRequirement(patternText), value);
            }
        }

        internal static void RequireMinimum<T>(T? value, string parameterName, T minimum, bool exclusive)
            where T : struct, global::System.IComparable<T>, global::System.IFormattable
        {
            if (value is { } number && IsBelow(number, minimum, exclusive))
            {
                throw Invalid(parameterName, exclusive ? "exclusiveMinimum" : "minimum", MinimumRequirement(FormatNumber(minimum), exclusive), FormatNumber(number));
            }
        }

        internal static void RequireMaximum<T>(T? value, string parameterName, T maximum, bool exclusive)
            where T : struct, global::System.IComparable<T>, global::System.IFormattable
        {
            if (value is { } number && IsAbove(number, maximum, exclusive))
            {
                throw Invalid(parameterName, exclusive ? "exclusiveMaximum" : "maximum", MaximumRequirement(FormatNumber(maximum), exclusive), FormatNumber(number));
            }
        }

        internal static void RequireMinItems<T>(global::System.Collections.Generic.IReadOnlyCollection<T>? value, string parameterName, int minimum)
        {
            if (value is not null && value.Count < minimum)
            {
                throw Invalid(parameterName, "minItems", "must have at least " + Format(minimum) + " items", Format(value.Count) + " items");
            }
        }

        internal static void RequireMaxItems<T>(global::System.Collections.Generic.IReadOnlyCollection<T>? value, string parameterName, int maximum)
        {
            if (value is not null && value.Count > maximum)
            {
                throw Invalid(parameterName, "maxItems", "must have at most " + Format(maximum) + " items", Format(value.Count) + " items");
            }
        }

        /// <summary>
        /// A value the pattern cannot decide within <see cref="MatchTimeout"/> (catastrophic backtracking) counts as not
        /// matching: the caller gets a validation failure at once instead of a hang or an unexpected exception.
        /// </summary>
        private static bool Matches(global::System.Text.RegularExpressions.Regex pattern, string value)
        {
            try
            {
                return pattern.IsMatch(value);
            }
            catch (global::System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                return false;
            }
        }

        /// <summary>The JSON path of a dictionary entry: <c>path['key']</c>.</summary>
        internal static string PropertyPath(string path, string key) => path + "['" + key.Replace("\\", "\\\\").Replace("'", "\\'") + "']";

        /// <summary>JSON Schema counts characters as Unicode code points: a surrogate pair is one character.</summary>
        internal static int CountCharacters(string value)
        {
            var count = value.Length;
            for (var i = 0; i < value.Length - 1; i++)
            {
                if (char.IsHighSurrogate(value[i]) && char.IsLowSurrogate(value[i + 1]))
                {
                    count--;
                    i++;
                }
            }

            return count;
        }

        private static global::System.ArgumentException Invalid(string parameterName, string rule, string requirement, string value) =>
            new global::System.ArgumentException("The parameter '" + parameterName + "' " + requirement + ", but was '" + value + "' (rule: " + rule + ").", parameterName);

        private static string MinLengthRequirement(int minimum) => "must be at least " + Format(minimum) + " characters long";

        private static string MaxLengthRequirement(int maximum) => "must be at most " + Format(maximum) + " characters long";

        private static string PatternRequirement(string patternText) => "must match the pattern '" + patternText + "'";

        private static string MinimumRequirement(string minimum, bool exclusive) => (exclusive ? "must be greater than " : "must be at least ") + minimum;

        private static string MaximumRequirement(string maximum, bool exclusive) => (exclusive ? "must be less than " : "must be at most ") + maximum;

        private static bool IsBelow<T>(T value, T minimum, bool exclusive)
            where T : global::System.IComparable<T> => exclusive ? value.CompareTo(minimum) <= 0 : value.CompareTo(minimum) < 0;

        private static bool IsAbove<T>(T value, T maximum, bool exclusive)
            where T : global::System.IComparable<T> => exclusive ? value.CompareTo(maximum) >= 0 : value.CompareTo(maximum) > 0;

        private static string Format(int value) => value.ToString(global::System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>Invariant text; "R" keeps every digit of a double or float on older frameworks too.</summary>
        private static string FormatNumber<T>(T value)
            where T : global::System.IFormattable =>
            value.ToString(value is double || value is float ? "R" : null, global::System.Globalization.CultureInfo.InvariantCulture);
        """;
}
