using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Applivery.Generators.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.CodeAnalysis.CSharp;

namespace Applivery.Generators.Tests;

/// <summary>
/// Issue 8's schema points on compiled output: readOnly/writeOnly by direction, declared properties kept beside
/// <c>additionalProperties</c>, and valid recursion, on our feature spec (<c>Specs/features-schemas.yaml</c>) and on
/// @scalar/galaxy's 3.1 description, with request bodies read back by a real Kestrel server.
/// </summary>
public class SchemaFeatureTests : IClassFixture<PublicSpecs>, IAsyncLifetime
{
    private const string FeatureHarness = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.Http;
        using System.Text.Json;
        using System.Text.Json.Serialization.Metadata;
        using System.Threading.Tasks;

        namespace Consumer
        {
            public static class SchemaHarness
            {
                private static Planet NewPlanet() => new Planet
                {
                    // No Id: creating a planet needs no made-up id, although the spec lists it as required.
                    Name = "Mars",
                    Satellites = new[]
                    {
                        new Satellite { Name = "Phobos", Orbit = new SatelliteOrbit { Planet = new Planet { Name = "Mars" }, Period = 0.319 } },
                    },
                    Measurements = new Measurements { Mass = 0.107, AdditionalProperties = new Dictionary<string, double> { ["density"] = 3.93 } },
                };

                /// <summary>The same planet as the server would send it back: readOnly values set at every depth.</summary>
                private static Planet StoredPlanet() => new Planet
                {
                    Id = 4,
                    Name = "Mars",
                    LastUpdated = new DateTimeOffset(2024, 1, 15, 14, 30, 0, TimeSpan.Zero),
                    Satellites = new[]
                    {
                        new Satellite { Id = 41, Name = "Phobos", Orbit = new SatelliteOrbit { Planet = new Planet { Id = 4, Name = "Mars" }, Period = 0.319 } },
                    },
                };

                public static string ValidateNewPlanet() => string.Join("|", NewPlanet().Validate().Select(error => error.ToString()));

                public static async Task<string> CreatePlanetAsync(string baseAddress, bool stored)
                {
                    using var http = new HttpClient { BaseAddress = new Uri(baseAddress) };
                    var created = await new FeatureSchemasClient(http).CreatePlanetAsync(stored ? StoredPlanet() : NewPlanet());
                    return "id=" + created.Id + " lastUpdated=" + created.LastUpdated?.ToString("O") + " satelliteId=" + created.Satellites?[0].Id;
                }

                public static async Task<string> CreatePlanetsAsync(string baseAddress)
                {
                    using var http = new HttpClient { BaseAddress = new Uri(baseAddress) };
                    var created = await new FeatureSchemasClient(http).CreatePlanetsAsync(new[] { StoredPlanet(), NewPlanet() });
                    return "count=" + created.Count;
                }

                public static async Task<string> CallCreatePlanetAsync(string baseAddress)
                {
                    using var http = new HttpClient { BaseAddress = new Uri(baseAddress) };
                    try
                    {
                        var created = await new FeatureSchemasClient(http).CreatePlanetAsync(NewPlanet());
                        return "ok id=" + created.Id;
                    }
                    catch (FeatureSchemasClientException exception)
                    {
                        return "exception jsonPath=" + exception.JsonPath + " message=" + exception.Message;
                    }
                }

                /// <summary>What JsonSerializer writes through the resolver: everything the object holds.</summary>
                public static string SerializeStoredPlanet() =>
                    JsonSerializer.Serialize(StoredPlanet(), (JsonTypeInfo<Planet>)FeatureSchemasClientJsonTypeInfoResolver.Options.GetTypeInfo(typeof(Planet)));

                public static string RoundTripPlanet(string json) =>
                    JsonSerializer.Serialize(
                        JsonSerializer.Deserialize(json, (JsonTypeInfo<Planet>)FeatureSchemasClientJsonTypeInfoResolver.Options.GetTypeInfo(typeof(Planet)))!,
                        (JsonTypeInfo<Planet>)FeatureSchemasClientJsonTypeInfoResolver.Options.GetTypeInfo(typeof(Planet)));

