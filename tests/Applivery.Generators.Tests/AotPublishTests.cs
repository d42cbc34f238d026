using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Applivery.Generators.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

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
            var applivery = LoopbackServer.Json(200, ExampleResponses.DownloadsByUser);
            string? uploaded = null;
            server.Respond = async context =>
            {
                if (context.Request.Path.Value!.EndsWith("/uploads", StringComparison.Ordinal))
                {
                    // Read back by ASP.NET Core's own form reader: file names, content types and the JSON part.
                    var form = await context.Request.ReadFormAsync();
                    var parts = new System.Collections.Generic.List<string>();
                    foreach (var file in form.Files)
                    {
                        using var reader = new StreamReader(file.OpenReadStream());
                        parts.Add($"{file.Name}:{file.FileName}:{file.ContentType}:{(await reader.ReadToEndAsync()).Length}");
                    }

                    uploaded = string.Join("|", parts) + "|metadata=" + form["metadata"];
                    await LoopbackServer.Json(200, "{\"stored\":" + form.Files.Count + "}")(context);
                }
                else if (context.Request.Path.Value!.Contains("/files/", StringComparison.Ordinal))
                {
                    context.Response.ContentType = "application/octet-stream";
                    context.Response.Headers.ContentDisposition = "attachment; filename=\"report.txt\"";
                    await context.Response.WriteAsync("native bytes");
                }
                else
                {
                    await applivery(context);
                }
            };
            var run = await ProcessRunner.RunAsync(binary, server.BaseAddress, TimeSpan.FromMinutes(1));

            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Contains("users=1", run.Output);
            Assert.Contains("member.type=MdmUser", run.Output);
            Assert.Contains("download.from=IntegrationApi", run.Output);
            Assert.Contains("member.json={\"type\":\"mdmUser\",\"memberId\":\"5f8d0d55b54764421b7156ca\"", run.Output);
            var request = server.Requests.First();
            Assert.Equal("Bearer aot-token", request.Authorization);
            Assert.Equal("?email=user%40example.com", request.QueryString);

            // Multipart and binary through the native binary: two files with their names, a JSON part, a streamed download.
            Assert.Contains("upload.stored=2", run.Output);
            Assert.Equal("files:a.txt:text/plain:5|files:b.bin:application/octet-stream:3|metadata={\"label\":\"aot\"}", uploaded);
            Assert.Contains("download.name=report.txt", run.Output);
            Assert.Contains("download.text=native bytes", run.Output);
            Assert.Equal(3, server.Requests.Count);

            // Unions, natively: dispatch wherever the discriminator is, the case writing it, the unknown case kept,
            // and a union without a discriminator told apart by token and required properties.
            Assert.Contains("pet.case=Cat", run.Output);
            Assert.Contains("pet.json={\"pet_type\":\"dog\",\"name\":\"Rex\",\"bark\":true}", run.Output);
            Assert.Contains("pet.unknown=parrot {\"pet_type\":\"parrot\",\"name\":\"Polly\"}", run.Output);
            Assert.Contains("hit.cases=HitOption2,Cat,Int32", run.Output);
            Assert.Contains("hit.json=42", run.Output);
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
