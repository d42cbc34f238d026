using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using Applivery.Generators.Model;
using Applivery.Generators.Tests.Infrastructure;

namespace Applivery.Generators.Tests;

/// <summary>The model is what the pipeline caches on: it must be value-equal and hold nothing from YAML or Roslyn.</summary>
public class ModelTests
{
    [Fact]
    public void TheModelIsValueEqualAcrossParses()
    {
        var first = Build(RepositoryPaths.ReadAppliverySpec());
        var second = Build(RepositoryPaths.ReadAppliverySpec());

        Assert.NotSame(first, second);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void AChangedConstraintMakesTheModelDifferent()
    {
        var first = Build(RepositoryPaths.ReadAppliverySpec());
        var second = Build(RepositoryPaths.ReadAppliverySpec().Replace("maxLength: 128", "maxLength: 127"));

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void TheModelHoldsNoYamlNodesSymbolsOrLocations()
    {
        var result = Build(RepositoryPaths.ReadAppliverySpec());

        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        Walk(result, "result", visited);
        Assert.True(visited.Count > 50, "The walk should have reached the whole model");
    }

    [Fact]
    public void TheAppliveryModelHasEveryConstraintOfTheSeedPage()
    {
        var client = Build(RepositoryPaths.ReadAppliverySpec()).Client!;

        var operation = Assert.Single(client.Operations);
        Assert.Equal("GetBuildDownloadsByUser", operation.MethodName);
        Assert.Equal("mad.download.management.list", operation.RequiredPermission);
        Assert.Equal(new[] { "organizationId", "applicationId", "buildId", "email", "iniDate", "endDate" }, operation.Parameters.Select(parameter => parameter.WireName));
        Assert.Equal(@"^(([a-fA-F0-9]{24})|([a-zA-Z0-9\\-]{3,}))$", operation.Parameters[0].Type.Constraints.Pattern);
        Assert.Equal(@"^[a-fA-F0-9]{24}$", operation.Parameters[2].Type.Constraints.Pattern);
        Assert.Equal(128, operation.Parameters[3].Type.Constraints.MaxLength);
        Assert.Equal(TypeKind.DateTimeOffset, operation.Parameters[4].Type.Kind);
        Assert.Equal(new[] { "200", "401", "404" }, operation.Responses.Select(response => response.StatusCode));

        var member = client.Objects.Single(type => type.Name == "Member");
        Assert.Equal(256, member.Properties.Single(property => property.WireName == "email").Type.Constraints.MaxLength);
        Assert.Equal("0", client.Objects.Single(type => type.Name == "UserDownloads").Properties.Single(property => property.WireName == "total").Type.Constraints.Minimum);
        Assert.Equal(
            new[] { "user", "employee", "mdmUser", "otpUser", "unknown", "anonymous" },
            client.Enums.Single(spec => spec.Name == "MemberType").Members.Select(value => value.WireValue));
        Assert.Equal(
            new[] { "store", "sdk", "dashboard", "integrationApi", "emm", "adm", "scim", "agent", "win" },
            client.Enums.Single(spec => spec.Name == "DownloadSource").Members.Select(value => value.WireValue));
        Assert.Contains(client.Objects, type => type.Name == "DownloadNetworkInfo");
        var error = client.Objects.Single(type => type.Name == "GetBuildDownloadsByUserUnauthorizedResponseError");
        Assert.Equal(new[] { "4002", "4004" }, error.Properties.Single(property => property.WireName == "code").ConstantValues);
        Assert.Equal(new[] { "No auth token", "Invalid Token" }, error.Properties.Single(property => property.WireName == "message").ConstantValues);
    }

    private static SpecResult Build(string text) =>
        ClientSpecBuilder.Build(new SpecInput("/project/spec/api.yaml", text, "Consumer", null, null, null, false), CancellationToken.None)!;

    private static void Walk(object? value, string path, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        var type = value.GetType();
        var assembly = type.Assembly.GetName().Name!;
        Assert.False(assembly.StartsWith("YamlDotNet", StringComparison.Ordinal), $"{path} is a YamlDotNet {type.Name}");
        Assert.False(assembly.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal), $"{path} is a Roslyn {type.Name}");
        Assert.False(type.Namespace == "Applivery.Generators.OpenApi", $"{path} is a document node {type.Name}");
        if (!type.IsValueType && !visited.Add(value))
        {
            return;
        }

        if (value is IEnumerable items)
        {
            var index = 0;
            foreach (var item in items)
            {
                Walk(item, $"{path}[{index++}]", visited);
            }

            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(property => property.GetIndexParameters().Length == 0))
        {
            Walk(property.GetValue(value), path + "." + property.Name, visited);
        }
    }
}
