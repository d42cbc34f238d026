using System;
using System.Collections.Generic;
using System.Linq;
using Applivery.Generators.Diagnostics;
using Applivery.Generators.OpenApi;

namespace Applivery.Generators.Model;

/// <summary>Reads <c>paths</c> into <see cref="OperationSpec"/>s, mapping parameter and body schemas along the way.</summary>
internal sealed partial class OperationBuilder
{
    internal static readonly string[] HttpMethods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    private readonly ReferenceResolver _references;
    private readonly SpecDiagnostics _diagnostics;
    private readonly SchemaTypeMapper _schemas;
    private readonly HashSet<string> _methodNames = new(StringComparer.Ordinal);

    public OperationBuilder(ReferenceResolver references, SpecDiagnostics diagnostics, SchemaTypeMapper schemas)
    {
        _references = references;
        _diagnostics = diagnostics;
        _schemas = schemas;
    }

    /// <summary>Reads each operation's security requirement; without it, operations send no credentials.</summary>
    public SecurityBuilder? Security { get; init; }

    /// <summary>The operations (<see cref="KeptOperation.Key"/>) an <see cref="OperationFilter"/> keeps; null when there is no filter (all are built).</summary>
    public HashSet<string>? KeptOperations { get; init; }

    public EquatableArray<OperationSpec> Build(SpecMapping? paths)
    {
        var operations = new List<OperationSpec>();
        if (paths is null)
        {
            return EquatableArray<OperationSpec>.Empty;
        }

        foreach (var pathEntry in paths.Entries)
        {
            var path = pathEntry.Key.Value;
            if (path.StartsWith("x-", StringComparison.Ordinal))
            {
                continue;
            }

            if (_references.Resolve(pathEntry.Value) is not SpecMapping pathItem)
            {
                continue;
            }

            foreach (var method in HttpMethods)
            {
                if (pathItem.GetMapping(method) is { } operation && KeptOperations?.Contains(KeptOperation.Of(path, method)) != false)
                {
                    var pointer = "#/paths/" + JsonPointer.Escape(path) + "/" + method;
                    if (BuildOperation(path, method, pathItem, operation, pointer) is { } spec)
                    {
                        operations.Add(spec);
                    }
                }
            }
        }

        return operations.ToEquatableArray();
    }

    private OperationSpec? BuildOperation(string path, string method, SpecMapping pathItem, SpecMapping operation, string pointer)
    {
        var operationId = operation.GetString("operationId");
        var desiredName = Identifiers.ToPascalCase(operationId ?? method + " " + path.Replace("{", " ").Replace("}", " "));
        var methodName = Identifiers.MakeUnique(desiredName, _methodNames);
        if (methodName != desiredName)
        {
            _diagnostics.Report(DiagnosticDescriptors.NameCollision, operation.KeyNode("operationId")?.Span ?? operation.Span, "The operation", $"{method.ToUpperInvariant()} {path}", desiredName, "another operation", methodName);
        }

        if (operation.KeyNode("callbacks") is { } callbacks)
        {
            _diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, callbacks.Span, $"'callbacks' of {methodName}", "no callback types are generated");
        }

        var parameters = BuildParameters(methodName, pathItem, operation, pointer);
        if (parameters is null)
        {
            return null;
        }

        foreach (var placeholder in PathTemplate.Placeholders(path))
        {
            if (!parameters.Any(parameter => parameter.Location == ParameterLocation.Path && parameter.WireName == placeholder))
            {
                _diagnostics.Report(DiagnosticDescriptors.UnexpectedShape, operation.Span, $"The path '{path}' uses '{{{placeholder}}}', so {methodName}", $"declare a path parameter named '{placeholder}'; the operation is skipped");
                return null;
            }
        }

        // A path parameter the template does not use could never be sent: say so rather than keep a dead argument.
        var placeholders = new HashSet<string>(PathTemplate.Placeholders(path), StringComparer.Ordinal);
        foreach (var unused in parameters.Where(parameter => parameter.Location == ParameterLocation.Path && !placeholders.Contains(parameter.WireName)).ToList())
        {
            _diagnostics.Report(DiagnosticDescriptors.UnexpectedShape, operation.KeyNode("parameters")?.Span ?? operation.Span, $"The path parameter '{unused.WireName}' of {methodName}", $"a placeholder '{{{unused.WireName}}}' of the path '{path}'");
            parameters.Remove(unused);
        }

        // The spec's parameter names are the public contract; the method's own parameters take what is left.
        var takenNames = new HashSet<string>(parameters.Select(parameter => parameter.Name.TrimStart('@')), StringComparer.Ordinal);
        RequestBodySpec? body = null;
        if (operation["requestBody"] is { } requestBodyNode)
        {
            body = BuildRequestBody(methodName, requestBodyNode, pointer + "/requestBody", OwnParameterName("body", takenNames, methodName, operation));
            if (body is null)
            {
                return null;
            }
        }

        var cancellationTokenName = OwnParameterName("cancellationToken", takenNames, methodName, operation);

        return new OperationSpec(
            methodName,
            operationId ?? methodName,
            method.ToUpperInvariant(),
            path,
            operation.GetString("summary"),
            operation.GetString("description"),
            operation.GetString("x-required-permission"),
            operation.GetScalar("deprecated")?.AsBoolean() == true,
            (operation.GetSequence("tags")?.Items.OfType<SpecScalar>().Select(tag => tag.Value) ?? Enumerable.Empty<string>()).ToEquatableArray(),
            parameters.ToEquatableArray(),
            body,
            BuildResponses(methodName, operation, pointer),
            cancellationTokenName,
            Security?.ForOperation(methodName, operation) ?? OperationSecuritySpec.None,
            BuildServer(methodName, pathItem, operation));
    }

    /// <summary>
    /// A name for a parameter the generated method adds itself (the body, the cancellation token): the natural one,
    /// unless a spec parameter has it, then <c>2</c>, <c>3</c>, … with APG007.
    /// </summary>
    private string OwnParameterName(string desired, HashSet<string> taken, string methodName, SpecMapping operation)
    {
        var name = Identifiers.MakeUnique(desired, taken);
        if (name != desired)
        {
            _diagnostics.Report(DiagnosticDescriptors.NameCollision, operation.KeyNode("parameters")?.Span ?? operation.Span, "The generated parameter", desired, desired, "a parameter of " + methodName, name);
        }

        return name;
    }
}
