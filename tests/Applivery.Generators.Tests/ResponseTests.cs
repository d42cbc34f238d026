using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Applivery.Generators.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Applivery.Generators.Tests;

/// <summary>Issue 8's responses: binary and text bodies, several 2xx, empty successes and the Accept header, called at Kestrel.</summary>
public class ResponseTests
{
    /// <summary>Compiled with the generated code: calls one operation and describes what came back, one fact per field.</summary>
    private const string Harness = """
        using System;
        using System.IO;
        using System.Linq;
        using System.Net.Http;
        using System.Threading.Tasks;

        namespace Consumer
        {
            public static class ResponseHarness
            {
                private static ResponsesFeaturesClient Client(string baseAddress, long maxResponseBodySize = 256L * 1024 * 1024) =>
                    new ResponsesFeaturesClient(new HttpClient { BaseAddress = new Uri(baseAddress) }) { MaxResponseBodySize = maxResponseBodySize };

                public static async Task<string> CallAsync(string baseAddress, string operation, long maxResponseBodySize)
                {
                    var client = Client(baseAddress, maxResponseBodySize);
                    try
                    {
                        switch (operation)
                        {
                            case "downloadFile":
                                using (var file = await client.DownloadFileAsync("f 1"))
                                {
                                    return await DescribeAsync(file);
                                }
                            case "getAvatar":
                                using (var avatar = await client.GetAvatarAsync())
                                {
                                    return await DescribeAsync(avatar);
                                }
                            case "getAnything":
                                await using (var anything = await client.GetAnythingAsync())
                                {
                                    return await DescribeAsync(anything);
                                }
                            case "getReport":
                                return "text=" + await client.GetReportAsync();
                            case "getGreeting":
                                return "text=" + await client.GetGreetingAsync();
                            case "createJob":
                                var job = await client.CreateJobAsync();
                                return "status=" + job.StatusCode + " ok=" + (job.Ok?.Id ?? "null") + "/" + (job.Ok?.State ?? "null") + " accepted=" + (job.Accepted?.TicketValue ?? "null");
                            case "getExport":
                                using (var export = await client.GetExportAsync("e1"))
                                {
                                    return "status=" + export.StatusCode + " ok=" + (export.Ok?.Id ?? "null") + " partial=" + (export.PartialContent is null ? "null" : await DescribeAsync(export.PartialContent));
                                }
                            case "findThing":
                                var thing = await client.FindThingAsync("t1");
                                return thing is null ? "null" : "id=" + thing.Id;
                            case "deleteThing":
                                await client.DeleteThingAsync("t1");
                                return "deleted";
                            case "getCount":
                                var count = await client.GetCountAsync();
                                return count is null ? "null" : "count=" + count.Value;
                            case "ping":
                                await client.PingAsync();
                                return "pong";
                            case "checkFile":
                                await client.CheckFileAsync("f1");
                                return "exists";
                            case "getJob":
                                return "id=" + (await client.GetJobAsync("j1")).Id;
                            default:
                                throw new ArgumentException(operation);
                        }
                    }
                    catch (ResponsesFeaturesClientException exception)
                    {
                        return "exception status=" + exception.StatusCode + " body=" + exception.ResponseBody + " typed=" + exception.Body?.GetType().Name + " code=" + exception.ErrorCode + " message=" + exception.Message;
                    }
                }

                /// <summary>Reads the first bytes, lets the server send the rest, then reads to the end.</summary>
                public static async Task<string> ReadInTwoPartsAsync(string baseAddress, int firstPart, Action sendRest)
                {
                    using var file = await Client(baseAddress).GetBigFileAsync();
                    var buffer = new byte[firstPart];
                    var read = 0;
                    while (read < firstPart)
                    {
                        var count = await file.Content.ReadAsync(buffer, read, firstPart - read);
                        if (count == 0)
                        {
                            return "ended early after " + read;
                        }

                        read += count;
                    }

                    sendRest();
                    using var rest = new MemoryStream();
                    await file.Content.CopyToAsync(rest);
                    return "first=" + read + " rest=" + rest.Length;
                }

                /// <summary>Streams a download through one small buffer: the bytes counted and summed, nothing kept.</summary>
                public static async Task<long[]> StreamBigFileAsync(string baseAddress)
                {
                    using var file = await Client(baseAddress).GetBigFileAsync();
                    var buffer = new byte[64 * 1024];
                    long total = 0;
                    long sum = 0;
                    int count;
                    while ((count = await file.Content.ReadAsync(buffer, 0, buffer.Length)) > 0)
                    {
                        total += count;
                        for (var i = 0; i < count; i++)
                        {
                            sum += buffer[i];
                        }
                    }

                    return new[] { total, sum, file.ContentLength ?? -1 };
                }

                private static async Task<string> DescribeAsync(FileDownload file)
                {
                    using var copy = new MemoryStream();
                    await file.Content.CopyToAsync(copy);
                    return "status=" + file.StatusCode + " type=" + file.ContentType + " length=" + file.ContentLength + " name=" + (file.FileName ?? "null") + " bytes=" + Convert.ToHexString(copy.ToArray());
                }
            }
        }
        """;

