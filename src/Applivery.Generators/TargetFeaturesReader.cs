using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Applivery.Generators.Model;

namespace Applivery.Generators;

/// <summary>Reduces the compilation to the few facts the emitters need, so the pipeline can cache past it.</summary>
internal static class TargetFeaturesReader
{
    public static TargetFeatures Read(Compilation compilation)
    {
        var languageVersion = compilation is CSharpCompilation csharp ? (int)csharp.LanguageVersion / 100 : 0;
        return new TargetFeatures(
            languageVersion,
            HasAccessibleType(compilation, "System.Runtime.CompilerServices.IsExternalInit"),
            HasAccessibleType(compilation, "System.Runtime.CompilerServices.RequiredMemberAttribute"),
            HasAccessibleType(compilation, "System.Runtime.CompilerServices.CompilerFeatureRequiredAttribute"),
            HasAccessibleType(compilation, "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute"),
            HasAccessibleType(compilation, "Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions"));
    }

    /// <summary>True when the type exists and this assembly can use it (a polyfill of ours would then clash).</summary>
    private static bool HasAccessibleType(Compilation compilation, string metadataName)
    {
        foreach (var type in compilation.GetTypesByMetadataName(metadataName))
        {
            if (compilation.IsSymbolAccessibleWithin(type, compilation.Assembly))
            {
                return true;
            }
        }

        return false;
    }
}
