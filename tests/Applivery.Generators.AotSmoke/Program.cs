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

    // The non-JSON wire formats: a multipart upload with two files and a JSON part, then a streamed binary download.
    var files = new AotSmoke.Files.FilesClient(http);
    var stored = await files.UploadAsync(new AotSmoke.Files.UploadRequest
    {
        Files = new[]
        {
            new AotSmoke.Files.FileUpload(System.Text.Encoding.UTF8.GetBytes("first"), "a.txt", "text/plain"),
            new AotSmoke.Files.FileUpload(new System.IO.MemoryStream(new byte[] { 1, 2, 3 }), "b.bin"),
        },
        Metadata = new AotSmoke.Files.UploadRequestMetadata { Label = "aot" },
    });
    Console.WriteLine("upload.stored=" + stored.Stored);
    using (var download = await files.DownloadAsync("report"))
    using (var reader = new System.IO.StreamReader(download.Content))
    {
        Console.WriteLine("download.name=" + download.FileName);
        Console.WriteLine("download.text=" + await reader.ReadToEndAsync());
    }

    // Unions through the resolver: a discriminated one (its discriminator not first), its unknown case, and one
    // without a discriminator.
    var unions = AotSmoke.Unions.UnionsClientJsonTypeInfoResolver.Options;
    var petInfo = (JsonTypeInfo<AotSmoke.Unions.Pet>)unions.GetTypeInfo(typeof(AotSmoke.Unions.Pet));
    var pet = JsonSerializer.Deserialize("{\"name\":\"Tom\",\"hunts\":true,\"pet_type\":\"cat\"}", petInfo)!;
    Console.WriteLine("pet.case=" + pet.GetType().Name);
    Console.WriteLine("pet.json=" + JsonSerializer.Serialize<AotSmoke.Unions.Pet>(new AotSmoke.Unions.Dog { Name = "Rex", Bark = true }, petInfo));
    var parrot = (AotSmoke.Unions.UnknownPet)JsonSerializer.Deserialize("{\"pet_type\":\"parrot\",\"name\":\"Polly\"}", petInfo)!;
    Console.WriteLine("pet.unknown=" + parrot.DiscriminatorValue + " " + JsonSerializer.Serialize<AotSmoke.Unions.Pet>(parrot, petInfo));
    var hitInfo = (JsonTypeInfo<AotSmoke.Unions.Hit>)unions.GetTypeInfo(typeof(AotSmoke.Unions.Hit));
    var hits = new[] { "{\"login\":\"octo\"}", "{\"pet_type\":\"cat\",\"name\":\"Tom\"}", "7" };
    Console.WriteLine("hit.cases=" + string.Join(",", Array.ConvertAll(hits, json => JsonSerializer.Deserialize(json, hitInfo)!.Value.GetType().Name)));
    Console.WriteLine("hit.json=" + JsonSerializer.Serialize(new AotSmoke.Unions.Hit(42), hitInfo));

    return 0;
}
catch (AppliveryClientException exception)
{
    Console.WriteLine("error=" + exception.Message);
    return 1;
}
catch (AotSmoke.Files.FilesClientException exception)
{
    Console.WriteLine("error=" + exception.Message);
    return 1;
}
