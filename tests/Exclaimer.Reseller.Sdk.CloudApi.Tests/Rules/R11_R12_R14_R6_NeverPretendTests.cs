using System;
using System.Linq;
using Exclaimer.Reseller.Sdk.Spf;
using Exclaimer.Reseller.Tests.Dns;

namespace Exclaimer.Reseller.Sdk.CloudApi.Tests.Rules;

/// <summary>Where the Cloud API has no call (the connection, SPF, resending an invitation), the transport does what the rulebook says and never pretends.</summary>
public sealed class R11_R12_R14_R6_NeverPretendTests : IDisposable
{
    private readonly FakeCloudApi _api = new();
    private readonly TestDnsServer _dns = TestDnsServer.Start(ProviderZone.Create());
    private readonly CloudApiClient _sdk;

    public R11_R12_R14_R6_NeverPretendTests()
    {
        _sdk = new CloudApiClient(_api, o =>
        {
            o.PortalUri = new Uri("https://portal.exclaimer.com/");

            // The SPF step counts its proposal against DNS (R14): the mail providers' records, on loopback.
            o.Dns.NameServers.Add(new SpfNameServer(_dns.EndPoint.Address, _dns.EndPoint.Port));
            o.Dns.Retries = 0;
        });
        _api.Add("contoso");
        _api.Add("google", sku: "EXCL-G-STAND");
    }

    public void Dispose()
    {
        _sdk.Dispose();
        _api.Dispose();
        _dns.Dispose();
    }

    [Fact]
    public async Task R11_R12_start_returns_the_portal_link_and_never_pretends_to_configure()
    {
        var start = await _sdk.Client.StartSubscriptionAsync("contoso", DeploymentOptions.ServerSide | DeploymentOptions.ClientSide);

        Assert.False(start.Configured);
        Assert.False(start.WasAlreadyConfigured);
        Assert.Equal(DeploymentOptions.None, start.Deployment);
        Assert.Equal(new Uri("https://portal.exclaimer.com/"), start.HomePage);
        Assert.Equal("contoso", start.Subscription.SubscriptionId);
        Assert.All(_api.Requests, r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task R11_start_still_checks_the_deployment_choice()
    {
        var none = await Assert.ThrowsAsync<ResellerValidationException>(() => _sdk.Client.StartSubscriptionAsync("contoso", DeploymentOptions.None));
        var onPremisesForGoogle = await Assert.ThrowsAsync<ResellerValidationException>(() => _sdk.Client.StartSubscriptionAsync("google", DeploymentOptions.ExchangeOnPremises));

        Assert.Equal("Deployment", none.FieldName);
        Assert.Equal("ExchangeOnPremises", onPremisesForGoogle.FieldName);
        Assert.All(_api.Requests, r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task R12_a_subscription_that_is_not_active_cannot_be_started()
    {
        _api.Add("suspended", status: "Suspended");

        var error = await Assert.ThrowsAsync<ResellerConflictException>(() => _sdk.Client.StartSubscriptionAsync("suspended", DeploymentOptions.ServerSide));

        Assert.Equal("InvalidSubscriptionState", error.ErrorCode);
    }

    [Fact]
    public async Task R14_spf_over_the_Cloud_API_needs_the_data_centre_and_says_so()
    {
        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => _sdk.Client.UpdateSpfRecordAsync("contoso", new SpfRecordOptions { Domain = "contoso.com" }));

        Assert.Equal("DataCenter", error.FieldName);
        Assert.Equal("R14", error.Rule);
        Assert.Contains("SpfRecordOptions.DataCenter", error.Message, StringComparison.Ordinal);

        // One read, to learn whether the server reports the data centre (the emulator does); nothing written.
        Assert.Equal(new[] { "GET /exclaimerapi/1.0/subscriptions/contoso" }, _api.Hits);
    }

    [Fact]
    public async Task R14_spf_is_computed_with_the_shared_rules_from_the_given_data_centre()
    {
        var update = await _sdk.Client.UpdateSpfRecordAsync("contoso", new SpfRecordOptions
        {
            Domain = "contoso.com",
            CurrentRecord = "v=spf1 include:spf.protection.outlook.com -all",
            DataCenter = DataCenter.UK,
        });

        Assert.True(update.Changed);
        Assert.Equal("include:spf.uk.exclaimer.net", update.Include);
        Assert.Equal("v=spf1 include:spf.protection.outlook.com include:spf.uk.exclaimer.net -all", update.ProposedRecord);
        Assert.Equal(3, update.DnsLookupCount);
        Assert.All(_api.Requests, r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task R14_over_the_Cloud_API_too_the_current_record_is_read_from_DNS_when_not_given()
    {
        using var dns = TestDnsServer.Start(ProviderZone.Create().Txt("contoso.com", "v=spf1 include:spf.protection.outlook.com include:sendgrid.net ~all"));
        var options = new SpfRecordOptions { Domain = "contoso.com", DataCenter = DataCenter.US };
        options.NameServers.Add(new SpfNameServer(dns.EndPoint.Address, dns.EndPoint.Port));

        var update = await _sdk.Client.UpdateSpfRecordAsync("contoso", options);

        Assert.True(update.CurrentRecordFromDns);
        Assert.Equal("v=spf1 include:spf.protection.outlook.com include:spf.us.exclaimer.net include:sendgrid.net ~all", update.ProposedRecord);
        Assert.Equal(4, update.DnsLookupCount);
        Assert.Equal(new[] { "GET /exclaimerapi/1.0/subscriptions/contoso" }, _api.Hits);
    }

    [Fact]
    public async Task R14_an_spf_change_that_breaks_RFC_7208_is_refused_with_the_reason()
    {
        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => _sdk.Client.UpdateSpfRecordAsync("contoso", new SpfRecordOptions
        {
            Domain = "contoso.com",
            CurrentRecord = "v=spf1 include:spf.protection.outlook.com -all include:late.example",
            DataCenter = DataCenter.EU,
        }));

        Assert.Equal("SpfRecordRefused", error.ErrorCode);
    }

    [Fact]
    public async Task R6_resending_an_invitation_is_not_supported_and_sends_nothing()
    {
        var error = await Assert.ThrowsAsync<ResellerException>(() => _sdk.Client.ResendInvitationAsync("contoso"));

        Assert.Equal("NotSupportedByCloudApi", error.ErrorCode);
        Assert.Equal("contoso", error.Target);
        Assert.Contains("nothing was sent", error.Message, StringComparison.Ordinal);

        // One read, which shows the server is the Cloud API and not the emulator; nothing sent.
        Assert.Equal(new[] { "GET /exclaimerapi/1.0/subscriptions/contoso" }, _api.Hits);
    }
}
