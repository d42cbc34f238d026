using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Applivery.Generators.Tests.Infrastructure;

namespace Applivery.Generators.Tests;

/// <summary>
/// Every kind of request body of <c>Specs/features-bodies.yaml</c>, generated, compiled and sent to a real Kestrel
/// server: form fields byte for byte, multipart read back by ASP.NET Core's form reader, binary streamed, text.
/// </summary>
public class RequestBodyTests : IAsyncLifetime
{
    /// <summary>Compiled with the generated code: one call per operation, with the values the assertions expect.</summary>
    private const string Harness = """
        using System;
        using System.IO;
        using System.Net.Http;
        using System.Threading.Tasks;

        namespace Consumer
        {
            public static class BodiesHarness
            {
                private static BodiesClient Client(string baseAddress) =>
                    new BodiesClient(new HttpClient { BaseAddress = new Uri(baseAddress), Timeout = TimeSpan.FromMinutes(2) });

                public static Task SubmitFormAsync(string baseAddress) => Client(baseAddress).SubmitFormAsync(new FormFields
                {
                    Name = "Zoë & co = 100%+ ~ok",
                    Count = 3,
                    Price = 9.5,
                    Active = true,
                    When = new DateTimeOffset(2024, 3, 1, 10, 30, 0, TimeSpan.FromHours(2)),
                    Color = Color.DarkBlue,
                    Note = null,
                    Tags = new[] { "a b", "c/d" },
                    Ids = new[] { 1, 2, 3 },
                    Spaced = new[] { "x", "y z" },
                    Piped = new[] { "x", "y|z" },
                    Filter = new Rgb { R = 100, G = 200, B = 150 },
                    Point = new Rgb { R = 1, G = 2 },
                    Box = new Rgb { R = 1, G = 2, B = 3 },
                    Meta = new Metadata { Owner = "me", Size = 5 },
                    Raw = new[] { "p", "q" },
                });

                public static Task SubmitMoreFormAsync(string baseAddress) => Client(baseAddress).SubmitMoreFormAsync(new SubmitMoreFormRequest
                {
                    Nested = new SubmitMoreFormRequestNested { Inner = new Rgb { R = 1, G = 2 }, List = new[] { "a", "b&c" } },
                    SpacedBox = new Rgb { R = 1, G = 2, B = 3 },
                    PipedBox = new Rgb { R = 1, B = 3 },
                    Quoted = "say \"hi\"",
                    ListOfObjects = new[] { new Rgb { R = 1 }, new Rgb { G = 2 } },
                });

                public static Task SubmitMapFormAsync(string baseAddress) =>
                    Client(baseAddress).SubmitMapFormAsync(new System.Collections.Generic.Dictionary<string, string> { ["a b"] = "1", ["c"] = "x=y" });

                public static Task SubmitEmptyArraysAsync(string baseAddress) => Client(baseAddress).SubmitFormAsync(new FormFields
                {
                    Name = "n",
                    Tags = Array.Empty<string>(),
                    Ids = Array.Empty<int>(),
                });

                public static Task SubmitOptionalFormAsync(string baseAddress, string? q) =>
                    Client(baseAddress).SubmitOptionalFormAsync(q is null ? null : new SubmitOptionalFormRequest { Q = q });

                public static Task PreferJsonAsync(string baseAddress) => Client(baseAddress).PreferJsonAsync(new Metadata { Owner = "me", Size = 5 });

                public static Task PreferFirstSupportedAsync(string baseAddress) => Client(baseAddress).PreferFirstSupportedAsync(new Metadata { Owner = "me", Size = 5 });

                public static async Task<bool> UploadFilesAsync(string baseAddress)
                {
                    using var report = new MemoryStream(System.Text.Encoding.UTF8.GetBytes("first file\n"));
                    var unnamed = new byte[] { 0, 1, 2, 255 };
                    await Client(baseAddress).UploadFilesAsync(new UploadFilesRequest
                    {
                        Files = new[] { new FileUpload(report, "report \"Q1\".txt", "text/plain"), new FileUpload(unnamed) },
                        Avatar = new FileUpload(new byte[] { 137, 80, 78, 71 }, "me.png"),
                        Metadata = new Metadata { Owner = "Zoë", Size = 2 },
                        Title = "Quarterly report",
                        Count = 7,
                        When = new DateTimeOffset(2024, 3, 1, 10, 30, 0, TimeSpan.Zero),
                        Color = Color.DarkBlue,
                        Tags = new[] { "x", "y" },
                        Labels = new[] { "l1", "l2" },
                    });

                    // The caller owns the stream: it is still open.
                    return report.CanRead;
                }

                public static Task UploadLegacyAsync(string baseAddress) =>
                    Client(baseAddress).UploadLegacyAsync(new UploadLegacyRequest { Document = new FileUpload(new byte[] { 37, 80, 68, 70 }, "été.pdf") });

                public static Task PutBlobAsync(string baseAddress, byte[] bytes, string? contentType) =>
                    Client(baseAddress).PutBlobAsync("b1", new FileUpload(bytes, contentType: contentType));

                /// <summary>The same seekable upload sent twice: each time from where it started.</summary>
                public static async Task PutBlobTwiceAsync(string baseAddress)
                {
                    using var stream = new MemoryStream(new byte[] { 9, 9, 1, 2, 3 });
                    stream.Position = 2;
                    var upload = new FileUpload(stream);
                    var client = Client(baseAddress);
                    await client.PutBlobAsync("b1", upload);
                    await client.PutBlobAsync("b1", upload);
                }

                public static async Task<string> PutOneWayStreamTwiceAsync(string baseAddress)
                {
                    var upload = new FileUpload(new GeneratedStream(10));
                    var client = Client(baseAddress);
                    await client.PutBlobAsync("b1", upload);
                    try
                    {
                        await client.PutBlobAsync("b1", upload);
                        return "sent twice";
                    }
                    catch (InvalidOperationException exception)
                    {
                        return exception.Message;
                    }
                }

                public static Task PutLargeBlobAsync(string baseAddress, long length) =>
                    Client(baseAddress).PutBlobAsync("big", new FileUpload(new GeneratedStream(length), "big.bin"));

                public static Task PostImageAsync(string baseAddress, string? contentType) =>
                    Client(baseAddress).PostImageAsync(new FileUpload(new byte[] { 137, 80, 78, 71 }, contentType: contentType));

                public static Task PostNoteAsync(string baseAddress, string note) => Client(baseAddress).PostNoteAsync(note);

                public static Task PostAttachmentAsync(string baseAddress) =>
                    Client(baseAddress).PostAttachmentAsync(new Attachment { Name = "a", Data = new FileUpload(new byte[] { 1, 2, 3, 250 }) });

                public static string RoundTripAttachment(string json)
                {
                    var attachment = BodiesClientJson.Parse(System.Text.Encoding.UTF8.GetBytes(json), BodiesClientJson.ReadAttachment);
                    return System.Text.Encoding.UTF8.GetString(BodiesClientJson.Serialize(attachment, BodiesClientJson.WriteAttachment));
                }
            }

            /// <summary>A non-seekable source of deterministic bytes (byte i is i * 31 + 7), never held in memory.</summary>
            public sealed class GeneratedStream : Stream
            {
                private readonly long _length;
                private long _position;

                public GeneratedStream(long length) => _length = length;

                public override bool CanRead => true;
                public override bool CanSeek => false;
                public override bool CanWrite => false;
                public override long Length => throw new NotSupportedException();
                public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

                public override int Read(byte[] buffer, int offset, int count)
                {
                    var n = (int)Math.Min(count, _length - _position);
                    for (var i = 0; i < n; i++)
                    {
                        buffer[offset + i] = (byte)((_position + i) * 31 + 7);
                    }

                    _position += n;
                    return n;
                }

                public override void Flush() { }
                public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
                public override void SetLength(long value) => throw new NotSupportedException();
                public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
            }
        }
        """;

