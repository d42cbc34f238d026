using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;

namespace Applivery.Generators.Tests.Infrastructure;

/// <summary>The frameworks a consumer of the generated code may target, as sets of reference assemblies.</summary>
public enum TargetFramework
{
    Net100,
    Net80,
    NetStandard20,
}

internal static class TargetFrameworkReferences
{
    private static readonly string[] NetStandardPackages =
    {
        "system.text.json/10.0.0",
        "microsoft.bcl.asyncinterfaces/10.0.0",
        "system.buffers/4.6.1",
        "system.io.pipelines/10.0.0",
        "system.memory/4.6.3",
        "system.numerics.vectors/4.6.1",
        "system.runtime.compilerservices.unsafe/6.1.2",
        "system.text.encodings.web/10.0.0",
        "system.threading.tasks.extensions/4.6.3",
    };

    public static IReadOnlyList<MetadataReference> For(TargetFramework framework) => framework switch
    {
        TargetFramework.Net100 => Net100.References.All.ToList(),
        TargetFramework.Net80 => Net80.References.All.ToList(),
        TargetFramework.NetStandard20 => NetStandard20.References.All.Concat(NetStandardPackageReferences()).ToList(),
        _ => throw new ArgumentOutOfRangeException(nameof(framework)),
    };

    private static IEnumerable<MetadataReference> NetStandardPackageReferences()
    {
        var root = typeof(TargetFrameworkReferences).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "NuGetPackageRoot").Value!;
        foreach (var package in NetStandardPackages)
        {
            var folder = Path.Combine(root, package, "lib", "netstandard2.0");
            foreach (var dll in Directory.GetFiles(folder, "*.dll"))
            {
                yield return MetadataReference.CreateFromFile(dll);
            }
        }
    }
}
