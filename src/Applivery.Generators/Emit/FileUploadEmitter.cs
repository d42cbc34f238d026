using System.Linq;
using Applivery.Generators.Model;

namespace Applivery.Generators.Emit;

/// <summary>
/// <c>FileUpload</c>, the type of every binary value (<c>format: binary</c> properties, binary request bodies), emitted
/// once per namespace like <c>ValidationError</c>, and only when a client of that namespace uses it.
/// </summary>
internal static class FileUploadEmitter
{
    public const string TypeName = SupportNames.FileUpload;

    public static bool IsUsedBy(ClientSpec client) => SharedConcern.UsesFileUpload(client);

    public static string Emit(string ns)
    {
        var writer = GeneratedFile.Begin(ns, null);
        writer.Lines($$"""
            /// <summary>
            /// A file to send: a <c>format: binary</c> property or a binary request body. The content is streamed from
            /// <see cref="Content"/> when the request is sent, never copied whole into memory.
            /// </summary>
            /// <remarks>
            /// The caller owns the stream and disposes it after the call; the client does not. A seekable stream is read
            /// from the position it had when the <see cref="FileUpload"/> was created, each time it is sent (so a retry
            /// sends it whole again); a non-seekable one can be sent only once. In a JSON body or a urlencoded form (where
            /// a file can only be text) the content is written as base64.
            /// </remarks>
            {{GeneratedFile.GeneratedCodeAttribute}}
            public sealed class {{TypeName}}
            {
                private readonly long _start;
                private int _sent;

                /// <summary>A file read from <paramref name="content"/>.</summary>
                /// <param name="content">The bytes to send, read from the stream's current position to its end.</param>
                /// <param name="fileName">The file name the server sees (<c>Content-Disposition</c> of a multipart part); by default the property's name.</param>
                /// <param name="contentType">The media type sent, such as <c>image/png</c>; by default the one the spec names, else <c>application/octet-stream</c>.</param>
                public {{TypeName}}(global::System.IO.Stream content, string? fileName = null, string? contentType = null)
                {
                    Content = content ?? throw new ArgumentNullException(nameof(content));
                    if (!content.CanRead)
                    {
                        throw new ArgumentException("The stream of a file must be readable.", nameof(content));
                    }

                    FileName = fileName;
                    ContentType = contentType;
                    _start = content.CanSeek ? content.Position : -1;
                }

                /// <summary>A file of the given bytes (wrapped, not copied).</summary>
                /// <param name="content">The bytes to send.</param>
                /// <param name="fileName">The file name the server sees; by default the property's name.</param>
                /// <param name="contentType">The media type sent; by default the one the spec names, else <c>application/octet-stream</c>.</param>
                public {{TypeName}}(byte[] content, string? fileName = null, string? contentType = null)
                    : this(new global::System.IO.MemoryStream(content ?? throw new ArgumentNullException(nameof(content)), writable: false), fileName, contentType)
                {
                }

                /// <summary>The bytes of the file.</summary>
                public global::System.IO.Stream Content { get; }

                /// <summary>The file name sent, or null for the default (the property's name).</summary>
                public string? FileName { get; }

                /// <summary>The media type sent, or null for the default (the spec's, else <c>application/octet-stream</c>).</summary>
                public string? ContentType { get; }

                /// <inheritdoc/>
                public override string ToString() => (FileName ?? "(unnamed file)") + (ContentType is null ? string.Empty : " (" + ContentType + ")");

                /// <summary>The length to send, when the stream knows it.</summary>
                internal long? Length => _start >= 0 ? global::System.Math.Max(0, Content.Length - _start) : null;

                /// <summary>Puts the stream where the file starts; a non-seekable stream only the first time.</summary>
                internal void Rewind()
                {
                    if (_start >= 0)
                    {
                        Content.Position = _start;
                    }
                    else if (global::System.Threading.Interlocked.Exchange(ref _sent, 1) == 1)
                    {
                        throw AlreadySent();
                    }
                }

                private global::System.InvalidOperationException AlreadySent() =>
                    new global::System.InvalidOperationException("The file '" + (FileName ?? "(unnamed)") + "' has a stream that cannot seek and was already sent once; create a new FileUpload for each request.");

                /// <summary>The request content of this file: streamed, with <paramref name="defaultContentType"/> unless <see cref="ContentType"/> says otherwise.</summary>
                internal global::System.Net.Http.HttpContent ToHttpContent(string defaultContentType)
                {
                    if (_start < 0 && global::System.Threading.Volatile.Read(ref _sent) == 1)
                    {
                        throw AlreadySent();
                    }

                    var content = new StreamingContent(this);
                    var mediaType = ContentType ?? defaultContentType;
                    try
                    {
                        content.Headers.ContentType = global::System.Net.Http.Headers.MediaTypeHeaderValue.Parse(mediaType);
                    }
                    catch (global::System.FormatException exception)
                    {
                        content.Dispose();
                        throw new ArgumentException("The content type '" + mediaType + "' of the file '" + (FileName ?? "(unnamed)") + "' is not a valid media type.", exception);
                    }

                    return content;
                }

                /// <summary>Copies the file to the request stream in small buffers; leaves the caller's stream open.</summary>
                private sealed class StreamingContent : global::System.Net.Http.HttpContent
                {
                    private readonly {{TypeName}} _file;

                    public StreamingContent({{TypeName}} file) => _file = file;

                    protected override async global::System.Threading.Tasks.Task SerializeToStreamAsync(global::System.IO.Stream stream, global::System.Net.TransportContext? context)
                    {
                        _file.Rewind();
                        await _file.Content.CopyToAsync(stream, 81920).ConfigureAwait(false);
                    }

                    protected override bool TryComputeLength(out long length)
                    {
                        length = _file.Length ?? 0;
                        return _file.Length is not null;
                    }
                }
            }
            """);
        return GeneratedFile.End(writer);
    }

    /// <summary>JSON reading and writing of a file (base64, the only way JSON carries bytes), for the <c>{Client}Json</c> class.</summary>
    public static string JsonHelpers(string ns) => $$"""
        /// <summary>Reads a file sent inside JSON: a base64 string.</summary>
        internal static global::{{ns}}.{{TypeName}} Read{{TypeName}}(ref Json_.Utf8JsonReader reader)
        {
            if (reader.TokenType != Json_.JsonTokenType.String || !reader.TryGetBytesFromBase64(out var bytes))
            {
                throw Unexpected(ref reader, "a base64 string (a file inside JSON)");
            }

            return new global::{{ns}}.{{TypeName}}(bytes);
        }

        /// <summary>Writes a file inside JSON as a base64 string (JSON has no other way to carry bytes).</summary>
        internal static void Write{{TypeName}}(Json_.Utf8JsonWriter writer, global::{{ns}}.{{TypeName}} value)
        {
            value.Rewind();
            using var copy = new global::System.IO.MemoryStream();
            value.Content.CopyTo(copy);
            writer.WriteBase64StringValue(new global::System.ReadOnlySpan<byte>(copy.GetBuffer(), 0, (int)copy.Length));
        }
        """;
}
