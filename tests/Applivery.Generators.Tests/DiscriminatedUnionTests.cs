using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Applivery.Generators.Tests.Infrastructure;

namespace Applivery.Generators.Tests;

/// <summary>
/// Discriminated unions of object components (<c>Specs/features-unions.yaml</c>), generated, compiled and run: the
/// abstract bases, the sealed cases (the component types themselves) that write their discriminator, dispatch wherever
/// the discriminator is, the unknown case kept byte for byte, bodies against Kestrel, Validate() and the resolver.
/// </summary>
public class DiscriminatedUnionTests : IAsyncLifetime
{
    /// <summary>Compiled with the generated code; each method returns text the assertions compare.</summary>
    private const string Harness = """
        using System;
        using System.Linq;
        using System.Net.Http;
        using System.Text;
        using System.Text.Json;
        using System.Text.Json.Serialization.Metadata;
        using System.Threading.Tasks;

        namespace Consumer
        {
            public static class UnionsHarness
            {
                private static UnionsClient Client(string baseAddress) => new UnionsClient(new HttpClient { BaseAddress = new Uri(baseAddress) });

                private static string Describe(object value) => value switch
                {
                    Cat cat => $"Cat name={cat.Name} hunts={cat.Hunts} age={cat.Age}",
                    Dog dog => $"Dog name={dog.Name} bark={dog.Bark}",
                    Lizard lizard => $"Lizard name={lizard.Name} color={lizard.Color}",
                    UnknownPet unknown => $"UnknownPet value={unknown.DiscriminatorValue ?? "(none)"} name={unknown.Name}",
                    Circle circle => $"Circle radius={circle.Radius}",
                    Square square => $"Square side={square.Side}",
                    UnknownShape unknown => $"UnknownShape value={unknown.DiscriminatorValue ?? "(none)"}",
                    _ => value.GetType().Name,
                };

                /// <summary>Reads the JSON as a Pet, says which case it is, and writes it back.</summary>
                public static string[] RoundTripPet(string json)
                {
                    var pet = UnionsClientJson.Parse(Encoding.UTF8.GetBytes(json), UnionsClientJson.ReadPet);
                    var written = Encoding.UTF8.GetString(UnionsClientJson.Serialize(pet, UnionsClientJson.WritePet));
                    var again = UnionsClientJson.Parse(Encoding.UTF8.GetBytes(written), UnionsClientJson.ReadPet);
                    return new[] { Describe(pet), written, Describe(again) };
                }

                public static string[] RoundTripShape(string json)
                {
                    var shape = UnionsClientJson.Parse(Encoding.UTF8.GetBytes(json), UnionsClientJson.ReadShape);
                    var written = Encoding.UTF8.GetString(UnionsClientJson.Serialize(shape, UnionsClientJson.WriteShape));
                    var again = UnionsClientJson.Parse(Encoding.UTF8.GetBytes(written), UnionsClientJson.ReadShape);
                    return new[] { Describe(shape), written, Describe(again) };
                }

                public static string WriteCases() => string.Join("\n",
                    Encoding.UTF8.GetString(UnionsClientJson.Serialize<Pet>(new Cat { Name = "Tom", Hunts = true, Age = 3 }, UnionsClientJson.WritePet)),
                    Encoding.UTF8.GetString(UnionsClientJson.Serialize<Pet>(new Dog { Name = "Rex", Bark = false }, UnionsClientJson.WritePet)),
                    Encoding.UTF8.GetString(UnionsClientJson.Serialize<Pet>(new Lizard { Name = "Liz" }, UnionsClientJson.WritePet)),
                    Encoding.UTF8.GetString(UnionsClientJson.Serialize<Shape>(new Square { Side = 2 }, UnionsClientJson.WriteShape)),
                    Encoding.UTF8.GetString(UnionsClientJson.Serialize<CreateVehicleRequest>(new Bike { Gears = 21 }, UnionsClientJson.WriteCreateVehicleRequest)));

                /// <summary>Car is a case of CreateVehicleRequest and a response type of its own.</summary>
                public static async Task<string> GetCarAsync(string baseAddress)
                {
                    var car = await Client(baseAddress).GetCarAsync("c1");
                    return $"Car id={car.Id} wheels={car.Wheels} | " + Encoding.UTF8.GetString(UnionsClientJson.Serialize(car, UnionsClientJson.WriteCar));
                }

                public static Task PatchCatAsync(string baseAddress) => Client(baseAddress).PatchPetsAsync(new Cat { Name = "Tom", Hunts = true });

                public static Task CreateCarAsync(string baseAddress) => Client(baseAddress).CreateVehicleAsync(new Car { Id = "server-owned", Wheels = 4 });

                public static async Task<string> GetPetAsync(string baseAddress) => Describe(await Client(baseAddress).GetPetAsync("p1"));

                public static async Task<string> ListShapesAsync(string baseAddress) =>
                    string.Join("; ", (await Client(baseAddress).ListShapesAsync()).Select(Describe));

                public static async Task<string> SaveDrawingAsync(string baseAddress)
                {
                    var saved = await Client(baseAddress).SaveDrawingAsync(new Drawing
                    {
                        Title = "t",
                        Main = new Circle { Radius = 1.5 },
                        Shapes = new Shape[] { new Square { Side = 2 }, new Circle { Radius = 3 } },
                    });
                    return Describe(saved.Main) + " | " + string.Join("; ", saved.Shapes!.Select(Describe));
                }

                public static string ValidatePresentCase()
                {
                    Pet cat = new Cat { Name = "far too long a name", Age = -1 };
                    var drawing = new Drawing { Title = "t", Main = new Circle { Radius = -2 }, Shapes = new Shape[] { new Square { Side = 1 }, new Circle { Radius = -3 } } };
                    return string.Join("\n", cat.Validate().Concat(drawing.Validate()).Select(error => error.Path + " " + error.Rule));
                }

                public static string ThroughTheResolver(string json)
                {
                    var options = UnionsClientJsonTypeInfoResolver.Options;
                    var info = (JsonTypeInfo<Shape>)options.GetTypeInfo(typeof(Shape));
                    var shape = JsonSerializer.Deserialize(json, info)!;
                    var unknownInfo = (JsonTypeInfo<UnknownShape>)options.GetTypeInfo(typeof(UnknownShape));
                    var circleInfo = (JsonTypeInfo<Circle>)options.GetTypeInfo(typeof(Circle));
                    return Describe(shape) + " | " + JsonSerializer.Serialize(shape, info) + " | " +
                        JsonSerializer.Serialize(new Circle { Radius = 1 }, circleInfo) + " | " + (unknownInfo is not null);
                }
            }
        }
        """;

