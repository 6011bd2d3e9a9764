using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Server;

namespace Exclaimer.Reseller.Sdk.CloudApi.Tests.Security;

/// <summary>
/// R18: the token goes only where the user sent it. A 3xx from the endpoint is never followed, whichever way the
/// client was built: it is an error naming the status and the host it pointed at, and that host sees nothing.
/// (.NET strips Authorization on a redirect but not the ExAPIToken header, and a 307/308 re-sends the body.)
/// </summary>
public sealed class R18_RedirectTests : IDisposable
{
    private readonly FakeCloudApi _api = new();
    private readonly WireMockServer _elsewhere = WireMockServer.Start();

    public R18_RedirectTests() => _api.Add("contoso");

    public void Dispose()
    {
        _api.Dispose();
        _elsewhere.Stop();
    }

    public static TheoryData<int> RedirectStatuses => new() { 301, 302, 303, 307, 308 };

    [Theory]
    [MemberData(nameof(RedirectStatuses))]
    public async Task R18_a_redirect_is_an_error_naming_the_status_and_the_host_and_is_never_followed(int status)
    {
        RedirectEverything(status, _elsewhere.Url! + "/steal");
        using var sdk = new CloudApiClient(_api);

        var read = await Assert.ThrowsAsync<ResellerException>(() => sdk.Client.GetSubscriptionAsync("contoso"));
        var create = await Assert.ThrowsAsync<ResellerException>(() => sdk.Client.CreateSubscriptionAsync(NewSubscription()));

        foreach (var error in new[] { read, create })
        {
            Assert.Equal("RedirectRefused", error.ErrorCode);
            Assert.Equal(status, error.Status);
            Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
            Assert.Contains(new Uri(_elsewhere.Url!).Authority, error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(FakeCloudApi.Token, error.ToString(), StringComparison.Ordinal);
        }

        Assert.Empty(_elsewhere.LogEntries);
    }

    [Fact]
    public async Task R18_a_redirect_to_plain_http_elsewhere_cannot_side_step_the_https_rule()
    {
        RedirectEverything(302, "http://cloudapi.example.com/exclaimerapi/1.0/subscriptions/contoso");
        using var sdk = new CloudApiClient(_api);

        var error = await Assert.ThrowsAsync<ResellerException>(() => sdk.Client.GetSubscriptionAsync("contoso"));

        Assert.Equal("RedirectRefused", error.ErrorCode);
        Assert.Contains("cloudapi.example.com", error.Message, StringComparison.Ordinal);
        Assert.Single(_api.Hits);
    }

    [Fact]
    public async Task R18_AddExclaimerReseller_never_follows_a_redirect_even_over_a_primary_handler_the_application_set()
    {
        RedirectEverything(307, _elsewhere.Url! + "/steal");
        var services = new ServiceCollection();
        services.AddExclaimerReseller(options =>
            {
                options.ApiToken = FakeCloudApi.Token;
                options.Endpoint = _api.Endpoint;
                options.ResellerAdminEmail = "admin@reseller.example";
                options.ResellerDomain = "reseller.example";
                options.Retry.MaxRetries = 0;
            })

            // An application's own handler, configured after the SDK's registration, that would follow redirects.
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = true });
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ResellerClient>();

        var error = await Assert.ThrowsAsync<ResellerException>(() => client.CreateSubscriptionAsync(NewSubscription()));

        Assert.Equal("RedirectRefused", error.ErrorCode);
        Assert.Empty(_elsewhere.LogEntries);
    }

    [Fact]
    public async Task R18_an_injected_HttpClient_that_follows_redirects_gets_its_answer_refused_and_the_user_told()
    {
        RedirectEverything(302, _elsewhere.Url! + "/steal");
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = true });
        using var transport = new ResellerClient(_api.Options(o => { o.Retry.MaxRetries = 0; o.Transport = new ResellerTransport(http); }));
        var client = transport;

        var error = await Assert.ThrowsAsync<ResellerException>(() => client.GetSubscriptionAsync("contoso"));

        Assert.Equal("RedirectRefused", error.ErrorCode);
        Assert.Contains("AllowAutoRedirect = false", error.Message, StringComparison.Ordinal);
        Assert.Contains(new Uri(_elsewhere.Url!).Authority, error.Message, StringComparison.Ordinal);
    }

    private static CreateSubscriptionOptions NewSubscription() =>
        new() { SubscriptionId = "fabrikam", Product = Product.Microsoft365, CustomerName = "Fabrikam", UserCount = 3, Domain = "fabrikam.example" };

    private void RedirectEverything(int status, string location)
    {
        foreach (var method in new[] { "GET", "POST", "PUT", "DELETE" })
        {
            _api.Inject(new Fault
            {
                Method = method,
                PathEndsWith = string.Empty,
                Status = status,
                Times = 100,
                Headers = new Dictionary<string, string> { ["Location"] = location },
            });
        }
    }
}
