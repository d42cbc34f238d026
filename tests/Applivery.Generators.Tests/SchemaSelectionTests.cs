using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Applivery.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Applivery.Generators.Tests;

/// <summary>
/// The <c>Schemas</c> metadata: by default (<c>used</c>) only the component schemas the generated operations use are
/// generated, and APG016 (info) names the others once; <c>Schemas="all"</c> generates every component; a document
/// without operations is a library of types and generates every component either way.
/// </summary>
public class SchemaSelectionTests
{
    private const string SpecPath = "/project/spec/shop.yaml";

    /// <summary>
    /// Order is used by the operation (response), Item through Order's items, Pet through the request body, Cat and
    /// Lizard as Pet's allOf cases (Lizard only implicitly: the mapping does not name it); the five <c>Unused*</c>
    /// components (one referring to another) are used by no operation.
    /// </summary>
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Shop, version: '1' }
        paths:
          /orders:
            post:
              operationId: createOrder
              requestBody:
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/Pet' }
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Order' }
        components:
          schemas:
            Order:
              type: object
              properties:
                items: { type: array, items: { $ref: '#/components/schemas/Item' } }
            Item:
              type: object
              properties: { sku: { type: string } }
            UnusedA:
              type: object
              properties: { b: { $ref: '#/components/schemas/UnusedB' } }
            UnusedB:
              type: object
              properties: { x: { type: string } }
            UnusedC: { type: string, enum: [c, d] }
            UnusedD: { type: integer }
            UnusedE:
              type: object
              properties: { y: { type: integer } }
            Pet:
              type: object
              required: [pet_type]
              properties: { pet_type: { type: string } }
              discriminator:
                propertyName: pet_type
                mapping: { cat: '#/components/schemas/Cat' }
            Cat:
              allOf:
                - $ref: '#/components/schemas/Pet'
                - type: object
                  properties: { meows: { type: boolean } }
            Lizard:
              allOf:
                - $ref: '#/components/schemas/Pet'
                - type: object
                  properties: { color: { type: string } }
        """;

    [Fact]
    public void ByDefaultOnlyTheUsedComponentsAreGeneratedAndOneInfoNamesTheOthers()
    {
        var run = Generate();

        var types = TypeNames(run);
        Assert.Subset(types, new SortedSet<string>(new[] { "Order", "Item", "Pet", "Cat", "Lizard" }, StringComparer.Ordinal));
        Assert.DoesNotContain(types, type => type.StartsWith("Unused", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Sources, source => source.HintName.Contains("Unused", StringComparison.Ordinal));

        var info = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("APG016", info.Id);
        Assert.Equal(DiagnosticSeverity.Info, info.Severity);
        Assert.Equal(
            "5 component schemas that no generated operation uses are left out: '#/components/schemas/UnusedA', "
            + "'#/components/schemas/UnusedB', '#/components/schemas/UnusedC' and 2 more; set Schemas=\"all\" on the AdditionalFiles item to generate every component (one that only stands for another type is that type)",
            Message(info));
        var line = info.Location.GetLineSpan();
        Assert.Equal(SpecPath, line.Path);
        Assert.Equal(Spec.Split('\n').ToList().FindIndex(text => text.Trim() == "schemas:"), line.StartLinePosition.Line);

        Assert.Empty(run.CompilationDiagnostics());
    }

    [Fact]
    public void OneComponentLeftOutIsNamedInTheSingular()
    {
        var spec = Spec.Replace("items: { type: array, items: { $ref: '#/components/schemas/Item' } }", "items: { type: array, items: { $ref: '#/components/schemas/UnusedA' } }", StringComparison.Ordinal)
            .Replace("UnusedC: { type: string, enum: [c, d] }", "UnusedC: { $ref: '#/components/schemas/UnusedA' }", StringComparison.Ordinal)
            .Replace("UnusedD: { type: integer }", "UnusedD: { $ref: '#/components/schemas/UnusedA' }", StringComparison.Ordinal)
            .Replace("properties: { x: { type: string } }", "properties: { item: { $ref: '#/components/schemas/Item' } }", StringComparison.Ordinal);
        var run = GeneratorRun.Run(new[] { new SpecFile(SpecPath, spec) });

        var info = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(
            "1 component schema that no generated operation uses is left out: '#/components/schemas/UnusedE'; set Schemas=\"all\" on the AdditionalFiles item to generate every component (one that only stands for another type is that type)",
            Message(info));
        Assert.Subset(TypeNames(run), new SortedSet<string>(new[] { "Order", "Item", "UnusedA", "UnusedB" }, StringComparer.Ordinal));
        Assert.DoesNotContain("UnusedE", TypeNames(run));
    }

    [Theory]
    [InlineData("all")]
    [InlineData(" ALL ")]
    public void SchemasAllGeneratesEveryComponentWithoutTheInfo(string value)
    {
        var run = Generate(value);

        Assert.Subset(TypeNames(run), new SortedSet<string>(new[] { "Order", "Item", "UnusedA", "UnusedB", "UnusedC", "UnusedE", "Pet", "Cat", "Lizard" }, StringComparer.Ordinal));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics());
    }

    [Fact]
    public void WithAFilterTheDefaultSaysNothingAndAllStillGeneratesEveryComponent()
    {
        var filtered = GeneratorRun.Run(new[] { new SpecFile(SpecPath, Spec, new Dictionary<string, string> { ["IncludeOperations"] = "operationId:createOrder" }) });
        var all = GeneratorRun.Run(new[] { new SpecFile(SpecPath, Spec, new Dictionary<string, string> { ["IncludeOperations"] = "operationId:createOrder", ["Schemas"] = "all" }) });

        // The filter already says that only what the kept operations reach is generated: no APG016 beside it.
        Assert.Empty(filtered.GeneratorDiagnostics);
        Assert.DoesNotContain("UnusedA", TypeNames(filtered));
        Assert.Empty(all.GeneratorDiagnostics);
        Assert.Subset(TypeNames(all), new SortedSet<string>(new[] { "Order", "UnusedA", "UnusedB", "UnusedE", "Lizard" }, StringComparer.Ordinal));
    }

    [Fact]
    public void UsedGeneratesWhatTheDefaultDoes()
    {
        var byDefault = Generate();
        var used = Generate("used");

        Assert.Equal(TypeNames(byDefault), TypeNames(used));
        Assert.Equal(byDefault.Sources.Select(source => source.HintName), used.Sources.Select(source => source.HintName));
    }

    [Fact]
    public void AnUnknownValueIsAPG008AndTheDefaultApplies()
    {
        var run = Generate("everything");

        var invalid = Assert.Single(run.GeneratorDiagnostics, diagnostic => diagnostic.Id == "APG008");
        Assert.Contains("Schemas metadata 'everything'", Message(invalid));
        Assert.Contains("'used' or 'all'", Message(invalid));
        Assert.Single(run.GeneratorDiagnostics, diagnostic => diagnostic.Id == "APG016");
        Assert.DoesNotContain("UnusedA", TypeNames(run));
    }

    [Fact]
    public void ADocumentWithoutOperationsGeneratesEveryComponent()
    {
        var library = Spec.Substring(0, Spec.IndexOf("paths:", StringComparison.Ordinal)) + "paths: {}\n" + Spec.Substring(Spec.IndexOf("components:", StringComparison.Ordinal));
        var run = GeneratorRun.Run(new[] { new SpecFile(SpecPath, library) });

        Assert.Subset(TypeNames(run), new SortedSet<string>(new[] { "Order", "Item", "UnusedA", "UnusedB", "UnusedC", "UnusedE", "Pet" }, StringComparer.Ordinal));
        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void TheNamesOfTheGeneratedTypesDoNotDependOnTheOption()
    {
        // A used component whose name an unused one (listed first) takes keeps its suffix either way: names never move.
        var spec = Spec.Replace("UnusedD: { type: integer }", "pet: { type: object, properties: { z: { type: string } } }", StringComparison.Ordinal);
        var byDefault = GeneratorRun.Run(new[] { new SpecFile(SpecPath, spec) });
        var all = GeneratorRun.Run(new[] { new SpecFile(SpecPath, spec).WithAllSchemas() });

        Assert.Contains("Pet2", TypeNames(byDefault));
        Assert.DoesNotContain("Pet", TypeNames(byDefault));
        Assert.Contains("Pet", TypeNames(all));
        Assert.Subset(TypeNames(all), TypeNames(byDefault));
        Assert.Contains(byDefault.GeneratorDiagnostics, diagnostic => diagnostic.Id == "APG007" && Message(diagnostic).Contains("'Pet2'", StringComparison.Ordinal));
        Assert.Empty(byDefault.CompilationDiagnostics());
    }

    private static GeneratorRun Generate(string? schemas = null) => GeneratorRun.Run(new[]
    {
        new SpecFile(SpecPath, Spec, schemas is null ? null : new Dictionary<string, string> { ["Schemas"] = schemas }),
    });

    private static SortedSet<string> TypeNames(GeneratorRun run) => run.ConsumerTypeNames();

    private static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);
}
