using System;
using System.Linq;
using System.Threading.Tasks;
using Applivery.Generators.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Applivery.Generators.Tests;

/// <summary>
/// Many concurrent calls through one client instance against the local server. Memory is measured process-wide, so the
/// test runs alone (see <see cref="LargeResponseCollection"/>). LOAD_REQUESTS runs a longer version.
/// </summary>
[Collection(nameof(LargeResponseTests))]
public class LoadTests
{
    private const string Harness = """
        using System;
        using System.Diagnostics;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Consumer
        {
            public static class LoadHarness
            {
                public static async Task<string> RunAsync(string baseAddress, int requests, int inFlight)
                {
                    using var http = new HttpClient { BaseAddress = new Uri(baseAddress) };
                    var client = new AppliveryClient(http, "load-token");
                    using var gate = new SemaphoreSlim(inFlight);
                    var failures = 0;
                    var users = 0L;
                    var stopwatch = Stopwatch.StartNew();
                    var tasks = new Task[requests];
                    for (var i = 0; i < requests; i++)
                    {
                        await gate.WaitAsync();
                        tasks[i] = CallAsync();
                    }

                    await Task.WhenAll(tasks);
                    return failures + " " + users + " " + stopwatch.ElapsedMilliseconds;

                    async Task CallAsync()
                    {
                        try
                        {
                            var response = await client.GetBuildDownloadsByUserAsync("my-org", "my-app", "5f8d0d55b54764421b7156c9");
                            Interlocked.Add(ref users, response.Data!.Count);
                        }
                        catch (Exception)
                        {
                            Interlocked.Increment(ref failures);
                        }
                        finally
                        {
                            gate.Release();
                        }
                    }
                }
            }
        }
        """;

    private static readonly int Requests = int.TryParse(Environment.GetEnvironmentVariable("LOAD_REQUESTS"), out var requests) && requests > 0 ? requests : 20_000;

    private readonly ITestOutputHelper _output;

    public LoadTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task TwentyThousandRequestsAt64InFlightThroughOneClient()
    {
        const int InFlight = 64;
        var assembly = CompiledAssembly.Load(GeneratorRun.Run(new[] { SpecFile.Applivery() }, csharpSources: new[] { Harness }).Output);
        await using var server = await LoopbackServer.StartAsync();
        server.Respond = LoopbackServer.Json(200, ExampleResponses.DownloadsByUser);

        // A warm-up, so the baseline includes what any first call loads once (JIT, pools, connections).
        await (Task<string>)assembly.Call("Consumer.LoadHarness", "RunAsync", server.BaseAddress, 200, InFlight)!;
        while (server.Requests.TryDequeue(out _))
        {
        }

        var baseline = SettledMemory();
        var result = ((string)await (Task<string>)assembly.Call("Consumer.LoadHarness", "RunAsync", server.BaseAddress, Requests, InFlight)!).Split(' ');
        var after = SettledMemory();

        var failures = int.Parse(result[0], System.Globalization.CultureInfo.InvariantCulture);
        var users = long.Parse(result[1], System.Globalization.CultureInfo.InvariantCulture);
        var milliseconds = Math.Max(1, long.Parse(result[2], System.Globalization.CultureInfo.InvariantCulture));
        var connections = server.Requests.Select(request => request.ConnectionId).Distinct().Count();
        _output.WriteLine($"{Requests:N0} requests, {InFlight} in flight: {milliseconds:N0} ms, {Requests * 1000.0 / milliseconds:N0} requests/s, {connections} connections, managed memory {baseline / 1024 / 1024:N1} MiB before, {after / 1024 / 1024:N1} MiB after");

        Assert.Equal(0, failures);
        Assert.Equal(Requests, users);
        Assert.Equal(Requests, server.Requests.Count);
        // SocketsHttpHandler starts a new connection for a request that finds none idle and keeps it even when another
        // connection frees up first and serves that request, so a few more connections than calls in flight are normal.
        // A client that did not reuse connections would open one per request (thousands here).
        var connectionLimit = Math.Min(2 * InFlight, Requests / 10);
        Assert.True(connections <= connectionLimit, $"{connections} connections for {Requests:N0} requests at {InFlight} in flight (at most {connectionLimit} expected): connections are not reused");
        Assert.True(after - baseline < 32L * 1024 * 1024, $"managed memory grew from {baseline:N0} to {after:N0} bytes");
    }

    private static long SettledMemory()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
