using System;
using System.Collections.Generic;
using System.Linq;
using Applivery.Generators.Diagnostics;
using Applivery.Generators.OpenApi;

namespace Applivery.Generators.Model;

/// <summary>The request body of an operation.</summary>
internal sealed partial class OperationBuilder
{
    private RequestBodySpec? BuildRequestBody(string methodName, SpecNode node, string pointer, string parameterName)
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
        return new RequestBodySpec(contentType!, type.Type, body.GetScalar("required")?.AsBoolean() == true, body.GetString("description"), parameterName);
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
}
