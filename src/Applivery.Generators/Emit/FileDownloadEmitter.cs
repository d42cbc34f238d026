using Applivery.Generators.Model;

namespace Applivery.Generators.Emit;

/// <summary>
/// The type a binary success body is returned as: the response stream, unread, with what the headers say about it.
/// Emitted once per namespace (as <c>ValidationError</c> is), only when an operation there returns one.
/// </summary>
internal static class FileDownloadEmitter
{
    public const string TypeName = SupportNames.FileDownload;

    public static string Emit(string ns)
    {
        var writer = GeneratedFile.Begin(ns, null);
        writer.Lines($$"""
            /// <summary>
            /// A binary response body (a file, an image, a report), not yet read: <see cref="Content"/> streams it from the
            /// connection as it is read, so its size is never held in memory. Dispose it to release the connection.
            /// </summary>
            /// <remarks>
            /// The client's timeout ends when the headers arrive; reading <see cref="Content"/> is bounded by the
            /// cancellation token given to its reads.
            /// </remarks>
            {{GeneratedFile.GeneratedCodeAttribute}}
            public sealed class FileDownload : global::System.IDisposable, global::System.IAsyncDisposable
            {
                private readonly global::System.IDisposable? _owner;

                /// <summary>Creates a download over any stream (for tests and mocks of the client's interface); disposing it disposes the stream.</summary>
                /// <param name="content">The body.</param>
                /// <param name="statusCode">The HTTP status code.</param>
                /// <param name="contentType">The media type, such as <c>image/png</c>.</param>
                /// <param name="contentLength">The length in bytes, when known.</param>
                /// <param name="fileName">The file name the server suggests.</param>
                public FileDownload(global::System.IO.Stream content, int statusCode = 200, string? contentType = null, long? contentLength = null, string? fileName = null)
                    : this(content, statusCode, contentType, contentLength, fileName, null)
                {
                }

                private FileDownload(global::System.IO.Stream content, int statusCode, string? contentType, long? contentLength, string? fileName, global::System.IDisposable? owner)
                {
                    Content = content ?? throw new ArgumentNullException(nameof(content));
                    StatusCode = statusCode;
                    ContentType = contentType;
                    ContentLength = contentLength;
                    FileName = fileName;
                    _owner = owner;
                }

                /// <summary>The body as it arrives from the server; read it once.</summary>
                public global::System.IO.Stream Content { get; }

                /// <summary>The HTTP status code, such as 200.</summary>
                public int StatusCode { get; }

                /// <summary>The media type of the <c>Content-Type</c> header (such as <c>application/pdf</c>), without its parameters; null when the server sent none.</summary>
                public string? ContentType { get; }

                /// <summary>The <c>Content-Length</c> header: the body's size in bytes, or null when the server did not announce it.</summary>
                public long? ContentLength { get; }

                /// <summary>
                /// The file name of the <c>Content-Disposition</c> header (its RFC 6266 <c>filename*</c> when present, else
                /// <c>filename</c>), without any directory part; null when the server suggests none.
                /// </summary>
                public string? FileName { get; }

                /// <inheritdoc/>
                public override string ToString() => "FileDownload (" + StatusCode.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + ", " + (ContentType ?? "no content type") + (ContentLength is { } length ? ", " + length.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " bytes" : string.Empty) + (FileName is null ? string.Empty : ", " + FileName) + ")";

                /// <summary>Closes the stream and releases the connection.</summary>
                public void Dispose()
                {
                    Content.Dispose();
                    _owner?.Dispose();
                }

                /// <summary>Closes the stream and releases the connection.</summary>
                public global::System.Threading.Tasks.ValueTask DisposeAsync()
                {
                    Dispose();
                    return default;
                }

                /// <summary>
                /// Takes the body of a response without reading it. The content is detached from the response, so the
                /// caller's <c>using</c> of the response leaves the stream open: from here on this object owns it.
                /// </summary>
                internal static async global::System.Threading.Tasks.Task<FileDownload> OpenAsync(global::System.Net.Http.HttpResponseMessage response)
                {
                    var content = response.Content;
                    var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
                    var headers = content.Headers;
                    response.Content = null!;
                    return new FileDownload(stream, (int)response.StatusCode, headers.ContentType?.MediaType, headers.ContentLength, FileNameOf(headers), content);
                }

                private static string? FileNameOf(global::System.Net.Http.Headers.HttpContentHeaders headers)
                {
                    global::System.Net.Http.Headers.ContentDispositionHeaderValue? disposition;
                    try
                    {
                        disposition = headers.ContentDisposition;
                    }
                    catch (global::System.FormatException)
                    {
                        return null;
                    }

                    var name = disposition?.FileNameStar;
                    if (string.IsNullOrEmpty(name))
                    {
                        name = disposition?.FileName;
                        if (name is not null && name.Length >= 2 && name[0] == '"' && name[name.Length - 1] == '"')
                        {
                            name = name.Substring(1, name.Length - 2).Replace("\\\"", "\"").Replace("\\\\", "\\");
                        }
                    }

                    // A server's name is a suggestion, never a path: "../../x" must not leave the caller's folder.
                    if (name is not null)
                    {
                        name = name.Substring(global::System.Math.Max(name.LastIndexOf('/'), name.LastIndexOf('\\')) + 1).Trim();
                    }

                    return string.IsNullOrEmpty(name) || name is "." or ".." ? null : name;
                }
            }
            """);
        return GeneratedFile.End(writer);
    }
}
