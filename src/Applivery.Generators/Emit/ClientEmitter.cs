using System;
using System.Collections.Generic;
using System.Linq;
using Applivery.Generators.Model;

namespace Applivery.Generators.Emit;

/// <summary>Emits the client: its interface, the HttpClient call site of each operation, and its exception type.</summary>
internal static partial class ClientEmitter
{
    public static string ExceptionName(ClientSpec client) => client.ClientName + "Exception";

    public static string Emit(ClientSpec client)
    {
        var writer = GeneratedFile.Begin(client.Namespace, client.SpecFileName);
        var visibility = GeneratedFile.Visibility(client);
        var name = client.ClientName;

        Documentation.Element(writer, "summary", $"The operations of {Documentation.Escape(client.Title)}, for mocking and dependency injection.");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.OpenBlock($"{visibility} partial interface I{name}");
        foreach (var operation in client.Operations)
        {
            EmitOperationDocs(writer, client, operation);
            writer.Line(Signature(client, operation) + ";");
            writer.Line();
        }

        writer.CloseBlock();
        writer.Line();

        Documentation.Summary(writer, client.Description is null ? null : client.Title + ": " + client.Description, $"A client for {client.Title}.");
        Documentation.Element(writer, "remarks", $"Generated from {Documentation.Code(client.SpecFileName)}. Every parameter is validated before anything is sent; any non-success status raises <see cref=\"{ExceptionName(client)}\"/>.");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.OpenBlock($"{visibility} sealed partial class {name} : I{name}");
        var server = client.ServerUrl is null ? null : client.ServerUrl.TrimEnd('/') + "/";
        var serverIsAbsolute = server is not null && Uri.TryCreate(server, UriKind.Absolute, out _);
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
            public global::System.Uri BaseAddress => WithTrailingSlash(_httpClient.BaseAddress{{(serverIsAbsolute ? " ?? DefaultBaseAddress" : " ?? throw new global::System.InvalidOperationException(\"Set HttpClient.BaseAddress: the spec names no absolute server.\")")}});

            /// <summary>
            /// The largest success body read, in bytes (256 MiB by default): a bigger one raises <see cref="{{ExceptionName(client)}}"/>
            /// instead of exhausting memory.
            /// </summary>
            public long MaxResponseBodySize { get; init; } = 256L * 1024 * 1024;

            /// <inheritdoc/>
            public override string ToString() => "{{name}} (" + BaseAddress + ")";

            """);

        foreach (var operation in client.Operations)
        {
            EmitOperation(writer, client, operation);
            writer.Line();
        }

        writer.Lines(ClientRuntimeSource.Helpers(client));
        ParameterRuntimeSource.Emit(writer, client);
        writer.Lines(SecurityRuntimeSource(client));
        if (RequestBodyRuntimeSource(client) is { Length: > 0 } bodyHelpers)
        {
            writer.Lines(bodyHelpers);
        }

        writer.CloseBlock();
        writer.Line();
        writer.Lines(ClientRuntimeSource.Exception(client));
        return GeneratedFile.End(writer);
    }
}