    private static readonly Lazy<GeneratorRun> Run = new(() => GeneratorRun.Run(new[] { FeatureSpec() }, csharpSources: new[] { Harness }));

    internal static readonly Lazy<CompiledAssembly> Assembly = new(() => CompiledAssembly.Load(Run.Value.Output));

    private LoopbackServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static SpecFile FeatureSpec() =>
        new("/project/spec/features-bodies.yaml", File.ReadAllText(Path.Combine(RepositoryPaths.TestProject, "Specs", "features-bodies.yaml")));

    private async Task<object?> CallAsync(string method, params object?[] arguments)
    {
        var task = (Task)Assembly.Value.Call("Consumer.BodiesHarness", method, new object?[] { _server.BaseAddress }.Concat(arguments).ToArray())!;
        await task;
        return task.GetType().GetProperty("Result")?.GetValue(task);
    }

    [Fact]
    public void TheFeatureSpecGeneratesTheApprovedSources()
    {
        GeneratedSnapshots.Verify(GeneratorRun.Run(FeatureSpec()), "FeatureBodies");
    }

    [Theory]
    [InlineData(TargetFramework.Net100)]
    [InlineData(TargetFramework.Net80)]
    [InlineData(TargetFramework.NetStandard20)]
    public void TheFeatureSpecCompilesWithoutWarnings(TargetFramework framework)
    {
        var run = GeneratorRun.Run(FeatureSpec(), framework);

        var diagnostics = run.CompilationDiagnostics();
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
    }

