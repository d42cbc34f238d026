using System.Linq;
using Applivery.Generators.Model;
using Applivery.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Applivery.Generators.Tests;

/// <summary>
/// The generated code names a spec's types by their simple names in type positions, except the names of the types
/// the generated classes declare inside themselves (<see cref="SupportNames.NestedTypeNames"/>), which would hide them.
/// </summary>
public sealed class SimpleTypeNameTests
{
    [Fact]
    public void EveryNestedTypeTheGeneratedClassesDeclareIsKnownAsOneThatHidesASpecType()
    {
        // Every feature spec, so that every optional runtime part, file type and client helper is generated somewhere.
        var features = new[]
        {
            "features-bodies.yaml", "features-parameters.yaml", "features-responses.yaml", "features-schemas.yaml",
            "features-security.yaml", "features-union-types.yaml", "features-unions.yaml",
        };

        var nested = features
            .SelectMany(feature => GeneratorRun.Run(SpecFile.Feature(feature).WithAllSchemas()).Sources)
            .SelectMany(source => CSharpSyntaxTree.ParseText(source.SourceText).GetRoot().DescendantNodes())
            .Where(node => node.Parent is BaseTypeDeclarationSyntax)
            .Select(node => node switch
            {
                TypeDeclarationSyntax type when type.Arity == 0 => type.Identifier.Text,
                EnumDeclarationSyntax @enum => @enum.Identifier.Text,
                DelegateDeclarationSyntax @delegate when @delegate.Arity == 0 => @delegate.Identifier.Text,
                _ => null,
            })
            .OfType<string>()
            .ToHashSet(System.StringComparer.Ordinal);

        // A generic nested type (ValueReader<T>) does not hide a spec's type: a simple name only finds its own arity.
        Assert.Contains("JsonReadFailure", nested);
        Assert.Contains("ErrorBody", nested);
        Assert.Empty(nested.Except(SupportNames.NestedTypeNames));
    }

    [Fact]
    public void ASchemaNamedLikeANestedTypeIsQualifiedAndTheRestIsNot()
    {
        const string Spec = """
            openapi: 3.0.3
            info: { title: Shadows, version: '1' }
            components:
              securitySchemes:
                token: { type: http, scheme: bearer }
              schemas:
                ErrorBody:
                  type: object
                  properties: { message: { type: string } }
                JsonReadFailure:
                  type: object
                  properties: { reason: { type: string } }
                PooledBody:
                  type: string
                  enum: [small, large]
                Authorizer:
                  type: object
                  properties:
                    name: { type: string }
                    failure: { $ref: '#/components/schemas/JsonReadFailure' }
                    size: { $ref: '#/components/schemas/PooledBody' }
                Holder:
                  type: object
                  properties:
                    authorizer: { $ref: '#/components/schemas/Authorizer' }
                    error: { $ref: '#/components/schemas/ErrorBody' }
            security: [ { token: [] } ]
            paths:
              /authorizers:
                post:
                  operationId: replaceAuthorizer
                  requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/ErrorBody' } } } }
                  responses:
                    '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Holder' } } } }
                    '400': { description: bad, content: { application/json: { schema: { $ref: '#/components/schemas/ErrorBody' } } } }
            """;

        var run = GeneratorRun.Run(new SpecFile("/project/spec/shadows.yaml", Spec));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics());
        var authorizer = run.Source("ShadowsClient.Authorizer.g.cs");
        Assert.Contains("public global::Consumer.JsonReadFailure? Failure { get; init; }", authorizer, System.StringComparison.Ordinal);
        Assert.Contains("internal static global::Consumer.JsonReadFailure ReadJsonReadFailure(ref Json_.Utf8JsonReader reader)", run.Source("ShadowsClient.JsonReadFailure.g.cs"), System.StringComparison.Ordinal);
        Assert.Contains("public global::Consumer.PooledBody? Size { get; init; }", authorizer, System.StringComparison.Ordinal);
        Assert.Contains("ReplaceAuthorizerAsync(global::Consumer.ErrorBody body", run.Source("ShadowsClient.g.cs"), System.StringComparison.Ordinal);
        Assert.Contains("internal static global::Consumer.Authorizer ReadAuthorizer(ref Json_.Utf8JsonReader reader)", authorizer, System.StringComparison.Ordinal);
        Assert.Contains("public static string? ToWireValue(this global::Consumer.PooledBody value)", run.Source("ShadowsClient.PooledBody.g.cs"), System.StringComparison.Ordinal);
        Assert.Contains("public string? Message { get; init; }", run.Source("ShadowsClient.ErrorBody.g.cs"), System.StringComparison.Ordinal);

        // A name no nested type has is simple, even in the JSON class.
        var holder = run.Source("ShadowsClient.Holder.g.cs");
        Assert.Contains("internal static Holder ReadHolder(ref Json_.Utf8JsonReader reader)", holder, System.StringComparison.Ordinal);
        Assert.Contains("public global::Consumer.Authorizer? Authorizer { get; init; }", holder, System.StringComparison.Ordinal);
    }
}
