using System.Linq;
using Applivery.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Applivery.Generators.Tests;

/// <summary>
/// Snapshots of the code paths the default target (net10.0, latest C#) never takes, so a change to them shows up in
/// review. The emitters branch on <c>TargetFeatures</c> only:
/// <list type="bullet">
/// <item>C# 11 and later: the reader compares property and enum names with UTF-8 literals, and required properties are
/// <c>required</c> members; before: it compares them with the <c>JsonEncodedText</c> fields (names that are not plain
/// ASCII as strings), and required properties are <c>= default!</c> with the check left to the reader and
/// <c>Validate()</c>;</item>
/// <item>a target without <c>IsExternalInit</c> (netstandard2.0): its polyfill; without the required-member attributes
/// (netstandard2.0 at C# 11+, when some member is required): theirs;</item>
/// <item>Microsoft.Extensions.Http referenced: the <c>Add{Client}</c> registration;</item>
/// <item>below C# 9: APG009 and nothing generated.</item>
/// </list>
/// Each scenario also compiles on its target without a warning. Re-accept with <c>ACCEPT_SNAPSHOTS=1</c>.
/// </summary>
public class TargetSnapshotTests
{
    private const string BodiesSpec = "features-bodies.yaml";
    private const string AdversarialSpec = "adversarial.yaml";

    [Fact]
    public void AppliveryOnNetStandard20GetsTheInitPolyfill() =>
        VerifyCompiling(GeneratorRun.Run(new[] { SpecFile.Applivery() }, TargetFramework.NetStandard20), "Applivery.NetStandard20");

    [Fact]
    public void AppliveryAtCSharp10UsesJsonEncodedTextNames() =>
        VerifyCompiling(GeneratorRun.Run(new[] { SpecFile.Applivery() }, TargetFramework.Net80, LanguageVersion.CSharp10), "Applivery.CSharp10");

    [Fact]
    public void AppliveryWithMicrosoftExtensionsHttpGetsTheServiceCollectionRegistration() =>
        VerifyCompiling(GeneratorRun.Run(new[] { SpecFile.Applivery() }, extraReferences: HttpClientFactoryReferences.All()), "Applivery.HttpClientFactory");

    [Fact]
    public void AppliveryAtCSharp8GeneratesNothingAndSaysWhy()
    {
        var run = GeneratorRun.Run(new[] { SpecFile.Applivery() }, TargetFramework.NetStandard20, LanguageVersion.CSharp8);

        GeneratedSnapshots.Verify(run, "Applivery.CSharp8");
        Assert.Empty(run.Sources);
        Assert.Equal("APG009", Assert.Single(run.GeneratorDiagnostics).Id);
        Assert.Empty(run.CompilationDiagnostics());
    }

    /// <summary>Required members at C# 11+ on netstandard2.0: every polyfill, the required-member ones included.</summary>
    [Fact]
    public void TheBodiesFeatureOnNetStandard20GetsEveryPolyfill() =>
        VerifyCompiling(GeneratorRun.Run(new[] { SpecFile.Feature(BodiesSpec) }, TargetFramework.NetStandard20), "FeatureBodies.NetStandard20");

    /// <summary>The oldest combination supported: netstandard2.0 at C# 9, no required members and only the init polyfill.</summary>
    [Fact]
    public void TheBodiesFeatureOnNetStandard20AtCSharp9HasNoRequiredMembers() =>
        VerifyCompiling(GeneratorRun.Run(new[] { SpecFile.Feature(BodiesSpec) }, TargetFramework.NetStandard20, LanguageVersion.CSharp9), "FeatureBodies.NetStandard20.CSharp9");

    /// <summary>Non-ASCII property names, which before C# 11 are compared as strings rather than as encoded bytes.</summary>
    [Fact]
    public void TheAdversarialSpecAtCSharp10ComparesNonAsciiNamesAsStrings() =>
        VerifyCompiling(GeneratorRun.Run(new[] { SpecFile.Feature(AdversarialSpec).WithAllSchemas() }, TargetFramework.Net80, LanguageVersion.CSharp10), "Adversarial.CSharp10");

    /// <summary>
    /// net8.0 has every type the emitters look for, so at the latest C# it must generate exactly what net10.0 does; if
    /// this fails, an emitter branches on something new and that branch needs a snapshot scenario here.
    /// </summary>
    [Theory]
    [InlineData(RepositoryPaths.AppliverySpec)]
    [InlineData(BodiesSpec)]
    public void Net80AtTheLatestLanguageGeneratesWhatNet100Does(string spec)
    {
        var file = spec == RepositoryPaths.AppliverySpec ? SpecFile.Applivery() : SpecFile.Feature(spec);

        var net100 = GeneratorRun.Run(new[] { file }, TargetFramework.Net100, trackSteps: false);
        var net80 = GeneratorRun.Run(new[] { file }, TargetFramework.Net80, trackSteps: false);

        Assert.Equal(
            net100.Sources.Select(source => (source.HintName, source.SourceText.ToString())),
            net80.Sources.Select(source => (source.HintName, source.SourceText.ToString())));
    }

    private static void VerifyCompiling(GeneratorRun run, string scenario)
    {
        // The generator's own diagnostics are part of the snapshot (diagnostics.approved.txt).
        GeneratedSnapshots.Verify(run, scenario);
        var diagnostics = run.CompilationDiagnostics();
        Assert.True(diagnostics.Count == 0, scenario + " does not compile without warnings:\n" + string.Join("\n", diagnostics));
    }
}
