using System;
using System.Linq;
using System.Threading.Tasks;
using Applivery.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;

namespace Applivery.Generators.Tests;

/// <summary>The IServiceCollection registration exists exactly when the consumer references Microsoft.Extensions.Http.</summary>
public class DependencyInjectionTests
{
    private const string Harness = """
        using System;
        using System.Threading.Tasks;
        using Microsoft.Extensions.DependencyInjection;

        namespace Consumer
        {
            public static class DependencyInjectionHarness
            {
                public static async Task<int> CallAsync(string baseAddress)
                {
                    var services = new ServiceCollection();
                    services.AddAppliveryClient((provider, cancellationToken) => new ValueTask<string>("from-di"))
                        .ConfigureHttpClient(http => http.BaseAddress = new Uri(baseAddress));
                    using var provider = services.BuildServiceProvider();
                    var client = provider.GetRequiredService<IAppliveryClient>();
                    var response = await client.GetBuildDownloadsByUserAsync("my-org", "my-app", "5f8d0d55b54764421b7156c9");
                    return response.Data!.Count;
                }
            }
        }
        """;

    private static readonly MetadataReference[] HttpClientFactoryReferences =
    {
        MetadataReference.CreateFromFile(typeof(HttpClientFactoryServiceCollectionExtensions).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(IServiceCollection).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(ServiceCollection).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(ServiceCollectionContainerBuilderExtensions).Assembly.Location),
    };

    [Fact]
    public void WithoutMicrosoftExtensionsHttpNothingIsEmittedAndNothingBreaks()
    {
        var run = GeneratorRun.Run(SpecFile.Applivery());

        Assert.DoesNotContain(run.Sources, source => source.HintName.Contains("ServiceCollection", StringComparison.Ordinal));
        Assert.Empty(run.CompilationDiagnostics());
    }

    [Fact]
    public async Task WithMicrosoftExtensionsHttpTheClientIsRegisteredAsATypedHttpClient()
    {
        var run = GeneratorRun.Run(new[] { SpecFile.Applivery() }, csharpSources: new[] { Harness }, extraReferences: HttpClientFactoryReferences);

        Assert.Contains(run.Sources, source => source.HintName == "Consumer.AppliveryClientServiceCollectionExtensions.g.cs");
        var diagnostics = run.CompilationDiagnostics();
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));

        await using var server = await LoopbackServer.StartAsync();
        server.Respond = LoopbackServer.Json(200, ExampleResponses.DownloadsByUser);
        var count = (int)await (Task<int>)CompiledAssembly.Load(run.Output).Call("Consumer.DependencyInjectionHarness", "CallAsync", server.BaseAddress)!;

        Assert.Equal(1, count);
        Assert.Equal("Bearer from-di", Assert.Single(server.Requests).Authorization);
    }
}
