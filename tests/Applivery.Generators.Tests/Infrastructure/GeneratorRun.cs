using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Applivery.Generators.Tests.Infrastructure;

/// <summary>A spec handed to the generator: path, text and AdditionalFiles metadata.</summary>
internal sealed record SpecFile(string Path, string Text, IReadOnlyDictionary<string, string>? Metadata = null)
{
    public static SpecFile Applivery() => new("/project/spec/" + RepositoryPaths.AppliverySpec, RepositoryPaths.ReadAppliverySpec());

    /// <summary>A spec of <c>tests/Applivery.Generators.Tests/Specs/</c> at the path the feature tests give it (so the same hint names).</summary>
    public static SpecFile Feature(string fileName) =>
        new("/project/spec/" + fileName, System.IO.File.ReadAllText(System.IO.Path.Combine(RepositoryPaths.TestProject, "Specs", fileName)));

    /// <summary>
    /// This spec with <c>Schemas="all"</c>: for the specs that hold components as a catalogue of constructs (names that
    /// collide, recursion entered from a component no operation uses), which the default would leave out.
    /// </summary>
    public SpecFile WithAllSchemas() => this with
    {
        Metadata = new Dictionary<string, string>(Metadata ?? new Dictionary<string, string>()) { ["Schemas"] = "all" },
    };
}

/// <summary>Runs the generator the way the compiler does and keeps everything a test may look at.</summary>
internal sealed class GeneratorRun
{
    private GeneratorRun(GeneratorDriver driver, Compilation input, Compilation output, ImmutableArray<Diagnostic> generatorDiagnostics, IReadOnlyList<AdditionalText> additionalTexts)
    {
        Driver = driver;
        AdditionalTexts = additionalTexts;
        Input = input;
        Output = output;
        GeneratorDiagnostics = generatorDiagnostics;
    }

    public GeneratorDriver Driver { get; }

    /// <summary>The additional files the driver holds, to replace one as an edit would.</summary>
    public IReadOnlyList<AdditionalText> AdditionalTexts { get; }

    public Compilation Input { get; }

