using System;
using System.Net;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk.Spf;
using Exclaimer.Reseller.Sdk.Tests.Spf.Dns;

namespace Exclaimer.Reseller.Sdk.Tests.Spf;

/// <summary>
/// R14 end to end against DNS: read the customer's record, add the Exclaimer include with the record editor,
/// count the proposal's real lookups, publish it, and check that every sender still passes.
/// Microsoft 365's and Google's includes are served with their real nested structure.
/// </summary>
public sealed class R14_SpfMergeAgainstDnsTests : IDisposable
{
    private const string ExclaimerEu = "spf.eu.exclaimer.net";

    private readonly TestZone _zone = ProviderZone.Create();
    private readonly TestDnsServer _server;
    private readonly SpfChecker _checker;

    public R14_SpfMergeAgainstDnsTests()
    {
        _server = TestDnsServer.Start(_zone);
        _checker = TestChecker.For(_server);
    }

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task R14_a_Microsoft_365_domain_gets_the_include_after_Microsofts_and_its_senders_and_Exclaimer_pass()
    {
        _zone.Txt("contoso.com", "v=spf1 include:spf.protection.outlook.com -all");

        var (proposed, count) = await ProposeAsync("contoso.com", SpfSendingService.Microsoft365);

        Assert.Equal("v=spf1 include:spf.protection.outlook.com include:spf.eu.exclaimer.net -all", proposed.ProposedRecord);
        Assert.True(count.IsWithinLimits, count.Reason);
        Assert.Equal(3, count.DnsLookups);
        Assert.Equal(proposed.DnsLookupCount, count.DnsLookups);

        _zone.Replace("contoso.com", proposed.ProposedRecord);
        await AssertResultAsync("contoso.com", ProviderZone.Microsoft365Sender, SpfResult.Pass, lookups: 1);
        await AssertResultAsync("contoso.com", ProviderZone.ExclaimerSender, SpfResult.Pass, lookups: 3);
        await AssertResultAsync("contoso.com", ProviderZone.Stranger, SpfResult.Fail, lookups: 3);
    }

    [Fact]
    public async Task R14_a_Google_Workspace_domain_gets_the_include_after_Googles_and_its_senders_and_Exclaimer_pass()
    {
        _zone.Txt("fabrikam.com", "v=spf1 include:_spf.google.com ~all");

        var (proposed, count) = await ProposeAsync("fabrikam.com", SpfSendingService.GoogleWorkspace);

        Assert.Equal("v=spf1 include:_spf.google.com include:spf.eu.exclaimer.net ~all", proposed.ProposedRecord);
        Assert.Equal(5, count.DnsLookups);

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

        var (proposed, count) = await ProposeAsync("tailspin.example", SpfSendingService.Microsoft365);
        _zone.Replace("tailspin.example", proposed.ProposedRecord);

        Assert.Equal(
            "v=spf1 ip4:192.0.2.10 include:spf.protection.outlook.com include:spf.eu.exclaimer.net include:mailgun.org include:sendgrid.net ~all",
            proposed.ProposedRecord);
        Assert.Equal(7, count.DnsLookups);
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
        var (proposed, count) = await ProposeAsync("northwind.example", SpfSendingService.Microsoft365);

        Assert.Equal(9, current.DnsLookups);
        Assert.Equal(10, count.DnsLookups);
        Assert.True(count.IsWithinLimits, count.Reason);

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
        var (proposed, count) = await ProposeAsync("adatum.example", SpfSendingService.Microsoft365);

        // Offline, the editor can only count the CRM include as one lookup; DNS shows it costs five.
        Assert.Equal(7, proposed.DnsLookupCount);
        Assert.Equal(10, current.DnsLookups);
        Assert.True(current.IsWithinLimits, current.Reason);
        Assert.Equal(11, count.DnsLookups);
        Assert.Equal(SpfResult.PermError, count.Error);
        Assert.Contains("the record needs 11 DNS lookups; RFC 7208 section 4.6.4 allows 10", count.Reason);

        // Published anyway, it would fail every sender that matches only late, Exclaimer among them.
        _zone.Replace("adatum.example", proposed.ProposedRecord);
        await AssertResultAsync("adatum.example", ProviderZone.Microsoft365Sender, SpfResult.Pass, lookups: 1);
        var late = await _checker.CheckHostAsync(IPAddress.Parse("198.51.104.80"), "adatum.example");
        Assert.Equal(SpfResult.PermError, late.Result);
        Assert.Contains("would be DNS lookup 11", late.Reason);
    }

    /// <summary>The flow UpdateSpfRecordAsync will follow: the record as DNS has it, the editor's merge, the real count.</summary>
    private async Task<(SpfEdit Proposed, SpfLookupCount Count)> ProposeAsync(string domain, SpfSendingService service)
    {
        var current = await _checker.GetRecordAsync(domain);
        Assert.Equal(SpfRecordStatus.Found, current.Status);
        var proposed = SpfRecordEditor.AddInclude(current.Record, ExclaimerEu, service);
        return (proposed, await _checker.CountLookupsAsync(proposed.ProposedRecord, domain));
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
