using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using Applivery.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

namespace Applivery.Generators.Tests;

/// <summary>
/// Generality: real-world OpenAPI documents the generator was not written against must generate code that compiles,
/// and whatever the generator cannot handle must be named by an APG005 diagnostic instead of silently broken code.
/// The documents come from the npm package pinned in <c>public-specs/package.json</c>; they are installed, never committed.
/// </summary>
public class PublicSpecTests : IClassFixture<PublicSpecs>
{
    private readonly PublicSpecs _specs;
    private readonly ITestOutputHelper _output;

    public PublicSpecTests(PublicSpecs specs, ITestOutputHelper output)
    {
        _specs = specs;
        _output = output;
    }

    /// <summary>
    /// Real APIs with many schemas and operations, plus the package's feature showcases for the constructs most likely
    /// to break a generator (composition, discriminators, enums, recursion, deprecation, maps, parameter styles).
    /// </summary>
    [Theory]
    [InlineData("3.0/yaml/petstore.yaml")]
    [InlineData("3.0/yaml/uspto.yaml")]
    [InlineData("3.0/yaml/star-trek.yaml")]
    [InlineData("3.0/yaml/readme-legacy.yaml")]
    [InlineData("3.1/yaml/readme.yaml")]
    [InlineData("3.1/json/train-travel.json")]
    [InlineData("3.0/yaml/polymorphism.yaml")]
    [InlineData("3.0/yaml/discriminators.yaml")]
    [InlineData("3.0/yaml/schema-enums.yaml")]
    [InlineData("3.0/yaml/schema-circular.yaml")]
    [InlineData("3.0/yaml/schema-deprecated.yaml")]
    [InlineData("3.0/yaml/schema-additional-properties.yaml")]
    [InlineData("3.0/yaml/parameters-style.yaml")]
    [InlineData("3.0/yaml/file-uploads.yaml")]
    [InlineData("3.0/yaml/form-data.yaml")]
    [InlineData("3.0/yaml/schema-encoding-style.yaml")]
    [InlineData("3.1/yaml/schema-encoding-style.yaml")]
    [InlineData("3.0/yaml/request-examples.yaml")]
    [InlineData("3.0/yaml/schema-types.yaml")]
    [InlineData("3.0/yaml/schema-visibility.yaml")]
    public void DocumentGeneratesCodeThatCompiles(string document) => AssertGeneratesCodeThatCompiles(document, _specs.Read(document));

    /// <summary>
    /// Documents of the other pinned packages. @scalar/galaxy's 3.1 description has a required readOnly id,
    /// a writeOnly password, objects with both <c>properties</c> and <c>additionalProperties</c>, and the recursion
    /// Planet.satellites[] → Satellite.orbit.planet → Planet, all of which must generate without an error.
    /// </summary>
    [Theory]
    [InlineData(PublicSpecs.Galaxy, "dist/3.1.yaml")]
    [InlineData(PublicSpecs.Galaxy, "dist/3.1.json")]
    public void PackageDocumentGeneratesCodeThatCompiles(string package, string document) =>
        AssertGeneratesCodeThatCompiles(package + "/" + document, _specs.Read(package, document));

    private void AssertGeneratesCodeThatCompiles(string document, string text)
    {
        var run = GeneratorRun.Run(new[] { new SpecFile("/project/spec/" + Path.GetFileName(document), text) });

        var generatorDiagnostics = Format(run.GeneratorDiagnostics);
        _output.WriteLine($"{document}: {run.Sources.Count} generated sources; generator diagnostics:\n{generatorDiagnostics}");

        // Roslyn turns a generator exception into CS8785 and keeps going, so the exception has to be asked for.
        var exception = run.Result.Results.Single().Exception;
        Assert.True(exception is null, $"The generator threw on {document}: {exception}\nGenerator diagnostics:\n{generatorDiagnostics}");
        Assert.DoesNotContain(run.GeneratorDiagnostics, diagnostic => diagnostic.Id is "APG099" or "CS8785");

        // These documents are valid OpenAPI, so a generator error (rather than an APG005 warning) means it misread one.
        Assert.True(
            run.GeneratorDiagnostics.All(diagnostic => diagnostic.DefaultSeverity != DiagnosticSeverity.Error),
            $"The generator reported errors on the valid document {document}:\n{generatorDiagnostics}");

        // Nor may a valid document have a $ref that goes nowhere or a loop (warnings since generation goes on).
        Assert.True(
            run.GeneratorDiagnostics.All(diagnostic => diagnostic.Id is not ("APG003" or "APG004")),
            $"The generator misread a reference of the valid document {document}:\n{generatorDiagnostics}");

        // Unsupported constructs may be skipped, but only out loud (APG005); the code around them must still compile,
        // warnings included, because the consumer compilation treats every warning as an error.
        var compilerDiagnostics = run.CompilationDiagnostics();
        Assert.True(
            compilerDiagnostics.Count == 0,
            $"The code generated for {document} does not compile cleanly:\n{string.Join("\n", compilerDiagnostics)}\nGenerator diagnostics:\n{generatorDiagnostics}");

        if (HasComponentSchemas(text))
        {
            Assert.True(run.Sources.Count > 0, $"{document} has components/schemas but nothing was generated.\nGenerator diagnostics:\n{generatorDiagnostics}");
        }
    }

