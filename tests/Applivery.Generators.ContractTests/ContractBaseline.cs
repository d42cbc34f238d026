using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Applivery.Generators.Tests.Infrastructure;

namespace Applivery.Generators.ContractTests;

/// <summary>
/// <c>contract-baseline.json</c>: per document the recorded counts and the ids of the operations that passed. A
/// baseline-passing operation that does not pass now is a regression; <c>UPDATE_CONTRACT_BASELINE=1</c> re-records.
/// </summary>
internal static class ContractBaseline
{
    private static readonly object Gate = new();

    public static string Path => System.IO.Path.Combine(RepositoryPaths.Root, "tests", "Applivery.Generators.ContractTests", "contract-baseline.json");

    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_CONTRACT_BASELINE") == "1";

    /// <summary>The recorded passing operations of a document, or null when it was never recorded.</summary>
    public static IReadOnlySet<string>? Passing(string document)
    {
        lock (Gate)
        {
            if (!File.Exists(Path) || JsonNode.Parse(File.ReadAllText(Path))?["documents"]?[document] is not JsonObject entry)
            {
                return null;
            }

            return (entry["passing"] as JsonArray ?? new JsonArray()).Select(item => item!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        }
    }

    public static void Record(DocumentReport report)
    {
        lock (Gate)
        {
            var root = File.Exists(Path) ? JsonNode.Parse(File.ReadAllText(Path)) as JsonObject ?? new JsonObject() : new JsonObject();
            root["about"] = "Written by the contract suite with UPDATE_CONTRACT_BASELINE=1; the run fails when an operation listed as passing here no longer passes.";
            var documents = root["documents"] as JsonObject ?? new JsonObject();
            documents[report.Document] = new JsonObject
            {
                ["operations"] = report.Operations.Count,
                ["called"] = report.Called,
                ["passed"] = report.Passed,
                ["skipped"] = report.Skipped,
                ["failed"] = report.Failed,
                ["passing"] = new JsonArray(report.Operations.Where(operation => operation.Outcome == Outcome.Passed)
                    .Select(operation => (JsonNode?)JsonValue.Create(operation.Key)).OrderBy(key => key!.GetValue<string>(), StringComparer.Ordinal).ToArray()),
            };

            // Sorted, so that re-recording one document leaves the others' lines where they were.
            var sorted = new JsonObject();
            foreach (var pair in documents.OrderBy(pair => pair.Key, StringComparer.Ordinal).ToList())
            {
                documents.Remove(pair.Key);
                sorted[pair.Key] = pair.Value;
            }

            root["documents"] = sorted;
            File.WriteAllText(Path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).Replace("\r\n", "\n") + "\n");
        }
    }
}
