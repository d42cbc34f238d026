using Microsoft.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;

namespace Applivery.Generators.Tests.Infrastructure;

/// <summary>
/// Microsoft.Extensions.Http and the DI assemblies it needs, as a consumer that references the package has them: with
/// these the generator also emits the <c>Add{Client}</c> IServiceCollection registration.
/// </summary>
internal static class HttpClientFactoryReferences
{
    public static MetadataReference[] All() => new MetadataReference[]
    {
        MetadataReference.CreateFromFile(typeof(HttpClientFactoryServiceCollectionExtensions).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(IServiceCollection).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(ServiceCollection).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(ServiceCollectionContainerBuilderExtensions).Assembly.Location),
    };
}
