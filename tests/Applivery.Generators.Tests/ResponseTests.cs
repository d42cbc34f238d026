using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Applivery.Generators.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Applivery.Generators.Tests;

/// <summary>Issue 8's responses: binary and text bodies, several 2xx, empty successes and the Accept header, called at Kestrel.</summary>
public class ResponseTests
{
    internal static SpecFile Spec => new("/project/spec/features-responses.yaml", File.ReadAllText(Path.Combine(RepositoryPaths.TestProject, "Specs", "features-responses.yaml")));

    [Fact]
    public void TheGeneratedCodeMatchesTheSnapshot() => GeneratedSnapshots.Verify(GeneratorRun.Run(Spec), "FeatureResponses");

    [Theory]
    [InlineData(TargetFramework.Net100)]
    [InlineData(TargetFramework.Net80)]
    [InlineData(TargetFramework.NetStandard20)]
    public void ItCompilesWithoutAWarningOnEveryFramework(TargetFramework framework)
    {
        var run = GeneratorRun.Run(Spec, framework);
        Assert.Empty(run.GeneratorDiagnostics);
        var diagnostics = run.CompilationDiagnostics();
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
    }
}
