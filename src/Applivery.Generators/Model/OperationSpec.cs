namespace Applivery.Generators.Model;

internal enum ParameterLocation
{
    Path,
    Query,
    Header,
}

/// <param name="MethodName">The C# method name without the Async suffix, e.g. <c>GetBuildDownloadsByUser</c>.</param>
/// <param name="PathTemplate">The path as in the spec, e.g. <c>/organizations/{organizationId}/apps</c>.</param>
/// <param name="RequiredPermission">The <c>x-required-permission</c> extension, shown in the doc comment.</param>
internal sealed record OperationSpec(
    string MethodName,
    string OperationId,
    string HttpMethod,
    string PathTemplate,
    string? Summary,
    string? Description,
    string? RequiredPermission,
    bool IsDeprecated,
    EquatableArray<string> Tags,
    EquatableArray<ParameterSpec> Parameters,
    RequestBodySpec? RequestBody,
    EquatableArray<ResponseSpec> Responses);

/// <param name="Name">The C# parameter name (camelCase, escaped with @ when a keyword).</param>
/// <param name="WireName">The name in the path template, query string or header.</param>
internal sealed record ParameterSpec(
    string Name,
    string WireName,
    ParameterLocation Location,
    TypeRef Type,
    bool IsRequired,
    string? Summary);

internal sealed record RequestBodySpec(string ContentType, TypeRef Type, bool IsRequired, string? Summary);

/// <param name="StatusCode">The status code as in the spec: <c>200</c>, <c>4XX</c> or <c>default</c>.</param>
/// <param name="Type">The JSON body's type, or null when the response has no JSON body.</param>
internal sealed record ResponseSpec(string StatusCode, string? Description, string? ContentType, TypeRef? Type);
