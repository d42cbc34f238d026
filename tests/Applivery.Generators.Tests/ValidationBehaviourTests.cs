using System;
using System.Linq;
using Applivery.Generators.Tests.Infrastructure;

namespace Applivery.Generators.Tests;

/// <summary>The generated validators, compiled and run against real values.</summary>
public class ValidationBehaviourTests
{
    private const string Harness = """
        namespace Consumer
        {
            public static class Harness
            {
                public static void CheckParameters(string organizationId, string applicationId, string buildId, string? email) =>
                    AppliveryClientValidation.ValidateGetBuildDownloadsByUserParameters(organizationId, applicationId, buildId, email, null, null);

                public static string[] ValidateResponse(string? memberEmail, string? memberId, int? total, string? downloadId) =>
                    global::System.Linq.Enumerable.ToArray(global::System.Linq.Enumerable.Select(
                        new DownloadsByUserResponse
                        {
                            Data = new[]
                            {
                                new UserDownloads
                                {
                                    Total = total,
                                    Member = new Member { Email = memberEmail, MemberId = memberId, Type = MemberType.MdmUser },
                                    Downloads = new[] { new Download { Id = downloadId, From = DownloadSource.IntegrationApi } },
                                },
                            },
                        }.Validate(),
                        error => error.ToString()));
            }
        }
        """;

    private const string HexId = "5f8d0d55b54764421b7156c9";

    private static readonly Lazy<CompiledAssembly> Assembly = new(() =>
        CompiledAssembly.Load(GeneratorRun.Run(new[] { SpecFile.Applivery() }, csharpSources: new[] { Harness }).Output));

    [Theory]
    [InlineData(HexId)]
    [InlineData("my-organization")]
    [InlineData("abc")]
    [InlineData("ABC-123-xyz")]
    public void OrganizationAndApplicationIdsAcceptHexIdsAndSlugs(string id)
    {
        CheckParameters(id, id, HexId, null);
    }

    [Theory]
    [InlineData("ab", "organizationId")]
    [InlineData("../x", "organizationId")]
    [InlineData("a b c", "organizationId")]
    [InlineData("slug/../../admin", "organizationId")]
    public void OrganizationIdRejectsWhatThePatternRejects(string value, string parameter)
    {
        var exception = Assert.Throws<ArgumentException>(() => CheckParameters(value, "app-slug", HexId, null));

        Assert.Equal(parameter, exception.ParamName);
        Assert.Contains("pattern", exception.Message);
        Assert.Contains("^(([a-fA-F0-9]{24})|([a-zA-Z0-9\\\\-]{3,}))$", exception.Message);
        Assert.Contains("'" + value + "'", exception.Message);
    }

    [Fact]
    public void TheDoubledBackslashOfTheSpecIsKeptSoABackslashIsAllowedInSlugs()
    {
        // The spec's character class is [a-zA-Z0-9\\-]: a backslash and a hyphen, exactly as Applivery writes it.
        CheckParameters(@"org\name", "app-slug", HexId, null);
    }

    [Theory]
    [InlineData("my-build")]
    [InlineData("5f8d0d55b54764421b7156c")]
    [InlineData("5f8d0d55b54764421b7156c9a")]
    [InlineData("zf8d0d55b54764421b7156c9")]
    [InlineData(HexId + "\n")]
    public void BuildIdAcceptsOnlyA24CharacterHexId(string buildId)
    {
        var exception = Assert.Throws<ArgumentException>(() => CheckParameters("org-slug", "app-slug", buildId, null));

        Assert.Equal("buildId", exception.ParamName);
    }

    [Fact]
    public void RequiredParametersMustNotBeNull()
    {
        var exception = Assert.Throws<ArgumentNullException>(() => CheckParameters(null!, "app-slug", HexId, null));

        Assert.Equal("organizationId", exception.ParamName);
    }

    [Fact]
    public void EmailAcceptsUpTo128CharactersAndRejects129()
    {
        CheckParameters("org-slug", "app-slug", HexId, new string('a', 116) + "@example.com");

        var tooLong = new string('a', 117) + "@example.com";
        var exception = Assert.Throws<ArgumentException>(() => CheckParameters("org-slug", "app-slug", HexId, tooLong));

        Assert.Equal("email", exception.ParamName);
        Assert.Contains("at most 128 characters", exception.Message);
        Assert.Contains("maxLength", exception.Message);
        Assert.Contains(tooLong, exception.Message);
    }

    [Fact]
    public void LengthCountsCharactersNotUtf16Units()
    {
        // 128 emoji are 256 UTF-16 units but 128 characters, as JSON Schema counts them.
        CheckParameters("org-slug", "app-slug", HexId, string.Concat(Enumerable.Repeat("😀", 128)));
    }

