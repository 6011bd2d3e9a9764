using System;
using System.Net;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk.Spf;
using Exclaimer.Reseller.Sdk.Tests.Spf.Dns;
using Exclaimer.Reseller.Sdk.Tests.Support;
using Exclaimer.Reseller.Tests.Dns;

namespace Exclaimer.Reseller.Sdk.Tests.Spf;

/// <summary>
/// R14 end to end against DNS, through the client: <see cref="ResellerClient.UpdateSpfRecordAsync"/> reads the
/// customer's record from DNS, adds the Exclaimer include, counts the proposal's real lookups; the test publishes it and
/// checks that every sender still passes. Microsoft 365's and Google's includes are served with their real nested structure.
/// </summary>
public sealed class R14_SpfMergeAgainstDnsTests : IDisposable
{
    private const string ExclaimerEu = "spf.eu.exclaimer.net";

    private readonly TestZone _zone = ProviderZone.Create();
    private readonly TestDnsServer _server;
    private readonly SpfChecker _checker;
    private readonly TestEngine _engine;

    public R14_SpfMergeAgainstDnsTests()
    {
        _server = TestDnsServer.Start(_zone);
        _checker = TestChecker.For(_server);
        _engine = new TestEngine(configure: options => TestChecker.Ask(options.Dns, _server));
    }

    public void Dispose()
    {
        _engine.Dispose();
        _server.Dispose();
    }

    [Fact]
    public async Task R14_a_Microsoft_365_domain_gets_the_include_after_Microsofts_and_its_senders_and_Exclaimer_pass()
    {
        _zone.Txt("contoso.com", "v=spf1 include:spf.protection.outlook.com -all");

        var proposed = await ProposeAsync("contoso.com", Product.Microsoft365);

        Assert.Equal("v=spf1 include:spf.protection.outlook.com include:spf.eu.exclaimer.net -all", proposed.ProposedRecord);
        Assert.Equal(3, proposed.DnsLookupCount);
        Assert.True(proposed.CurrentRecordFromDns);

        _zone.Replace("contoso.com", proposed.ProposedRecord);
        await AssertResultAsync("contoso.com", ProviderZone.Microsoft365Sender, SpfResult.Pass, lookups: 1);
        await AssertResultAsync("contoso.com", ProviderZone.ExclaimerSender, SpfResult.Pass, lookups: 3);
        await AssertResultAsync("contoso.com", ProviderZone.Stranger, SpfResult.Fail, lookups: 3);
    }

    [Fact]
    public async Task R14_a_Google_Workspace_domain_gets_the_include_after_Googles_and_its_senders_and_Exclaimer_pass()
    {
        _zone.Txt("fabrikam.com", "v=spf1 include:_spf.google.com ~all");

        var proposed = await ProposeAsync("fabrikam.com", Product.GoogleWorkspace);

        Assert.Equal("v=spf1 include:_spf.google.com include:spf.eu.exclaimer.net ~all", proposed.ProposedRecord);
        Assert.Equal(5, proposed.DnsLookupCount);

        _zone.Replace("fabrikam.com", proposed.ProposedRecord);
        await AssertResultAsync("fabrikam.com", ProviderZone.GoogleSender, SpfResult.Pass, lookups: 2);
        await AssertResultAsync("fabrikam.com", ProviderZone.ExclaimerSender, SpfResult.Pass, lookups: 5);
        await AssertResultAsync("fabrikam.com", ProviderZone.Stranger, SpfResult.SoftFail, lookups: 5);
        await AssertResultAsync("fabrikam.com", "2001:db8:e0::25", SpfResult.Pass, lookups: 5);
    }

    [Fact]
    public async Task R14_a_record_with_several_senders_keeps_every_one_of_them_passing()
    {
        _zone.Txt("tailspin.example", "v=spf1 ip4:192.0.2.10 include:spf.protection.outlook.com include:mailgun.org include:sendgrid.net ~all");

        var proposed = await ProposeAsync("tailspin.example", Product.Microsoft365);
        _zone.Replace("tailspin.example", proposed.ProposedRecord);

        Assert.Equal(
            "v=spf1 ip4:192.0.2.10 include:spf.protection.outlook.com include:spf.eu.exclaimer.net include:mailgun.org include:sendgrid.net ~all",
            proposed.ProposedRecord);
        Assert.Equal(7, proposed.DnsLookupCount);
        foreach (string sender in new[] { "192.0.2.10", ProviderZone.Microsoft365Sender, ProviderZone.ExclaimerSender, "192.0.2.200", "192.0.2.230", "192.0.2.5" })
        {
            await AssertResultAsync("tailspin.example", sender, SpfResult.Pass, lookups: null);
        }

        await AssertResultAsync("tailspin.example", ProviderZone.Stranger, SpfResult.SoftFail, lookups: 7);
    }