    /// <summary>
    /// The test compilation escalates every warning, the generator's included, to an error, so the severity shown is the
    /// one the generator reported (an APG005 warning must not read as an error).
    /// </summary>
    private static string Format(IEnumerable<Diagnostic> diagnostics)
    {
        var lines = diagnostics
            .OrderBy(diagnostic => diagnostic.Location.GetLineSpan().StartLinePosition.Line)
            .Select(diagnostic =>
            {
                var start = diagnostic.Location.GetLineSpan().StartLinePosition;
                var severity = diagnostic.DefaultSeverity.ToString().ToLowerInvariant();
                return $"{diagnostic.Id} {severity} ({start.Line + 1},{start.Character + 1}): {diagnostic.GetMessage(CultureInfo.InvariantCulture)}";
            })
            .ToList();
        return lines.Count == 0 ? "(none)" : string.Join("\n", lines);
    }

    private static bool HasComponentSchemas(string text)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        return yaml.Documents.Count > 0
            && yaml.Documents[0].RootNode is YamlMappingNode root
            && root.Children.TryGetValue(new YamlScalarNode("components"), out var components)
            && components is YamlMappingNode componentsMap
            && componentsMap.Children.TryGetValue(new YamlScalarNode("schemas"), out var schemas)
            && schemas is YamlMappingNode { Children.Count: > 0 };
    }
}

/// <summary>
/// The npm packages of public OpenAPI documents (every dependency of <c>public-specs/package.json</c>), installed into
/// <c>public-specs/node_modules</c> on first use so that third-party documents stay out of the repository while every
/// test run still sees the exact pinned versions.
/// </summary>
public sealed class PublicSpecs
{
    /// <summary>The package <see cref="Read(string)"/> reads from when no package is named.</summary>
    public const string DefaultPackage = "@readme/oas-examples";

    /// <summary>@scalar/galaxy: a 3.1 description with readOnly/writeOnly, maps beside properties and recursion.</summary>
    public const string Galaxy = "@scalar/galaxy";

    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    private readonly string _modulesFolder;

    public PublicSpecs()
    {
        var folder = Path.Combine(RepositoryPaths.TestProject, "public-specs");
        _modulesFolder = Path.Combine(folder, "node_modules");
        var pinned = PinnedVersions(folder);

        // Parallel test runs (another configuration, an IDE next to the CLI) share this folder: npm ci deletes
        // node_modules first, so a second install must not start while a first one is halfway. obj/ is ignored by git.
        var lockPath = Path.Combine(RepositoryPaths.TestProject, "obj", "public-specs.install.lock");
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        using var installLock = AcquireFileLock(lockPath);
        if (pinned.Any(pin => InstalledVersion(pin.Key) != pin.Value))
        {
            Install(folder);
            foreach (var (package, version) in pinned)
            {
                var installed = InstalledVersion(package);
                if (installed != version)
                {
                    throw new InvalidOperationException($"npm finished, but {package} is at '{installed ?? "(missing)"}' instead of the pinned {version} in {_modulesFolder}.");
                }
            }
        }
    }

    /// <summary>A document of <see cref="DefaultPackage"/>, by its path inside the package.</summary>
    public string Read(string relativePath) => Read(DefaultPackage, relativePath);

    /// <summary>A document of one of the pinned packages, by its path inside the package.</summary>
    public string Read(string package, string relativePath) => File.ReadAllText(Path.Combine(_modulesFolder, package, relativePath));

    private static Dictionary<string, string> PinnedVersions(string folder)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "package.json")));
        var pins = manifest.RootElement.GetProperty("dependencies").EnumerateObject()
            .ToDictionary(dependency => dependency.Name, dependency => dependency.Value.GetString() ?? string.Empty, StringComparer.Ordinal);
        if (!pins.ContainsKey(DefaultPackage) || !pins.ContainsKey(Galaxy))
        {
            throw new InvalidOperationException($"public-specs/package.json does not pin {DefaultPackage} and {Galaxy}.");
        }

        return pins;
    }

    /// <summary>Compared with the pin rather than checking existence, so bumping the pin re-installs.</summary>
    private string? InstalledVersion(string package)
    {
        var manifest = Path.Combine(_modulesFolder, package, "package.json");
        if (!File.Exists(manifest))
        {
            return null;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(manifest));
        return document.RootElement.TryGetProperty("version", out var version) ? version.GetString() : null;
    }

    private static FileStream AcquireFileLock(string path)
    {
        var deadline = DateTime.UtcNow + InstallTimeout + TimeSpan.FromMinutes(1);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(500));
            }
        }
    }

    private static void Install(string folder)
    {
        // npm ci installs exactly what the lock file says; without a lock file only npm install can resolve the pin.
        var arguments = File.Exists(Path.Combine(folder, "package-lock.json"))
            ? "ci --no-audit --no-fund"
            : "install --no-audit --no-fund";
        var start = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm", arguments)
        {
            WorkingDirectory = folder,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        // Nothing may wait for a human: no prompts, no progress bars, no update notices.
        start.Environment["CI"] = "true";
        start.Environment["npm_config_yes"] = "true";
        start.Environment["npm_config_progress"] = "false";
        start.Environment["npm_config_update_notifier"] = "false";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Append(output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(output, line.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException(
                $"PublicSpecTests need npm (Node.js) on PATH to install the packages of {folder}/package.json: {exception.Message}", exception);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(InstallTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"'npm {arguments}' in {folder} did not finish within {InstallTimeout.TotalMinutes} minutes. Output:\n{Snapshot(output)}");
        }

        // The parameterless wait flushes the asynchronous output readers.
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'npm {arguments}' in {folder} failed with exit code {process.ExitCode}. Output:\n{Snapshot(output)}");
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