    [Fact]
    public void AValidResponseHasNoErrors()
    {
        Assert.Empty(Validate("user@example.com", HexId, 3, HexId));
    }

    [Fact]
    public void ResponseValidationReportsEveryViolationWithItsJsonPath()
    {
        var errors = Validate(new string('e', 257), "not-hex", -1, "short");

        Assert.Equal(4, errors.Length);
        Assert.Contains(errors, error => error.StartsWith("$.data[0].total: must be at least 0 (was '-1')", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.StartsWith("$.data[0].member.memberId: must match the pattern '^[a-fA-F0-9]{24}$' (was 'not-hex')", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.StartsWith("$.data[0].member.email: must be at most 256 characters long", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.StartsWith("$.data[0].downloads[0].id: must match the pattern", StringComparison.Ordinal));
    }

    [Fact]
    public void ACatastrophicBacktrackingPatternCannotHangTheCaller()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Slow, version: '1' }
            paths: {}
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    name: { type: string, pattern: '^(a+)+$' }
            """;
        const string harness = """
            namespace Consumer
            {
                public static class SlowHarness
                {
                    public static string[] Validate(string name) =>
                        global::System.Linq.Enumerable.ToArray(global::System.Linq.Enumerable.Select(new Thing { Name = name }.Validate(), error => error.ToString()));
                }
            }
            """;
        var assembly = CompiledAssembly.Load(GeneratorRun.Run(new[] { new SpecFile("/project/slow.yaml", spec) }, csharpSources: new[] { harness }).Output);

        var started = DateTime.UtcNow;
        var errors = (string[])assembly.Call("Consumer.SlowHarness", "Validate", new string('a', 40) + "!")!;

        // The regex gives up after its 2-second match timeout; the value counts as not matching.
        Assert.Single(errors);
        Assert.StartsWith("$.name: must match the pattern '^(a+)+$'", errors[0]);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(60), "no hang");
    }

    [Fact]
    public void AnEmptyPathParameterIsRefusedBeforeAnythingIsSent()
    {
        // Without a rule of its own, an empty owner would send GET /users//repos, which a server may read as /users/repos.
        const string Spec = """
            openapi: 3.0.3
            info: { title: Paths, version: '1' }
            servers: [{ url: 'https://example.test/' }]
            paths:
              /users/{owner}/repos/{name}:
                get:
                  operationId: getRepo
                  parameters:
                    - { name: owner, in: path, required: true, schema: { type: string } }
                    - { name: name, in: path, required: true, schema: { type: string, minLength: 2 } }
                  responses:
                    '204': { description: ok }
            """;
        const string PathHarness = """
            namespace Consumer
            {
                public static class PathHarness
                {
                    public static void Check(string owner, string name) => PathsClientValidation.ValidateGetRepoParameters(owner, name);
                }
            }
            """;
        var run = GeneratorRun.Run(new[] { new SpecFile("/project/paths.yaml", Spec) }, csharpSources: new[] { PathHarness });
        var assembly = CompiledAssembly.Load(run.Output);

        assembly.Call("Consumer.PathHarness", "Check", "octo", "hello");
        var exception = Assert.Throws<ArgumentException>(() => assembly.Call("Consumer.PathHarness", "Check", "", "hello"));
        Assert.Equal("The parameter 'owner' must not be empty (it is a path segment), but was '' (rule: required). (Parameter 'owner')", exception.Message);
        var tooShort = Assert.Throws<ArgumentException>(() => assembly.Call("Consumer.PathHarness", "Check", "octo", ""));
        Assert.Contains("(rule: minLength)", tooShort.Message, StringComparison.Ordinal);
        // Applivery's ids have a pattern that refuses the empty text too; the segment rule, first, says why in plain words.
        var emptyOrganization = Assert.Throws<ArgumentException>(() => CheckParameters("", "app-slug", HexId, null));
        Assert.Equal("organizationId", emptyOrganization.ParamName);
        Assert.Contains("must not be empty (it is a path segment)", emptyOrganization.Message, StringComparison.Ordinal);
        // minLength already refuses the empty name: its own rule says so, once.
        Assert.DoesNotContain("RequireSegment(name", run.Source("Consumer.PathsClientValidation.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void UniqueItemsAndPropertyCountsAreCheckedWhereTheyCanBeAndSaidWhereNot()
    {
        // GitHub's shapes: uniqueItems on an array of enum values, maxProperties on a map and on a free-form object; beside
        // them the two that stay unchecked.
        const string Spec = """
            openapi: 3.0.3
            info: { title: Counts, version: '1' }
            servers: [{ url: 'https://example.test/' }]
            paths:
              /deployments:
                get:
                  operationId: listDeployments
                  parameters:
                    - { name: ids, in: query, schema: { type: array, uniqueItems: true, items: { type: integer } } }
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/Deployment' }
            components:
              schemas:
                Deployment:
                  type: object
                  properties:
                    risks:
                      type: array
                      uniqueItems: true
                      items: { type: string, enum: [critical, exposed] }
                    tags:
                      type: object
                      minProperties: 1
                      maxProperties: 2
                      additionalProperties: { type: string }
                    owners:
                      type: array
                      uniqueItems: true
                      items: { type: object, properties: { login: { type: string } } }
                    settings: { $ref: '#/components/schemas/Settings' }
                    inputs: { type: object, additionalProperties: true, maxProperties: 1 }
                Settings:
                  type: object
                  maxProperties: 3
                  properties:
                    name: { type: string }
            """;
        const string CountsHarness = """
            using System.Collections.Generic;
            using System.Linq;

            namespace Consumer
            {
                public static class CountsHarness
                {
                    public static string[] Validate(int tagCount, bool repeatRisk) =>
                        new Deployment
                        {
                            Risks = repeatRisk ? new[] { DeploymentRisksItem.Critical, DeploymentRisksItem.Exposed, DeploymentRisksItem.Critical } : new[] { DeploymentRisksItem.Critical },
                            Tags = Enumerable.Range(0, tagCount).ToDictionary(index => "t" + index, index => "v"),
                        }.Validate().Select(error => error.ToString()).ToArray();

                    public static string[] ValidateInputs(string json) =>
                        new Deployment { Inputs = System.Text.Json.JsonDocument.Parse(json).RootElement }.Validate().Select(error => error.ToString()).ToArray();

                    public static void CheckIds(int[] ids) => CountsClientValidation.ValidateListDeploymentsParameters(ids);
                }
            }
            """;
        var run = GeneratorRun.Run(new[] { new SpecFile("/project/counts.yaml", Spec) }, csharpSources: new[] { CountsHarness });
        var assembly = CompiledAssembly.Load(run.Output);

        Assert.Empty((string[])assembly.Call("Consumer.CountsHarness", "Validate", 2, false)!);
        Assert.Equal(
            new[] { "$.risks: must not hold the same item twice (was 'item 2 equals item 0')", "$.tags: must have at most 2 properties (was '3 properties')" },
            ((string[])assembly.Call("Consumer.CountsHarness", "Validate", 3, true)!).Select(error => error.Split(" [")[0]));
        Assert.Equal(
            new[] { "$.tags: must have at least 1 properties (was '0 properties')" },
            ((string[])assembly.Call("Consumer.CountsHarness", "Validate", 0, false)!).Select(error => error.Split(" [")[0]));
        // A free-form object's JSON properties count (GitHub's workflow inputs); JSON that is not an object is not counted.
        Assert.Empty((string[])assembly.Call("Consumer.CountsHarness", "ValidateInputs", "{\"a\":1}")!);
        Assert.Empty((string[])assembly.Call("Consumer.CountsHarness", "ValidateInputs", "[1,2,3]")!);
        Assert.Equal(
            new[] { "$.inputs: must have at most 1 properties (was '2 properties')" },
            ((string[])assembly.Call("Consumer.CountsHarness", "ValidateInputs", "{\"a\":1,\"b\":2}")!).Select(error => error.Split(" [")[0]));
        assembly.Call("Consumer.CountsHarness", "CheckIds", new[] { 1, 2, 3 });
        var exception = Assert.Throws<ArgumentException>(() => assembly.Call("Consumer.CountsHarness", "CheckIds", new[] { 1, 2, 1 }));
        Assert.Equal("The parameter 'ids' must not hold the same item twice, but was 'item 2 equals item 0' (rule: uniqueItems). (Parameter 'ids')", exception.Message);

        // Objects compare by reference and a class's own properties are not a map: each is said at its line, once.
        var notChecked = run.GeneratorDiagnostics.Where(diagnostic => diagnostic.Id == "APG005").Select(diagnostic => diagnostic.GetMessage()).ToList();
        Assert.Equal(2, notChecked.Count);
        Assert.Contains(notChecked, message => message.Contains("'uniqueItems' at '#/components/schemas/Deployment/properties/owners' on items that are objects", StringComparison.Ordinal));
        Assert.Contains(notChecked, message => message.Contains("'maxProperties' at '#/components/schemas/Settings' on an object with declared properties", StringComparison.Ordinal));
    }

    private static void CheckParameters(string organizationId, string applicationId, string buildId, string? email) =>
        Assembly.Value.Call("Consumer.Harness", "CheckParameters", organizationId, applicationId, buildId, email);

    private static string[] Validate(string? email, string? memberId, int? total, string? downloadId) =>
        (string[])Assembly.Value.Call("Consumer.Harness", "ValidateResponse", email, memberId, total, downloadId)!;
}