    private static readonly Lazy<GeneratorRun> Run = new(() => GeneratorRun.Run(new[] { FeatureSpec() }, csharpSources: new[] { Harness }));
    private static readonly Lazy<CompiledAssembly> Assembly = new(() => CompiledAssembly.Load(Run.Value.Output));
    private LoopbackServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    internal static SpecFile FeatureSpec() =>
        new("/project/spec/features-unions.yaml", File.ReadAllText(Path.Combine(RepositoryPaths.TestProject, "Specs", "features-unions.yaml")));

    private static T Call<T>(string method, params object?[] arguments) => (T)Assembly.Value.Call("Consumer.UnionsHarness", method, arguments)!;

    private async Task<object?> CallAsync(string method)
    {
        var task = (Task)Assembly.Value.Call("Consumer.UnionsHarness", method, _server.BaseAddress)!;
        await task;
        return task.GetType().GetProperty("Result")?.GetValue(task);
    }

    [Fact]
    public void TheFeatureSpecGeneratesTheApprovedSources() => GeneratedSnapshots.Verify(GeneratorRun.Run(FeatureSpec()), "FeatureUnions");

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

    [Theory]
    [InlineData("""{"pet_type":"cat","name":"Tom","hunts":true,"age":3}""")]           // first
    [InlineData("""{"name":"Tom","hunts":true,"pet_type":"cat","age":3}""")]           // middle
    [InlineData("""{"name":"Tom","hunts":true,"age":3,"pet_type":"cat"}""")]           // last
    [InlineData("""{"name":"Tom","x":{"pet_type":"dog"},"hunts":true,"age":3,"pet_type":"cat"}""")] // a nested one is not it
    public void TheDiscriminatorIsFoundWhereverItIsInTheObject(string json)
    {
        var result = Call<string[]>("RoundTripPet", json);

        Assert.Equal("Cat name=Tom hunts=True age=3", result[0]);
        Assert.Equal("""{"pet_type":"cat","name":"Tom","hunts":true,"age":3}""", result[1]);
        Assert.Equal(result[0], result[2]);
    }

