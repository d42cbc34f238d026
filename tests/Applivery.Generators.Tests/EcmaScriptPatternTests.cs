using System.Text.RegularExpressions;
using Applivery.Generators.Model;

namespace Applivery.Generators.Tests;

/// <summary>Spec patterns are ECMAScript; the compiled .NET pattern must accept exactly what ECMAScript accepts.</summary>
public class EcmaScriptPatternTests
{
    [Theory]
    [InlineData("^[a-f0-9]{24}$", @"^[a-f0-9]{24}\z")]
    [InlineData(@"^\d+$", @"^[0-9]+\z")]
    [InlineData(@"^[\d-]+$", @"^[0-9-]+\z")]
    [InlineData(@"^\$[$]$", @"^\$[$]\z")]
    [InlineData(@"^[]$]$", @"^[]$]\z")]
    [InlineData(@"^[^]$]\\$", @"^[^]$]\\\z")]
    [InlineData(@"^(([a-fA-F0-9]{24})|([a-zA-Z0-9\\-]{3,}))$", @"^(([a-fA-F0-9]{24})|([a-zA-Z0-9\\-]{3,}))\z")]
    public void TheTextIsAdaptedOnlyWhereTheMeaningsDiffer(string pattern, string expected)
    {
        Assert.Equal(expected, EcmaScriptPattern.ToDotNet(pattern));
    }

    [Theory]
    [InlineData("^[a-f0-9]{2}$", "ab\n", false)]
    [InlineData("^[a-f0-9]{2}$", "ab", true)]
    [InlineData(@"^\d$", "٣", false)]
    [InlineData(@"^\d$", "3", true)]
    public void TheCompiledPatternBehavesLikeEcmaScript(string pattern, string value, bool matches)
    {
        Assert.Equal(matches, Regex.IsMatch(value, EcmaScriptPattern.ToDotNet(pattern), RegexOptions.CultureInvariant));
    }
}
