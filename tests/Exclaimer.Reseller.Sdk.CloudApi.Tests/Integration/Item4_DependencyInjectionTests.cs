using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Exclaimer.Reseller.Sdk.Testing;

namespace Exclaimer.Reseller.Sdk.CloudApi.Tests.Integration;

/// <summary>Issue item 4: AddExclaimerReseller registers the client through IHttpClientFactory with options bound from configuration.</summary>
public sealed class Item4_DependencyInjectionTests : IDisposable
{
    private readonly FakeCloudApi _api = new();

    public Item4_DependencyInjectionTests() => _api.Add("contoso");

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task Item4_the_client_is_bound_from_configuration_and_calls_through_IHttpClientFactory()
    {
        var counter = new CountingHandler();
        var services = new ServiceCollection();
        services.AddExclaimerReseller(Configuration(), client => client.PageSize = 200)
            .AddHttpMessageHandler(() => counter);
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<ResellerClient>();
        var subscription = await client.GetSubscriptionAsync("contoso");
        await client.GetSubscriptionsAsync().ToListAsync();

        Assert.Equal("contoso", subscription.SubscriptionId);
        Assert.Equal(2, counter.Calls);
        Assert.Same(client, provider.GetRequiredService<ResellerClient>());
        Assert.Contains(_api.Hits, h => h.Contains("PageSize=200", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Item4_options_can_be_set_in_code()
    {
        var services = new ServiceCollection();
        services.AddExclaimerReseller(options =>
        {
            options.ApiToken = FakeCloudApi.Token;
            options.Endpoint = _api.Endpoint;
        });
        using var provider = services.BuildServiceProvider();

        var subscription = await provider.GetRequiredService<ResellerClient>().GetSubscriptionAsync("contoso");

        Assert.Equal("contoso", subscription.SubscriptionId);
    }

    [Fact]
    public void Item4_every_option_binds_from_configuration_and_the_retry_keys_from_their_section_too()
    {
        var retrySection = new ServiceCollection();
        retrySection.AddExclaimerReseller(Configuration(new Dictionary<string, string?> { ["Exclaimer:Retry:MaxRetries"] = "7", ["Exclaimer:Retry:AttemptTimeout"] = "00:00:05" }));
        using (var retryProvider = retrySection.BuildServiceProvider())
        {
            var retry = retryProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<ResellerClientOptions>>().Value.Retry;
            Assert.Equal(7, retry.MaxRetries);
            Assert.Equal(TimeSpan.FromSeconds(5), retry.AttemptTimeout);
        }

        var services = new ServiceCollection();
        services.AddExclaimerReseller(Configuration(new Dictionary<string, string?>
        {
            ["Exclaimer:Environment"] = "sandbox",
            ["Exclaimer:ApiSegment"] = "yourcompany",
            ["Exclaimer:ResellerAdminEmail"] = "admin@reseller.example",
            ["Exclaimer:ResellerDomain"] = "reseller.example",
            ["Exclaimer:DefaultCountryCode"] = "NL",
            ["Exclaimer:PortalUri"] = "https://portal.example/",
            ["Exclaimer:MaxRetries"] = "5",
            ["Exclaimer:BaseDelay"] = "00:00:02",
            ["Exclaimer:MaxRetryAfter"] = "00:01:30",
            ["Exclaimer:AttemptTimeout"] = "00:00:20",
            ["Exclaimer:OverallTimeout"] = "00:03:00",
            ["Exclaimer:PageConcurrency"] = "6",
            ["Exclaimer:MaxConcurrentRequests"] = "32",
        }));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<ResellerClientOptions>>().Value;

        Assert.Equal(CloudApiEnvironment.Sandbox, options.Environment);
        Assert.Equal("yourcompany", options.ApiSegment);
        Assert.Equal("NL", options.DefaultCountryCode);
        Assert.Equal(new Uri("https://portal.example/"), options.PortalUri);
        Assert.Equal(5, options.Retry.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(2), options.Retry.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(90), options.Retry.MaxRetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(20), options.Retry.AttemptTimeout);
        Assert.Equal(TimeSpan.FromMinutes(3), options.Retry.OverallTimeout);
        Assert.Equal("reseller.example", options.ResellerDomain);
        Assert.Equal("admin@reseller.example", options.ResellerAdminEmail);
        Assert.Equal(6, options.PageConcurrency);
        Assert.Equal(32, options.MaxConcurrentRequests);
    }

    [Theory]
    [InlineData("list")]
    [InlineData("one value")]
    public void R14_the_SPF_steps_DNS_options_bind_from_their_section(string form)
    {
        var values = new Dictionary<string, string?>
        {
            ["Exclaimer:Dns:QueryTimeout"] = "00:00:05",
            ["Exclaimer:Dns:Retries"] = "2",
            ["Exclaimer:Dns:EvaluationTimeout"] = "00:00:30",
            ["Exclaimer:Dns:VoidLookupLimit"] = "3",
        };
        if (form == "list")
        {
            values["Exclaimer:Dns:NameServers:0"] = "192.0.2.53";
            values["Exclaimer:Dns:NameServers:1"] = "[2001:db8::53]:5353";
        }
        else
        {
            values["Exclaimer:Dns:NameServers"] = "192.0.2.53, [2001:db8::53]:5353";
        }

        var services = new ServiceCollection();
        services.AddExclaimerReseller(Configuration(values));
        using var provider = services.BuildServiceProvider();

        var dns = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<ResellerClientOptions>>().Value.Dns;

        Assert.Equal(new[] { "192.0.2.53:53", "[2001:db8::53]:5353" }, dns.NameServers.Select(server => server.ToString()));
        Assert.Equal(TimeSpan.FromSeconds(5), dns.QueryTimeout);
        Assert.Equal(2, dns.Retries);
        Assert.Equal(TimeSpan.FromSeconds(30), dns.EvaluationTimeout);
        Assert.Equal(3, dns.VoidLookupLimit);
    }

    [Fact]
    public void R14_a_name_server_that_is_not_one_names_its_key()
    {
        var services = new ServiceCollection();
        services.AddExclaimerReseller(Configuration(new Dictionary<string, string?> { ["Exclaimer:Dns:NameServers"] = "dns.example" }));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ResellerClient>());

        Assert.Contains("Exclaimer:Dns:NameServers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Item4_a_bad_configuration_value_names_its_key_and_not_its_value()
    {
        var services = new ServiceCollection();
        services.AddExclaimerReseller(Configuration(new Dictionary<string, string?> { ["Exclaimer:MaxRetries"] = "lots-" + FakeCloudApi.Token }));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ResellerClient>());

        Assert.Contains("Exclaimer:MaxRetries", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeCloudApi.Token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R18_IHttpClientFactory_logging_at_trace_level_never_shows_the_token()
    {
        var logs = new CapturingLoggerFactory();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddExclaimerReseller(Configuration());
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<ResellerClient>().GetSubscriptionAsync("contoso");

        Assert.Contains(logs.Lines, line => line.Contains("ExAPIToken", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(FakeCloudApi.Token, StringComparison.Ordinal));
    }

    private IConfiguration Configuration(Dictionary<string, string?>? extra = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Exclaimer:ApiToken"] = FakeCloudApi.Token,
            ["Exclaimer:Endpoint"] = _api.Endpoint.ToString(),
            ["Exclaimer:BaseDelay"] = "00:00:00.001",
        };
        foreach (var pair in extra ?? new Dictionary<string, string?>())
        {
            values[pair.Key] = pair.Value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Exclaimer");
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        private int _calls;

        public int Calls => _calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
