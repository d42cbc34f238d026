using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Applivery.Generators.ContractTests.Infrastructure;

/// <summary>One request as it went on the wire and the answer as it came back, both buffered.</summary>
internal sealed record Exchange(
    HttpMethod Method,
    Uri Uri,
    IReadOnlyDictionary<string, string> Headers,
    string? ContentType,
    byte[] Body,
    int Status,
    string? ResponseContentType,
    byte[] ResponseBody,
    string? Violations,
    bool StaticRetry);

/// <summary>Records every exchange the generated client makes, so the test can compare it with the spec's wire form.</summary>
internal sealed class RecordingHandler : DelegatingHandler
{
    private readonly List<Exchange> _exchanges = new();

    public RecordingHandler()
        : base(new SocketsHttpHandler { UseCookies = false })
    {
    }

    public Exchange? Last
    {
        get
        {
            lock (_exchanges)
            {
                return _exchanges.Count == 0 ? null : _exchanges[^1];
            }
        }
    }

    public void Clear()
    {
        lock (_exchanges)
        {
            _exchanges.Clear();
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = Array.Empty<byte>();
        string? contentType = null;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            headers[header.Key] = string.Join(", ", header.Value);
        }

        if (request.Content is not null)
        {
            body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
            contentType = request.Content.Headers.ContentType?.ToString();
            foreach (var header in request.Content.Headers)
            {
                headers[header.Key] = string.Join(", ", header.Value);
            }

            // The content was read once here; Prism gets the same bytes and headers.
            var copy = new ByteArrayContent(body);
            foreach (var header in request.Content.Headers)
            {
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            request.Content = copy;
        }

        var response = await base.SendAsync(request, cancellationToken);
        var responseBody = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var staticRetry = false;
        if ((int)response.StatusCode == 500 && Encoding.UTF8.GetString(responseBody).Contains("Tried to force a dynamic response", StringComparison.Ordinal))
        {
            // Prism cannot invent a response without a schema in dynamic mode; the same request again, answered from the
            // spec's own examples (Prism's "Prefer: dynamic=false"), still validates the request.
            var retry = new HttpRequestMessage(request.Method, request.RequestUri);
            foreach (var header in request.Headers)
            {
                retry.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            retry.Headers.TryAddWithoutValidation("Prefer", "dynamic=false");
            if (request.Content is not null)
            {
                var again = new ByteArrayContent(body);
                foreach (var header in request.Content.Headers)
                {
                    again.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }

                retry.Content = again;
            }

            response.Dispose();
            response = await base.SendAsync(retry, cancellationToken);
            responseBody = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            staticRetry = true;
        }

        var violations = response.Headers.TryGetValues("sl-violations", out var values) ? string.Join(",", values) : null;
        var responseCopy = new ByteArrayContent(responseBody);
        foreach (var header in response.Content.Headers)
        {
            responseCopy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        var responseContentType = response.Content.Headers.ContentType?.MediaType;
        response.Content = responseCopy;
        lock (_exchanges)
        {
            _exchanges.Add(new Exchange(request.Method, request.RequestUri!, headers, contentType, body, (int)response.StatusCode, responseContentType, responseBody, violations, staticRetry));
        }

        return response;
    }
}
