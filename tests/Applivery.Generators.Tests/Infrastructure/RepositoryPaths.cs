using System;
using System.IO;

namespace Applivery.Generators.Tests.Infrastructure;

internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Applivery.Generators.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Applivery.Generators.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string Spec(string fileName) => Path.Combine(Root, "spec", fileName);

    public static string TestProject => Path.Combine(Root, "tests", "Applivery.Generators.Tests");

    public const string AppliverySpec = "applivery-downloads-by-user.yaml";

    public static string ReadAppliverySpec() => File.ReadAllText(Spec(AppliverySpec));
}
