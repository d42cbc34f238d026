using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Applivery.Generators.Tests.Infrastructure;

namespace Applivery.Generators.Tests;

/// <summary>
/// The analyzer package as a user gets it: packed into a local folder feed, restored by fresh consumers (not a
/// ProjectReference) on net10.0, net8.0 and netstandard2.0 with warnings as errors, and run against a local server.
/// </summary>
public class PackageTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task APackedGeneratorBuildsFreshConsumersAndTheirClientWorks()
    {
        var root = Path.Combine(Path.GetTempPath(), "applivery-package-" + Guid.NewGuid().ToString("N"));
        var feed = Path.Combine(root, "feed");
        // A version of its own, so the global packages folder never serves an older build of the package.
        var version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            var generator = Path.Combine(RepositoryPaths.Root, "src", "Applivery.Generators", "Applivery.Generators.csproj");
            var pack = await ProcessRunner.RunAsync("dotnet", $"pack \"{generator}\" -c Release -o \"{feed}\" -p:Version={version}", Timeout);
            Assert.True(pack.ExitCode == 0, pack.Output);
            var package = Path.Combine(feed, $"Applivery.Generators.{version}.nupkg");
            AssertPackageLayout(package);

            Directory.CreateDirectory(Path.Combine(root, "spec"));
            File.Copy(RepositoryPaths.Spec(RepositoryPaths.AppliverySpec), Path.Combine(root, "spec", "api.yaml"));
            File.WriteAllText(Path.Combine(root, "NuGet.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="local" value="{feed}" />
                    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
                  </packageSources>
                </configuration>
                """);
            WriteApp(Path.Combine(root, "app"), version);
            WriteLibrary(Path.Combine(root, "library"), version);

            foreach (var project in new[] { "app", "library" })
            {
                var build = await ProcessRunner.RunAsync("dotnet", "build -c Release", Timeout, Path.Combine(root, project));
                Assert.True(build.ExitCode == 0, build.Output);
                Assert.Matches(new Regex(@"\b0 Warning\(s\)"), build.Output);
            }

            var generated = Directory.GetFiles(Path.Combine(root, "app", "obj"), "*.g.cs", SearchOption.AllDirectories);
            Assert.Contains(generated, file => file.Replace('\\', '/').Contains("Applivery.Generators/Applivery.Generators.OpenApiClientGenerator/PackagedApp.Api.AppliveryClient.g.cs", StringComparison.Ordinal));

            await using var server = await LoopbackServer.StartAsync();
            server.Respond = LoopbackServer.Json(200, ExampleResponses.DownloadsByUser);
            var app = Path.Combine(root, "app", "bin", "Release", "net10.0", "PackagedApp.dll");
            var run = await ProcessRunner.RunAsync("dotnet", $"\"{app}\" {server.BaseAddress}", Timeout);
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Contains("users=1 type=MdmUser", run.Output);
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static void AssertPackageLayout(string package)
    {
        using var archive = ZipFile.OpenRead(package);
        var entries = archive.Entries.Select(entry => entry.FullName).ToList();
        Assert.Contains("analyzers/dotnet/cs/Applivery.Generators.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/YamlDotNet.dll", entries);
        Assert.Contains("build/Applivery.Generators.props", entries);
        Assert.Contains("buildTransitive/Applivery.Generators.props", entries);
        Assert.Contains("PACKAGE.md", entries);
        Assert.DoesNotContain(entries, entry => entry.StartsWith("lib/", StringComparison.Ordinal));

        using var nuspec = new StreamReader(archive.Entries.Single(entry => entry.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var metadata = nuspec.ReadToEnd();
        Assert.Contains("<developmentDependency>true</developmentDependency>", metadata);
        Assert.Contains("<license type=\"expression\">MIT</license>", metadata);
        Assert.Contains("<repository type=\"git\"", metadata);
        Assert.DoesNotContain("<dependencies>", metadata);
    }

    private static void WriteApp(string folder, string version)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "PackagedApp.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFrameworks>net10.0;net8.0</TargetFrameworks>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Applivery.Generators" Version="{version}" PrivateAssets="all" />
                <AdditionalFiles Include="../spec/api.yaml" Namespace="PackagedApp.Api" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), """
            using System;
            using System.Net.Http;
            using PackagedApp.Api;

            using var http = new HttpClient { BaseAddress = new Uri(args[0]) };
            var response = await new AppliveryClient(http, "package-token").GetBuildDownloadsByUserAsync("my-org", "my-app", "5f8d0d55b54764421b7156c9");
            Console.WriteLine("users=" + response.Data!.Count + " type=" + response.Data[0].Member!.Type);
            """);
    }

    private static void WriteLibrary(string folder, string version)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "PackagedLibrary.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>netstandard2.0</TargetFramework>
                <LangVersion>latest</LangVersion>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Applivery.Generators" Version="{version}" PrivateAssets="all" />
                <PackageReference Include="System.Text.Json" Version="10.0.0" />
                <AdditionalFiles Include="../spec/api.yaml" ClientName="DownloadsClient" Visibility="internal" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Usage.cs"), """
            namespace PackagedLibrary
            {
                public static class Usage
                {
                    public static string? Wire(int value) => ((MemberType)value).ToWireValue();

                    internal static DownloadsClient Create(System.Net.Http.HttpClient http) => new DownloadsClient(http);
                }
            }
            """);
    }
}
