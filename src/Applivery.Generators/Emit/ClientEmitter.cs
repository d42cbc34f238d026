using System;
using System.Collections.Generic;
using System.Linq;
using Applivery.Generators.Model;

namespace Applivery.Generators.Emit;

/// <summary>Emits the client: its interface, the HttpClient call site of each operation, and its exception type.</summary>
internal static partial class ClientEmitter
{
    /// <summary>
    /// The spec's first server with a trailing slash, when it is an absolute http(s) URL; null otherwise. Only an http(s)
    /// URL is a server: on Unix "/api/v1/" parses as an absolute file: URI, which would make the output depend on the OS
    /// that builds and the client fail at its first call.
    /// </summary>
    private static string? DefaultServer(ClientSpec client)
    {
        var server = client.ServerUrl is null ? null : client.ServerUrl.TrimEnd('/') + "/";
        return server is not null && Uri.TryCreate(server, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? server : null;
    }

    /// <summary>What every operation can throw besides the exceptions each one lists, once for the interface.</summary>
    private static string CallFailures(ClientSpec client)
    {
        var invalid = new List<string>();
        if (DefaultServer(client) is null)
        {
            invalid.Add("the HttpClient has no <c>BaseAddress</c> (the spec names no http(s) server)");
        }

        if (!client.SecuritySchemes.IsEmpty)
        {
            invalid.Add("a credential would go over plain http to a host other than loopback, or is not text a header can carry");
        }

        if (FileUploadEmitter.IsUsedBy(client))
        {
            invalid.Add("a <c>FileUpload</c> whose stream cannot seek is sent a second time");
        }

        var text = "Besides the exceptions each operation lists, every call can throw\n" +
            "<see cref=\"global::System.Net.Http.HttpRequestException\"/> (the request could not be sent or the connection failed),\n" +
            "<see cref=\"global::System.Threading.Tasks.TaskCanceledException\"/> (<c>HttpClient.Timeout</c> passed; its inner exception is a <see cref=\"global::System.TimeoutException\"/>),\n" +
            "<see cref=\"global::System.OperationCanceledException\"/> (the cancellation token was cancelled)";
        return invalid.Count == 0
            ? text + "."
            : text + ",\n<see cref=\"global::System.InvalidOperationException\"/> when " + string.Join(", or ", invalid) + ".";
    }

    /// <summary>What the client says when it has no address: the spec names no server, or only a relative one.</summary>
    private static string NoServerMessage(ClientSpec client) => client.ServerUrl is { } relative
        ? $"Set HttpClient.BaseAddress: the spec's first server, '{relative}', is relative (to where the spec is served), so the client cannot know the host."
        : "Set HttpClient.BaseAddress: the spec names no server.";

    public static string ExceptionName(ClientSpec client) => SupportNames.Exception(client.ClientName);

    /// <summary>Operations per file of a client split by tag: big tags (GitHub's `repos`) take several files.</summary>
    private const int OperationsPerFile = 100;

    /// <summary>
    /// The operations that go into files of their own (partial declarations of the client), by file suffix: one group
    /// per first tag, in spec order, when the spec uses at least two tags; none otherwise (one file holds all).
    /// </summary>
    public static IReadOnlyList<(string Suffix, IReadOnlyList<OperationSpec> Operations)> OperationFiles(ClientSpec client)
    {
        var tagged = client.Operations.Where(operation => operation.Tags.Count > 0).GroupBy(operation => operation.Tags[0], StringComparer.Ordinal).ToList();
        if (tagged.Count < 2)
        {
            return Array.Empty<(string, IReadOnlyList<OperationSpec>)>();
        }

        var files = new List<(string Suffix, IReadOnlyList<OperationSpec> Operations)>();
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in tagged)
        {
            var operations = group.ToList();
            var name = Identifiers.MakeUnique(Identifiers.ToPascalCase(group.Key.Length == 0 ? "Tag" : group.Key), taken);
            for (var start = 0; start < operations.Count; start += OperationsPerFile)
            {
                var suffix = start == 0 ? name : name + (start / OperationsPerFile + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                files.Add((suffix, operations.Skip(start).Take(OperationsPerFile).ToList()));
            }
        }

        return files;
    }

    /// <summary>A file of the client's operations: partial declarations of the client's interface (with the docs) and class.</summary>
    public static string EmitOperationFile(ClientSpec client, ClientCalls calls, IReadOnlyList<OperationSpec> operations)
    {
        var writer = GeneratedFile.Begin(client.Namespace, client.SpecFileName);
        writer.OpenBlock($"{GeneratedFile.Visibility(client)} partial interface {SupportNames.Interface(client.ClientName)}");
        for (var i = 0; i < operations.Count; i++)
        {
            if (i > 0)
            {
                writer.Line();
            }

            EmitOperationDocs(writer, client, operations[i]);
            EmitDeprecation(writer, operations[i]);
            writer.Line(Signature(client, operations[i]) + ";");
        }

        writer.CloseBlock();
        writer.Line();
        writer.OpenBlock($"{GeneratedFile.Visibility(client)} sealed partial class {client.ClientName}");
        for (var i = 0; i < operations.Count; i++)
        {
            if (i > 0)
            {
                writer.Line();
            }

            EmitOperation(writer, client, calls, operations[i]);
        }

        writer.CloseBlock();
        return GeneratedFile.End(writer);
    }

    /// <param name="operationFiles">The client's <see cref="OperationFiles"/>, whose operations are declared in their own files.</param>
    /// <param name="calls">What the client's operations share (<see cref="CallsOf"/>).</param>
    public static string Emit(ClientSpec client, ClientCalls calls, IReadOnlyList<(string Suffix, IReadOnlyList<OperationSpec> Operations)> operationFiles)
    {
        var writer = GeneratedFile.Begin(client.Namespace, client.SpecFileName);
        var visibility = GeneratedFile.Visibility(client);
        var name = client.ClientName;

        Documentation.Element(writer, "summary", $"The operations of {Documentation.Escape(client.Title)}, for mocking and dependency injection.");
        Documentation.Element(writer, "remarks", CallFailures(client));
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.OpenBlock($"{visibility} partial interface {SupportNames.Interface(name)}");
        // By method name (unique in a client): hashing a whole operation record, parameters and responses, costs more.
        var elsewhere = new HashSet<string>(operationFiles.SelectMany(file => file.Operations).Select(operation => operation.MethodName), StringComparer.Ordinal);
        foreach (var operation in client.Operations.Where(operation => !elsewhere.Contains(operation.MethodName)))
        {
            EmitOperationDocs(writer, client, operation);
            EmitDeprecation(writer, operation);
            writer.Line(Signature(client, operation) + ";");
            writer.Line();
        }

        writer.CloseBlock();
        writer.Line();

        Documentation.Summary(writer, client.Description is null ? null : client.Title + ": " + client.Description, $"A client for {client.Title}.");
        Documentation.Element(writer, "remarks", $"Generated from {Documentation.Code(client.SpecFileName)}. Every parameter is validated before anything is sent; any non-success status raises <see cref=\"{ExceptionName(client)}\"/>.");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.OpenBlock($"{visibility} sealed partial class {name} : {SupportNames.Interface(name)}");
        var server = DefaultServer(client);
        var serverIsAbsolute = server is not null;
        if (serverIsAbsolute)
        {
            writer.Line($"/// <summary>The spec's first server, {Documentation.Code(server!)}, used when the HttpClient has no <c>BaseAddress</c>.</summary>");
            writer.Line($"public static readonly global::System.Uri DefaultBaseAddress = new global::System.Uri({CSharpTypes.Literal(server!)});");
            writer.Line();
        }

        writer.Line("private readonly global::System.Net.Http.HttpClient _httpClient;");
        EmitConstructors(writer, client);
        writer.Lines($$"""
            /// <summary>The address requests are sent to: the HttpClient's, else the spec's first server.</summary>
            public global::System.Uri BaseAddress => WithTrailingSlash(_httpClient.BaseAddress{{(serverIsAbsolute ? " ?? DefaultBaseAddress" : " ?? throw new global::System.InvalidOperationException(" + CSharpTypes.Literal(NoServerMessage(client)) + ")")}});

            /// <summary>
            /// The largest success body read, in bytes (256 MiB by default): a bigger one raises <see cref="{{ExceptionName(client)}}"/>
            /// instead of exhausting memory.
            /// </summary>
            public long MaxResponseBodySize { get; init; } = 256L * 1024 * 1024;

            /// <inheritdoc/>
            public override string ToString() => "{{name}} (" + BaseAddress + ")";

            """);

        foreach (var operation in client.Operations.Where(operation => !elsewhere.Contains(operation.MethodName)))
        {
            EmitOperation(writer, client, calls, operation);
            writer.Line();
        }

        // The client's own helpers, one blank line between blocks and none before the class's closing brace.
        var helpers = new[] { calls.HelperSource, SendSource(client, calls), ClientRuntimeSource.Helpers(client), ParameterRuntimeSource.Helpers(client), SecurityRuntimeSource(client), RequestBodyRuntimeSource(client) }
            .Select(block => block.Trim('\n'))
            .Where(block => block.Length > 0);
        writer.Lines(string.Join("\n\n", helpers));
        writer.CloseBlock();
        writer.Line();
        writer.Lines(ClientRuntimeSource.Exception(client));
        return GeneratedFile.End(writer);
    }
}
