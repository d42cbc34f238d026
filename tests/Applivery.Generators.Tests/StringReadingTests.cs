using System;
using System.Linq;
using System.Threading;
using Applivery.Generators.Tests.Infrastructure;

namespace Applivery.Generators.Tests;

/// <summary>
/// The JSON runtime reuses the string of a short ASCII value this thread read before, and decodes every value exactly as
/// <c>Utf8JsonReader.GetString</c> does.
/// </summary>
public class StringReadingTests
{
    private const string Harness = """
        namespace Consumer
        {
            public static class StringHarness
            {
                public static Member Read(string json) =>
                    AppliveryClientJson.Parse(System.Text.Encoding.UTF8.GetBytes(json), AppliveryClientJson.ReadMember);
            }
        }
        """;

    private static readonly Lazy<CompiledAssembly> Assembly = new(() =>
        CompiledAssembly.Load(GeneratorRun.Run(new[] { SpecFile.Applivery() }, csharpSources: new[] { Harness }).Output));

    private static string? Property(object member, string name) => (string?)member.GetType().GetProperty(name)!.GetValue(member);

    private static object Read(string json) => Assembly.Value.Call("Consumer.StringHarness", "Read", json)!;

    [Fact]
    public void AShortValueReadAgainIsTheSameString()
    {
        var first = Read("""{"firstName":"Camille","lastName":"Dubois"}""");
        var second = Read("""{"firstName":"Camille","lastName":"Rossi"}""");

        Assert.Equal("Camille", Property(second, "FirstName"));
        Assert.Same(Property(first, "FirstName"), Property(second, "FirstName"));
        Assert.NotSame(Property(first, "LastName"), Property(second, "LastName"));
    }

    [Fact]
    public void EscapedNonAsciiAndLongValuesReadAsTheReaderDecodesThem()
    {
        var longValue = new string('x', 33);
        Read("""{"firstName":"Ana","lastName":"José"}""");
        var member = Read("{\"firstName\":\"A\\u006ea\",\"lastName\":\"Jos\\u00e9\",\"email\":\"" + longValue + "\",\"picture\":\"\"}");

        Assert.Equal("Ana", Property(member, "FirstName"));
        Assert.Equal("José", Property(member, "LastName"));
        Assert.Equal(longValue, Property(member, "Email"));
        Assert.Equal(string.Empty, Property(member, "Picture"));
    }

    [Fact]
    public void AnEscapedOrNonAsciiValueIsNeverMistakenForTheStringOfOtherBytes()
    {
        // Each pair shares a slot, and the first value decodes to exactly the bytes of the second: were escaped or
        // non-ASCII values kept, the second read would return the first string.
        Assert.Equal(@"k348\\", Property(Read("""{"firstName":"k348\\\\"}"""), "FirstName"));
        Assert.Equal(@"k348\", Property(Read("""{"firstName":"k348\\"}"""), "FirstName"));
        Assert.Equal("Ã©k758", Property(Read("""{"firstName":"Ã©k758"}"""), "FirstName"));
        Assert.Equal("ék758", Property(Read("""{"firstName":"ék758"}"""), "FirstName"));
    }

    [Fact]
    public void TheAppContextSwitchTurnsReuseOff()
    {
        // A fresh compilation, so that its runtime reads the switch while it is set.
        var assembly = CompiledAssembly.Load(GeneratorRun.Run(new[] { SpecFile.Applivery() }, csharpSources: new[] { Harness }).Output);
        AppContext.SetSwitch("Applivery.Generators.DisableStringReuse", true);
        try
        {
            var first = assembly.Call("Consumer.StringHarness", "Read", """{"firstName":"Priya"}""")!;
            var second = assembly.Call("Consumer.StringHarness", "Read", """{"firstName":"Priya"}""")!;

            Assert.Equal("Priya", Property(second, "FirstName"));
            Assert.NotSame(Property(first, "FirstName"), Property(second, "FirstName"));
        }
        finally
        {
            AppContext.SetSwitch("Applivery.Generators.DisableStringReuse", false);
        }
    }

    [Fact]
    public void ThousandsOfDistinctValuesSharingSlotsEachReadAsThemselves()
    {
        // 256 slots for 5,000 values: most reads find a slot taken by another value, which must never be returned.
        var values = Enumerable.Range(0, 5000).Select(i => "v" + (i * 7919).ToString("x", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        foreach (var round in Enumerable.Range(0, 2))
        {
            foreach (var value in values)
            {
                Assert.Equal(value, Property(Read("{\"firstName\":\"" + value + "\"}"), "FirstName"));
            }
        }
    }

    [Fact]
    public void EachThreadKeepsItsOwnRecentStrings()
    {
        var here = Property(Read("""{"firstName":"Oluwaseun"}"""), "FirstName");
        string? there = null;
        var thread = new Thread(() => there = Property(Read("""{"firstName":"Oluwaseun"}"""), "FirstName"));
        thread.Start();
        thread.Join();

        Assert.Equal(here, there);
        Assert.NotSame(here, there);
    }
}
