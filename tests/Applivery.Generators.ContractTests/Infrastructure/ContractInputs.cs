using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using Applivery.Generators.Tests.Infrastructure;

namespace Applivery.Generators.ContractTests.Infrastructure;

/// <summary>
/// The suite's inputs, installed with <c>npm ci</c> from <c>contract-specs/package-lock.json</c> on first use: Prism and
/// the public OpenAPI documents. Nothing third-party is committed; every run sees the exact pinned versions.
/// </summary>
public sealed class ContractInputs
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    public ContractInputs()
    {
        Folder = Path.Combine(RepositoryPaths.Root, "tests", "Applivery.Generators.ContractTests", "contract-specs");
        var lockPath = Path.Combine(RepositoryPaths.Root, "tests", "Applivery.Generators.ContractTests", "obj", "contract-specs.install.lock");
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        using var installLock = AcquireFileLock(lockPath);
        var mismatch = FirstMismatch();
        if (mismatch is not null)
        {
            Install();
            mismatch = FirstMismatch();
            if (mismatch is not null)
            {
                throw new InvalidOperationException("npm ci finished, but " + mismatch);
            }
        }

        Prism = Path.Combine(Folder, "node_modules", "@stoplight", "prism-cli", "dist", "index.js");
        if (!File.Exists(Prism))
        {
            throw new InvalidOperationException("Prism's entry point is not where @stoplight/prism-cli 5.16.0 puts it: " + Prism);
        }
    }

    /// <summary>The <c>contract-specs</c> folder.</summary>
    public string Folder { get; }

    /// <summary>Prism's JavaScript entry point (what <c>node_modules/.bin/prism</c> links to), run with <c>node</c>.</summary>
    public string Prism { get; }

    /// <summary>A file of an installed package, e.g. <c>Path("@readme/oas-examples", "3.0/yaml/petstore.yaml")</c>.</summary>
    public string PackageFile(string package, string relativePath) => Path.Combine(Folder, "node_modules", package, relativePath);

    /// <summary>Each pinned dependency compared with what is installed, so that bumping a pin re-installs.</summary>
    private string? FirstMismatch()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "package.json")));
        foreach (var dependency in manifest.RootElement.GetProperty("dependencies").EnumerateObject())
        {
            var installed = Path.Combine(Folder, "node_modules", dependency.Name, "package.json");
            if (!File.Exists(installed))
            {
                return $"{dependency.Name} is not installed in {Folder}/node_modules.";
            }

            using var document = JsonDocument.Parse(File.ReadAllText(installed));
            var version = document.RootElement.TryGetProperty("version", out var value) ? value.GetString() : null;
            if (version != dependency.Value.GetString())
            {
                return $"{dependency.Name} is at '{version}' instead of the pinned {dependency.Value.GetString()}.";
            }
        }

        return null;
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

    private void Install()
    {
        const string arguments = "ci --no-audit --no-fund";
        var start = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm", arguments)
        {
            WorkingDirectory = Folder,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["CI"] = "true";
        start.Environment["npm_config_yes"] = "true";
        start.Environment["npm_config_progress"] = "false";
        start.Environment["npm_config_update_notifier"] = "false";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) { lock (output) { output.AppendLine(line.Data); } } };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) { lock (output) { output.AppendLine(line.Data); } } };
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException($"The contract suite needs npm (Node.js) on PATH to install its inputs into {Folder}: {exception.Message}", exception);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(InstallTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"'npm {arguments}' in {Folder} did not finish within {InstallTimeout.TotalMinutes} minutes. Output:\n{Read(output)}");
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'npm {arguments}' in {Folder} failed with exit code {process.ExitCode}. Output:\n{Read(output)}");
        }
    }

    private static string Read(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
