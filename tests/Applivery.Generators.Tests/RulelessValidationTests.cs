using System;
using System.Linq;
using Applivery.Generators.Tests.Infrastructure;

namespace Applivery.Generators.Tests;

/// <summary>
/// A type on which the spec sets no rule, directly or through what it contains, gets a <c>Validate()</c> that returns
/// nothing and no <c>ValidateInto</c>; a rule at any depth, through a cycle too, keeps every type on the way checked.
/// </summary>
public class RulelessValidationTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Rules, version: '1' }
        paths:
          /things:
            get:
              operationId: getThings
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Outer' }
        components:
          schemas:
            Outer:
              type: object
              properties:
                middle: { $ref: '#/components/schemas/Middle' }
                plain: { $ref: '#/components/schemas/Plain' }
                loop: { $ref: '#/components/schemas/LoopA' }
            Middle:
              type: object
              properties:
                inners: { type: array, items: { $ref: '#/components/schemas/Inner' } }
            Inner:
              type: object
              properties:
                code: { type: string, minLength: 2 }
            Plain:
              type: object
              properties:
                note: { type: string }
                again: { $ref: '#/components/schemas/Plain' }
            LoopA:
              type: object
              properties:
                b: { $ref: '#/components/schemas/LoopB' }
            LoopB:
              type: object
              properties:
                a: { $ref: '#/components/schemas/LoopA' }
                size: { type: integer, maximum: 3 }
        """;

    private const string Harness = """
        namespace Consumer
        {
            public static class RulesHarness
            {
                public static string[] Deep() => Describe(new Outer
                {
                    Middle = new Middle { Inners = new[] { new Inner { Code = "ok" }, new Inner { Code = "x" } } },
                    Plain = new Plain { Note = "n", Again = new Plain() },
                    Loop = new LoopA { B = new LoopB { A = new LoopA { B = new LoopB { Size = 9 } } } },
                }.Validate());

                public static string[] Plain() => Describe(new Plain { Note = "n", Again = new Plain() }.Validate());

                private static string[] Describe(System.Collections.Generic.IReadOnlyList<ValidationError> errors) =>
                    System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(errors, error => error.Path));
            }
        }
        """;

    private static readonly Lazy<GeneratorRun> Run = new(() =>
        GeneratorRun.Run(new[] { new SpecFile("/project/spec/rules.yaml", Spec) }, csharpSources: new[] { Harness }));

    [Fact]
    public void RulesDeepInsideObjectsAndCyclesAreStillChecked()
    {
        var errors = (string[])CompiledAssembly.Load(Run.Value.Output).Call("Consumer.RulesHarness", "Deep")!;

        Assert.Equal(new[] { "$.middle.inners[1].code", "$.loop.b.a.b.size" }, errors);
    }

    [Fact]
    public void ATypeWithoutRulesValidatesToNothingAndHasNoValidateInto()
    {
        var errors = (string[])CompiledAssembly.Load(Run.Value.Output).Call("Consumer.RulesHarness", "Plain")!;
        var plain = Run.Value.Source("Plain.g.cs");
        var outer = Run.Value.Source("Outer.g.cs");

        Assert.Empty(errors);
        Assert.DoesNotContain("ValidateInto", plain, StringComparison.Ordinal);
        Assert.Contains("Middle?.ValidateInto", outer, StringComparison.Ordinal);
        Assert.Contains("Loop?.ValidateInto", outer, StringComparison.Ordinal);
        Assert.DoesNotContain("Plain?.ValidateInto", outer, StringComparison.Ordinal);
    }
}
