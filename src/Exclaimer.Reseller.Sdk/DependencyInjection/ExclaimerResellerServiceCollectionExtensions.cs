using System;
using System.Net.Http;
using System.Threading;
using Exclaimer.Reseller.Sdk;
using Exclaimer.Reseller.Sdk.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers a <see cref="ResellerClient"/>, with its HTTP connections from <c>IHttpClientFactory</c> and its log through
/// <see cref="ILoggerFactory"/>.
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
    /// <summary>The name of the <c>HttpClient</c> the client gets from <c>IHttpClientFactory</c>.</summary>
    public const string HttpClientName = "Exclaimer.Reseller";

    /// <summary>The header that carries the token; its value is redacted from <c>IHttpClientFactory</c>'s logs (R18).</summary>
    private static readonly string[] SecretHeaders = { "ExAPIToken" };

    /// <summary>
    /// Registers <see cref="ResellerClient"/> as a singleton, with <see cref="ResellerClientOptions"/> bound from
    /// <paramref name="configuration"/> (keys named like its properties: <c>ApiToken</c>, <c>Environment</c>,
    /// <c>Endpoint</c>, <c>Retry:MaxRetries</c>, <c>Retry:AttemptTimeout</c>...).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding the options, e.g. <c>Configuration.GetSection("Exclaimer")</c>.</param>
    /// <param name="configure">Sets options in code after binding, such as <see cref="ResellerClientOptions.PageSize"/>; optional.</param>
    /// <returns>The builder of the named <c>HttpClient</c>, to add handlers or a proxy. The SDK already retries: do not add a second retry handler.</returns>
    public static IHttpClientBuilder AddExclaimerReseller(this IServiceCollection services, IConfiguration configuration, Action<ResellerClientOptions>? configure = null)
    {
        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        return AddExclaimerReseller(services, options =>
        {
            ClientConfiguration.Bind(configuration, options);
            configure?.Invoke(options);
        });
    }

    /// <summary>Registers <see cref="ResellerClient"/> as a singleton, with <see cref="ResellerClientOptions"/> set by <paramref name="configure"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; at least <see cref="ResellerClientOptions.ApiToken"/>.</param>
    /// <returns>The builder of the named <c>HttpClient</c>, to add handlers or a proxy. The SDK already retries: do not add a second retry handler.</returns>
    public static IHttpClientBuilder AddExclaimerReseller(this IServiceCollection services, Action<ResellerClientOptions> configure)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (configure is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        services.AddOptions<ResellerClientOptions>().Configure(configure);
        var builder = services
            .AddHttpClient(HttpClientName)

            // The client's own timeouts own every wait.
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RedactLoggedHeaders(SecretHeaders);

        // Redirects are never followed, whatever primary handler the application configures for this client, before or
        // after this call: post-configuration runs last (R18: the ExAPIToken header would travel to the new host).
        services.PostConfigure<HttpClientFactoryOptions>(HttpClientName, options =>
            options.HttpMessageHandlerBuilderActions.Add(handlers => ResellerTransport.NeverFollowRedirects(handlers.PrimaryHandler)));

        services.TryAddSingleton(provider =>
        {
            var factory = provider.GetRequiredService<IHttpClientFactory>();
            var options = provider.GetRequiredService<IOptions<ResellerClientOptions>>().Value;

            // A client per call from the factory, so its pooled handlers are rotated as the factory intends.
            options.Transport ??= ResellerTransport.FromSource(() => factory.CreateClient(HttpClientName));
            options.LoggerFactory ??= provider.GetService<ILoggerFactory>();
            return new ResellerClient(options);
        });
        return builder;
    }
}
