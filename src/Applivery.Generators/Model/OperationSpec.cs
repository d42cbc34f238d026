namespace Applivery.Generators.Model;

/// <param name="MethodName">The C# method name without the Async suffix, e.g. <c>GetBuildDownloadsByUser</c>.</param>
/// <param name="PathTemplate">The path as in the spec, e.g. <c>/organizations/{organizationId}/apps</c>.</param>
/// <param name="RequiredPermission">The <c>x-required-permission</c> extension, shown in the doc comment.</param>
/// <param name="CancellationTokenName">
/// The name of the method's <c>CancellationToken</c> parameter: <c>cancellationToken</c>, unless a spec parameter
/// already has that name (the spec's names win; see README's naming rules).
/// </param>
/// <param name="Security">What the operation's <c>security</c> (or the document's) asks the client to send.</param>
/// <param name="Server">
/// The operation's own server (its <c>servers</c>, else its path item's), or null when it uses the client's base address.
/// </param>
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
    EquatableArray<ResponseSpec> Responses,
    string CancellationTokenName,
    OperationSecuritySpec Security,
    ServerSpec? Server);
