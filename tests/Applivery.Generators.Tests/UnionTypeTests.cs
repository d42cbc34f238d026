using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Applivery.Generators.Tests.Infrastructure;

namespace Applivery.Generators.Tests;

/// <summary>
/// Unions without a discriminator (<c>Specs/features-union-types.yaml</c>), generated, compiled and run: objects told
/// apart by their properties, primitives by the JSON token, <c>type: [string, integer]</c>, the nullable spellings,
/// nested unions, unmatched JSON kept, a union as request body, response body, property, array item, parameter and
/// error body, Validate() of the present case and the resolver.
/// </summary>
public class UnionTypeTests : IAsyncLifetime
{
    /// <summary>Compiled with the generated code; each method returns text the assertions compare.</summary>
    private const string Harness = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.Http;
        using System.Text;
        using System.Text.Json;
        using System.Text.Json.Serialization.Metadata;
        using System.Threading.Tasks;

        namespace Consumer
        {
            public static class UnionTypesHarness
            {
                private static UnionTypesClient Client(string baseAddress) => new UnionTypesClient(new HttpClient { BaseAddress = new Uri(baseAddress) });

                public static string Describe(Hit hit) => hit.Value switch
                {
                    User user => $"User login={user.Login} followers={user.Followers}",
                    Repository repository => $"Repository fullName={repository.FullName} stars={repository.Stars} owner={repository.Owner?.Login}",
                    Issue issue => $"Issue number={issue.Number} stars={issue.Stars}",
                    JsonElement unmatched => $"Unmatched {unmatched.GetRawText()}",
                    _ => "?",
                };

                private static string Describe(object? value) => value switch
                {
                    null => "null",
                    Hit hit => Describe(hit),
                    string text => $"string {text}",
                    long number => $"long {number}",
                    int number => $"int {number}",
                    double number => $"double {number.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
                    bool flag => $"bool {flag}",
                    DateTimeOffset moment => $"DateTimeOffset {moment:O}",
                    IReadOnlyList<string> texts => $"strings [{string.Join(",", texts)}]",
                    IReadOnlyList<int> numbers => $"ints [{string.Join(",", numbers)}]",
                    IReadOnlyList<Id> ids => $"ids [{string.Join(",", ids.Select(id => Describe(id.Value)))}]",
                    JsonElement unmatched => $"Unmatched {unmatched.GetRawText()}",
                    Id id => Describe(id.Value),
                    Scalar scalar => Describe(scalar.Value),
                    Tags tags => Describe(tags.Value),
                    QueryFiltersItem item => "item " + Describe(item.Value),
                    QueryRange range => "range " + Describe(range.Value),
                    QueryRangeOption1 from => $"from {from.From} to {from.To}",
                    _ => value.GetType().Name,
                };

                public static string[] RoundTripHit(string json)
                {
                    var hit = UnionTypesClientJson.Parse(Encoding.UTF8.GetBytes(json), UnionTypesClientJson.ReadHit);
                    var written = Encoding.UTF8.GetString(UnionTypesClientJson.Serialize(hit, UnionTypesClientJson.WriteHit));
                    var again = UnionTypesClientJson.Parse(Encoding.UTF8.GetBytes(written), UnionTypesClientJson.ReadHit);
                    return new[] { Describe(hit), written, Describe(again) };
                }

                public static string[] RoundTripQuery(string json)
                {
                    var query = UnionTypesClientJson.Parse(Encoding.UTF8.GetBytes(json), UnionTypesClientJson.ReadQuery);
                    var written = Encoding.UTF8.GetString(UnionTypesClientJson.Serialize(query, UnionTypesClientJson.WriteQuery));
                    var again = UnionTypesClientJson.Parse(Encoding.UTF8.GetBytes(written), UnionTypesClientJson.ReadQuery);
                    return new[] { DescribeQuery(query), written, DescribeQuery(again) };
                }

                private static string DescribeQuery(Query query) => string.Join(" | ",
                    "id " + Describe(query.Id?.Value),
                    "scalar " + Describe(query.Scalar?.Value),
                    "tags " + Describe(query.Tags?.Value),
                    "owner " + (query.Owner is null ? "null" : query.Owner.Login),
                    "ownerOrNull " + (query.OwnerOrNull is null ? "null" : query.OwnerOrNull.Login),
                    "filters " + (query.Filters is null ? "null" : string.Join(";", query.Filters.Select(Describe))),
                    "range " + Describe(query.Range?.Value));