    [Fact]
    public async Task AFormBodyIsSentWithEveryEncodingStyleByteForByte()
    {
        CapturedBody? body = null;
        _server.Respond = RequestBodyCapture.Raw(received => body = received);

        await CallAsync("SubmitFormAsync");

        Assert.Equal("application/x-www-form-urlencoded", body!.ContentType);
        var expected = string.Join("&",
            "name=Zo%C3%AB+%26+co+%3D+100%25%2B+~ok",                    // UTF-8, space as '+', reserved characters escaped
            "count=3",
            "price=9.5",
            "active=true",
            "when=2024-03-01T10%3A30%3A00%2B02%3A00",                     // RFC 3339, invariant
            "color=dark+blue",                                           // the enum's wire value
            "tags=a+b&tags=c%2Fd",                                       // array: form, exploded (the default)
            "ids=1,2,3",                                                 // form, explode: false
            "spaced=x%20y+z",                                            // spaceDelimited
            "piped=x%7Cy%7Cz",                                           // pipeDelimited (a '|' in an item is escaped the same way)
            "filter%5BR%5D=100&filter%5BG%5D=200&filter%5BB%5D=150",     // deepObject
            "R=1&G=2",                                                   // object, form, exploded: its properties are fields
            "box=R,1,G,2,B,3",                                           // object, form, explode: false
            "meta=%7B%22owner%22%3A%22me%22%2C%22size%22%3A5%7D",        // object without an encoding entry: JSON
            "raw=%5B%22p%22%2C%22q%22%5D");                              // contentType: application/json
        Assert.Equal(expected, body.Text);                               // note (null) is left out
        Assert.Equal(expected.Length, body.ContentLength);
    }

    [Fact]
    public async Task DeepObjectsNestDelimitedObjectsAlternateNamesAndValuesAndJsonFieldsKeepTheirQuotes()
    {
        CapturedBody? body = null;
        _server.Respond = RequestBodyCapture.Raw(received => body = received);

        await CallAsync("SubmitMoreFormAsync");

        Assert.Equal(string.Join("&",
            "nested%5Binner%5D%5BR%5D=1&nested%5Binner%5D%5BG%5D=2&nested%5Blist%5D%5B0%5D=a&nested%5Blist%5D%5B1%5D=b%26c",
            "spacedBox=R%201%20G%202%20B%203",
            "pipedBox=R%7C1%7CB%7C3",
            "quoted=%22say+%5C%22hi%5C%22%22",
            "listOfObjects=%7B%22R%22%3A1%7D&listOfObjects=%7B%22G%22%3A2%7D"), body!.Text);
    }

    [Fact]
    public async Task AMapFormBodySendsOneFieldPerEntry()
    {
        CapturedBody? body = null;
        _server.Respond = RequestBodyCapture.Raw(received => body = received);

        await CallAsync("SubmitMapFormAsync");

        Assert.Equal("a+b=1&c=x%3Dy", body!.Text);
    }