    private static readonly Lazy<CompiledAssembly> Assembly = new(() => CompiledAssembly.Load(GeneratorRun.Run(new[] { Spec }, csharpSources: new[] { Harness }).Output));

    internal static SpecFile Spec => new("/project/spec/features-responses.yaml", File.ReadAllText(Path.Combine(RepositoryPaths.TestProject, "Specs", "features-responses.yaml")));

    internal static CompiledAssembly Compiled => Assembly.Value;

    [Fact]
    public void TheGeneratedCodeMatchesTheSnapshot() => GeneratedSnapshots.Verify(GeneratorRun.Run(Spec), "FeatureResponses");

    [Theory]
    [InlineData(TargetFramework.Net100)]
    [InlineData(TargetFramework.Net80)]
    [InlineData(TargetFramework.NetStandard20)]
    public void ItCompilesWithoutAWarningOnEveryFramework(TargetFramework framework)
    {
        var run = GeneratorRun.Run(Spec, framework);
        Assert.Empty(run.GeneratorDiagnostics);
        var diagnostics = run.CompilationDiagnostics();
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
    }

    [Fact]
    public void EachOperationReturnsTheShapeItsResponsesDeclare()
    {
        var client = Compiled.Type("Consumer.IResponsesFeaturesClient");
        string Returns(string method) => client.GetMethod(method)!.ReturnType.ToString();
        Assert.Equal("System.Threading.Tasks.Task`1[Consumer.FileDownload]", Returns("DownloadFileAsync"));
        Assert.Equal("System.Threading.Tasks.Task`1[Consumer.FileDownload]", Returns("GetAvatarAsync"));
        Assert.Equal("System.Threading.Tasks.Task`1[Consumer.FileDownload]", Returns("GetAnythingAsync"));
        Assert.Equal("System.Threading.Tasks.Task`1[System.String]", Returns("GetReportAsync"));
        Assert.Equal("System.Threading.Tasks.Task`1[System.String]", Returns("GetGreetingAsync"));
        Assert.Equal("System.Threading.Tasks.Task`1[Consumer.CreateJobResult]", Returns("CreateJobAsync"));
        Assert.Equal("System.Threading.Tasks.Task`1[Consumer.GetExportResult]", Returns("GetExportAsync"));
        Assert.Equal("System.Threading.Tasks.Task`1[Consumer.Job]", Returns("FindThingAsync"));
        Assert.Equal("System.Threading.Tasks.Task", Returns("DeleteThingAsync"));
        Assert.Equal("System.Threading.Tasks.Task`1[System.Nullable`1[System.Int32]]", Returns("GetCountAsync"));
        Assert.Equal("System.Threading.Tasks.Task", Returns("PingAsync"));
        Assert.Equal("System.Threading.Tasks.Task", Returns("CheckFileAsync"));
        Assert.Equal("System.Threading.Tasks.Task`1[Consumer.Job]", Returns("GetJobAsync"));

        // A 204 is declared beside the 200: the Job may be null, and the annotation says so.
        var findThing = new System.Reflection.NullabilityInfoContext().Create(client.GetMethod("FindThingAsync")!.ReturnParameter);
        Assert.Equal(System.Reflection.NullabilityState.Nullable, findThing.GenericTypeArguments[0].ReadState);
        var getJob = new System.Reflection.NullabilityInfoContext().Create(client.GetMethod("GetJobAsync")!.ReturnParameter);
        Assert.Equal(System.Reflection.NullabilityState.NotNull, getJob.GenericTypeArguments[0].ReadState);
        Assert.True(typeof(IAsyncDisposable).IsAssignableFrom(Compiled.Type("Consumer.FileDownload")));
        Assert.True(typeof(IDisposable).IsAssignableFrom(Compiled.Type("Consumer.GetExportResult")));
        Assert.False(typeof(IDisposable).IsAssignableFrom(Compiled.Type("Consumer.CreateJobResult")));
    }

