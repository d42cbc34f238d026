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
        var contract = SupportNames.Interface(name);
        var extensions = SupportNames.ServiceCollectionExtensions(name);
        var ns = client.Namespace;
        var writer = GeneratedFile.Begin(ns, client.SpecFileName);
        writer.Lines($$"""
            /// <summary>
            /// Registers <see cref="global::{{ns}}.{{contract}}"/> as a typed HttpClient (the IHttpClientFactory pattern).
            /// </summary>
            {{GeneratedFile.GeneratedCodeAttribute}}
            {{GeneratedFile.Visibility(client)}} static class {{extensions}}
            {
                /// <summary>
                /// Registers the client; authentication is the HttpClient's business (add a handler to the returned builder).
                /// </summary>
                /// <returns>The builder, to configure the HttpClient or add handlers such as <c>AddStandardResilienceHandler()</c>.</returns>
                public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder Add{{name}}(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services)
                {
                    return global::Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions.AddHttpClient<global::{{ns}}.{{contract}}, global::{{ns}}.{{name}}>(
                        services,
                        static (httpClient, _) => new global::{{ns}}.{{name}}(httpClient));
                }
            """);
        writer.Indentation++;
        if (CredentialsEmitter.HasBearerConstructors(client))
        {
            writer.Lines($$"""

                /// <summary>
                /// Registers the client with a bearer token asked for before each request (for tokens that rotate or come from configuration).
                /// </summary>
                /// <returns>The builder, to configure the HttpClient or add handlers such as <c>AddStandardResilienceHandler()</c>.</returns>
                public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder Add{{name}}(
                    this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services,
                    global::System.Func<global::System.IServiceProvider, CancellationToken, global::System.Threading.Tasks.ValueTask<string>> tokenProvider)
                {
                    if (tokenProvider is null)
                    {
                        throw new ArgumentNullException(nameof(tokenProvider));
                    }

                    return global::Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions.AddHttpClient<global::{{ns}}.{{contract}}, global::{{ns}}.{{name}}>(
                        services,
                        (httpClient, provider) => new global::{{ns}}.{{name}}(httpClient, cancellationToken => tokenProvider(provider, cancellationToken)));
                }
                """);
        }

        if (CredentialsEmitter.HasCredentials(client))
        {
            var credentials = $"global::{ns}.{CredentialsEmitter.ClassName(client)}";
            writer.Lines($$"""

                /// <summary>
                /// Registers the client with its credentials, one per security scheme. <paramref name="credentials"/> is called each
                /// time a client is created (a typed client is transient): return a shared instance, whose providers can rotate secrets.
                /// </summary>
                /// <returns>The builder, to configure the HttpClient or add handlers such as <c>AddStandardResilienceHandler()</c>.</returns>
                public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder Add{{name}}(
                    this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services,
                    global::System.Func<global::System.IServiceProvider, {{credentials}}> credentials)
                {
                    if (credentials is null)
                    {
                        throw new ArgumentNullException(nameof(credentials));
                    }

                    return global::Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions.AddHttpClient<global::{{ns}}.{{contract}}, global::{{ns}}.{{name}}>(
                        services,
                        (httpClient, provider) => new global::{{ns}}.{{name}}(httpClient, credentials(provider)));
                }
                """);
        }

        writer.Indentation--;
        writer.Line("}");
        return GeneratedFile.End(writer);
    }
}