                /// <summary>Each case built by the user: implicit conversions and constructors, then written.</summary>
                public static string WriteCases()
                {
                    Hit user = new User { Login = "octo" };
                    Hit repository = new Repository { FullName = "a/b", Stars = 5 };
                    Id byText = "x-1";
                    Id byNumber = 42;
                    Scalar moment = DateTimeOffset.Parse("2024-01-02T03:04:05Z", System.Globalization.CultureInfo.InvariantCulture);
                    var tags = new Tags(new[] { "a", "b" });
                    var query = new Query
                    {
                        Text = "t",
                        Id = byNumber,
                        Scalar = true,
                        Tags = new Tags(new[] { 1, 2 }),
                        Filters = new QueryFiltersItem[] { user, "text", new QueryFiltersItem(new Id[] { byText, 7 }) },
                        Range = new QueryRangeOption1 { From = 1 },
                    };
                    string Write<T>(T value, Action<Utf8JsonWriter, T> write) => Encoding.UTF8.GetString(UnionTypesClientJson.Serialize(value, write));
                    return string.Join("\n",
                        Write(user, UnionTypesClientJson.WriteHit),
                        Write(repository, UnionTypesClientJson.WriteHit),
                        Write(byText, UnionTypesClientJson.WriteId),
                        Write(moment, UnionTypesClientJson.WriteScalar),
                        Write(tags, UnionTypesClientJson.WriteTags),
                        Write(query, UnionTypesClientJson.WriteQuery),
                        $"{user.IsUser} {user.IsRepository} {user.AsUser?.Login} {user.AsRepository is null} {byNumber.AsInt32} {byNumber.AsString is null}");
                }

                public static async Task<string> SearchAsync(string baseAddress)
                {
                    var hit = await Client(baseAddress).SearchAsync(new Query { Text = "q", Id = "abc" });
                    return Describe(hit);
                }

                public static async Task<string> ListHitsAsync(string baseAddress, bool all)
                {
                    var hits = await Client(baseAddress).ListHitsAsync(all ? new Limit("all") : new Limit(10));
                    return string.Join("; ", hits.Select(Describe));
                }

                public static async Task<string> TagOneAsync(string baseAddress)
                {
                    await Client(baseAddress).TagHitsAsync(has: new Tags("z"), fields: new Tags("f"));
                    return "sent";
                }

                public static async Task<string> TagHitsAsync(string baseAddress)
                {
                    await Client(baseAddress).TagHitsAsync(
                        where: new TagHitsWhere { Id = 7, Limit = new Limit("all") },
                        selector: new Tags(new[] { "a", "b" }),
                        has: new Tags(new[] { "x", "y" }),
                        fields: new Tags(new[] { 1, 2 }),
                        body: new TagHitsRequest { Id = "x-1", Tags = new Tags(new[] { 1, 2 }), Ids = new Id[] { 3, "y" } });
                    return "sent";
                }

                public static async Task<string> SearchFailsAsync(string baseAddress)
                {
                    try
                    {
                        await Client(baseAddress).SearchAsync(new Query { Text = "q" });
                        return "no exception";
                    }
                    catch (UnionTypesClientException exception)
                    {
                        return exception.StatusCode + " " + exception.Message;
                    }
                }

                public static string Validate()
                {
                    var query = new Query
                    {
                        Text = "t",
                        Filters = new QueryFiltersItem[] { new Hit(new User { Login = "a-login-far-longer-than-twenty" }), new Hit(new Repository { FullName = "x", Stars = -1 }) },
                    };
                    var unmatched = Hit.Unmatched(JsonDocument.Parse("[1]").RootElement);
                    return string.Join("\n", query.Validate().Concat(unmatched.Validate()).Select(error => error.Path + " " + error.Rule + " " + error.Message));
                }

