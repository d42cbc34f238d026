namespace Applivery.Generators.Model;

/// <param name="ParameterName">
/// The C# name of the body parameter: <c>body</c>, unless a spec parameter already has that name (the spec's names win).
/// </param>
internal sealed record RequestBodySpec(string ContentType, TypeRef Type, bool IsRequired, string? Summary, string ParameterName);