    [Fact]
    public void TwoClientsInOneNamespaceShareOneFileDownloadAndClaimTheirResultTypes()
    {
        const string Photos = """
            openapi: 3.0.3
            info: { title: Photos, version: '1' }
            paths:
              /photos/{id}:
                get:
                  operationId: getPhoto
                  parameters:
                    - { name: id, in: path, required: true, schema: { type: string } }
                  responses:
                    '200': { description: The photo., content: { image/jpeg: {} } }
                    '202': { description: Still rendering., content: { application/json: { schema: { type: object, properties: { eta: { type: integer } } } } } }
            """;

        var run = GeneratorRun.Run(new[] { Spec, new SpecFile("/project/spec/photos.yaml", Photos) });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Single(run.Sources, source => source.HintName == "Consumer.FileDownload.g.cs");
        Assert.Contains(run.Sources, source => source.HintName == "Consumer.PhotosClient.GetPhotoResult.g.cs");
        Assert.Empty(run.CompilationDiagnostics());

        // The same spec twice in one namespace: the copy is APG010, never a second FileDownload or CreateJobResult.
        var copies = GeneratorRun.Run(new[] { Spec, Spec with { Path = "/project/spec/copy.yaml", Metadata = new System.Collections.Generic.Dictionary<string, string> { ["ClientName"] = "CopyClient" } } });
        Assert.Contains(copies.GeneratorDiagnostics, diagnostic => diagnostic.Id == "APG010");
        Assert.Single(copies.Sources, source => source.HintName.EndsWith(".CreateJobResult.g.cs", StringComparison.Ordinal));
        Assert.Empty(copies.CompilationDiagnostics());

        var own = Spec with { Metadata = new System.Collections.Generic.Dictionary<string, string> { ["Namespace"] = "Consumer.First" } };
        var other = Spec with { Path = "/project/spec/second.yaml", Metadata = new System.Collections.Generic.Dictionary<string, string> { ["Namespace"] = "Consumer.Second" } };
        var sideBySide = GeneratorRun.Run(new[] { own, other });
        Assert.Empty(sideBySide.GeneratorDiagnostics);
        Assert.Single(sideBySide.Sources, source => source.HintName == "Consumer.First.FileDownload.g.cs");
        Assert.Single(sideBySide.Sources, source => source.HintName == "Consumer.Second.FileDownload.g.cs");
        Assert.Empty(sideBySide.CompilationDiagnostics());
    }

    [Fact]
    public void TheModelSaysHowEachResponseIsRead()
    {
        var result = Model.ClientSpecBuilder.Build(new Model.SpecInput(Spec.Path, Spec.Text, "Consumer", null, null, null, false), System.Threading.CancellationToken.None)!;
        var operations = result.Client!.Operations.ToDictionary(operation => operation.OperationId);
        string Describe(string operationId) => string.Join(" ", operations[operationId].Responses.Select(response =>
            $"{response.StatusCode}:{response.BodyKind}:{response.ContentType ?? "-"}:{response.Type?.Name ?? response.Type?.Kind.ToString() ?? "-"}:{response.ResultTypeName ?? "-"}.{response.ResultPropertyName ?? "-"}[{string.Join(",", response.MediaTypes)}]"));

        Assert.Equal("200:Binary:application/octet-stream:-:-.-[application/octet-stream] 404:Json:application/json:Error:-.-[application/json]", Describe("downloadFile"));
        Assert.Equal("200:None:-:-:-.-[application/octet-stream]", Describe("checkFile"));
        Assert.Equal("200:Binary:*/*:-:-.-[*/*]", Describe("getAnything"));
        Assert.Equal("200:Text:text/csv:-:-.-[text/csv]", Describe("getReport"));
        Assert.Equal("200:Json:application/json:Job:CreateJobResult.Ok[application/json] 202:Json:application/json:Ticket:CreateJobResult.Accepted[application/json] 204:None:-:-:CreateJobResult.-[]", Describe("createJob"));
        Assert.Equal("204:None:-:-:-.-[application/json] default:Json:application/problem+json:Error:-.-[application/problem+json,text/html]", Describe("deleteThing"));
        Assert.Equal("200:Json:application/json:Job:-.-[application/xml,application/json] 404:Json:application/json:Error:-.-[application/json] 503:Json:application/json:Error:-.-[application/json]", Describe("getJob"));
        Assert.Equal("200:Json:application/json:Int32:-.-[application/json] 204:None:-:-:-.-[]", Describe("getCount"));
    }