                public static string ThroughTheResolver(string json)
                {
                    var info = (JsonTypeInfo<Hit>)UnionTypesClientJsonTypeInfoResolver.Options.GetTypeInfo(typeof(Hit));
                    var hit = JsonSerializer.Deserialize(json, info)!;
                    return Describe(hit) + " | " + JsonSerializer.Serialize(hit, info);
                }
            }
        }
        """;

    private static readonly Lazy<GeneratorRun> Run = new(() => GeneratorRun.Run(new[] { FeatureSpec() }, csharpSources: new[] { Harness }));
    private static readonly Lazy<CompiledAssembly> Assembly = new(() => CompiledAssembly.Load(Run.Value.Output));
    private LoopbackServer _server = null!;
    private string? _requestBody;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    internal static SpecFile FeatureSpec() =>
        new("/project/spec/features-union-types.yaml", File.ReadAllText(Path.Combine(RepositoryPaths.TestProject, "Specs", "features-union-types.yaml")));

    private static T Call<T>(string method, params object?[] arguments) => (T)Assembly.Value.Call("Consumer.UnionTypesHarness", method, arguments)!;

    private async Task<string> CallAsync(string method, params object?[] arguments)
    {
        var task = (Task<string>)Assembly.Value.Call("Consumer.UnionTypesHarness", method, new object?[] { _server.BaseAddress }.Concat(arguments).ToArray())!;
        return await task;
    }

    /// <summary>Answers every request with this JSON, keeping the request body.</summary>
    private void Answer(int status, string json) => _server.Respond = async context =>
    {
        using var reader = new StreamReader(context.Request.Body);
        _requestBody = await reader.ReadToEndAsync();
        await LoopbackServer.Json(status, json)(context);
    };

    [Fact]
    public void TheFeatureSpecGeneratesTheApprovedSources() => GeneratedSnapshots.Verify(GeneratorRun.Run(FeatureSpec()), "FeatureUnionTypes");

    [Theory]
    [InlineData(TargetFramework.Net100)]
    [InlineData(TargetFramework.Net80)]
    [InlineData(TargetFramework.NetStandard20)]
    public void TheFeatureSpecCompilesWithoutWarningsOrDiagnostics(TargetFramework framework)
    {
        var run = GeneratorRun.Run(FeatureSpec(), framework);

        Assert.Empty(run.GeneratorDiagnostics);
        var diagnostics = run.CompilationDiagnostics();
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
    }

    [Fact]
    public void TheHarnessCompiles()
    {
        var diagnostics = Run.Value.CompilationDiagnostics();
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
    }

    [Theory]
    [InlineData("""{"login":"octo","followers":3}""", "User login=octo followers=3", """{"login":"octo","followers":3}""")]
    [InlineData("""{"stars":5,"owner":{"login":"o"},"fullName":"a/b"}""", "Repository fullName=a/b stars=5 owner=o", """{"fullName":"a/b","stars":5,"owner":{"login":"o"}}""")]
    [InlineData("""{"number":7,"stars":"many"}""", "Issue number=7 stars=many", """{"number":7,"stars":"many"}""")]
    // Both User and Issue fit by required properties; Issue explains "title", User does not.
    [InlineData("""{"login":"x","number":1,"title":"t"}""", "Issue number=1 stars=", """{"number":1,"title":"t"}""")]
    public void ObjectsAreToldApartByTheirProperties(string json, string expected, string written)
    {
        var result = Call<string[]>("RoundTripHit", json);

        Assert.Equal(expected, result[0]);
        Assert.Equal(written, result[1]);
        Assert.Equal(expected, result[2]);
    }

    [Theory]
    [InlineData("""{"followers":1}""")]   // no case's required properties
    [InlineData("""[1,2]""")]             // not an object at all
    [InlineData("""42""")]
    public void JsonNoCaseFitsIsKeptAndWrittenBackUnchanged(string json)
    {
        var result = Call<string[]>("RoundTripHit", json);

        Assert.Equal("Unmatched " + json, result[0]);
        Assert.Equal(json, result[1]);
        Assert.Equal(result[0], result[2]);
    }

    [Theory]
    [InlineData("""{"text":"t","id":"a-1"}""", "id string a-1")]
    [InlineData("""{"text":"t","id":12}""", "id int 12")]
    [InlineData("""{"text":"t","scalar":"2024-01-02T03:04:05+00:00"}""", "scalar DateTimeOffset 2024-01-02T03:04:05.0000000+00:00")]
    [InlineData("""{"text":"t","scalar":"plain"}""", "scalar string plain")]
    [InlineData("""{"text":"t","scalar":1.5}""", "scalar double 1.5")]
    [InlineData("""{"text":"t","scalar":false}""", "scalar bool False")]
    [InlineData("""{"text":"t","tags":"one"}""", "tags string one")]
    [InlineData("""{"text":"t","tags":["a","b"]}""", "tags strings [a,b]")]
    [InlineData("""{"text":"t","tags":[1,2]}""", "tags ints [1,2]")]
    [InlineData("""{"text":"t","tags":[]}""", "tags strings []")]
    [InlineData("""{"text":"t","owner":null,"ownerOrNull":null}""", "owner null")]
    [InlineData("""{"text":"t","owner":{"login":"o"},"ownerOrNull":{"login":"p"}}""", "owner o | ownerOrNull p")]
    [InlineData("""{"text":"t","filters":[{"login":"u"},[1,"two"],"s"]}""", "filters item User login=u followers=;item ids [int 1,string two];item string s")]
    [InlineData("""{"text":"t","range":{"from":1,"to":2}}""", "range from 1 to 2")]
    [InlineData("""{"text":"t","range":"1-2"}""", "range string 1-2")]
    public void PropertiesOfUnionTypesReadByTokenAndRoundTrip(string json, string expected)
    {
        var result = Call<string[]>("RoundTripQuery", json);

        Assert.Contains(expected, result[0], StringComparison.Ordinal);
        Assert.Equal(result[0], result[2]);
    }

    [Fact]
    public void EachCaseIsBuiltByTheUserAndWritten()
    {
        var lines = Call<string>("WriteCases").Split('\n');

        Assert.Equal("""{"login":"octo"}""", lines[0]);
        Assert.Equal("""{"fullName":"a/b","stars":5}""", lines[1]);
        Assert.Equal("\"x-1\"", lines[2]);
        Assert.Equal("\"2024-01-02T03:04:05+00:00\"", lines[3]);
        Assert.Equal("""["a","b"]""", lines[4]);
        Assert.Equal("""{"text":"t","id":42,"scalar":true,"tags":[1,2],"filters":[{"login":"octo"},"text",["x-1",7]],"range":{"from":1}}""", lines[5]);
        Assert.Equal("True False octo True 42 True", lines[6]);
    }

    [Fact]
    public async Task AUnionIsARequestAndAResponseBody()
    {
        Answer(200, """{"number":3,"title":"bug"}""");

        Assert.Equal("Issue number=3 stars=", await CallAsync("SearchAsync"));
        Assert.Equal("""{"text":"q","id":"abc"}""", _requestBody);
    }

    [Theory]
    [InlineData(false, "limit=10")]
    [InlineData(true, "limit=all")]
    public async Task AUnionParameterSendsTheCaseItHolds(bool all, string query)
    {
        Answer(200, """[{"login":"a"},{"fullName":"r","stars":1},{"unknown":true}]""");

        Assert.Equal("User login=a followers=; Repository fullName=r stars=1 owner=; Unmatched {\"unknown\":true}", await CallAsync("ListHitsAsync", all));
        Assert.Equal("?" + query, _server.Requests.Last().QueryString);
    }

    [Fact]
    public async Task UnionsInAnObjectParameterAJsonParameterAListParameterAndMultipartPartsSendTheCaseTheyHold()
    {
        Answer(204, string.Empty);

        Assert.Equal("sent", await CallAsync("TagHitsAsync"));

        Assert.Equal("?where[id]=7&where[limit]=all&selector=" + Uri.EscapeDataString("[\"a\",\"b\"]") + "&has=x&has=y&fields=1,2", _server.Requests.Last().QueryString);
        var parts = string.Join("|", _requestBody!.Split("\r\n").Where(line => line.Length > 0 && !line.StartsWith("--", StringComparison.Ordinal)));
        Assert.Equal(
            "Content-Disposition: form-data; name=\"id\"|x-1|" +
            "Content-Type: application/json|Content-Disposition: form-data; name=\"tags\"|[1,2]|" +
            "Content-Disposition: form-data; name=\"ids\"|3|Content-Disposition: form-data; name=\"ids\"|y",
            parts);

        // The single-value case is one item, whatever the style.
        Assert.Equal("sent", await CallAsync("TagOneAsync"));
        Assert.Equal("?has=z&fields=f", _server.Requests.Last().QueryString);
    }

    [Theory]
    [InlineData("""{"message":"bad"}""", "bad")]
    [InlineData("""{"code":9,"details":["x","y"]}""", "400")]
    public async Task AUnionErrorBodyIsRead(string body, string expected)
    {
        Answer(400, body);

        var result = await CallAsync("SearchFailsAsync");

        Assert.StartsWith("400", result, StringComparison.Ordinal);
        Assert.Contains(expected, result, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateChecksThePresentCaseAndRefusesUnmatchedJson()
    {
        var errors = Call<string>("Validate").Split('\n');

        Assert.Equal(
            new[]
            {
                "$.filters[0].login maxLength must be at most 20 characters long",
                "$.filters[1].stars minimum must be at least 0",
                "$ oneOf matches none of: User, Repository, Issue",
            },
            errors);
    }

    [Fact]
    public void TheResolverReadsAndWritesAUnion()
    {
        Assert.Equal("""User login=u followers= | {"login":"u"}""", Call<string>("ThroughTheResolver", """{"login":"u"}"""));
    }
}
