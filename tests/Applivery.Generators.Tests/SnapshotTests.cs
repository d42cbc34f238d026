using Applivery.Generators.Tests.Infrastructure;

namespace Applivery.Generators.Tests;

public class SnapshotTests
{
    [Fact]
    public void AppliverySpecGeneratesTheApprovedSources()
    {
        var run = GeneratorRun.Run(SpecFile.Applivery());

        GeneratedSnapshots.Verify(run, "Applivery");
    }
}
