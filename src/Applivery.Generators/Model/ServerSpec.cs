namespace Applivery.Generators.Model;

/// <summary>A <c>servers</c> entry of a path item or an operation: where its requests go instead of the client's base address.</summary>
/// <param name="Url">The URL template exactly as in the spec, e.g. <c>https://{region}.example.com/v2</c> or <c>/files</c>.</param>
/// <param name="Variables">The template's variables with their defaults, in spec order.</param>
internal sealed record ServerSpec(string Url, EquatableArray<ServerVariableSpec> Variables);

/// <param name="Default">The spec's <c>default</c>; null when the spec gives none (the user must then set it).</param>
internal sealed record ServerVariableSpec(string Name, string? Default);
