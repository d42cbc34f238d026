using Applivery.Generators.Diagnostics;
using Applivery.Generators.Emit;
using Applivery.Generators.Model;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Applivery.Generators;

/// <summary>
/// Generates typed models, validators and a client from the OpenAPI documents among a project's AdditionalFiles.
/// This class only wires the pipeline: parse (<see cref="ClientSpecBuilder"/>) → value-equal model → emit (<see cref="SourceEmitter"/>).
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class OpenApiClientGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var inputs = context.AdditionalTextsProvider
            .Where(static file => SpecFiles.HasSpecExtension(file.Path))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => SpecFiles.ReadInput(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.SpecInputs);

        var results = inputs
            .Select(static (input, cancellationToken) => ClientSpecBuilder.Build(input, cancellationToken))
            .WithTrackingName(TrackingNames.SpecResults);

        // Diagnostics travel apart from the model: a location that moves must not re-emit the source.
        var diagnostics = results
            .Select(static (result, _) => result?.Diagnostics ?? EquatableArray<DiagnosticInfo>.Empty)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (production, items) =>
        {
            foreach (var item in items)
            {
                production.ReportDiagnostic(item.ToDiagnostic());
            }
        });

        var clients = results
            .Select(static (result, _) => result?.Client)
            .WithTrackingName(TrackingNames.Clients);

        var features = context.CompilationProvider
            .Select(static (compilation, _) => TargetFeaturesReader.Read(compilation))
            .WithTrackingName(TrackingNames.TargetFeatures);

        // Cross-spec decisions come from a small value-equal summary of each spec, so that editing one spec leaves
        // every other spec's output cached.
        var resolution = clients
            .Select(static (client, _) => TypeClaims.Of(client))
            .WithTrackingName(TrackingNames.TypeClaims)
            .Collect()
            .Select(static (all, _) => ClaimsResolution.Resolve(all))
            .WithTrackingName(TrackingNames.ClaimsResolution);
        context.RegisterSourceOutput(
            resolution.Combine(features).WithTrackingName(TrackingNames.SharedWithFeatures),
            static (production, pair) => SourceEmitter.EmitShared(production, pair.Left, pair.Right));

        // The fixed runtime, once per compilation: the parts any spec uses, from a cheap summary of each spec's model.
        var runtimeParts = clients
            .Select(static (client, _) => RuntimeEmitter.UsedBy(client))
            .Collect()
            .Select(static (all, _) => new EquatableArray<string>(all.SelectMany(parts => parts).Distinct().OrderBy(part => part, System.StringComparer.Ordinal)))
            .WithTrackingName(TrackingNames.RuntimeParts);
        context.RegisterSourceOutput(
            runtimeParts.Combine(features).WithTrackingName(TrackingNames.RuntimeWithFeatures),
            static (production, pair) => SourceEmitter.EmitRuntime(production, pair.Left, pair.Right));

        var skippedSpecs = resolution
            .Select(static (resolved, _) => resolved.SkippedSpecPaths)
            .WithTrackingName(TrackingNames.SkippedSpecs);
        var perSpec = clients
            .Combine(skippedSpecs)
            .Combine(features)
            .WithTrackingName(TrackingNames.ClientsWithFeatures);
        context.RegisterSourceOutput(perSpec, static (production, input) => SourceEmitter.EmitClient(production, input.Left.Left, input.Left.Right, input.Right));
    }
}