    public Compilation Output { get; }

    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }

    public GeneratorDriverRunResult Result => Driver.GetRunResult();

    public IReadOnlyList<GeneratedSourceResult> Sources => Result.Results.Single().GeneratedSources;

    /// <summary>The names of the types generated in the namespace <c>Consumer</c>, sorted ordinally.</summary>
    public SortedSet<string> ConsumerTypeNames() =>
        new(Output.GlobalNamespace.GetNamespaceMembers().Single(ns => ns.Name == "Consumer").GetTypeMembers().Select(type => type.Name), System.StringComparer.Ordinal);

    /// <summary>Every generated file's text, concatenated: for asserting that a member is generated somewhere, or nowhere.</summary>
    public string AllSources() => string.Concat(Sources.Select(source => source.SourceText.ToString()));

    public string Source(string hintNameSuffix) => Sources.Single(source => source.HintName.EndsWith(hintNameSuffix, System.StringComparison.Ordinal)).SourceText.ToString();

    /// <summary>Compiler diagnostics of the consumer compilation with the generated code, warnings included.</summary>
    public IReadOnlyList<Diagnostic> CompilationDiagnostics() =>
        Output.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning).ToList();

    public static GeneratorRun Run(
        IEnumerable<SpecFile> specs,
        TargetFramework framework = TargetFramework.Net100,
        LanguageVersion languageVersion = LanguageVersion.Latest,
        IEnumerable<string>? csharpSources = null,
        string rootNamespace = "Consumer",
        bool trackSteps = true,
        IEnumerable<MetadataReference>? extraReferences = null,
        DocumentationMode documentationMode = DocumentationMode.Parse)
    {
        var specList = specs.ToList();
        var parseOptions = new CSharpParseOptions(languageVersion, documentationMode);
        var trees = (csharpSources ?? new[] { "namespace Consumer { internal static class Placeholder { } }" })
            .Select((source, index) => CSharpSyntaxTree.ParseText(source, parseOptions, path: $"/project/Source{index}.cs"))
            .ToList();
        var compilation = CSharpCompilation.Create(
            "Consumer",
            trees,
            TargetFrameworkReferences.For(framework).Concat(extraReferences ?? Enumerable.Empty<MetadataReference>()),
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error,
                warningLevel: 9999));

        var options = new TestOptionsProvider(
            new Dictionary<string, string> { ["build_property.RootNamespace"] = rootNamespace },
            specList.Where(spec => spec.Metadata is not null).ToDictionary(spec => spec.Path, spec => spec.Metadata!));
        var additionalTexts = specList.Select(spec => (AdditionalText)new InMemoryAdditionalText(spec.Path, spec.Text)).ToList();
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new OpenApiClientGenerator().AsSourceGenerator() },
            additionalTexts,
            parseOptions,
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        output = WithNullableWarnings(output, compilation);
        if (trackSteps)
        {
            AssertCachedOnRerun(driver, compilation, additionalTexts);
        }

        return new GeneratorRun(driver, compilation, output, diagnostics, additionalTexts);
    }

    /// <summary>
    /// The generated files turn nullable warnings off for the consumer (<see cref="Emit.GeneratedFile.NullableContext"/>);
    /// the tests compile them with the warnings on, so every test that compiles generated code also proves it nullable-clean.
    /// </summary>
    internal static Compilation WithNullableWarnings(Compilation output, Compilation input)
    {
        foreach (var tree in output.SyntaxTrees.Except(input.SyntaxTrees).ToList())
        {
            var text = tree.GetText().ToString();
            if (text.Contains(Emit.GeneratedFile.NullableContext, System.StringComparison.Ordinal))
            {
                var strict = text.Replace(Emit.GeneratedFile.NullableContext, "#nullable enable", System.StringComparison.Ordinal);
                output = output.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(strict, System.Text.Encoding.UTF8)));
            }
        }

        return output;
    }

    /// <summary>
    /// Every generator test also checks cacheability (as NetEscapades.EnumGenerators' TestHelpers do): each spec is
    /// read again with a newline appended, which changes its text but not its meaning, so the model and everything after
    /// it must be Cached or Unchanged. A model value without value equality fails here.
    /// </summary>
    private static void AssertCachedOnRerun(GeneratorDriver driver, Compilation compilation, IReadOnlyList<AdditionalText> texts)
    {
        foreach (var text in texts)
        {
            driver = driver.ReplaceAdditionalText(text, new InMemoryAdditionalText(text.Path, text.GetText()!.ToString() + "\n"));
        }

        var again = driver.RunGenerators(compilation).GetRunResult().Results.Single();
        var modelSteps = TrackingNames.All.Except(new[] { TrackingNames.SpecInputs, TrackingNames.SpecResults, TrackingNames.Diagnostics });
        foreach (var step in again.TrackedSteps.Where(step => modelSteps.Contains(step.Key)))
        {
            foreach (var output in step.Value.SelectMany(run => run.Outputs))
            {
                Assert.True(
                    output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"The step {step.Key} was {output.Reason} after a meaningless edit of the spec: some model value lacks value equality.");
            }
        }
    }

    public static GeneratorRun Run(SpecFile spec, TargetFramework framework = TargetFramework.Net100) => Run(new[] { spec }, framework);

    /// <summary>The same driver run again on a changed compilation, as the IDE does on each edit.</summary>
    public GeneratorRun RunAgain(Compilation compilation)
    {
        var driver = Driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(driver, compilation, WithNullableWarnings(output, compilation), diagnostics, AdditionalTexts);
    }

    /// <summary>The same driver run again after one additional file was edited.</summary>
    public GeneratorRun RunAgainWithEditedSpec(int index, string newText)
    {
        var edited = new InMemoryAdditionalText(AdditionalTexts[index].Path, newText);
        var texts = AdditionalTexts.ToList();
        texts[index] = edited;
        var driver = Driver.ReplaceAdditionalText(AdditionalTexts[index], edited)
            .RunGeneratorsAndUpdateCompilation(Input, out var output, out var diagnostics);
        return new GeneratorRun(driver, Input, WithNullableWarnings(output, Input), diagnostics, texts);
    }
}