    [Theory]
    [InlineData("""{"name":"Rex","bark":true,"pet_type":"dog"}""", "Dog name=Rex bark=True", """{"pet_type":"dog","name":"Rex","bark":true}""")]             // mapping by bare name
    [InlineData("""{"pet_type":"Lizard","color":"green","name":"Liz"}""", "Lizard name=Liz color=green", """{"pet_type":"Lizard","name":"Liz","color":"green"}""")] // implicit: the schema name
    public void AllOfChildrenAreReadByMappedAndImplicitValues(string json, string expected, string written)
    {
        var result = Call<string[]>("RoundTripPet", json);

        Assert.Equal(expected, result[0]);
        Assert.Equal(written, result[1]);
        Assert.Equal(expected, result[2]);
    }

    [Theory]
    [InlineData("""{"radius":2.5,"kind":"circle"}""", "Circle radius=2.5", """{"kind":"circle","radius":2.5}""")] // mapping by reference
    [InlineData("""{"side":3,"kind":"Square"}""", "Square side=3", """{"kind":"Square","side":3}""")]            // implicit
    public void AComponentUnionReadsAndWritesEachCase(string json, string expected, string written)
    {
        var result = Call<string[]>("RoundTripShape", json);

        Assert.Equal(expected, result[0]);
        Assert.Equal(written, result[1]);
        Assert.Equal(expected, result[2]);
    }

    [Theory]
    [InlineData("""{"name":"Polly","wings":2,"pet_type":"parrot","tags":["a",{"b":null}],"n":1.50}""", "UnknownPet value=parrot name=Polly")]
    [InlineData("""{"pet_type":"Cat","name":"Tom"}""", "UnknownPet value=Cat name=Tom")]   // values are case-sensitive: the mapping says "cat"
    [InlineData("""{"name":"Nobody"}""", "UnknownPet value=(none) name=Nobody")]
    [InlineData("""{"pet_type":7,"name":"Seven"}""", "UnknownPet value=7 name=Seven")]
    public void AnUnlistedDiscriminatorIsKeptAndWrittenBackByteForByte(string json, string expected)
    {
        var result = Call<string[]>("RoundTripPet", json);

        Assert.Equal(expected, result[0]);
        Assert.Equal(json, result[1]);
        Assert.Equal(expected, result[2]);
    }

    [Fact]
    public void AnUnknownShapeIsKeptToo()
    {
        var result = Call<string[]>("RoundTripShape", """{"kind":"hexagon","sides":6}""");

        Assert.Equal("UnknownShape value=hexagon", result[0]);
        Assert.Equal("""{"kind":"hexagon","sides":6}""", result[1]);
    }

    [Fact]
    public void EachCaseWritesItsOwnDiscriminatorValue()
    {
        Assert.Equal(
            string.Join("\n",
                """{"pet_type":"cat","name":"Tom","hunts":true,"age":3}""",
                """{"pet_type":"dog","name":"Rex","bark":false}""",
                """{"pet_type":"Lizard","name":"Liz"}""",
                """{"kind":"Square","side":2}""",
                """{"type":"bike","gears":21}"""),
            Call<string>("WriteCases"));
    }

    [Fact]
    public async Task AUnionRequestBodyReachesTheServerWithItsDiscriminator()
    {
        CapturedBody? body = null;
        _server.Respond = RequestBodyCapture.Raw(received => body = received);

        await CallAsync("PatchCatAsync");
        Assert.Equal("application/json", body!.ContentType);
        Assert.Equal("""{"pet_type":"cat","name":"Tom","hunts":true}""", body.Text);

        // Car's readOnly id is the server's: the union's request writer leaves it out of the case too.
        await CallAsync("CreateCarAsync");
        Assert.Equal("""{"type":"car","wheels":4}""", body.Text);
    }

    [Fact]
    public async Task AUnionResponseBodyIsReadAsItsCase()
    {
        _server.Respond = LoopbackServer.Json(200, """{"bark":true,"name":"Rex","pet_type":"dog"}""");
        Assert.Equal("Dog name=Rex bark=True", await CallAsync("GetPetAsync"));

        _server.Respond = LoopbackServer.Json(200, """{"name":"Polly","pet_type":"parrot"}""");
        Assert.Equal("UnknownPet value=parrot name=Polly", await CallAsync("GetPetAsync"));
    }