    [Theory]
    [InlineData("th-TH")]
    [InlineData("ar-SA")]
    public async Task FormAndMultipartValuesAreInvariantWhateverTheCulture(string culture)
    {
        CapturedBody? body = null;
        ReceivedForm? form = null;
        var original = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo(culture);
        try
        {
            _server.Respond = RequestBodyCapture.Raw(received => body = received);
            await CallAsync("SubmitFormAsync");
            _server.Respond = RequestBodyCapture.Form(received => form = received);
            await CallAsync("UploadFilesAsync");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = original;
        }

        Assert.Contains("&price=9.5&", body!.Text, StringComparison.Ordinal);
        Assert.Contains("&when=2024-03-01T10%3A30%3A00%2B02%3A00&", body.Text, StringComparison.Ordinal);
        Assert.Equal(new[] { "2024-03-01T10:30:00+00:00" }, form!.Fields["when"]);
        Assert.Equal(new[] { "7" }, form.Fields["count"]);
    }

    [Fact]
    public async Task EmptyArraysInAFormAreSentAsEmptyValues()
    {
        CapturedBody? body = null;
        _server.Respond = RequestBodyCapture.Raw(received => body = received);

        await CallAsync("SubmitEmptyArraysAsync");

        Assert.Equal("name=n&tags=&ids=", body!.Text);
    }

    [Fact]
    public async Task AnOptionalFormBodyLeftOutSendsNoContent()
    {
        CapturedBody? body = null;
        _server.Respond = RequestBodyCapture.Raw(received => body = received);

        await CallAsync("SubmitOptionalFormAsync", (string?)null);
        Assert.Empty(body!.Bytes);
        Assert.Null(body.ContentType);

        await CallAsync("SubmitOptionalFormAsync", "x y");
        Assert.Equal("q=x+y", body!.Text);
    }

    [Fact]
    public async Task JsonWinsWhenOfferedAndOtherwiseTheFirstMediaTypeThatCanBeSent()
    {
        CapturedBody? body = null;
        _server.Respond = RequestBodyCapture.Raw(received => body = received);

        await CallAsync("PreferJsonAsync");
        Assert.Equal("application/json", body!.ContentType);
        Assert.Equal("{\"owner\":\"me\",\"size\":5}", body.Text);

        await CallAsync("PreferFirstSupportedAsync");
        Assert.Equal("application/x-www-form-urlencoded", body!.ContentType);
        Assert.Equal("owner=me&size=5", body.Text);
    }

