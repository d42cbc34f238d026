using Applivery.Generators.Model;

namespace Applivery.Generators.Emit;

/// <summary>
/// Emits <c>Add{Client}(...)</c> for <c>IServiceCollection</c>, only when the consumer references
/// Microsoft.Extensions.Http: it returns the <c>IHttpClientBuilder</c>, so resilience handlers can be added.
/// </summary>
internal static class ServiceCollectionEmitter
{
    public static string Emit(ClientSpec client)
    {
        var name = client.ClientName;
        var writer = GeneratedFile.Begin(client.Namespace, client.SpecFileName);
        writer.Lines($$"""
            /// <summary>
            /// Registers <see cref="global::{{client.Namespace}}.I{{name}}"/> as a typed HttpClient (the IHttpClientFactory pattern).
            /// </summary>
            {{GeneratedFile.GeneratedCodeAttribute}}
            {{GeneratedFile.Visibility(client)}} static class {{name}}ServiceCollectionExtensions
            {
                /// <summary>
                /// Registers the client; authentication is the HttpClient's business (add a handler to the returned builder).
                /// </summary>
                /// <returns>The builder, to configure the HttpClient or add handlers such as <c>AddStandardResilienceHandler()</c>.</returns>
                public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder Add{{name}}(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services)
                {
                    return global::Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions.AddHttpClient<global::{{client.Namespace}}.I{{name}}, global::{{client.Namespace}}.{{name}}>(
                        services,
                        static (httpClient, _) => new global::{{client.Namespace}}.{{name}}(httpClient));
                }

                /// <summary>
                /// Registers the client with a bearer token asked for before each request (for tokens that rotate or come from configuration).
                /// </summary>
                /// <returns>The builder, to configure the HttpClient or add handlers such as <c>AddStandardResilienceHandler()</c>.</returns>
                public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder Add{{name}}(
                    this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services,
                    global::System.Func<global::System.IServiceProvider, global::System.Threading.CancellationToken, global::System.Threading.Tasks.ValueTask<string>> tokenProvider)
                {
                    if (tokenProvider is null)
                    {
                        throw new global::System.ArgumentNullException(nameof(tokenProvider));
                    }

                    return global::Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions.AddHttpClient<global::{{client.Namespace}}.I{{name}}, global::{{client.Namespace}}.{{name}}>(
                        services,
                        (httpClient, provider) => new global::{{client.Namespace}}.{{name}}(httpClient, cancellationToken => tokenProvider(provider, cancellationToken)));
                }
            }
            """);
        return GeneratedFile.End(writer);
    }
}
