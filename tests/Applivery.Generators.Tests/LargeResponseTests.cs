using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Applivery.Generators.Tests.Infrastructure;

namespace Applivery.Generators.Tests;

/// <summary>Memory is measured process-wide, so nothing else may run beside this test.</summary>
[CollectionDefinition(nameof(LargeResponseTests), DisableParallelization = true)]
public sealed class LargeResponseCollection
{
}

[Collection(nameof(LargeResponseTests))]
public class LargeResponseTests
{
    private readonly Xunit.Abstractions.ITestOutputHelper _output;

    public LargeResponseTests(Xunit.Abstractions.ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task A50MegabyteResponseIsReadWithMemoryProportionalToItsSize()
    {
        var (body, users) = LargeBody(50 * 1024 * 1024);
        await using var server = await LoopbackServer.StartAsync();
        server.Respond = async context =>
        {
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = body.Length;
            for (var offset = 0; offset < body.Length; offset += 64 * 1024)
            {
                await context.Response.Body.WriteAsync(body.AsMemory(offset, Math.Min(64 * 1024, body.Length - offset)));
            }
        };
        _ = ClientTests.Compiled;
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var count = (int)await (Task<int>)ClientTests.Compiled.Call("Consumer.ClientHarness", "CountUsersAsync", server.BaseAddress)!;

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.Equal(users, count);

        // The body as one UTF-16 string alone would be 2× its size; the objects themselves are about 2.5×. A client
        // that buffered a string or a JsonDocument besides the objects would go past 4×.
        var ratio = (double)allocated / body.Length;
        _output.WriteLine($"{users:N0} users, {body.Length:N0} bytes, {allocated:N0} bytes allocated ({ratio:F2}× the body)");
        Assert.True(ratio < 4, $"allocated {allocated:N0} bytes for a {body.Length:N0}-byte body ({ratio:F2}×)");
    }

    private static (byte[] Body, int Users) LargeBody(int minimumBytes)
    {
        var example = ExampleResponses.DownloadsByUser;
        var start = example.IndexOf('[', StringComparison.Ordinal) + 1;
        var end = example.LastIndexOf(']');
        var user = example[start..end].Trim();
        var builder = new StringBuilder("{\"status\": true, \"data\": [");
        var users = 0;
        while (builder.Length < minimumBytes)
        {
            builder.Append(users == 0 ? string.Empty : ",").Append(user);
            users++;
        }

        builder.Append("]}");
        return (Encoding.UTF8.GetBytes(builder.ToString()), users);
    }
}
