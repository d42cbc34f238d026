namespace Applivery.Generators;

/// <summary>The names of the pipeline's steps, so tests can check what each step did.</summary>
internal static class TrackingNames
{
    public const string SpecInputs = nameof(SpecInputs);
    public const string SpecResults = nameof(SpecResults);
    public const string Diagnostics = nameof(Diagnostics);
    public const string Clients = nameof(Clients);
    public const string TypeClaims = nameof(TypeClaims);
    public const string ClaimsResolution = nameof(ClaimsResolution);
    public const string SkippedSpecs = nameof(SkippedSpecs);
    public const string SharedWithFeatures = nameof(SharedWithFeatures);
    public const string TargetFeatures = nameof(TargetFeatures);
    public const string ClientsWithFeatures = nameof(ClientsWithFeatures);
    public const string RuntimeParts = nameof(RuntimeParts);
    public const string RuntimeWithFeatures = nameof(RuntimeWithFeatures);

    public static readonly string[] All =
    {
        SpecInputs, SpecResults, Diagnostics, Clients, TypeClaims, ClaimsResolution, SkippedSpecs, TargetFeatures, SharedWithFeatures, ClientsWithFeatures,
        RuntimeParts, RuntimeWithFeatures,
    };
}