                public static async Task<string> CreateAccountAsync(string baseAddress)
                {
                    using var http = new HttpClient { BaseAddress = new Uri(baseAddress) };
                    var account = await new FeatureSchemasClient(http).CreateAccountAsync(new Credentials { Email = "ada@example.com", Password = "correct horse" });
                    return "email=" + account.Email + " password=" + (account.Password ?? "(null)");
                }

                public static string ValidateCredentials(string? password) =>
                    string.Join("|", new Credentials { Email = "ada@example.com", Password = password }.Validate().Select(error => error.Path + " " + error.Rule));

                public static async Task<string> PutMeasurementsAsync(string baseAddress)
                {
                    using var http = new HttpClient { BaseAddress = new Uri(baseAddress) };
                    var sent = new Measurements
                    {
                        Mass = 0.107,
                        AdditionalProperties = new Dictionary<string, double> { ["density"] = 3.93, ["albedo"] = 0.25, ["mass"] = 99 },
                    };
                    var stored = await new FeatureSchemasClient(http).PutMeasurementsAsync(sent);
                    return "mass=" + stored.Mass + " radius=" + stored.Radius + " additional=" +
                        string.Join(",", stored.AdditionalProperties!.OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => entry.Key + ":" + entry.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }

                public static string ValidateMeasurements() =>
                    string.Join("|", new Measurements { AdditionalProperties = new Dictionary<string, double> { ["density"] = -1 } }.Validate().Select(error => error.Path + " " + error.Rule));

                public static string RoundTrip(string typeName, string json)
                {
                    var type = typeof(SchemaHarness).Assembly.GetType("Consumer." + typeName, throwOnError: true)!;
                    var info = FeatureSchemasClientJsonTypeInfoResolver.Options.GetTypeInfo(type);
                    return JsonSerializer.Serialize(JsonSerializer.Deserialize(json, info), info);
                }

                public static async Task<string> GetLabelsAsync(string baseAddress)
                {
                    using var http = new HttpClient { BaseAddress = new Uri(baseAddress) };
                    var labels = await new FeatureSchemasClient(http).GetLabelsAsync();
                    return "name=" + labels.Name + " extra=" + string.Join(",", labels.AdditionalProperties!.Select(entry => entry.Key + ":" + entry.Value.GetRawText()));
                }

                public static async Task<string> GetTreeAsync(string baseAddress)
                {
                    using var http = new HttpClient { BaseAddress = new Uri(baseAddress) };
                    var tree = await new FeatureSchemasClient(http).GetTreeAsync();
                    return tree.Children![0].Meta!.Parent!.Label + "/" + tree.ByName!["left"].Children![0].Label;
                }

                public static async Task<string> GetBodiesAsync(string baseAddress)
                {
                    using var http = new HttpClient { BaseAddress = new Uri(baseAddress) };
                    var bodies = await new FeatureSchemasClient(http).GetBodiesAsync();
                    return string.Join(",", bodies.Select(body => body.Value switch
                    {
                        Planet planet => planet.Name + ":" + planet.Satellites?[0].Orbit?.Planet?.Name,
                        Satellite satellite => satellite.Name + ":",
                        _ => "unmatched",
                    }));
                }
            }
        }
        """;

    private const string GalaxyHarness = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.Http;
        using System.Text.Json;
        using System.Text.Json.Serialization.Metadata;
        using System.Threading.Tasks;

        namespace Consumer
        {
            public static class GalaxyHarness
            {
                public static async Task<string> CreatePlanetAsync(string baseAddress)
                {
                    using var http = new HttpClient { BaseAddress = new Uri(baseAddress) };
                    var client = new ScalarGalaxyClient(http, "token");
                    var planet = new Planet
                    {
                        Name = "Mars",
                        PhysicalProperties = new PlanetPhysicalProperties { Mass = 0.107f, AdditionalProperties = new Dictionary<string, float> { ["albedo"] = 0.25f } },
                    };
                    var errors = string.Join("|", planet.Validate().Select(error => error.ToString()));
                    var created = await client.CreatePlanetAsync(planet);
                    return "errors=" + errors + " id=" + created.Id + " satellite=" + created.Satellites?[0].Orbit?.Planet?.Name;
                }

                public static string RoundTripPlanet(string json)
                {
                    var info = (JsonTypeInfo<Planet>)ScalarGalaxyClientJsonTypeInfoResolver.Options.GetTypeInfo(typeof(Planet));
                    return JsonSerializer.Serialize(JsonSerializer.Deserialize(json, info)!, info);
                }

                public static string ValidateCredentials() =>
                    string.Join("|", new Credentials { Email = "marc@scalar.com" }.Validate().Select(error => error.Path + " " + error.Rule));
            }
        }
        """;

