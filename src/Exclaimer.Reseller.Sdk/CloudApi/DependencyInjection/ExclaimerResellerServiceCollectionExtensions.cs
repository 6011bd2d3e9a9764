using System;
using System.Net.Http;
using System.Threading;
using Exclaimer.Reseller.Sdk;
using Exclaimer.Reseller.Sdk.CloudApi;
using Exclaimer.Reseller.Sdk.CloudApi.DependencyInjection;
using Exclaimer.Reseller.Sdk.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers a <see cref="ResellerClient"/> that speaks the Exclaimer Cloud API, with its HTTP connections from
/// <c>IHttpClientFactory</c> and its log through <see cref="ILoggerFactory"/>.
/// </summary>
/// <example>
/// <code>
/// // appsettings.json: { "Exclaimer": { "ApiToken": "...", "Environment": "Sandbox", "ResellerAdminEmail": "signatures@reseller.example" } }
/// builder.Services.AddExclaimerReseller(builder.Configuration.GetSection("Exclaimer"));
/// // ...then inject ResellerClient anywhere.
/// </code>
/// </example>
public static class ExclaimerResellerServiceCollectionExtensions
{
    /// <summary>The name of the <c>HttpClient</c> the Cloud API transport gets from <c>IHttpClientFactory</c>.</summary>
    public const string HttpClientName = "Exclaimer.Reseller.CloudApi";

    /// <summary>The header that carries the token; its value is redacted from <c>IHttpClientFactory</c>'s logs (R18).</summary>
    private static readonly string[] SecretHeaders = { "ExAPIToken" };

    /// <summary>
    /// Registers <see cref="ResellerClient"/>, <see cref="ResellerTransport"/> and <see cref="CloudApiTransport"/> as
    /// singletons, with <see cref="CloudApiOptions"/> bound from <paramref name="configuration"/> (keys named like its
    /// properties: <c>ApiToken</c>, <c>Environment</c>, <c>Endpoint</c>, <c>MaxRetries</c>, <c>AttemptTimeout</c>...).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding the options, e.g. <c>Configuration.GetSection("Exclaimer")</c>.</param>
    /// <param name="configureClient">Sets client options such as <see cref="ResellerClientOptions.PageSize"/>; optional.</param>
    /// <returns>The builder of the named <c>HttpClient</c>, to add handlers or a proxy. The SDK already retries: do not add a second retry handler.</returns>
    public static IHttpClientBuilder AddExclaimerReseller(this IServiceCollection services, IConfiguration configuration, Action<ResellerClientOptions>? configureClient = null)
    {
        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        var builder = AddExclaimerReseller(services, options => CloudApiConfiguration.Bind(configuration, options), configureClient);
        return builder;
    }

    /// <summary>
    /// Registers <see cref="ResellerClient"/>, <see cref="ResellerTransport"/> and <see cref="CloudApiTransport"/> as
    /// singletons, with <see cref="CloudApiOptions"/> set by <paramref name="configure"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; at least <see cref="CloudApiOptions.ApiToken"/>.</param>
    /// <param name="configureClient">Sets client options such as <see cref="ResellerClientOptions.PageSize"/>; optional.</param>
    /// <returns>The builder of the named <c>HttpClient</c>, to add handlers or a proxy. The SDK already retries: do not add a second retry handler.</returns>
    public static IHttpClientBuilder AddExclaimerReseller(this IServiceCollection services, Action<CloudApiOptions> configure, Action<ResellerClientOptions>? configureClient = null)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (configure is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        services.AddOptions<CloudApiOptions>().Configure(configure);
        var builder = services
            .AddHttpClient(HttpClientName)

            // The transport's resilience pipeline owns every timeout.
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RedactLoggedHeaders(SecretHeaders);

        // Redirects are never followed, whatever primary handler the application configures for this client, before or
        // after this call: post-configuration runs last (R18: the ExAPIToken header would travel to the new host).
        services.PostConfigure<HttpClientFactoryOptions>(HttpClientName, options =>
            options.HttpMessageHandlerBuilderActions.Add(handlers => NeverFollowRedirects(handlers.PrimaryHandler)));

        services.TryAddSingleton(provider =>
        {
            var factory = provider.GetRequiredService<IHttpClientFactory>();

            // A client per call from the factory, so its pooled handlers are rotated as the factory intends.
            return new CloudApiTransport(
                provider.GetRequiredService<IOptions<CloudApiOptions>>().Value,
                () => factory.CreateClient(HttpClientName),
                provider.GetService<ILoggerFactory>());
        });
        services.TryAddSingleton<ResellerTransport>(provider => provider.GetRequiredService<CloudApiTransport>());
        services.TryAddSingleton(provider =>
        {
            var options = new ResellerClientOptions
            {
                Transport = provider.GetRequiredService<ResellerTransport>(),
                LoggerFactory = provider.GetService<ILoggerFactory>(),
            };
            configureClient?.Invoke(options);
            return new ResellerClient(options);
        });
        return builder;
    }

    private static void NeverFollowRedirects(HttpMessageHandler primary)
    {
        switch (primary)
        {
            case HttpClientHandler handler:
                handler.AllowAutoRedirect = false;
                break;
#if NET
            case SocketsHttpHandler handler:
                handler.AllowAutoRedirect = false;
                break;
#endif
            default:
                // Another handler: if it follows redirects anyway, the transport refuses the redirected answer.
                break;
        }
    }
}