    [Fact]
    public async Task R14_a_record_at_9_lookups_reaches_exactly_10_with_the_include_and_a_stranger_uses_all_10()
    {
        _zone.Txt("northwind.example", "v=spf1 include:spf.protection.outlook.com include:_spf.google.com include:sendgrid.net include:servers.mcsv.net mx -all")
            .Add("northwind.example", "MX", "10", "mail.northwind.example")
            .Add("mail.northwind.example", "A", "198.51.104.25");

        var current = await _checker.CountLookupsAsync((await _checker.GetRecordAsync("northwind.example")).Record!, "northwind.example");
        var proposed = await ProposeAsync("northwind.example", Product.Microsoft365);

        Assert.Equal(9, current.DnsLookups);
        Assert.Equal(10, proposed.DnsLookupCount);

        _zone.Replace("northwind.example", proposed.ProposedRecord)
            .Add("northwind.example", "MX", "10", "mail.northwind.example");
        await AssertResultAsync("northwind.example", ProviderZone.Stranger, SpfResult.Fail, lookups: 10);
        await AssertResultAsync("northwind.example", "198.51.104.25", SpfResult.Pass, lookups: 10);
    }

    [Fact]
    public async Task R14_an_include_the_editor_does_not_know_is_counted_by_DNS_and_the_Exclaimer_include_would_make_11()
    {
        _zone.Txt("adatum.example", "v=spf1 include:spf.protection.outlook.com include:_spf.crm.example include:sendgrid.net a mx -all")
            .Add("adatum.example", "A", "198.51.104.80")
            .Add("adatum.example", "MX", "10", "adatum.example");

        var current = await _checker.CountLookupsAsync((await _checker.GetRecordAsync("adatum.example")).Record!, "adatum.example");
        var refused = await Assert.ThrowsAsync<ResellerValidationException>(() => ProposeAsync("adatum.example", Product.Microsoft365));

        // Offline, the editor can only count the CRM include as one lookup; DNS shows it costs five.
        var proposed = SpfRecordEditor.AddInclude((await _checker.GetRecordAsync("adatum.example")).Record, ExclaimerEu, SpfSendingService.Microsoft365);
        Assert.Equal(7, proposed.DnsLookupCount);
        Assert.Equal(10, current.DnsLookups);
        Assert.True(current.IsWithinLimits, current.Reason);
        Assert.Equal(ResellerErrorCodes.SpfRecordRefused, refused.ErrorCode);
        Assert.Contains("the record needs 11 DNS lookups; RFC 7208 section 4.6.4 allows 10", refused.Message, StringComparison.Ordinal);

        // Published anyway, it would fail every sender that matches only late, Exclaimer among them.
        _zone.Replace("adatum.example", proposed.ProposedRecord);
        await AssertResultAsync("adatum.example", ProviderZone.Microsoft365Sender, SpfResult.Pass, lookups: 1);
        var late = await _checker.CheckHostAsync(IPAddress.Parse("198.51.104.80"), "adatum.example");
        Assert.Equal(SpfResult.PermError, late.Result);
        Assert.Contains("would be DNS lookup 11", late.Reason);
    }

    /// <summary>A subscription in the EU data centre for the domain, and the client's proposal with the record read from DNS.</summary>
    private async Task<SpfRecordUpdate> ProposeAsync(string domain, Product product)
    {
        var id = domain.Replace('.', '-');
        await _engine.CreateAsync(new CreateSubscriptionOptions
        {
            SubscriptionId = id,
            Product = product,
            CustomerName = domain,
            UserCount = 10,
            Domain = domain,
            DataCenter = DataCenter.EU,
        });
        var update = await _engine.Client.UpdateSpfRecordAsync(id, new SpfRecordOptions { Domain = domain });
        Assert.True(update.CurrentRecordFromDns);
        Assert.Equal((await _checker.GetRecordAsync(domain)).Record, update.CurrentRecord);
        return update;
    }

    private async Task AssertResultAsync(string domain, string sender, SpfResult expected, int? lookups)
    {
        var result = await _checker.CheckHostAsync(IPAddress.Parse(sender), domain, "news@" + domain);

        Assert.True(expected == result.Result, $"{sender} for {domain}: expected {expected}, got {result.Result} ({result.Reason})");
        if (lookups is not null)
        {
            Assert.Equal(lookups, result.DnsLookups);
        }
    }
}
