using System;
using System.Collections.Generic;
using System.Linq;
using Applivery.Generators.Diagnostics;
using Applivery.Generators.OpenApi;

namespace Applivery.Generators.Model;

/// <summary>The responses of an operation and the names of their inline body types.</summary>
internal sealed partial class OperationBuilder
{
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
