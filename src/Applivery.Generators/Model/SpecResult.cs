using Applivery.Generators.Diagnostics;

namespace Applivery.Generators.Model;

/// <summary>The outcome of reading one spec: the model to emit (null when nothing can be generated) and its diagnostics.</summary>
internal sealed record SpecResult(ClientSpec? Client, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>What the generator needs to know about the consuming compilation, reduced to a few values so it caches.</summary>
/// <param name="HasHttpClientFactory">The consumer references Microsoft.Extensions.Http: a DI registration is emitted.</param>
/// <param name="LanguageVersion">The C# version as a number (9, 10, 11, 12...), 0 when unknown.</param>
internal sealed record TargetFeatures(
    int LanguageVersion,
    bool HasIsExternalInit,
    bool HasRequiredMemberAttribute,
    bool HasCompilerFeatureRequiredAttribute,
    bool HasSetsRequiredMembersAttribute,
    bool HasHttpClientFactory)
{
    public bool SupportsRequiredMembers => LanguageVersion >= 11;
}
