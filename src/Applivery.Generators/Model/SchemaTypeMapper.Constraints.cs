using System.Globalization;
using Applivery.Generators.Diagnostics;
using Applivery.Generators.OpenApi;

namespace Applivery.Generators.Model;

/// <summary>
/// The validation keywords of strings and numbers (<c>minLength</c>, <c>maxLength</c>, <c>pattern</c>,
/// <c>minimum</c>, <c>maximum</c>, both spellings of <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c>), read into a
/// <see cref="ConstraintSpec"/>; a value that is not what the keyword needs is reported and ignored.
/// </summary>
internal sealed partial class SchemaTypeMapper
{
    private ConstraintSpec ReadStringConstraints(SpecMapping schema, string label)
    {
        string? pattern = null;
        if (schema.GetScalar("pattern") is { } patternNode && _patterns.TryRegister(patternNode.Value, label, patternNode.Span))
        {
            pattern = patternNode.Value;
        }

        return ConstraintSpec.None with
        {
            MinLength = ReadNonNegativeInteger(schema, "minLength", label),
            MaxLength = ReadNonNegativeInteger(schema, "maxLength", label),
            Pattern = pattern,
        };
    }

    private ConstraintSpec ReadNumberConstraints(SpecMapping schema)
    {
        var minimum = ReadNumber(schema, "minimum");
        var maximum = ReadNumber(schema, "maximum");
        var exclusiveMinimum = false;
        var exclusiveMaximum = false;

        // OpenAPI 3.0 writes exclusiveMinimum as a flag on minimum; 3.1 (JSON Schema 2020-12) as the bound itself.
        if (schema.GetScalar("exclusiveMinimum") is { } exclusiveMin)
        {
            if (exclusiveMin.AsBoolean() is { } flag)
            {
                exclusiveMinimum = flag && minimum is not null;
            }
            else if (ReadNumber(schema, "exclusiveMinimum") is { } bound)
            {
                minimum = bound;
                exclusiveMinimum = true;
            }
        }

        if (schema.GetScalar("exclusiveMaximum") is { } exclusiveMax)
        {
            if (exclusiveMax.AsBoolean() is { } flag)
            {
                exclusiveMaximum = flag && maximum is not null;
            }
            else if (ReadNumber(schema, "exclusiveMaximum") is { } bound)
            {
                maximum = bound;
                exclusiveMaximum = true;
            }
        }

        return ConstraintSpec.None with
        {
            Minimum = minimum,
            ExclusiveMinimum = exclusiveMinimum,
            Maximum = maximum,
            ExclusiveMaximum = exclusiveMaximum,
        };
    }

    private int? ReadNonNegativeInteger(SpecMapping schema, string keyword, string label)
    {
        if (schema.GetScalar(keyword) is not { } node)
        {
            return null;
        }

        if (node.IsPlain && int.TryParse(node.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        _diagnostics.Report(DiagnosticDescriptors.InvalidKeywordValue, node.Span, $"{keyword} of {label}", node.Value, "expected a non-negative integer");
        return null;
    }

    /// <summary>A number as invariant text that C# accepts as a literal, or null (reported) when it is not a number.</summary>
    private string? ReadNumber(SpecMapping schema, string keyword)
    {
        if (schema.GetScalar(keyword) is not { } node || node.AsBoolean() is not null)
        {
            return null;
        }

        if (node.IsPlain && decimal.TryParse(node.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
        {
            return exact.ToString(CultureInfo.InvariantCulture);
        }

        if (node.IsPlain && double.TryParse(node.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var approximate) && !double.IsInfinity(approximate))
        {
            return approximate.ToString("R", CultureInfo.InvariantCulture);
        }

        _diagnostics.Report(DiagnosticDescriptors.InvalidKeywordValue, node.Span, keyword, node.Value, "expected a number");
        return null;
    }
}
