using System;
using System.Net.Http;
using System.Reflection;
using Applivery.Generators.Tests.Infrastructure;

namespace Applivery.Generators.Tests;

/// <summary>The client's address when the spec's first server is relative (Airflow's <c>/api/v1</c>): no guess, a message.</summary>
public class ServerAddressTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Relative, version: '1' }
        servers: [{ url: /api/v1 }]
        paths:
          /pools:
            get:
              operationId: getPools
              responses:
                '204': { description: ok }
        """;

    [Fact]
    public void ARelativeServerGivesNoDefaultAddressAndTheClientAsksForOne()
    {
        var run = GeneratorRun.Run(new SpecFile("/project/spec/relative.yaml", Spec));
        Assert.Empty(run.CompilationDiagnostics());
        Assert.DoesNotContain("DefaultBaseAddress", run.Source("Consumer.RelativeClient.g.cs"), StringComparison.Ordinal);

        var assembly = CompiledAssembly.Load(run.Output);
        var clientType = assembly.Type("Consumer.RelativeClient");
        var baseAddress = clientType.GetProperty("BaseAddress")!;

        var unset = Activator.CreateInstance(clientType, new HttpClient())!;
        var failure = Assert.Throws<TargetInvocationException>(() => baseAddress.GetValue(unset));
        Assert.IsType<InvalidOperationException>(failure.InnerException);
        Assert.Equal("Set HttpClient.BaseAddress: the spec's first server, '/api/v1', is relative (to where the spec is served), so the client cannot know the host.", failure.InnerException!.Message);

        var set = Activator.CreateInstance(clientType, new HttpClient { BaseAddress = new Uri("https://airflow.example.test/api/v1") })!;
        Assert.Equal(new Uri("https://airflow.example.test/api/v1/"), baseAddress.GetValue(set));
    }
}