    [Fact]
    public void ABodyNoMediaTypeOfWhichCanBeSentSkipsTheOperationWithAnApg005AtItsLine()
    {
        var diagnostic = Assert.Single(Run.Value.GeneratorDiagnostics);
        Assert.Equal("APG005", diagnostic.Id);
        var line = File.ReadAllLines(Path.Combine(RepositoryPaths.TestProject, "Specs", "features-bodies.yaml"))[diagnostic.Location.GetLineSpan().StartLinePosition.Line];
        Assert.Equal("application/xml:", line.Trim());
        Assert.Contains("PostXml as 'application/xml'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Null(Assembly.Value.Type("Consumer.BodiesClient").GetMethod("PostXmlAsync"));
        Assert.NotNull(Assembly.Value.Type("Consumer.BodiesClient").GetMethod("PreferFirstSupportedAsync"));
    }

    [Fact]
    public void WhatIsNotSentIsADiagnosticAtItsLine()
    {
        const string Spec = """
            openapi: 3.0.3
            info: { title: Odd, version: '1' }
            paths:
              /a:
                post:
                  operationId: mixedOnly
                  requestBody:
                    content:
                      multipart/mixed:
                        schema: { type: object, properties: { a: { type: string } } }
                      application/xml:
                        schema: { type: object, properties: { a: { type: string } } }
                  responses: { '204': { description: ok } }
              /b:
                post:
                  operationId: partOptions
                  requestBody:
                    content:
                      multipart/form-data:
                        schema: { type: object, properties: { a: { type: array, items: { type: string } }, f: { type: string, format: binary } } }
                        encoding:
                          a: { style: spaceDelimited }
                          f: { headers: { X-Rate: { schema: { type: integer } } } }
                  responses: { '204': { description: ok } }
              /c:
                post:
                  operationId: oddStyle
                  requestBody:
                    content:
                      application/x-www-form-urlencoded:
                        schema: { type: object, properties: { a: { type: array, items: { type: string } } } }
                        encoding:
                          a: { style: matrix }
                  responses: { '204': { description: ok } }
            """;
        var run = GeneratorRun.Run(new SpecFile("/project/spec/odd.yaml", Spec));

        var found = run.GeneratorDiagnostics
            .Select(diagnostic => $"{diagnostic.Id} {diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1}: {diagnostic.GetMessage()}")
            .ToList();
        Assert.Collection(
            found,
            line => Assert.Equal("APG005 9: The request body of MixedOnly as 'multipart/mixed' is not supported yet: only multipart/form-data (named parts) can be sent, not this kind of multipart; no media type of the body can be sent, so the operation is skipped", line),
            line => Assert.Equal("APG005 11: The request body of MixedOnly as 'application/xml' is not supported yet: only JSON, form, multipart, binary and text bodies can be sent, and this one has a structured (non-string) schema; no media type of the body can be sent, so the operation is skipped", line),
            line => Assert.Equal("APG005 22: The style of the part 'a' of PartOptions's multipart body is not supported yet: each array item is sent as a part of its own and an object as a JSON part", line),
            line => Assert.Equal("APG005 23: 'headers' of the part 'f' of PartOptions's body is not supported yet: the part is sent without them", line),
            line => Assert.Equal("APG011 33: 'style of the form field 'a'' has the invalid value 'matrix': expected form, spaceDelimited, pipeDelimited or deepObject (form is used); it is ignored", line));
        Assert.True(run.CompilationDiagnostics().Count == 0, string.Join("\n", run.CompilationDiagnostics()));
        var client = run.Source(".OddClient.g.cs");
        Assert.DoesNotContain("MixedOnlyAsync", client, StringComparison.Ordinal);
        Assert.Contains("PartOptionsAsync", client, StringComparison.Ordinal);
        Assert.Contains("OddStyleAsync", client, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMultipartUploadWithTwoFilesAndAJsonPartIsReadBackByAspNetCoresFormReader()
    {
        ReceivedForm? form = null;
        _server.Respond = RequestBodyCapture.Form(received => form = received);

        var streamStillOpen = await CallAsync("UploadFilesAsync");

        Assert.Equal(true, streamStillOpen);
        Assert.StartsWith("multipart/form-data; boundary=----applivery-", form!.ContentType, StringComparison.Ordinal);
        Assert.DoesNotContain("boundary=\"", form.ContentType, StringComparison.Ordinal);

        Assert.Collection(
            form.Files,
            file => Assert.Equal(("files", "report %22Q1%22.txt", "text/plain", "first file\n"), (file.Name, file.FileName, file.ContentType, System.Text.Encoding.UTF8.GetString(file.Bytes))),
            file => Assert.Equal(("files", "files", "application/octet-stream", "00-01-02-FF"), (file.Name, file.FileName, file.ContentType, BitConverter.ToString(file.Bytes))),
            file => Assert.Equal(("avatar", "me.png", "image/png", "89-50-4E-47"), (file.Name, file.FileName, file.ContentType, BitConverter.ToString(file.Bytes))));

        Assert.Equal(new[] { "{\"owner\":\"Zoë\",\"size\":2}" }, form.Fields["metadata"]);
        Assert.Equal(new[] { "Quarterly report" }, form.Fields["title"]);
        Assert.Equal(new[] { "7" }, form.Fields["count"]);
        Assert.Equal(new[] { "2024-03-01T10:30:00+00:00" }, form.Fields["when"]);
        Assert.Equal(new[] { "dark blue" }, form.Fields["color"]);
        Assert.Equal(new[] { "x", "y" }, form.Fields["tags"]);
        Assert.Equal(new[] { "[\"l1\",\"l2\"]" }, form.Fields["labels"]);
        Assert.False(form.Fields.ContainsKey("description"));

        // Part headers: every file has a quoted file name; JSON parts say so; text parts have no Content-Type.
        Assert.Contains("Content-Disposition: form-data; name=\"metadata\"\r\nContent-Type: application/json\r\n", Headers(form.Raw));
        Assert.Contains("Content-Disposition: form-data; name=\"labels\"\r\nContent-Type: application/json\r\n", Headers(form.Raw));
        Assert.Contains("Content-Disposition: form-data; name=\"title\"\r\n\r\n", form.Raw);
        Assert.Contains("Content-Disposition: form-data; name=\"files\"; filename=\"files\"", form.Raw);
    }

    /// <summary>The part headers of a raw multipart body with the boundary lines normalized, to match in any order of headers.</summary>
    private static string Headers(string raw) => raw.Replace("Content-Type: application/json\r\nContent-Disposition: form-data; name=\"metadata\"", "Content-Disposition: form-data; name=\"metadata\"\r\nContent-Type: application/json")
        .Replace("Content-Type: application/json\r\nContent-Disposition: form-data; name=\"labels\"", "Content-Disposition: form-data; name=\"labels\"\r\nContent-Type: application/json");

    [Fact]
    public async Task ApplicationFormDataIsMultipartWithTheSpecsMediaTypeAndANonAsciiFileNameKeepsAnAsciiFallback()
    {
        ReceivedForm? form = null;
        _server.Respond = RequestBodyCapture.Raw(received => form = new ReceivedForm(received.ContentType, new System.Collections.Generic.Dictionary<string, string[]>(), Array.Empty<ReceivedFile>(), received.Text));

        await CallAsync("UploadLegacyAsync");

        Assert.StartsWith("application/form-data; boundary=----applivery-", form!.ContentType, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/pdf", form.Raw, StringComparison.Ordinal);    // the schema's contentMediaType
        Assert.Contains("name=\"document\"; filename=\"_t_.pdf\"; filename*=utf-8''%C3%A9t%C3%A9.pdf", form.Raw, StringComparison.Ordinal);
        Assert.Contains("%PDF", form.Raw, StringComparison.Ordinal);

        // ASP.NET Core's form reader only reads a multipart/* Content-Type, so the test server renames the media type;
        // the reader then takes filename* over the fallback: the server sees the name the caller gave.
        var readForm = RequestBodyCapture.Form(received => form = received);
        _server.Respond = context =>
        {
            context.Request.ContentType = context.Request.ContentType!.Replace("application/form-data", "multipart/form-data", StringComparison.Ordinal);
            return readForm(context);
        };
        await CallAsync("UploadLegacyAsync");
        var file = Assert.Single(form!.Files);
        Assert.Equal(("document", "été.pdf", "application/pdf"), (file.Name, file.FileName, file.ContentType));
    }

    [Theory]
    [InlineData(null, "application/octet-stream")]
    [InlineData("application/x-custom", "application/x-custom")]
    public async Task AnOctetStreamBodyIsTheExactBytesWithTheSpecsMediaTypeUnlessTheFileNamesOne(string? contentType, string expected)
    {
        CapturedBody? body = null;
        _server.Respond = RequestBodyCapture.Raw(received => body = received);

        await CallAsync("PutBlobAsync", new byte[] { 0, 1, 2, 3, 254, 255 }, contentType);

        Assert.Equal(expected, body!.ContentType);
        Assert.Equal(new byte[] { 0, 1, 2, 3, 254, 255 }, body.Bytes);
        Assert.Equal(6, body.ContentLength);
    }

    [Fact]
    public async Task ASeekableUploadIsSentWholeEachTimeFromWhereItStarted()
    {
        var bodies = new System.Collections.Concurrent.ConcurrentQueue<CapturedBody>();
        _server.Respond = RequestBodyCapture.Raw(bodies.Enqueue);

        await CallAsync("PutBlobTwiceAsync");

        Assert.Equal(2, bodies.Count);
        Assert.All(bodies, body => Assert.Equal(new byte[] { 1, 2, 3 }, body.Bytes));
    }

    [Fact]
    public async Task ANonSeekableUploadIsSentOnceAndASecondSendSaysWhy()
    {
        var bodies = new System.Collections.Concurrent.ConcurrentQueue<CapturedBody>();
        _server.Respond = RequestBodyCapture.Raw(bodies.Enqueue);

        var outcome = (string)(await CallAsync("PutOneWayStreamTwiceAsync"))!;

        Assert.Contains("cannot seek and was already sent once", outcome, StringComparison.Ordinal);
        Assert.Equal(10, Assert.Single(bodies).Bytes.Length);
    }

    [Theory]
    [InlineData(null, "image/png")]
    [InlineData("image/x-icon", "image/x-icon")]
    public async Task AnImageBodyIsSentWithTheSpecsMediaType(string? contentType, string expected)
    {
        CapturedBody? body = null;
        _server.Respond = RequestBodyCapture.Raw(received => body = received);

        await CallAsync("PostImageAsync", contentType);

        Assert.Equal(expected, body!.ContentType);
        Assert.Equal(new byte[] { 137, 80, 78, 71 }, body.Bytes);
    }

    [Fact]
    public async Task ATextBodyIsAStringSentAsUtf8()
    {
        CapturedBody? body = null;
        _server.Respond = RequestBodyCapture.Raw(received => body = received);

        await CallAsync("PostNoteAsync", "héllo\nwörld ✓");

        Assert.Equal("text/plain; charset=utf-8", body!.ContentType);
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes("héllo\nwörld ✓"), body.Bytes);
    }

    [Fact]
    public async Task ABinaryPropertyInsideJsonIsBase64BothWays()
    {
        CapturedBody? body = null;
        _server.Respond = RequestBodyCapture.Raw(received => body = received);

        await CallAsync("PostAttachmentAsync");

        Assert.Equal("{\"name\":\"a\",\"data\":\"AQID+g==\"}", body!.Text);
        Assert.Equal("{\"name\":\"a\",\"data\":\"AQID+g==\"}", Assembly.Value.Call("Consumer.BodiesHarness", "RoundTripAttachment", "{\"name\":\"a\",\"data\":\"AQID+g==\"}"));
        var failure = Assert.ThrowsAny<System.Text.Json.JsonException>(() => Assembly.Value.Call("Consumer.BodiesHarness", "RoundTripAttachment", "{\"name\":\"a\",\"data\":\"not base64!\"}"));
        Assert.Contains("$.data", failure.Message, StringComparison.Ordinal);
        Assert.Contains("base64", failure.Message, StringComparison.Ordinal);
    }
}

/// <summary>
/// The 50 MB upload on its own, not in parallel with other tests: what it allocates is measured for the whole process.
/// </summary>
[Collection(nameof(LargeUploadTests))]
public class LargeUploadTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task CallAsync(string method, params object?[] arguments) =>
        await (Task)RequestBodyTests.Assembly.Value.Call("Consumer.BodiesHarness", method, new object?[] { _server.BaseAddress }.Concat(arguments).ToArray())!;

    [Fact]
    public async Task A50MegabyteUploadFromANonSeekableStreamIsStreamedNotBuffered()
    {
        const long Length = 50L * 1024 * 1024;
        StreamedBody? body = null;
        _server.Respond = RequestBodyCapture.Streamed(received => body = received);
        await CallAsync("PutBlobAsync", new byte[] { 1 }, null); // warm up the client, the server and the JIT

        var before = GC.GetTotalAllocatedBytes(precise: true);
        await CallAsync("PutLargeBlobAsync", Length);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(Length, body!.Length);
        Assert.Equal(ExpectedSha256(Length), body.Sha256);
        Assert.Null(body.ContentLength);                     // no length known: sent chunked, as it was read
        Assert.Equal("chunked", body.TransferEncoding);
        Assert.Equal("application/octet-stream", body.ContentType);
        Assert.True(allocated < 16L * 1024 * 1024, $"{allocated:N0} bytes were allocated to send {Length:N0} bytes");
    }

    private static string ExpectedSha256(long length)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var chunk = new byte[81920];
        for (long position = 0; position < length; position += chunk.Length)
        {
            var n = (int)Math.Min(chunk.Length, length - position);
            for (var i = 0; i < n; i++)
            {
                chunk[i] = (byte)((position + i) * 31 + 7);
            }

            hash.AppendData(chunk, 0, n);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}

/// <summary>Memory is measured process-wide, so nothing else may run beside <see cref="LargeUploadTests"/>.</summary>
[CollectionDefinition(nameof(LargeUploadTests), DisableParallelization = true)]
public sealed class LargeUploadCollection
{
}