    private static readonly Lazy<GeneratorRun> FeatureRun = new(() => GeneratorRun.Run(new[] { FeatureSpec() }, csharpSources: new[] { FeatureHarness }));

    private static readonly Lazy<CompiledAssembly> Feature = new(() => CompiledAssembly.Load(FeatureRun.Value.Output));

    private readonly PublicSpecs _specs;
    private LoopbackServer _server = null!;
    private string? _received;

    public SchemaFeatureTests(PublicSpecs specs) => _specs = specs;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public void FeatureSpecGeneratesTheApprovedSourcesWithoutDiagnostics()
    {
        var run = GeneratorRun.Run(FeatureSpec());

        GeneratedSnapshots.Verify(run, "FeatureSchemas");
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics());
    }

    [Theory]
    [InlineData(TargetFramework.Net100, LanguageVersion.Latest)]
    [InlineData(TargetFramework.Net80, LanguageVersion.CSharp10)]
    [InlineData(TargetFramework.NetStandard20, LanguageVersion.CSharp9)]
    public void FeatureSpecCompilesWithoutWarningsOnEveryTarget(TargetFramework framework, LanguageVersion languageVersion)
    {
        var run = GeneratorRun.Run(new[] { FeatureSpec() }, framework, languageVersion);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics());
    }

    [Fact]
    public void ReadOnlyAndWriteOnlyPropertiesAreNullableWithoutTheRequiredModifier()
    {
        var planet = FeatureRun.Value.Source("FeatureSchemasClient.Planet.g.cs");
        Assert.Contains("public long? Id { get; init; }", planet);
        Assert.Contains("public global::System.DateTimeOffset? LastUpdated { get; init; }", planet);
        Assert.Contains("public required string Name { get; init; }", planet);
        // Without a description, the JSON sentence is the summary and the rest the remarks.
        Assert.Contains("/// <summary>JSON: <c>id</c>, required in responses.</summary>\n    /// <remarks>Read-only: set by the server, never written in a request body.</remarks>\n    public long? Id", planet);

        var credentials = FeatureRun.Value.Source("FeatureSchemasClient.Credentials.g.cs");
        Assert.Contains("public string? Password { get; init; }", credentials);
        Assert.Contains("/// <summary>JSON: <c>password</c>, required in requests.</summary>\n    /// <remarks>Write-only: sent in requests, not expected in responses. At least 8 characters.</remarks>", credentials);
    }

    [Fact]
    public void AReadOnlyRequiredPropertyIsNotReportedMissingByValidate()
    {
        // NewPlanet() has no Id, LastUpdated or satellite ids, and compiles although id is required: it is readOnly.
        Assert.Equal(string.Empty, (string)Feature.Value.Call("Consumer.SchemaHarness", "ValidateNewPlanet")!);
    }

    [Fact]
    public async Task ARequestBodyLeavesReadOnlyPropertiesOutAtEveryDepth()
    {
        RespondWithBodyCapture(201, """{"id":4,"name":"Mars","lastUpdated":"2024-01-15T14:30:00Z","satellites":[{"id":41,"name":"Phobos"}]}""");

        var result = await CallAsync(Feature.Value, "Consumer.SchemaHarness", "CreatePlanetAsync", _server.BaseAddress, true);

        // Even when the object holds them (a planet read earlier and sent again), id and lastUpdated are not sent.
        Assert.Equal(
            """{"name":"Mars","satellites":[{"name":"Phobos","orbit":{"planet":{"name":"Mars"},"period":0.319}}]}""",
            _received);
        Assert.Equal("id=4 lastUpdated=2024-01-15T14:30:00.0000000+00:00 satelliteId=41", result);
    }

    [Fact]
    public async Task ANewObjectIsSentWithoutAMadeUpId()
    {
        RespondWithBodyCapture(201, """{"id":5,"name":"Mars"}""");

        var result = await CallAsync(Feature.Value, "Consumer.SchemaHarness", "CreatePlanetAsync", _server.BaseAddress, false);

        Assert.Equal(
            """{"name":"Mars","satellites":[{"name":"Phobos","orbit":{"planet":{"name":"Mars"},"period":0.319}}],"measurements":{"mass":0.107,"density":3.93}}""",
            _received);
        Assert.StartsWith("id=5 ", result);
    }

    [Fact]
    public async Task AnArrayRequestBodyLeavesReadOnlyPropertiesOut()
    {
        RespondWithBodyCapture(200, "[]");

        Assert.Equal("count=0", await CallAsync(Feature.Value, "Consumer.SchemaHarness", "CreatePlanetsAsync", _server.BaseAddress));

        Assert.Equal(
            """[{"name":"Mars","satellites":[{"name":"Phobos","orbit":{"planet":{"name":"Mars"},"period":0.319}}]},{"name":"Mars","satellites":[{"name":"Phobos","orbit":{"planet":{"name":"Mars"},"period":0.319}}],"measurements":{"mass":0.107,"density":3.93}}]""",
            _received);
    }

    [Fact]
    public void TheJsonResolverWritesEverythingTheObjectHolds()
    {
        var json = (string)Feature.Value.Call("Consumer.SchemaHarness", "SerializeStoredPlanet")!;

        Assert.Equal(
            """{"id":4,"name":"Mars","lastUpdated":"2024-01-15T14:30:00+00:00","satellites":[{"id":41,"name":"Phobos","orbit":{"planet":{"id":4,"name":"Mars"},"period":0.319}}]}""",
            json);
        Assert.Equal(json, (string)Feature.Value.Call("Consumer.SchemaHarness", "RoundTripPlanet", json)!);
    }

    [Fact]
    public async Task AResponseWithoutItsRequiredReadOnlyPropertyIsRejectedWithItsPath()
    {
        _server.Respond = LoopbackServer.Json(201, """{"name":"Mars"}""");

        var result = await CallAsync(Feature.Value, "Consumer.SchemaHarness", "CallCreatePlanetAsync", _server.BaseAddress);

        Assert.StartsWith("exception jsonPath=$.id ", result);
        Assert.Contains("the required property is missing", result);
    }

    [Fact]
    public async Task AWriteOnlyPropertyIsSentAndNotExpectedBack()
    {
        RespondWithBodyCapture(200, """{"email":"ada@example.com"}""");

        var result = await CallAsync(Feature.Value, "Consumer.SchemaHarness", "CreateAccountAsync", _server.BaseAddress);

        Assert.Equal("""{"email":"ada@example.com","password":"correct horse"}""", _received);
        Assert.Equal("email=ada@example.com password=(null)", result);
    }

    [Fact]
    public void AWriteOnlyRequiredPropertyIsRequiredByValidate()
    {
        Assert.Equal("$.password required", (string)Feature.Value.Call("Consumer.SchemaHarness", "ValidateCredentials", (string?)null)!);
        Assert.Equal("$.password minLength", (string)Feature.Value.Call("Consumer.SchemaHarness", "ValidateCredentials", "short")!);
        Assert.Equal(string.Empty, (string)Feature.Value.Call("Consumer.SchemaHarness", "ValidateCredentials", "long enough")!);
    }

    [Fact]
    public async Task DeclaredAndAdditionalPropertiesAreBothSentAndRead()
    {
        RespondWithBodyCapture(200, """{"density":3.93,"mass":0.107,"radius":0.532,"albedo":0.25}""");

        var result = await CallAsync(Feature.Value, "Consumer.SchemaHarness", "PutMeasurementsAsync", _server.BaseAddress);

        // The dictionary's "mass" is not written: the typed property wins, so the JSON has no duplicate key.
        Assert.Equal("""{"mass":0.107,"density":3.93,"albedo":0.25}""", _received);
        Assert.Equal("mass=0.107 radius=0.532 additional=albedo:0.25,density:3.93", result);
    }

    [Fact]
    public void AdditionalPropertyValuesAreValidated()
    {
        Assert.Equal("$['density'] minimum", (string)Feature.Value.Call("Consumer.SchemaHarness", "ValidateMeasurements")!);
    }

    [Theory]
    [InlineData("Measurements", """{"mass":1.5,"radius":2,"density":5.5,"albedo":0.3}""")]
    [InlineData("Labels", """{"name":"n","color":"red","weight":{"value":3,"unit":"kg"},"tags":[1,"two",null],"none":null}""")]
    [InlineData("Tree", """{"label":"root","children":[{"label":"a","meta":{"parent":{"label":"root"}}}],"byName":{"left":{"label":"l","children":[{"label":"ll"}]}}}""")]
    public void PropertiesBesideAdditionalPropertiesRoundTrip(string type, string json)
    {
        Assert.Equal(json, (string)Feature.Value.Call("Consumer.SchemaHarness", "RoundTrip", type, json)!);
    }

    [Fact]
    public async Task FreeFormAdditionalPropertiesAreKeptAsJson()
    {
        _server.Respond = LoopbackServer.Json(200, """{"color":"red","name":"n","weight":{"value":3}}""");

        var result = await CallAsync(Feature.Value, "Consumer.SchemaHarness", "GetLabelsAsync", _server.BaseAddress);

        Assert.Equal("""name=n extra=color:"red",weight:{"value":3}""", result);
    }

    [Fact]
    public void AClosedSchemaHasNoAdditionalPropertiesDictionary()
    {
        Assert.DoesNotContain("AdditionalProperties", FeatureRun.Value.Source("FeatureSchemasClient.Planet.g.cs"));
        Assert.Contains("IReadOnlyDictionary<string, double>? AdditionalProperties", FeatureRun.Value.Source("FeatureSchemasClient.Measurements.g.cs"));
        Assert.Contains("IReadOnlyDictionary<string, Json_.JsonElement>? AdditionalProperties", FeatureRun.Value.Source("FeatureSchemasClient.Labels.g.cs"));
    }

    [Fact]
    public void RecursionThroughArraysInlineObjectsAndRefsGenerates()
    {
        // CelestialBody (a union of Planet and Satellite) and DetailedPlanet come first: Planet is met through them before itself.
        Assert.DoesNotContain(FeatureRun.Value.GeneratorDiagnostics, diagnostic => diagnostic.Id == "APG004");
        Assert.Contains("IReadOnlyList<Satellite>? Satellites", FeatureRun.Value.Source("FeatureSchemasClient.Planet.g.cs"));
        Assert.Contains("Planet? Planet", FeatureRun.Value.Source("FeatureSchemasClient.SatelliteOrbit.g.cs"));
        Assert.Contains("public CelestialBody(Planet value)", FeatureRun.Value.Source("FeatureSchemasClient.CelestialBody.g.cs"));
        Assert.Contains("IReadOnlyList<Satellite>? Satellites", FeatureRun.Value.Source("FeatureSchemasClient.DetailedPlanet.g.cs"));
        Assert.Contains("Tree? Parent", FeatureRun.Value.Source("FeatureSchemasClient.TreeMeta.g.cs"));
        Assert.Contains("IReadOnlyDictionary<string, Tree>? ByName", FeatureRun.Value.Source("FeatureSchemasClient.Tree.g.cs"));
    }

    [Fact]
    public async Task RecursiveValuesAreRead()
    {
        _server.Respond = LoopbackServer.Json(200, """{"label":"root","children":[{"label":"a","meta":{"parent":{"label":"up"}}}],"byName":{"left":{"label":"l","children":[{"label":"ll"}]}}}""");
        Assert.Equal("up/ll", await CallAsync(Feature.Value, "Consumer.SchemaHarness", "GetTreeAsync", _server.BaseAddress));

        _server.Respond = LoopbackServer.Json(200, """[{"id":1,"name":"Mars","satellites":[{"name":"Phobos","orbit":{"planet":{"id":1,"name":"Mars2"}}}]},{"name":"Deimos"}]""");
        Assert.Equal("Mars:Mars2,Deimos:", await CallAsync(Feature.Value, "Consumer.SchemaHarness", "GetBodiesAsync", _server.BaseAddress));
    }

    [Fact]
    public async Task GalaxyCreatesAPlanetWithoutAnIdAndDoesNotSendOne()
    {
        var run = GeneratorRun.Run(new[] { new SpecFile("/project/spec/galaxy.yaml", _specs.Read(PublicSpecs.Galaxy, "dist/3.1.yaml")) }, csharpSources: new[] { GalaxyHarness });
        Assert.DoesNotContain(run.GeneratorDiagnostics, diagnostic => diagnostic.Id == "APG004");
        Assert.Contains("public long? Id { get; init; }", run.Source("ScalarGalaxyClient.Planet.g.cs"));
        var galaxy = CompiledAssembly.Load(run.Output);
        RespondWithBodyCapture(201, """{"id":1,"name":"Mars","satellites":[{"id":2,"name":"Phobos","orbit":{"planet":{"id":1,"name":"Mars"}}}]}""");

        var result = await CallAsync(galaxy, "Consumer.GalaxyHarness", "CreatePlanetAsync", _server.BaseAddress);

        Assert.Equal("errors= id=1 satellite=Mars", result);
        Assert.Equal("""{"name":"Mars","physicalProperties":{"mass":0.107,"albedo":0.25}}""", _received);

        // Galaxy's own example planet, with members beside physicalProperties' and atmosphere's declared ones, and a
        // satellite whose orbit leads back to a planet: read and written back, nothing is lost.
        var planet = """{"id":1,"name":"Mars","description":"The red planet","type":"terrestrial","habitabilityIndex":0.68,"physicalProperties":{"mass":0.107,"radius":0.532,"gravity":0.378,"temperature":{"min":130,"max":308,"average":210,"dayNight":80},"density":3.93},"atmosphere":[{"compound":"CO2","percentage":95.3,"source":"rover"}],"discoveredAt":"1610-01-07T00:00:00+00:00","image":null,"satellites":[{"id":2,"name":"Phobos","diameter":22.2,"type":"moon","orbit":{"planet":{"id":1,"name":"Mars"},"orbitalPeriod":0.319,"distance":9376}}],"creator":{"id":3,"name":"Marc"},"tags":["solar-system","rocky"],"lastUpdated":"2024-01-15T14:30:00+00:00"}""";
        var written = (string)galaxy.Call("Consumer.GalaxyHarness", "RoundTripPlanet", planet)!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(planet.Replace("\"image\":null,", string.Empty)), JsonNode.Parse(written)), written);

        Assert.Equal("$.password required", (string)galaxy.Call("Consumer.GalaxyHarness", "ValidateCredentials")!);
    }

    /// <summary>The second example: the petstore's readOnly Pet.id must not be sent when adding a pet.</summary>
    [Fact]
    public async Task PetstoreDoesNotSendItsReadOnlyIdOnPost()
    {
        const string harness = """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;

            namespace Consumer
            {
                public static class PetstoreHarness
                {
                    public static async Task<string> AddPetAsync(string baseAddress)
                    {
                        using var http = new HttpClient { BaseAddress = new Uri(baseAddress) };
                        var pet = new Pet { Id = 25, Name = "doggie", PhotoUrls = new[] { "https://example.com/photo.png" } };
                        await new SwaggerPetstoreClient(http, "token").AddPetAsync(pet);
                        return "sent";
                    }
                }
            }
            """;
        var run = GeneratorRun.Run(new[] { new SpecFile("/project/spec/petstore.yaml", _specs.Read("3.0/yaml/petstore.yaml")) }, csharpSources: new[] { harness });
        var petstore = CompiledAssembly.Load(run.Output);
        _server.Respond = async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            _received = await reader.ReadToEndAsync();
            context.Response.StatusCode = 200;
        };

        Assert.Equal("sent", await CallAsync(petstore, "Consumer.PetstoreHarness", "AddPetAsync", _server.BaseAddress));

        Assert.Equal("""{"name":"doggie","photoUrls":["https://example.com/photo.png"]}""", _received);
    }

    private static SpecFile FeatureSpec() => SpecFile.Feature("features-schemas.yaml").WithAllSchemas();

    private void RespondWithBodyCapture(int status, string body) => _server.Respond = async context =>
    {
        using var reader = new StreamReader(context.Request.Body);
        _received = await reader.ReadToEndAsync();
        await LoopbackServer.Json(status, body)(context);
    };

    private static async Task<string> CallAsync(CompiledAssembly assembly, string type, string method, params object?[] arguments) =>
        await (Task<string>)assembly.Call(type, method, arguments)!;
}
