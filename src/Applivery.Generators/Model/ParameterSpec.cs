namespace Applivery.Generators.Model;

internal enum ParameterLocation
{
    Path,
    Query,
    Header,
}

/// <param name="Name">The C# parameter name (camelCase, escaped with @ when a keyword).</param>
/// <param name="WireName">The name in the path template, query string or header.</param>
internal sealed record ParameterSpec(
    string Name,
    string WireName,
    ParameterLocation Location,
    TypeRef Type,
    bool IsRequired,
    string? Summary);
