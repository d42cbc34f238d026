using System;
using System.Diagnostics;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Applivery.Generators.Tests.Infrastructure;

namespace Applivery.Generators.Tests;

/// <summary>
/// A consumer of the generated client published with Native AOT: no trim or AOT warning, and the native binary
/// performs a real call against a local server. Slow (a native compile), so it is one test.
/// </summary>
public class AotPublishTests
{
    [Fact]
    public async Task TheGeneratedClientPublishesWithNativeAotWithoutWarningsAndWorks()
    {
        var project = Path.Combine(RepositoryPaths.Root, "tests", "Applivery.Generators.AotSmoke", "Applivery.Generators.AotSmoke.csproj");
        var output = Path.Combine(Path.GetTempPath(), "applivery-aot-" + Guid.NewGuid().ToString("N"));
        try
        {
            var publish = await ProcessRunner.RunAsync("dotnet", $"publish \"{project}\" -c Release -o \"{output}\" -p:TreatWarningsAsErrors=false", TimeSpan.FromMinutes(10));

            Assert.True(publish.ExitCode == 0, "dotnet publish failed:\n" + publish.Output);
            var warnings = Regex.Matches(publish.Output, @"warning IL[23]\d{3}[^\n]*");
            Assert.True(warnings.Count == 0, "Trim/AOT warnings:\n" + string.Join("\n", warnings));
            var binary = Path.Combine(output, "Applivery.Generators.AotSmoke");
            Assert.True(File.Exists(binary), "no native binary at " + binary);

            await using var server = await LoopbackServer.StartAsync();
            server.Respond = LoopbackServer.Json(200, ExampleResponses.DownloadsByUser);
            var run = await ProcessRunner.RunAsync(binary, server.BaseAddress, TimeSpan.FromMinutes(1));

            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Contains("users=1", run.Output);
            Assert.Contains("member.type=MdmUser", run.Output);
            Assert.Contains("download.from=IntegrationApi", run.Output);
            Assert.Contains("member.json={\"type\":\"mdmUser\",\"memberId\":\"5f8d0d55b54764421b7156ca\"", run.Output);
            var request = Assert.Single(server.Requests);
            Assert.Equal("Bearer aot-token", request.Authorization);
            Assert.Equal("?email=user%40example.com", request.QueryString);
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}
