using System;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using AotSmoke;

// Usage: AotSmoke <base address> — calls the API once and prints what came back, one fact per line.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: Applivery.Generators.AotSmoke <base address>");
    return 2;
}

using var http = new HttpClient { BaseAddress = new Uri(args[0]) };
var client = new AppliveryClient(http, "aot-token");
try
{
    var response = await client.GetBuildDownloadsByUserAsync("my-org", "my-app", "5f8d0d55b54764421b7156c9", email: "user@example.com");
    var member = response.Data![0].Member!;
    Console.WriteLine("users=" + response.Data.Count);
    Console.WriteLine("member.type=" + member.Type);
    Console.WriteLine("download.from=" + response.Data[0].Downloads![0].From);

    // The resolver path users take for their own (de)serialization must be AOT-safe too.
    var info = (JsonTypeInfo<Member>)AppliveryClientJsonTypeInfoResolver.Options.GetTypeInfo(typeof(Member));
    Console.WriteLine("member.json=" + JsonSerializer.Serialize(member, info));
    return 0;
}
catch (AppliveryClientException exception)
{
    Console.WriteLine("error=" + exception.Message);
    return 1;
}