    [Theory]
    [InlineData("downloadFile", "application/octet-stream, application/json")]
    [InlineData("getAvatar", "image/png")]
    [InlineData("getAnything", "*/*")]
    [InlineData("getReport", "text/csv")]
    [InlineData("getGreeting", "text/plain")]
    [InlineData("createJob", "application/json")]
    [InlineData("getExport", "application/json, application/octet-stream")]
    [InlineData("deleteThing", "application/problem+json, text/html")]
    [InlineData("getJob", "application/json")]
    [InlineData("ping", null)]
    public async Task TheAcceptHeaderListsWhatTheResponsesDeclare(string operation, string? accept)
    {
        var seen = new ConcurrentQueue<string?>();
        await using var server = await LoopbackServer.StartAsync();
        server.Respond = async context =>
        {
            seen.Enqueue(context.Request.Headers.ContainsKey("Accept") ? context.Request.Headers.Accept.ToString() : null);
            context.Response.StatusCode = operation is "deleteThing" or "createJob" ? 204 : 200;
            context.Response.ContentType = operation switch
            {
                "getReport" => "text/csv",
                "getGreeting" => "text/plain",
                "getJob" => "application/json",
                _ => "application/octet-stream",
            };
            if (operation == "getJob")
            {
                await context.Response.WriteAsync("{\"id\":\"j1\"}");
            }
        };

        await Call(server, operation);

        Assert.Equal(new[] { accept }, seen.ToArray());
    }

    [Fact]
    public async Task ABinaryBodyIsReturnedAsAFileDownloadWithItsHeaders()
    {
        var bytes = new byte[] { 0, 1, 2, 0xFF, 0x7F, 0x80 };
        await using var server = await LoopbackServer.StartAsync();
        server.Respond = async context =>
        {
            context.Response.ContentType = "application/octet-stream";
            context.Response.ContentLength = bytes.Length;
            context.Response.Headers.ContentDisposition = "attachment; filename=\"data.bin\"";
            await context.Response.Body.WriteAsync(bytes);
        };

        Assert.Equal("status=200 type=application/octet-stream length=6 name=data.bin bytes=000102FF7F80", await Call(server, "downloadFile"));
        Assert.Equal("/v1/files/f%201", server.Requests.Single().RawTarget);
    }

    [Theory]
    [InlineData("attachment; filename=\"fallback.png\"; filename*=UTF-8''r%C3%A9sum%C3%A9.png", "résumé.png")]
    [InlineData("inline; filename=plain.png", "plain.png")]
    [InlineData("attachment; filename=\"../../etc/passwd\"", "passwd")]
    [InlineData("attachment; filename*=UTF-8''..%2F..%2Fsecret.png", "secret.png")]
    [InlineData("attachment", "null")]
    public async Task TheFileNameComesFromContentDispositionWithoutADirectory(string disposition, string fileName)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Respond = async context =>
        {
            context.Response.ContentType = "image/png";
            context.Response.Headers.ContentDisposition = disposition;
            await context.Response.Body.WriteAsync(new byte[] { 0x89, 0x50, 0x4E, 0x47 });
        };

