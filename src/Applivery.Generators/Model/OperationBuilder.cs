using System;
using System.Collections.Generic;
using System.Linq;
using Applivery.Generators.Diagnostics;
using Applivery.Generators.OpenApi;

namespace Applivery.Generators.Model;

/// <summary>Reads <c>paths</c> into <see cref="OperationSpec"/>s, mapping parameter and body schemas along the way.</summary>
internal sealed class OperationBuilder
{
    private static readonly string[] HttpMethods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    /// <summary>Parameter names the generated method itself uses.</summary>
    private static readonly string[] ReservedParameterNames =
    {
        "cancellationToken", "body", "uri", "separator", "request", "response", "status", "stream", "content", "item",
        "error", "errorBody", "bodyValue", "operationTimeout", "typedBody", "errorCode", "errorMessage", "exception",
    };

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
                if (pathItem.GetMapping(method) is { } operation)
                {
                    var pointer = "#/paths/" + SchemaTypeMapper.EscapePointer(path) + "/" + method;
                    if (BuildOperation(path, method, pathItem, operation, pointer) is { } spec)
                    {
                        operations.Add(spec);
                    }
                }
            }

            if (pathItem.KeyNode("servers") is { } servers)
            {
                _diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, servers.Span, $"'servers' on the path '{path}'", "the document's first server is used");
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

        RequestBodySpec? body = null;
        if (operation["requestBody"] is { } requestBodyNode)
        {
            body = BuildRequestBody(methodName, requestBodyNode, pointer + "/requestBody");
            if (body is null)
            {
                return null;
            }
        }

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
            BuildResponses(methodName, operation, pointer));
    }

    /// <summary>Path-level parameters first, replaced by operation-level ones with the same name and location.</summary>
    private List<ParameterSpec>? BuildParameters(string methodName, SpecMapping pathItem, SpecMapping operation, string pointer)
    {
        var declared = new List<(SpecMapping Parameter, string Pointer)>();
        foreach (var (owner, ownerPointer) in new[] { (pathItem, pointer.Substring(0, pointer.LastIndexOf('/'))), (operation, pointer) })
        {
            var list = owner.GetSequence("parameters");
            for (var i = 0; i < (list?.Items.Count ?? 0); i++)
            {
                if (_references.Resolve(list!.Items[i]) is not SpecMapping parameter)
                {
                    continue;
                }

                var name = parameter.GetString("name");
                var location = parameter.GetString("in");
                if (name is null || location is null)
                {
                    _diagnostics.Report(DiagnosticDescriptors.UnexpectedShape, parameter.Span, $"A parameter of {methodName}", "a mapping with 'name' and 'in'");
                    continue;
                }

                declared.RemoveAll(existing => existing.Parameter.GetString("name") == name && existing.Parameter.GetString("in") == location);
                declared.Add((parameter, $"{ownerPointer}/parameters/{i}"));
            }
        }

        var taken = new HashSet<string>(ReservedParameterNames, StringComparer.Ordinal);
        var result = new List<ParameterSpec>();
        foreach (var (parameter, parameterPointer) in declared)
        {
            var wireName = parameter.GetString("name")!;
            ParameterLocation location;
            switch (parameter.GetString("in"))
            {
                case "path":
                    location = ParameterLocation.Path;
                    break;
                case "query":
                    location = ParameterLocation.Query;
                    break;
                case "header":
                    location = ParameterLocation.Header;
                    break;
                default:
                    var isRequiredCookie = parameter.GetScalar("required")?.AsBoolean() == true;
                    _diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, parameter.KeyNode("in")?.Span, $"The {parameter.GetString("in")} parameter '{wireName}' of {methodName}", isRequiredCookie ? "the operation is skipped" : "it is not sent");
                    if (isRequiredCookie)
                    {
                        return null;
                    }

                    continue;
            }

            var schemaNode = parameter["schema"];
            if (schemaNode is null)
            {
                _diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, parameter.Span, $"The parameter '{wireName}' of {methodName} without a 'schema' (for example with 'content')", "it is sent as a string");
            }

            var mapped = schemaNode is null
                ? new MappedSchema(TypeRef.Primitive(TypeKind.String, ConstraintSpec.None), default, null, false, false)
                : _schemas.Map(schemaNode, methodName + Identifiers.ToPascalCase(wireName), parameterPointer + "/schema");
            var isRequired = location == ParameterLocation.Path || parameter.GetScalar("required")?.AsBoolean() == true;
            if (!CanSerialize(mapped.Type, location))
            {
                // Objects (any style) and arrays outside the query string need serialization styles not generated yet.
                _diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, parameter.Span, $"The {location.ToString().ToLowerInvariant()} parameter '{wireName}' of {methodName} with a {mapped.Type.Kind.ToString().ToLowerInvariant()} schema", isRequired ? "the operation is skipped" : "it is not sent");
                if (isRequired)
                {
                    return null;
                }

                continue;
            }

            var desired = Identifiers.ToCamelCase(wireName);
            var name = Identifiers.MakeUnique(desired, taken);
            result.Add(new ParameterSpec(
                Identifiers.EscapeKeyword(name),
                wireName,
                location,
                mapped.Type,
                isRequired,
                parameter.GetString("description") ?? mapped.Summary));
        }

        // Required parameters come first so optional ones can have default values.
        return result.Where(parameter => parameter.IsRequired).Concat(result.Where(parameter => !parameter.IsRequired)).ToList();
    }

    private static bool CanSerialize(TypeRef type, ParameterLocation location) => type.Kind switch
    {
        TypeKind.Object or TypeKind.Map => false,
        TypeKind.Array => location == ParameterLocation.Query && type.Element!.Kind is not (TypeKind.Object or TypeKind.Map or TypeKind.Array),
        _ => true,
    };

    private RequestBodySpec? BuildRequestBody(string methodName, SpecNode node, string pointer)
    {
        if (_references.Resolve(node) is not SpecMapping body)
        {
            return null;
        }

        var (contentType, media) = FindJsonContent(body.GetMapping("content"));
        if (media is null)
        {
            var types = body.GetMapping("content")?.Entries.Select(entry => entry.Key.Value) ?? Enumerable.Empty<string>();
            _diagnostics.Report(DiagnosticDescriptors.UnsupportedConstruct, body.Span, $"The request body of {methodName} ({string.Join(", ", types)})", "only JSON bodies are supported; the operation is skipped");
            return null;
        }

        var type = media["schema"] is { } schema
            ? _schemas.Map(schema, methodName + "Request", pointer + "/content/" + SchemaTypeMapper.EscapePointer(contentType!) + "/schema")
            : new MappedSchema(TypeRef.JsonElement, default, null, false, false);
        return new RequestBodySpec(contentType!, type.Type, body.GetScalar("required")?.AsBoolean() == true, body.GetString("description"));
    }

    private EquatableArray<ResponseSpec> BuildResponses(string methodName, SpecMapping operation, string pointer)
    {
        var responses = new List<ResponseSpec>();
        if (operation.GetMapping("responses") is not { } responseMap)
        {
            return EquatableArray<ResponseSpec>.Empty;
        }

        var isFirstSuccess = true;
        foreach (var entry in responseMap.Entries)
        {
            var status = entry.Key.Value;
            if (status.StartsWith("x-", StringComparison.Ordinal) || _references.Resolve(entry.Value) is not SpecMapping response)
            {
                continue;
            }

            var (contentType, media) = FindJsonContent(response.GetMapping("content"));
            TypeRef? type = null;
            if (media?["schema"] is { } schema)
            {
                var isSuccess = status.StartsWith("2", StringComparison.Ordinal);
                var name = isSuccess && isFirstSuccess ? methodName + "Response" : methodName + StatusName(status) + "Response";
                isFirstSuccess &= !isSuccess;
                type = _schemas.Map(schema, name, $"{pointer}/responses/{status}/content/{SchemaTypeMapper.EscapePointer(contentType!)}/schema").Type;
            }

            responses.Add(new ResponseSpec(status, response.GetString("description"), contentType, type));
        }

        return responses.ToEquatableArray();
    }

    private static (string? ContentType, SpecMapping? Media) FindJsonContent(SpecMapping? content)
    {
        if (content is null)
        {
            return (null, null);
        }

        foreach (var entry in content.Entries)
        {
            var mediaType = entry.Key.Value.Split(';')[0].Trim().ToLowerInvariant();
            if (mediaType is "application/json" or "text/json" or "*/*" || mediaType.EndsWith("+json", StringComparison.Ordinal))
            {
                return (entry.Key.Value, entry.Value as SpecMapping);
            }
        }

        return (null, null);
    }

    /// <summary>The word a status code is known by, for the name of an inline response body type.</summary>
    internal static string StatusName(string status) => status.ToUpperInvariant() switch
    {
        "200" => "Ok",
        "201" => "Created",
        "202" => "Accepted",
        "203" => "NonAuthoritative",
        "206" => "PartialContent",
        "300" => "MultipleChoices",
        "400" => "BadRequest",
        "401" => "Unauthorized",
        "402" => "PaymentRequired",
        "403" => "Forbidden",
        "404" => "NotFound",
        "405" => "MethodNotAllowed",
        "406" => "NotAcceptable",
        "408" => "RequestTimeout",
        "409" => "Conflict",
        "410" => "Gone",
        "412" => "PreconditionFailed",
        "413" => "PayloadTooLarge",
        "415" => "UnsupportedMediaType",
        "422" => "UnprocessableEntity",
        "423" => "Locked",
        "429" => "TooManyRequests",
        "500" => "InternalServerError",
        "501" => "NotImplemented",
        "502" => "BadGateway",
        "503" => "ServiceUnavailable",
        "504" => "GatewayTimeout",
        "1XX" => "Informational",
        "2XX" => "Success",
        "3XX" => "Redirection",
        "4XX" => "ClientError",
        "5XX" => "ServerError",
        "DEFAULT" => "Default",
        _ => "Status" + string.Concat(Identifiers.SplitWords(status)),
    };
}
