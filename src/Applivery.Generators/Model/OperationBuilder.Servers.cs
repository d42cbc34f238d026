using System.Linq;
using Applivery.Generators.Diagnostics;
using Applivery.Generators.OpenApi;

namespace Applivery.Generators.Model;

/// <summary>Path-level and operation-level <c>servers</c>: the operation's own address.</summary>
internal sealed partial class OperationBuilder
{
    /// <summary>The operation's first server, else its path item's; null when neither declares one (the client's base address is used).</summary>
    private ServerSpec? BuildServer(string methodName, SpecMapping pathItem, SpecMapping operation)
    {
        var servers = operation.GetSequence("servers") is { Items.Count: > 0 } own ? own : pathItem.GetSequence("servers");
        if (servers is null || servers.Items.Count == 0)
        {
            return null;
        }

        if (servers.Items[0] is not SpecMapping server || server.GetString("url") is not { } url)
        {
            _diagnostics.Report(DiagnosticDescriptors.UnexpectedShape, servers.Items[0].Span, $"The first server of {methodName}", "a mapping with a 'url'");
            return null;
        }

        var variables = (server.GetMapping("variables")?.Entries ?? Enumerable.Empty<System.Collections.Generic.KeyValuePair<SpecScalar, SpecNode>>())
            .Select(entry =>
            {
                var value = (entry.Value as SpecMapping)?.GetString("default");
                if (value is null)
                {
                    _diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, entry.Key.Span, $"The server variable '{entry.Key.Value}' of {methodName} without a 'default'", "the call throws InvalidOperationException until ServerVariables sets it");
                }

                return new ServerVariableSpec(entry.Key.Value, value);
            })
            .ToEquatableArray();
        return new ServerSpec(url, variables);
    }
}
