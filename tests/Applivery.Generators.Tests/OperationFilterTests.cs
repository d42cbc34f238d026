using System;
using System.Collections.Generic;
using System.IO;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Applivery.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Applivery.Generators.Tests;

/// <summary>
/// <c>IncludeOperations</c>/<c>ExcludeOperations</c> metadata: only the selected operations are generated, with the
/// component schemas they reach (and no other), each under the name it has without a filter.
/// </summary>
public class OperationFilterTests
{
    private const string SpecPath = "/project/spec/github-like.yaml";

    /// <summary>
    /// A small GitHub-like API. Reachability: Repository → RepositoryOwner (allOf) and Permissions (additionalProperties);
    /// Issue → Label (array items) and IssueState (a parameter too); BasicError only from 404 responses; Gist only from
    /// the gists operation; Unreferenced from nothing. Naming: <c>issue_comment</c> and <c>IssueComment</c> both want the
    /// name IssueComment; the first (reached only by the gists operation) takes it, so the second is IssueComment2.
    /// </summary>
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Hub, version: '1' }
        paths:
          /repos/{owner}:
            get:
              operationId: repos/list-for-owner
              tags: [repos]
              parameters:
                - { name: owner, in: path, required: true, schema: { type: string } }
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: { type: array, items: { $ref: '#/components/schemas/Repository' } }
          /repos/{owner}/{repo}/issues:
            get:
              operationId: issues/list-for-repo
              tags: [issues]
              parameters:
                - { name: owner, in: path, required: true, schema: { type: string } }
                - { name: repo, in: path, required: true, schema: { type: string } }
                - { name: state, in: query, schema: { $ref: '#/components/schemas/IssueState' } }
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: { type: array, items: { $ref: '#/components/schemas/Issue' } }
                '404':
                  description: not found
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/BasicError' }
          /repos/{owner}/{repo}/issues/comments/{id}:
            get:
              operationId: issues/get-comment
              tags: [issues]
              parameters:
                - { name: owner, in: path, required: true, schema: { type: string } }
                - { name: repo, in: path, required: true, schema: { type: string } }
                - { name: id, in: path, required: true, schema: { type: integer } }
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/IssueComment' }
          /gists/{id}:
            get:
              operationId: gists/get
              tags: [gists]
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Gist' }
                '404':
                  description: not found
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/BasicError' }
        components:
          schemas:
            issue_comment:
              type: object
              properties: { gist_note: { type: string } }
            Gist:
              type: object
              properties:
                id: { type: string }
                comment: { $ref: '#/components/schemas/issue_comment' }
            Unreferenced:
              type: object
              properties: { x: { type: string } }
            Owner:
              type: object
              properties: { login: { type: string } }
            Repository:
              type: object
              properties:
                name: { type: string }
                owner: { allOf: [ { $ref: '#/components/schemas/Owner' } ], description: the owner }
                permissions: { type: object, additionalProperties: { $ref: '#/components/schemas/Permission' } }
                status: { type: string, enum: [active, archived] }
            Permission:
              type: object
              properties: { granted: { type: boolean } }
            IssueState:
              type: string
              enum: [open, closed]
            Issue:
              type: object
              properties:
                title: { type: string }
                state: { $ref: '#/components/schemas/IssueState' }
                labels: { type: array, items: { $ref: '#/components/schemas/Label' } }
            Label:
              type: object
              properties: { name: { type: string } }
            IssueComment:
              type: object
              properties: { body: { type: string } }
            BasicError:
              type: object
              properties: { message: { type: string } }
        """;

    [Fact]
    public void IncludeByTagKeepsThatTagsOperationsAndTheSchemasTheyReach()
    {
        var run = Generate(include: "tag:issues");

        AssertOnlyTheIntendedNameCollision(run);
        Assert.Equal(new[] { "IssuesGetCommentAsync", "IssuesListForRepoAsync" }, Operations(run));
        var types = TypeNames(run);
        Assert.Superset(new SortedSet<string> { "Issue", "IssueState", "Label", "IssueComment2", "BasicError" }, types);
        Assert.DoesNotContain("Repository", types);
        Assert.DoesNotContain("Gist", types);
        Assert.DoesNotContain("Unreferenced", types);
        Assert.DoesNotContain("IssueComment", types);
        Assert.Empty(run.CompilationDiagnostics());
    }

    [Theory]
    [InlineData("path:/repos/{owner}/**", new[] { "IssuesGetCommentAsync", "ReposListForOwnerAsync", "IssuesListForRepoAsync" })]
    [InlineData("path:/repos/*", new[] { "ReposListForOwnerAsync" })]
    [InlineData("path:/repos/*/*/issues", new[] { "IssuesListForRepoAsync" })]
    [InlineData("path:/repos/**/comments/*", new[] { "IssuesGetCommentAsync" })]
    [InlineData("path:**/{id}", new[] { "IssuesGetCommentAsync", "GistsGetAsync" })]
    public void IncludeByPathGlob(string include, string[] expected)
    {
        var run = Generate(include: include);

        AssertOnlyTheIntendedNameCollision(run);
        Assert.Equal(expected.OrderBy(name => name, StringComparer.Ordinal), Operations(run));
        Assert.Empty(run.CompilationDiagnostics());
    }

    [Theory]
    [InlineData("operationId:gists/get", new[] { "GistsGetAsync" })]
    [InlineData("operationId:issues/*", new[] { "IssuesGetCommentAsync", "IssuesListForRepoAsync" })]
    [InlineData("operationId:repos/list-for-owner, tag:gists", new[] { "GistsGetAsync", "ReposListForOwnerAsync" })]
    [InlineData("operationId:repos/list-for-owner;operationId:gists/get", new[] { "GistsGetAsync", "ReposListForOwnerAsync" })]
    public void IncludeByOperationIdAndListsOfSelectors(string include, string[] expected)
    {
        var run = Generate(include: include);

        AssertOnlyTheIntendedNameCollision(run);
        Assert.Equal(expected.OrderBy(name => name, StringComparer.Ordinal), Operations(run));
    }

    [Fact]
    public void ExcludeWinsOverInclude()
    {
        var run = Generate(include: "tag:issues,tag:repos", exclude: "operationId:issues/get-comment,path:/repos/{owner}");

        AssertOnlyTheIntendedNameCollision(run);
        Assert.Equal(new[] { "IssuesListForRepoAsync" }, Operations(run));
        Assert.DoesNotContain("IssueComment2", TypeNames(run));
        Assert.Empty(run.CompilationDiagnostics());
    }

    [Fact]
    public void ExcludeAloneKeepsEverythingElse()
    {
        var run = Generate(exclude: "tag:gists");

        AssertOnlyTheIntendedNameCollision(run);
        Assert.Equal(new[] { "IssuesGetCommentAsync", "IssuesListForRepoAsync", "ReposListForOwnerAsync" }, Operations(run));
        var types = TypeNames(run);
        Assert.DoesNotContain("Gist", types);
        Assert.DoesNotContain("IssueComment", types);
        Assert.DoesNotContain("Unreferenced", types);
        Assert.Contains("Repository", types);
    }

    [Fact]
    public void ASelectorThatMatchesNothingIsAWarningNamingIt()
    {
        var run = Generate(include: "tag:issues,tag:Repos", exclude: "path:/gist/**");

        var warnings = run.GeneratorDiagnostics.Where(diagnostic => diagnostic.Id == "APG008").Select(Message).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, message => message.Contains("'tag:Repos' matches no operation") && message.Contains("IncludeOperations") && message.Contains("github-like.yaml") && message.Contains("'tag:issues' is used instead"));
        Assert.Contains(warnings, message => message.Contains("'path:/gist/**' matches no operation") && message.Contains("ExcludeOperations") && message.Contains("no operation is excluded"));
        var diagnostic = run.GeneratorDiagnostics.First(item => item.Id == "APG008");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.DefaultSeverity);
        Assert.Equal(SpecPath, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(0, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(new[] { "IssuesGetCommentAsync", "IssuesListForRepoAsync" }, Operations(run));
    }

    [Theory]
    [InlineData("tags:issues", "the selector 'tags:issues' does not start with 'tag:', 'path:' or 'operationId:'")]
    [InlineData("issues", "the selector 'issues' does not start with 'tag:', 'path:' or 'operationId:'")]
    [InlineData("tag:", "the selector 'tag:' names no tag")]
    public void AMalformedSelectorIsAWarningAndSelectsNothing(string include, string reason)
    {
        var run = Generate(include: include);

        var message = Message(Assert.Single(run.GeneratorDiagnostics, diagnostic => diagnostic.Id == "APG008"));
        Assert.Contains(reason, message);
        Assert.Contains("no selector, so no operation is generated", message);
        Assert.Empty(Operations(run));
        Assert.Empty(run.CompilationDiagnostics());
    }

    [Fact]
    public void OnlyReachableSchemasAreGeneratedThroughEveryKindOfReference()
    {
        var run = Generate(include: "operationId:repos/list-for-owner,operationId:issues/list-for-repo");

        var types = TypeNames(run);

        // Response items, allOf, additionalProperties, an inline enum, properties, a parameter and a 404 body.
        Assert.Superset(new SortedSet<string> { "Repository", "Owner", "Permission", "RepositoryStatus", "Issue", "Label", "IssueState", "BasicError" }, types);
        Assert.DoesNotContain("Gist", types);
        Assert.DoesNotContain("IssueComment", types);
        Assert.DoesNotContain("IssueComment2", types);
        Assert.DoesNotContain("Unreferenced", types);
        // The client is split by tag (repos, issues); the 404 body is read by an error reader the operations share, in the client's file.
        var client = Assert.Single(run.Sources, source => source.HintName == "Consumer.HubClient.g.cs").SourceText.ToString();
        Assert.Contains("TryParseError(error_, global::Consumer.HubClientJson.ReadBasicError)", client);
    }

    [Fact]
    public void ASchemaOnlyAnExcludedOperationUsesIsNotGeneratedButOneAKeptErrorResponseUsesIs()
    {
        var run = Generate(include: "tag:gists");

        var types = TypeNames(run);
        Assert.Contains("Gist", types);
        Assert.Contains("BasicError", types);
        Assert.Contains("IssueComment", types);
        Assert.DoesNotContain("Issue", types);
        Assert.DoesNotContain("Label", types);
        Assert.DoesNotContain("Repository", types);
    }

    [Fact]
    public void KeptTypesHaveTheNamesTheyHaveWithoutAFilter()
    {
        var unfiltered = GeneratorRun.Run(new[] { new SpecFile(SpecPath, Spec).WithAllSchemas() });
        var unfilteredTypes = TypeNames(unfiltered);
        Assert.Contains("Unreferenced", unfilteredTypes);
        Assert.Contains("IssueComment2", unfilteredTypes);

        foreach (var include in new[] { "tag:issues", "tag:repos", "tag:gists", "operationId:issues/get-comment" })
        {
            var filtered = Generate(include: include);
            var filteredTypes = TypeNames(filtered);

            Assert.Subset(unfilteredTypes, filteredTypes);
            Assert.True(filteredTypes.Count < unfilteredTypes.Count, include);
            Assert.Subset(new SortedSet<string>(Operations(unfiltered)), new SortedSet<string>(Operations(filtered)));
        }

        Assert.Contains("IssueComment2", TypeNames(Generate(include: "operationId:issues/get-comment")));
    }

    [Fact]
    public void BodiesPathItemParametersHeadersAndDiscriminatorMappingsAreReached()
    {
        const string pets = """
            openapi: 3.0.3
            info: { title: Hub, version: '1' }
            paths:
              /pets/{region}:
                parameters:
                  - { name: region, in: path, required: true, schema: { $ref: '#/components/schemas/Region' } }
                post:
                  operationId: addPet
                  requestBody: { $ref: '#/components/requestBodies/PetBody' }
                  responses:
                    '201':
                      description: created
                      headers:
                        X-Rate-Policy: { schema: { $ref: '#/components/schemas/RatePolicy' } }
              /other:
                get:
                  operationId: getOther
                  responses:
                    '200':
                      description: ok
                      content: { application/json: { schema: { $ref: '#/components/schemas/Other' } } }
            components:
              requestBodies:
                PetBody:
                  required: true
                  content: { application/json: { schema: { $ref: '#/components/schemas/NewPet' } } }
              schemas:
                Other: { type: object, properties: { x: { type: string } } }
                Region: { type: string, enum: [eu, us] }
                RatePolicy: { type: string, enum: [strict, lax] }
                NewPet:
                  oneOf: [ { $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' } ]
                  discriminator:
                    propertyName: kind
                    mapping: { cat: '#/components/schemas/Cat', dog: Dog, lizard: Lizard }
                Cat: { type: object, properties: { kind: { type: string }, purrs: { type: boolean } } }
                Dog: { type: object, properties: { kind: { type: string }, barks: { type: boolean } } }
                Lizard: { type: object, properties: { kind: { type: string } } }
            """;

        var run = GeneratorRun.Run(new[] { new SpecFile(SpecPath, pets, new Dictionary<string, string> { ["IncludeOperations"] = "operationId:addPet" }) });

        var types = TypeNames(run);
        Assert.Superset(new SortedSet<string> { "Region", "RatePolicy", "NewPet", "Cat", "Dog", "Lizard" }, types);
        Assert.DoesNotContain("Other", types);
        Assert.Empty(run.CompilationDiagnostics());
    }

    /// <summary>Compiled with the filtered client: one kept call, described; the 404 body read as the kept BasicError.</summary>
    private const string Harness = """
        using System;
        using System.Linq;
        using System.Net.Http;
        using System.Threading.Tasks;

        namespace Consumer
        {
            public static class FilterHarness
            {
                public static async Task<string> ListAsync(string baseAddress)
                {
                    using var http = new HttpClient { BaseAddress = new Uri(baseAddress) };
                    var client = new HubClient(http);
                    try
                    {
                        var issues = await client.IssuesListForRepoAsync("octo", "hello", IssueState.Open);
                        return string.Join("|", issues.Select(issue => issue.Title + ":" + issue.State + ":" + string.Join(",", issue.Labels!.Select(label => label.Name))));
                    }
                    catch (HubClientException exception)
                    {
                        return exception.StatusCode + ":" + (exception.Body as BasicError)?.Message;
                    }
                }
            }
        }
        """;

    [Fact]
    public async Task FilteredCodeCompilesAndCallsTheServer()
    {
        var run = GeneratorRun.Run(
            new[] { new SpecFile(SpecPath, Spec, new Dictionary<string, string> { ["IncludeOperations"] = "tag:issues", ["ExcludeOperations"] = "operationId:issues/get-comment" }) },
            csharpSources: new[] { Harness });

        Assert.Empty(run.CompilationDiagnostics());
        var assembly = CompiledAssembly.Load(run.Output);
        Assert.Null(assembly.Type("Consumer.HubClient").GetMethod("IssuesGetCommentAsync"));
        await using var server = await LoopbackServer.StartAsync();

        server.Respond = LoopbackServer.Json(200, """[{"title":"Bug","state":"open","labels":[{"name":"p1"},{"name":"ui"}]}]""");
        Assert.Equal("Bug:Open:p1,ui", await (Task<string>)assembly.Call("Consumer.FilterHarness", "ListAsync", server.BaseAddress)!);
        var request = Assert.Single(server.Requests);
        Assert.Equal(new Uri(server.BaseAddress).AbsolutePath + "repos/octo/hello/issues?state=open", request.RawTarget);

        server.Respond = LoopbackServer.Json(404, """{"message":"Not Found"}""");
        Assert.Equal("404:Not Found", await (Task<string>)assembly.Call("Consumer.FilterHarness", "ListAsync", server.BaseAddress)!);
    }

    /// <summary>
    /// Through real MSBuild and the package's props: <c>;</c> separates selectors as in any MSBuild list, although the
    /// compiler's .editorconfig reader would cut the value at the first <c>;</c> (the props rewrite it to <c>,</c>).
    /// </summary>
    [Fact]
    public async Task SemicolonSeparatedSelectorsSurviveMsBuild()
    {
        var root = Path.Combine(Path.GetTempPath(), "applivery-filter-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(root);
            File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />");
            File.WriteAllText(Path.Combine(root, "Directory.Packages.props"), "<Project />");
            File.WriteAllText(Path.Combine(root, "api.yaml"), Spec);
            var generator = Path.Combine(RepositoryPaths.Root, "src", "Applivery.Generators");
            File.WriteAllText(Path.Combine(root, "Filtered.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
                    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                    <RootNamespace>Consumer</RootNamespace>
                    <NoWarn>$(NoWarn);APG007</NoWarn>
                  </PropertyGroup>
                  <Import Project="{generator}/build/Applivery.Generators.props" />
                  <ItemGroup>
                    <ProjectReference Include="{generator}/Applivery.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                    <AdditionalFiles Include="api.yaml" IncludeOperations="tag:issues;tag:gists" ExcludeOperations="operationId:issues/get-comment; path:/nowhere" />
                  </ItemGroup>
                </Project>
                """);

            var build = await ProcessRunner.RunAsync("dotnet", "build -c Release", TimeSpan.FromMinutes(10), root);

            // The unmatched exclude selector after the ';' is reported (as an error, warnings being errors): it arrived.
            Assert.NotEqual(0, build.ExitCode);
            Assert.Contains("APG008", build.Output);
            Assert.Contains("the selector 'path:/nowhere' matches no operation", build.Output);
            Assert.DoesNotContain("error CS", build.Output);
            // The client and its per-tag operation files (issues, gists).
            var client = string.Concat(Directory.GetFiles(Path.Combine(root, "obj"), "Consumer.HubClient*.g.cs", SearchOption.AllDirectories).Select(File.ReadAllText));
            Assert.Contains("IssuesListForRepoAsync", client);
            Assert.Contains("GistsGetAsync", client);
            Assert.DoesNotContain("IssuesGetCommentAsync", client);
            Assert.DoesNotContain("ReposListForOwnerAsync", client);
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static GeneratorRun Generate(string? include = null, string? exclude = null)
    {
        var metadata = new Dictionary<string, string>();
        if (include is not null)
        {
            metadata["IncludeOperations"] = include;
        }

        if (exclude is not null)
        {
            metadata["ExcludeOperations"] = exclude;
        }

        return GeneratorRun.Run(new[] { new SpecFile(SpecPath, Spec, metadata) });
    }

    private static SortedSet<string> TypeNames(GeneratorRun run) => run.ConsumerTypeNames();

    /// <summary>The client's operation methods, sorted.</summary>
    private static string[] Operations(GeneratorRun run) =>
        run.Output.GetTypeByMetadataName("Consumer.HubClient")!.GetMembers().OfType<IMethodSymbol>()
            .Where(method => method.MethodKind == MethodKind.Ordinary && method.DeclaredAccessibility == Accessibility.Public && method.Name.EndsWith("Async", StringComparison.Ordinal))
            .Select(method => method.Name).Distinct().OrderBy(name => name, StringComparer.Ordinal).ToArray();

    /// <summary>The spec's two names for IssueComment collide on purpose, with or without a filter; nothing else is reported.</summary>
    private static void AssertOnlyTheIntendedNameCollision(GeneratorRun run)
    {
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("APG007", diagnostic.Id);
        Assert.Contains("'IssueComment2'", Message(diagnostic));
    }

    private static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);
}