    [Fact]
    public async Task AUnionAsArrayItemAndAsPropertyIsReadAndWritten()
    {
        _server.Respond = LoopbackServer.Json(200, """[{"side":1,"kind":"Square"},{"kind":"circle","radius":2},{"kind":"star"}]""");
        Assert.Equal("Square side=1; Circle radius=2; UnknownShape value=star", await CallAsync("ListShapesAsync"));

        CapturedBody? body = null;
        _server.Respond = async context =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            body = new CapturedBody(context.Request.ContentType, null, null, buffer.ToArray());
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(buffer.ToArray());
        };
        Assert.Equal("Circle radius=1.5 | Square side=2; Circle radius=3", await CallAsync("SaveDrawingAsync"));
        Assert.Equal("""{"title":"t","main":{"kind":"circle","radius":1.5},"shapes":[{"kind":"Square","side":2},{"kind":"circle","radius":3}]}""", body!.Text);
    }

    [Fact]
    public async Task AComponentThatIsACaseStillWorksOnItsOwn()
    {
        _server.Respond = LoopbackServer.Json(200, """{"wheels":3,"type":"car","id":"c1"}""");

        Assert.Equal("""Car id=c1 wheels=3 | {"type":"car","id":"c1","wheels":3}""", await CallAsync("GetCarAsync"));
    }

    [Fact]
    public void ValidateChecksTheCaseThatIsPresent()
    {
        Assert.Equal(
            string.Join("\n", "$.name maxLength", "$.age minimum", "$.main.radius minimum", "$.shapes[1].radius minimum"),
            Call<string>("ValidatePresentCase"));
    }

    [Fact]
    public void TheResolverCoversTheBaseTheCasesAndTheUnknownCase()
    {
        Assert.Equal(
            """Square side=4 | {"kind":"Square","side":4} | {"kind":"circle","radius":1} | True""",
            Call<string>("ThroughTheResolver", """{"side":4,"kind":"Square"}"""));
    }
    /// <summary>
    /// A component can be a case of one base only: a second union of the same alternatives with other values is
    /// named (APG005 at its discriminator) and is a union without a discriminator; inline alternatives whose shared
    /// properties agree keep the merged class without a diagnostic. Everything still compiles.
    /// </summary>
    [Fact]
    public void WhatIsNotTypedYetIsNamedAndStillCompiles()
    {
        const string spec = """
            openapi: 3.0.3
            info: {title: Conflicts, version: '1'}
            paths:
              /a:
                post:
                  operationId: first
                  requestBody:
                    content:
                      application/json:
                        schema:
                          oneOf: [{$ref: '#/components/schemas/One'}, {$ref: '#/components/schemas/Two'}]
                          discriminator: {propertyName: k, mapping: {one: One, two: Two}}
                  responses: {'204': {description: ok}}
              /b:
                post:
                  operationId: second
                  requestBody:
                    content:
                      application/json:
                        schema:
                          oneOf: [{$ref: '#/components/schemas/One'}, {$ref: '#/components/schemas/Two'}]
                          discriminator: {propertyName: k}
                  responses: {'204': {description: ok}}
              /c:
                post:
                  operationId: third
                  requestBody:
                    content:
                      application/json:
                        schema:
                          oneOf:
                            - {type: object, properties: {k: {type: string}, x: {type: string}}}
                            - {type: object, properties: {k: {type: string}, y: {type: string}}}
                          discriminator: {propertyName: k}
                  responses: {'204': {description: ok}}
            components:
              schemas:
                One: {type: object, required: [k], properties: {k: {type: string}, a: {type: string}}}
                Two: {type: object, required: [k], properties: {k: {type: string}, b: {type: string}}}
            """;
        var run = GeneratorRun.Run(new SpecFile("/project/spec/conflicts.yaml", spec));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("APG005", diagnostic.Id);
        Assert.Contains("'oneOf' with a discriminator at '#/paths/~1b/post/requestBody/content/application~1json/schema' whose alternative 'One' is already a case of 'FirstRequest'", diagnostic.GetMessage());
        Assert.Equal(22, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains("public abstract partial class FirstRequest", run.Source(".FirstRequest.g.cs"));
        Assert.Contains("public sealed partial class One : global::Consumer.FirstRequest", run.Source(".One.g.cs"));
        Assert.Contains("it is a union without a discriminator", diagnostic.GetMessage());

        // The second union holds the same component types, told apart by their properties.
        var second = run.Source(".SecondRequest.g.cs");
        Assert.Contains("public sealed partial class SecondRequest", second);
        Assert.Contains("public SecondRequest(One value)", second);
        Assert.Contains("public SecondRequest(Two value)", second);

        // Inline alternatives that agree on their shared properties stay one class.
        Assert.Contains("public string? X { get; init; }", run.Source(".ThirdRequest.g.cs"));
        var compiler = run.CompilationDiagnostics();
        Assert.True(compiler.Count == 0, string.Join("\n", compiler));
    }
}
