namespace Applivery.Generators.Model;

/// <param name="StatusCode">The status code as in the spec: <c>200</c>, <c>4XX</c> or <c>default</c>.</param>
/// <param name="Type">The JSON body's type, or null when the response has no JSON body.</param>
internal sealed record ResponseSpec(string StatusCode, string? Description, string? ContentType, TypeRef? Type);
