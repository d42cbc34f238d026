using System.Linq;
using Applivery.Generators.Model;

namespace Applivery.Generators.Emit;

/// <summary>
/// The <c>{Operation}Result</c> of an operation whose 2xx responses have different bodies: its status code and one
/// property per success status with a body, set when that status came back.
/// </summary>
internal static class OperationResultEmitter
{
    /// <summary>The result type name of each operation that has one, with the operation.</summary>
    public static System.Collections.Generic.IEnumerable<(string Name, OperationSpec Operation)> ResultTypes(ClientSpec client) =>
        client.Operations
            .Select(operation => (Name: operation.Responses.FirstOrDefault(response => response.ResultTypeName is not null)?.ResultTypeName, Operation: operation))
            .Where(pair => pair.Name is not null)
            .Select(pair => (pair.Name!, pair.Operation));

    /// <summary>The constructor parameter of a result property: <c>Ok</c> → <c>ok</c>.</summary>
    public static string ParameterName(string propertyName) => char.ToLowerInvariant(propertyName[0]) + propertyName.Substring(1);

    public static string Emit(ClientSpec client, string name, OperationSpec operation)
    {
        var members = operation.Responses.Where(response => response.ResultPropertyName is not null).ToList();
        var downloads = members.Where(response => response.BodyKind == ResponseBodyKind.Binary).ToList();
        var writer = GeneratedFile.Begin(client.Namespace, client.SpecFileName);
        var statuses = string.Join(", ", members.Select(response => response.StatusCode));
        Documentation.Element(writer, "summary", $"What {Documentation.Code(operation.OperationId)} answered: the status code, and the body of that status ({statuses}); the other bodies are null.");
        Documentation.Element(writer, "remarks", $"A success the spec declares without a body, or does not declare, has only {Documentation.Code("StatusCode")}."
            + (downloads.Count > 0 ? " Dispose the result to release the connection of a download." : string.Empty));
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.OpenBlock($"{GeneratedFile.Visibility(client)} sealed class {name}{(downloads.Count > 0 ? " : global::System.IDisposable, global::System.IAsyncDisposable" : string.Empty)}");

        writer.Line("/// <summary>Creates a result (for tests and mocks of the client's interface).</summary>");
        writer.Line("/// <param name=\"statusCode\">The HTTP status code.</param>");
        foreach (var response in members)
        {
            writer.Line($"/// <param name=\"{ParameterName(response.ResultPropertyName!)}\">The body of the {Documentation.Escape(response.StatusCode)} response.</param>");
        }

        var parameters = members.Select(response => $"{ClientEmitter.BodyType(client, response, true)} {ParameterName(response.ResultPropertyName!)} = null");
        writer.OpenBlock($"public {name}(int statusCode{string.Concat(parameters.Select(parameter => ", " + parameter))})");
        writer.Line("StatusCode = statusCode;");
        foreach (var response in members)
        {
            writer.Line($"{response.ResultPropertyName} = {ParameterName(response.ResultPropertyName!)};");
        }

        writer.CloseBlock();
        writer.Line();
        writer.Line("/// <summary>The HTTP status code: which of the bodies below is set.</summary>");
        writer.Line("public int StatusCode { get; }");
        foreach (var response in members)
        {
            writer.Line();
            var description = Documentation.SingleLine(response.Description);
            var what = response.BodyKind switch
            {
                ResponseBodyKind.Text => "text",
                ResponseBodyKind.Binary => "download",
                _ => "body",
            };
            var when = response.StatusCode.Length == 3 && response.StatusCode.All(char.IsDigit)
                ? $"when {Documentation.Code("StatusCode")} is {response.StatusCode}"
                : $"for a status of {Documentation.Code(response.StatusCode)} not listed on its own";
            writer.Line($"/// <summary>The {what} of the {Documentation.Escape(response.StatusCode)} response{(description is null ? string.Empty : " (" + Documentation.Escape(description.TrimEnd('.')) + ")")}, {when}; else null.</summary>");
            writer.Line($"public {ClientEmitter.BodyType(client, response, true)} {response.ResultPropertyName} {{ get; }}");
        }

        if (downloads.Count > 0)
        {
            writer.Line();
            writer.Line("/// <summary>Disposes the download, if there is one.</summary>");
            writer.OpenBlock("public void Dispose()");
            foreach (var response in downloads)
            {
                writer.Line($"{response.ResultPropertyName}?.Dispose();");
            }

            writer.CloseBlock();
            writer.Line();
            writer.Line("/// <summary>Disposes the download, if there is one.</summary>");
            writer.OpenBlock("public global::System.Threading.Tasks.ValueTask DisposeAsync()");
            writer.Line("Dispose();");
            writer.Line("return default;");
            writer.CloseBlock();
        }

        writer.CloseBlock();
        return GeneratedFile.End(writer);
    }
}
