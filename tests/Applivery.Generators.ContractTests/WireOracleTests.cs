using System.Linq;
using System.Text.Json.Nodes;

namespace Applivery.Generators.ContractTests;

/// <summary>
/// The oracle checked against the OpenAPI 3.1 specification's "Style Examples" table itself, so that a mismatch the
/// contract suite reports is the client's and not the test's.
/// </summary>
public class WireOracleTests
{
    private static readonly JsonNode Primitive = JsonValue.Create("blue");
    private static readonly JsonNode Array = new JsonArray("blue", "black", "brown");
    private static readonly JsonNode Object = new JsonObject { ["R"] = 100, ["G"] = 200, ["B"] = 150 };

    [Theory]
    [InlineData("matrix", false, ";color=blue", ";color=blue,black,brown", ";color=R,100,G,200,B,150")]
    [InlineData("matrix", true, ";color=blue", ";color=blue;color=black;color=brown", ";R=100;G=200;B=150")]
    [InlineData("label", false, ".blue", ".blue,black,brown", ".R,100,G,200,B,150")]
    [InlineData("label", true, ".blue", ".blue.black.brown", ".R=100.G=200.B=150")]
    [InlineData("simple", false, "blue", "blue,black,brown", "R,100,G,200,B,150")]
    [InlineData("simple", true, "blue", "blue,black,brown", "R=100,G=200,B=150")]
    public void PathAndHeaderStylesMatchTheSpecificationTable(string style, bool explode, string primitive, string array, string obj)
    {
        Assert.Equal(primitive, WireOracle.Expand("color", style, explode, Primitive));
        Assert.Equal(array, WireOracle.Expand("color", style, explode, Array));
        Assert.Equal(obj, WireOracle.Expand("color", style, explode, Object));
    }

    [Theory]
    [InlineData("form", false, "color=blue", "color=blue,black,brown", "color=R,100,G,200,B,150")]
    [InlineData("form", true, "color=blue", "color=blue&color=black&color=brown", "R=100&G=200&B=150")]
    [InlineData("spaceDelimited", false, null, "color=blue black brown", "color=R 100 G 200 B 150")]
    [InlineData("pipeDelimited", false, null, "color=blue|black|brown", "color=R|100|G|200|B|150")]
    [InlineData("deepObject", true, null, null, "color[R]=100&color[G]=200&color[B]=150")]
    public void QueryStylesMatchTheSpecificationTable(string style, bool explode, string? primitive, string? array, string? obj)
    {
        string Serialize(JsonNode value) => string.Join("&", WireOracle.Query("color", style, explode, value).Select(pair => pair.Name + "=" + pair.Value));
        if (primitive is not null)
        {
            Assert.Equal(primitive, Serialize(Primitive));
        }

        if (array is not null)
        {
            Assert.Equal(array, Serialize(Array));
        }

        Assert.Equal(obj, Serialize(Object));
    }

    [Fact]
    public void ComparisonCatchesAnExplodedArrayWhereTheSpecAsksForCommas()
    {
        var expected = WireOracle.Query("color", "form", false, Array).ToList();
        var sent = WireOracle.ParseQuery("?color=blue&color=black&color=brown");
        var problem = WireOracle.ComparePairs("query", expected, sent);
        Assert.Equal("query 'color': the spec's serialization is color=blue,black,brown, the client sent color=blue&color=black&color=brown", problem);
        Assert.Null(WireOracle.ComparePairs("query", expected, WireOracle.ParseQuery("?color=blue%2Cblack%2Cbrown")));
    }

    [Fact]
    public void DateTimesAndNumbersCompareByValue()
    {
        Assert.True(WireOracle.SameValue("2024-01-02T03:04:05Z", "2024-01-02T03:04:05+00:00"));
        Assert.False(WireOracle.SameValue("2024-01-02T03:04:05Z", "2024-01-02T03:04:06Z"));
        Assert.True(WireOracle.SameValue("1.50", "1.5"));
        Assert.False(WireOracle.SameValue("1", "2"));
        Assert.True(WireOracle.SameValue("0.7256741770233766", "0.72567415", "float"));
    }

    [Theory]
    [InlineData("^[a-fA-F0-9]{24}$")]
    [InlineData("^(([a-fA-F0-9]{24})|([a-zA-Z0-9\\-]{3,}))$")]
    [InlineData("^[A-Z]{2}-\\d{3,5}$")]
    [InlineData("^(?:abc|def)+x?$")]
    public void PatternSamplesMatchTheirPattern(string pattern)
    {
        var sample = PatternSample.Generate(pattern, 0);
        Assert.NotNull(sample);
        Assert.Matches(pattern, sample);
    }
}
