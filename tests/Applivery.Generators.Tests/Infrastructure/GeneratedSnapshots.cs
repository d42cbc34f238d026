using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using ApprovalTests;
using ApprovalTests.Core;
using ApprovalTests.Core.Exceptions;
using ApprovalTests.Reporters;
using ApprovalTests.Writers;
using Microsoft.CodeAnalysis;

namespace Applivery.Generators.Tests.Infrastructure;

/// <summary>
/// Verify-style snapshots on ApprovalTests: one approved file per generated hint name plus one for the diagnostics,
/// committed under <c>Snapshots/{scenario}/</c>. On a mismatch a <c>.received</c> file lands beside the approved one;
/// set <c>ACCEPT_SNAPSHOTS=1</c> to accept every received file after reviewing the diff.
/// </summary>
internal static partial class GeneratedSnapshots
{
    public static void Verify(GeneratorRun run, string scenario)
    {
        var folder = Path.Combine(RepositoryPaths.TestProject, "Snapshots", scenario);
        Directory.CreateDirectory(folder);
        var failures = new List<string>();
        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in run.Sources)
        {
            var name = source.HintName.EndsWith(".g.cs", StringComparison.Ordinal) ? source.HintName[..^5] : source.HintName;
            expected.Add(name + ".approved.cs");
            Approve(folder, name, "cs", Scrub(source.SourceText.ToString()), failures);
        }

        expected.Add("diagnostics.approved.txt");
        Approve(folder, "diagnostics", "txt", FormatDiagnostics(run.GeneratorDiagnostics), failures);

        // A snapshot whose file is no longer generated is a change too.
        foreach (var stale in Directory.GetFiles(folder, "*.approved.*").Select(Path.GetFileName).Where(file => !expected.Contains(file!)))
        {
            failures.Add($"{stale}: approved, but no longer generated (delete it if that is intended)");
        }

        Assert.True(failures.Count == 0, "Snapshot differences in " + folder + ":\n" + string.Join("\n", failures));
    }

    public static string FormatDiagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        var builder = new StringBuilder();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.GetLineSpan().StartLinePosition.Line).ThenBy(d => d.Id, StringComparer.Ordinal))
        {
            var span = diagnostic.Location.GetLineSpan();
            var where = diagnostic.Location == Location.None
                ? "(no location)"
                : $"{Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})";
            builder.Append(diagnostic.Id).Append(' ').Append(diagnostic.Severity.ToString().ToLowerInvariant()).Append(' ')
                .Append(where).Append(": ").Append(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }

        return builder.Length == 0 ? "(no diagnostics)\n" : builder.ToString();
    }

    private static void Approve(string folder, string name, string extension, string text, List<string> failures)
    {
        var namer = new FolderNamer(folder, name);
        try
        {
            Approvals.Verify(new ApprovalTextWriter(text, extension), namer, QuietReporter.INSTANCE);
        }
        catch (ApprovalException exception)
        {
            var received = Path.Combine(folder, $"{name}.received.{extension}");
            var approved = Path.Combine(folder, $"{name}.approved.{extension}");
            if (Environment.GetEnvironmentVariable("ACCEPT_SNAPSHOTS") == "1" && File.Exists(received))
            {
                File.Move(received, approved, overwrite: true);
                return;
            }

            failures.Add($"{name}.{extension}: {exception.GetType().Name} (compare {Path.GetFileName(received)} with {Path.GetFileName(approved)})");
        }
    }

    /// <summary>The generator's version changes with every release; the snapshots should not.</summary>
    private static string Scrub(string source) => VersionPattern().Replace(source, "\"Applivery.Generators\", \"{version}\"");

    [GeneratedRegex("\"Applivery\\.Generators\", \"[0-9.]+\"")]
    private static partial Regex VersionPattern();

    private sealed class FolderNamer : IApprovalNamer
    {
        public FolderNamer(string sourcePath, string name)
        {
            SourcePath = sourcePath;
            Name = name;
        }

        public string SourcePath { get; }

        public string Name { get; }
    }
}
