namespace Applivery.Generators.Model;

/// <summary>
/// One candidate spec file with the options that shape its output: the first, cheap stage of the pipeline.
/// Compared by value (text included), so an unrelated edit leaves it cached.
/// </summary>
/// <param name="NamespaceOption">The file's <c>Namespace</c> metadata, when set.</param>
/// <param name="ClientNameOption">The file's <c>ClientName</c> metadata, when set.</param>
/// <param name="VisibilityOption">The file's <c>Visibility</c> metadata (<c>public</c> or <c>internal</c>), when set.</param>
/// <param name="IsMarkedOpenApi">The file's <c>OpenApi="true"</c> metadata: a spec even without a root <c>openapi</c> key.</param>
/// <param name="IncludeOperationsOption">The file's <c>IncludeOperations</c> metadata (selectors of the operations to generate), when set.</param>
/// <param name="ExcludeOperationsOption">The file's <c>ExcludeOperations</c> metadata (selectors of the operations to leave out), when set.</param>
/// <param name="SchemasOption">The file's <c>Schemas</c> metadata (<c>used</c> or <c>all</c>: which component schemas are generated), when set.</param>
internal sealed record SpecInput(
    string FilePath,
    string? Text,
    string? RootNamespace,
    string? NamespaceOption,
    string? ClientNameOption,
    string? VisibilityOption,
    bool IsMarkedOpenApi,
    string? IncludeOperationsOption = null,
    string? ExcludeOperationsOption = null,
    string? SchemasOption = null);