        Assert.Equal($"status=200 type=image/png length= name={fileName} bytes=89504E47", await Call(server, "getAvatar"));
    }

    [Fact]
    public async Task AStarRangeWithoutASchemaIsABinaryBody()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Respond = async context =>
        {
            context.Response.ContentType = "application/zip";
            context.Response.ContentLength = 2;
            await context.Response.Body.WriteAsync(new byte[] { 0x50, 0x4B });
        };

        Assert.Equal("status=200 type=application/zip length=2 name=null bytes=504B", await Call(server, "getAnything"));
    }

    [Fact]
    public async Task TheDownloadIsReturnedBeforeItsBodyArrivesAndStaysOpenUntilDisposed()
    {
        var rest = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var restWasAskedFor = false;
        await using var server = await LoopbackServer.StartAsync();
        server.Respond = async context =>
        {
            context.Response.ContentType = "application/octet-stream";
            await context.Response.Body.WriteAsync(new byte[1000]);
            await context.Response.Body.FlushAsync();

            // Only a client that returned with the body unread can ask for the rest; the delay only guards against a hang.
            restWasAskedFor = await Task.WhenAny(rest.Task, Task.Delay(TimeSpan.FromSeconds(30))) == rest.Task;
            await context.Response.Body.WriteAsync(new byte[3000]);
        };

        var result = await (Task<string>)Compiled.Call("Consumer.ResponseHarness", "ReadInTwoPartsAsync", server.BaseAddress, 1000, (Action)(() => rest.TrySetResult()))!;

        Assert.Equal("first=1000 rest=3000", result);
        Assert.True(restWasAskedFor);
    }

    [Fact]
    public async Task TextIsDecodedWithTheCharsetOfItsContentType()
    {
        await using var server = await LoopbackServer.StartAsync();
        var contentType = "text/csv";
        var body = Array.Empty<byte>();
        server.Respond = async context =>
        {
            context.Response.ContentType = contentType;
            await context.Response.Body.WriteAsync(body);
        };

        (contentType, body) = ("text/csv", Encoding.UTF8.GetBytes("name,city\nZoë,Málaga\n"));
        Assert.Equal("text=name,city\nZoë,Málaga\n", await Call(server, "getReport"));

        (contentType, body) = ("text/csv; charset=utf-8", new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("a,b")).ToArray());
        Assert.Equal("text=a,b", await Call(server, "getReport"));

        (contentType, body) = ("text/plain; charset=iso-8859-1", new byte[] { 0x43, 0x61, 0x66, 0xE9 });
        Assert.Equal("text=Café", await Call(server, "getGreeting"));

        (contentType, body) = ("text/plain; charset=\"utf-16le\"", Encoding.Unicode.GetBytes("hé"));
        Assert.Equal("text=hé", await Call(server, "getGreeting"));

        (contentType, body) = ("text/plain", Array.Empty<byte>());
        Assert.Equal("text=", await Call(server, "getGreeting"));

        (contentType, body) = ("text/plain; charset=x-no-such-charset", new byte[] { 0x41 });
        Assert.Equal("exception status=200 body= typed= code= message=The 200 response of getGreeting is text in the charset 'x-no-such-charset', which this runtime does not know (register an EncodingProvider such as CodePagesEncodingProvider.Instance)", await Call(server, "getGreeting"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ATextBodyOverMaxResponseBodySizeIsTheClientsException(bool announced)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Respond = async context =>
        {
            context.Response.ContentType = "text/plain";
            if (announced)
            {
                context.Response.ContentLength = 11;
            }

            await context.Response.WriteAsync("hello ");
            await context.Response.Body.FlushAsync();
            await context.Response.WriteAsync("world");
        };

        Assert.Equal("exception status=200 body= typed= code= message=The 200 response of getGreeting is larger than the limit of 8 bytes (MaxResponseBodySize)", await Call(server, "getGreeting", 8));
        Assert.Equal("text=hello world", await Call(server, "getGreeting", 11));
    }

    [Fact]
    public async Task ATextErrorBodyIsInTheExceptionsExcerpt()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Respond = async context =>
        {
            context.Response.StatusCode = 400;
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("name is required");
        };

        Assert.Equal("exception status=400 body=name is required typed= code= message=getGreeting failed with 400 Bad Request; body: name is required", await Call(server, "getGreeting"));
    }

    [Fact]
    public async Task AnErrorOfAnotherJsonMediaTypeIsStillTyped()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Respond = async context =>
        {
            context.Response.StatusCode = 409;
            context.Response.ContentType = "application/problem+json";
            await context.Response.WriteAsync("{\"code\":4009,\"message\":\"in use\"}");
        };

        Assert.Equal("exception status=409 body={\"code\":4009,\"message\":\"in use\"} typed=Error code=4009 message=deleteThing failed with 409 Conflict: 4009 in use", await Call(server, "deleteThing"));
    }

    [Fact]
    public void AnExactStatusAndARangeWithTheSameErrorBodyKeepTheirOwnSectionsExactFirst()
    {
        const string Spec = """
            openapi: 3.0.3
            info: { title: Ranges, version: '1' }
            servers: [{ url: 'https://example.test/' }]
            paths:
              /things:
                get:
                  operationId: getThing
                  responses:
                    '204': { description: ok }
                    '4XX': { description: a client error, content: { application/json: { schema: { $ref: '#/components/schemas/Error' } } } }
                    '404': { description: missing, content: { application/json: { schema: { $ref: '#/components/schemas/Error' } } } }
                    '409': { description: conflict, content: { application/json: { schema: { $ref: '#/components/schemas/Error' } } } }
            components:
              schemas:
                Error: { type: object, properties: { message: { type: string } } }
            """;

        var run = GeneratorRun.Run(new SpecFile("/project/spec/ranges.yaml", Spec));

        // A range merged into the exact section, or before it, would be a compile error (CS8120: subsumed).
        Assert.Empty(run.CompilationDiagnostics());
        Assert.Matches(@"case 404:\n *case 409:\n *\{(.|\n)*case >= 400 and < 500:", run.Source("Consumer.RangesClient.g.cs"));
    }

    [Theory]
    [InlineData(404, "gone")]
    [InlineData(503, "later")]
    public async Task StatusesWithTheSameErrorBodyShareOneCaseAndAreEachTyped(int status, string message)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Respond = async context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"code\":7,\"message\":\"" + message + "\"}");
        };

        Assert.Contains("typed=Error code=7 message=getJob failed with " + status, await Call(server, "getJob"), StringComparison.Ordinal);
        Assert.Matches(@"case 404:\n *case 503:\n *\{", GeneratorRun.Run(Spec).Source("Consumer.ResponsesFeaturesClient.g.cs"));
    }

    [Theory]
    [InlineData(200, "{\"id\":\"j1\",\"state\":\"done\"}", "status=200 ok=j1/done accepted=null")]
    [InlineData(202, "{\"ticket\":\"t-9\"}", "status=202 ok=null/null accepted=t-9")]
    [InlineData(204, "", "status=204 ok=null/null accepted=null")]
    [InlineData(201, "{\"id\":\"undeclared\"}", "status=201 ok=null/null accepted=null")]
    [InlineData(200, "", "status=200 ok=null/null accepted=null")]
    [InlineData(202, "{\"ticket\":1}", "exception status=202 body= typed= code= message=The 202 response of createJob does not match the spec: $.ticket: expected a string, found '1'")]
    public async Task SeveralSuccessesWithDifferentBodiesAreEachReachableWithTheirStatus(int status, string body, string expected)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Respond = async context =>
        {
            context.Response.StatusCode = status;
            if (status != 204)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(body);
            }
        };

        Assert.Equal(expected, await Call(server, "createJob"));
    }

    [Fact]
    public async Task AResultWithADownloadStreamsItAndDisposesIt()
    {
        await using var server = await LoopbackServer.StartAsync();
        var status = 206;
        server.Respond = async context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = status == 206 ? "application/octet-stream" : "application/json";
            await context.Response.Body.WriteAsync(status == 206 ? new byte[] { 9, 8, 7 } : Encoding.UTF8.GetBytes("{\"id\":\"e1\"}"));
        };

        Assert.Equal("status=206 ok=null partial=status=206 type=application/octet-stream length= name=null bytes=090807", await Call(server, "getExport"));
        status = 200;
        Assert.Equal("status=200 ok=e1 partial=null", await Call(server, "getExport"));
    }

    [Theory]
    [InlineData(204, null, "null")]
    [InlineData(200, "", "null")]
    [InlineData(200, "chunked-empty", "null")]
    [InlineData(200, "{\"id\":\"t1\"}", "id=t1")]
    public async Task AnEmptySuccessIsNeverParsed(int status, string? body, string expected)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Respond = async context =>
        {
            context.Response.StatusCode = status;
            if (body is null)
            {
                return;
            }

            context.Response.ContentType = "application/json";
            if (body == "chunked-empty")
            {
                // Headers sent without a Content-Length, then no byte: the body's emptiness shows only at its end.
                await context.Response.StartAsync();
                await context.Response.Body.FlushAsync();
                return;
            }

            context.Response.ContentLength = body.Length;
            await context.Response.WriteAsync(body);
        };

        Assert.Equal(expected, await Call(server, "findThing"));
    }

    [Theory]
    [InlineData(204, "", "null")]
    [InlineData(200, "42", "count=42")]
    [InlineData(200, "", "null")]
    public async Task AnEmptySuccessOfAValueTypeIsNull(int status, string body, string expected)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Respond = async context =>
        {
            context.Response.StatusCode = status;
            if (status == 200)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(body);
            }
        };

        Assert.Equal(expected, await Call(server, "getCount"));
    }

    [Fact]
    public async Task A204WhoseSpecListsAJsonBodyIsNotParsed()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Respond = context =>
        {
            context.Response.StatusCode = 204;
            context.Response.ContentType = "application/json";
            return Task.CompletedTask;
        };

        Assert.Equal("deleted", await Call(server, "deleteThing"));
    }

    [Fact]
    public async Task ASuccessWithoutADeclaredBodyIsNotRead()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Respond = context => context.Response.WriteAsync("not json at all");

        Assert.Equal("pong", await Call(server, "ping"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AnEmptyBodyWhereEverySuccessPromisesJsonIsTheClientsException(bool announced)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Respond = async context =>
        {
            context.Response.ContentType = "application/json";
            if (announced)
            {
                context.Response.ContentLength = 0;
            }

            await context.Response.StartAsync();
        };

        Assert.StartsWith("exception status=200 body= typed= code= message=The 200 response of getJob does not match the spec: $", await Call(server, "getJob"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHeadRequestReadsNoBodyWhateverTheSpecLists()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Respond = context =>
        {
            context.Response.ContentType = "application/octet-stream";
            context.Response.ContentLength = 1234;
            return Task.CompletedTask;
        };

        Assert.Equal("exists", await Call(server, "checkFile"));
        Assert.Equal("HEAD", server.Requests.Single().Method);
    }

    [Fact]
    public async Task OfSeveralMediaTypesTheJsonOneIsRead()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Respond = LoopbackServer.Json(200, "{\"id\":\"j1\"}");

        Assert.Equal("id=j1", await Call(server, "getJob"));
    }

    [Fact]
    public async Task AResultTypeNameTakenByASchemaIsRenamedAndInvalidKeysAreReported()
    {
        const string Yaml = """
            openapi: 3.0.3
            info:
              title: Clash
              version: '1'
            paths:
              /things:
                get:
                  operationId: getThing
                  responses:
                    '200':
                      description: JSON.
                      content:
                        application/json; charset=utf-8:
                          schema:
                            $ref: '#/components/schemas/GetThingResult'
                        json:
                          schema:
                            type: string
                    '206':
                      description: Text.
                      content:
                        text/plain: {}
                    '2O0':
                      description: A typo.
            components:
              schemas:
                GetThingResult:
                  type: object
                  properties:
                    id:
                      type: string
            """;
        const string Harness = """
            namespace Consumer
            {
                public static class ClashHarness
                {
                    public static async System.Threading.Tasks.Task<string> CallAsync(string baseAddress)
                    {
                        using var http = new System.Net.Http.HttpClient { BaseAddress = new System.Uri(baseAddress) };
                        var result = await new ClashClient(http).GetThingAsync();
                        return result.Ok?.Id ?? "none";
                    }
                }
            }
            """;
        var run = GeneratorRun.Run(new[] { new SpecFile("/project/spec/clash.yaml", Yaml) }, csharpSources: new[] { Harness });

        // Warnings, shown as errors because the test compilation treats every warning as one.
        Assert.Equal(
            """
            APG007 error clash.yaml(9,7): The result type of the operation 'GetThing' maps to the C# name 'GetThingResult', which #/components/schemas/GetThingResult already uses; it is generated as 'GetThingResult2'
            APG013 error clash.yaml(16,13): The media type 'json' of the 200 response of GetThing must be 'type/subtype' (RFC 6838), optionally with parameters; it is ignored
            APG013 error clash.yaml(23,9): The response key '2O0' of GetThing must be a status code (200), a range (2XX) or 'default'; it is ignored

            """.Replace("\r", string.Empty),
            GeneratedSnapshots.FormatDiagnostics(run.GeneratorDiagnostics));
        Assert.Empty(run.CompilationDiagnostics());
        var client = run.Source(".ClashClient.g.cs");
        Assert.Contains("Accept(request_, \"application/json; charset=utf-8\");", client, StringComparison.Ordinal);
        Assert.Contains("Task<global::Consumer.GetThingResult2> GetThingAsync(", client, StringComparison.Ordinal);
        Assert.Contains("public GetThingResult? Ok { get; }", run.Source("GetThingResult2.g.cs"), StringComparison.Ordinal);

        // A media type with parameters is sent in Accept as the spec writes it (parsed, not refused as a bare type/subtype).
        var accepts = new ConcurrentQueue<string>();
        await using var server = await LoopbackServer.StartAsync();
        server.Respond = async context =>
        {
            accepts.Enqueue(context.Request.Headers.Accept.ToString());
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync("{\"id\":\"t1\"}");
        };
        Assert.Equal("t1", await (Task<string>)CompiledAssembly.Load(run.Output).Call("Consumer.ClashHarness", "CallAsync", server.BaseAddress)!);
        Assert.Equal(new[] { "application/json; charset=utf-8, text/plain" }, accepts.ToArray());
    }

    private static Task<string> Call(LoopbackServer server, string operation, long maxResponseBodySize = 256L * 1024 * 1024) =>
        (Task<string>)Compiled.Call("Consumer.ResponseHarness", "CallAsync", server.BaseAddress, operation, maxResponseBodySize)!;
}

/// <summary>Memory is measured process-wide: this runs in the collection that nothing else runs beside.</summary>
[Collection(nameof(LargeResponseTests))]
public class ResponseStreamingTests
{
    private readonly Xunit.Abstractions.ITestOutputHelper _output;

    public ResponseStreamingTests(Xunit.Abstractions.ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task A50MegabyteDownloadIsStreamedWithBoundedMemory()
    {
        const int Size = 50 * 1024 * 1024;
        var chunk = new byte[64 * 1024];
        for (var i = 0; i < chunk.Length; i++)
        {
            chunk[i] = (byte)(i * 7);
        }

        var expectedSum = chunk.Sum(value => (long)value) * (Size / chunk.Length);
        await using var server = await LoopbackServer.StartAsync();
        server.Respond = async context =>
        {
            context.Response.ContentType = "application/octet-stream";
            context.Response.ContentLength = Size;
            for (var offset = 0; offset < Size; offset += chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk);
            }
        };
        _ = ResponseTests.Compiled;

        // A warm-up call, so the connection pool, Kestrel and the JIT do not count towards the download.
        await (Task<long[]>)ResponseTests.Compiled.Call("Consumer.ResponseHarness", "StreamBigFileAsync", server.BaseAddress)!;
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var result = await (Task<long[]>)ResponseTests.Compiled.Call("Consumer.ResponseHarness", "StreamBigFileAsync", server.BaseAddress)!;

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.Equal(new[] { (long)Size, expectedSum, (long)Size }, result);
        _output.WriteLine($"{Size:N0} bytes streamed, {allocated:N0} bytes allocated");

        // Buffering the body would allocate at least its 50 MB; streaming allocates the harness's 64 KiB buffer and change.
        Assert.True(allocated < 4 * 1024 * 1024, $"allocated {allocated:N0} bytes to stream {Size:N0} bytes");
    }
}
