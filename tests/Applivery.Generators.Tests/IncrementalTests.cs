using System.Linq;
using Applivery.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Applivery.Generators.Tests;

/// <summary>The generator runs on every keystroke in an IDE: unchanged input must cost nothing.</summary>
public class IncrementalTests
{
    private const string UserCode = "namespace Consumer { public class UserCode { public int Value => 1; } }";

    [Fact]
    public void EveryStepIsNamed()
    {
        var run = GeneratorRun.Run(new[] { SpecFile.Applivery() }, csharpSources: new[] { UserCode });

        var steps = run.Result.Results.Single().TrackedSteps;
        foreach (var name in TrackingNames.All)
        {
            Assert.True(steps.ContainsKey(name), $"The step {name} was not tracked");
        }
    }

    [Fact]
    public void EditingAnUnrelatedCSharpFileLeavesEveryStepCached()
    {
        var first = GeneratorRun.Run(new[] { SpecFile.Applivery() }, csharpSources: new[] { UserCode });
        var oldTree = first.Input.SyntaxTrees.Single();
        var newTree = CSharpSyntaxTree.ParseText(UserCode.Replace("=> 1", "=> 2"), (CSharpParseOptions)oldTree.Options, oldTree.FilePath);

        var second = first.RunAgain(first.Input.ReplaceSyntaxTree(oldTree, newTree));

        var steps = second.Result.Results.Single().TrackedSteps;
        foreach (var name in TrackingNames.All)
        {
            var reasons = steps[name].SelectMany(step => step.Outputs).Select(output => output.Reason).ToList();
            Assert.NotEmpty(reasons);
            Assert.All(reasons, reason => Assert.True(
                reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"{name} was {reason} after an unrelated edit"));
        }

        Assert.Equal(Texts(first), Texts(second));
    }

    [Fact]
    public void AWhitespaceOnlyEditOfTheSpecLeavesTheModelUnchanged()
    {
        var spec = SpecFile.Applivery();
        var first = GeneratorRun.Run(new[] { spec });

        var second = first.RunAgainWithEditedSpec(0, spec.Text + "\n\n# a comment at the end\n");

        var steps = second.Result.Results.Single().TrackedSteps;
        Assert.Equal(IncrementalStepRunReason.Modified, steps[TrackingNames.SpecInputs].Single().Outputs.Single().Reason);
        Assert.Contains(steps[TrackingNames.Clients].Single().Outputs.Single().Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged });
        Assert.All(steps[TrackingNames.ClientsWithFeatures].SelectMany(step => step.Outputs), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        Assert.Equal(Texts(first), Texts(second));
    }

    [Fact]
    public void EditingTheSpecChangesTheOutput()
    {
        var spec = SpecFile.Applivery();
        var first = GeneratorRun.Run(new[] { spec });
        Assert.Contains("CheckMaxLength(errors, path + \".email\", Email, 256)", first.Source("AppliveryClient.Member.g.cs"));

        var second = first.RunAgainWithEditedSpec(0, spec.Text.Replace("maxLength: 256", "maxLength: 300"));

        var steps = second.Result.Results.Single().TrackedSteps;
        Assert.Equal(IncrementalStepRunReason.Modified, steps[TrackingNames.Clients].Single().Outputs.Single().Reason);
        Assert.Contains("CheckMaxLength(errors, path + \".email\", Email, 300)", second.Source("AppliveryClient.Member.g.cs"));
    }

    [Fact]
    public void EditingOneSpecLeavesTheOtherSpecsOutputCached()
    {
        var first = SpecFile.Applivery() with { Metadata = new System.Collections.Generic.Dictionary<string, string> { ["Namespace"] = "First" } };
        var second = SpecFile.Applivery() with { Path = "/project/spec/copy.yaml", Metadata = new System.Collections.Generic.Dictionary<string, string> { ["Namespace"] = "Second" } };
        var before = GeneratorRun.Run(new[] { first, second });

        var after = before.RunAgainWithEditedSpec(1, second.Text.Replace("maxLength: 256", "maxLength: 300"));

        // One output per spec: the edited spec's is Modified, the other's is Cached and its files are not emitted again.
        var perSpec = after.Result.Results.Single().TrackedSteps[TrackingNames.ClientsWithFeatures].SelectMany(step => step.Outputs).Select(output => output.Reason).ToList();
        Assert.Equal(new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Modified }, perSpec);
        var outputs = after.Result.Results.Single().TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs).Select(output => output.Reason).ToList();
        Assert.DoesNotContain(IncrementalStepRunReason.New, outputs);

        // The type names did not change, so the compilation-wide decisions and shared files are not redone either.
        var shared = after.Result.Results.Single().TrackedSteps[TrackingNames.SharedWithFeatures].SelectMany(step => step.Outputs).Select(output => output.Reason);
        Assert.All(shared, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"shared output was {reason}"));

        // Nor is the JSON runtime: both specs use the same parts, so its one file is not emitted again.
        var runtime = after.Result.Results.Single().TrackedSteps[TrackingNames.RuntimeWithFeatures].SelectMany(step => step.Outputs).Select(output => output.Reason);
        Assert.All(runtime, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"runtime output was {reason}"));
        Assert.Single(after.Sources, source => source.HintName == Applivery.Generators.Emit.JsonRuntimeEmitter.HintName);

        Assert.Contains("CheckMaxLength(errors, path + \".email\", Email, 300)", after.Source("Second.AppliveryClient.Member.g.cs"));
        Assert.Contains("CheckMaxLength(errors, path + \".email\", Email, 256)", after.Source("First.AppliveryClient.Member.g.cs"));
    }

    [Fact]
    public void AnEditThatNeedsAnotherRuntimePartReEmitsTheRuntimeWithIt()
    {
        var spec = SpecFile.Applivery();
        var first = GeneratorRun.Run(new[] { spec });
        Assert.DoesNotContain("ReadGuid(", first.Source(Applivery.Generators.Emit.JsonRuntimeEmitter.HintName), System.StringComparison.Ordinal);

        // A member gets a UUID property: the runtime needs its Guid part now.
        var edited = spec.Text.Replace("        memberId:\n", "        trackingId:\n          type: string\n          format: uuid\n        memberId:\n");
        Assert.NotEqual(spec.Text, edited);
        var second = first.RunAgainWithEditedSpec(0, edited);

        var runtime = second.Result.Results.Single().TrackedSteps[TrackingNames.RuntimeParts].SelectMany(step => step.Outputs).Single();
        Assert.Equal(IncrementalStepRunReason.Modified, runtime.Reason);
        Assert.Contains("internal static global::System.Guid ReadGuid(", second.Source(Applivery.Generators.Emit.JsonRuntimeEmitter.HintName), System.StringComparison.Ordinal);
        Assert.Empty(second.CompilationDiagnostics());
    }

    private static string[] Texts(GeneratorRun run) => run.Sources.Select(source => source.HintName + "\n" + source.SourceText).ToArray();
}
