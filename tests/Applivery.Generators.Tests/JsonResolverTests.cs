using System;
using Applivery.Generators.Tests.Infrastructure;

namespace Applivery.Generators.Tests;

/// <summary>Users can (de)serialize the DTOs with System.Text.Json through the generated resolver, no reflection.</summary>
public class JsonResolverTests
{
    private const string Harness = """
        using System.Text.Json;
        using System.Text.Json.Serialization.Metadata;

        namespace Consumer
        {
            public static class ResolverHarness
            {
                public static string RoundTrip(string json)
                {
                    var info = (JsonTypeInfo<Member>)AppliveryClientJsonTypeInfoResolver.Options.GetTypeInfo(typeof(Member));
                    var member = JsonSerializer.Deserialize(json, info)!;
                    return member.Type + "|" + member.Email + "|" + JsonSerializer.Serialize(member, info);
                }

                public static string Failure(string json)
                {
                    var info = (JsonTypeInfo<UserDownloads>)AppliveryClientJsonTypeInfoResolver.Options.GetTypeInfo(typeof(UserDownloads));
                    try
                    {
                        JsonSerializer.Deserialize(json, info);
                        return "no failure";
                    }
                    catch (JsonException exception)
                    {
                        return exception.Message;
                    }
                }
            }
        }
        """;

    private static readonly Lazy<CompiledAssembly> Assembly = new(() =>
        CompiledAssembly.Load(GeneratorRun.Run(new[] { SpecFile.Applivery() }, csharpSources: new[] { Harness }).Output));

    [Fact]
    public void JsonSerializerRoundTripsThroughTheGeneratedResolver()
    {
        var result = (string)Assembly.Value.Call("Consumer.ResolverHarness", "RoundTrip", """{"type":"otpUser","email":"a@b.c","extra":1}""")!;

        Assert.Equal("""OtpUser|a@b.c|{"type":"otpUser","email":"a@b.c"}""", result);
    }

    [Fact]
    public void JsonSerializerFailuresNameThePath()
    {
        var result = (string)Assembly.Value.Call("Consumer.ResolverHarness", "Failure", """{"member": {"email": 42}}""")!;

        Assert.Contains("$.member.email: expected a string, found '42'", result);
    }
}
