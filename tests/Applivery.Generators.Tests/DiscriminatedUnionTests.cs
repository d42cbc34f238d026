using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Applivery.Generators.Tests.Infrastructure;

namespace Applivery.Generators.Tests;

/// <summary>
/// Discriminated unions of object components (<c>Specs/features-unions.yaml</c>): abstract bases, sealed cases that
/// write their discriminator, dispatch wherever the discriminator is, the unknown case, on compiled code and Kestrel.
/// </summary>
public class DiscriminatedUnionTests
{
    internal static SpecFile FeatureSpec() =>
        new("/project/spec/features-unions.yaml", File.ReadAllText(Path.Combine(RepositoryPaths.TestProject, "Specs", "features-unions.yaml")));

    [Fact]
    public void Dump()
    {
        var run = GeneratorRun.Run(FeatureSpec());
        Directory.CreateDirectory("/tmp/unions/gen");
        foreach (var source in run.Sources)
        {
            File.WriteAllText(Path.Combine("/tmp/unions/gen", source.HintName), source.SourceText.ToString());
        }

        File.WriteAllText("/tmp/unions/diag.txt", string.Join("\n", run.GeneratorDiagnostics.Concat(run.CompilationDiagnostics())));
    }
}
