using System;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk.Tests.Spf.Dns;
using Exclaimer.Reseller.Sdk.Tests.Support;
using Exclaimer.Reseller.Tests.Dns;

namespace Exclaimer.Reseller.Sdk.Tests.Rules;

/// <summary>
/// R14 through the client: the subscription's data centre and product drive the record. The client counts every
/// proposal against DNS, here a loopback server with the mail providers' records; reading the current record from DNS
/// is in <c>R14_SpfCurrentRecordFromDnsTests</c>, the editor's own cases in Spf/.
/// </summary>
public sealed class R14_SpfTests : IDisposable
{
    private readonly TestDnsServer _dns = TestDnsServer.Start(ProviderZone.Create());
    private readonly TestEngine _engine;

    public R14_SpfTests() => _engine = new TestEngine(configure: options => TestChecker.Ask(options.Dns, _dns));

    public void Dispose()
    {
        _engine.Dispose();
        _dns.Dispose();
    }

    [Theory]
    [InlineData(DataCenter.EU, "spf.eu.exclaimer.net")]
    [InlineData(DataCenter.UK, "spf.uk.exclaimer.net")]
    [InlineData(DataCenter.US, "spf.us.exclaimer.net")]
    [InlineData(DataCenter.AUS, "spf.au.exclaimer.net")]
    [InlineData(DataCenter.CAN, "spf.ca.exclaimer.net")]
    [InlineData(DataCenter.IND, "spf.uae.exclaimer.net")]
    [InlineData(DataCenter.DE, "spf.eu.exclaimer.net")]
    public async Task R14_the_include_comes_from_the_subscriptions_data_centre(DataCenter dataCenter, string include)
    {
        var options = TestEngine.NewM365("spf");
        options.DataCenter = dataCenter;
        await _engine.CreateAsync(options);

        var update = await _engine.Client.UpdateSpfRecordAsync("spf", new SpfRecordOptions { Domain = "contoso.example", CurrentRecord = "v=spf1 include:spf.protection.outlook.com -all" });

        Assert.Equal("include:" + include, update.Include);
        Assert.Equal($"v=spf1 include:spf.protection.outlook.com include:{include} -all", update.ProposedRecord);
        Assert.True(update.Changed);
        Assert.Equal("contoso.example", update.Domain);
    }

    [Fact]
    public async Task R14_without_a_domain_the_record_is_for_the_mail_domain_the_subscription_was_created_for()
    {
        var options = TestEngine.NewM365("spf");
        options.Domain = "mail.contoso.example";
        await _engine.CreateAsync(options);

        var update = await _engine.Client.UpdateSpfRecordAsync("spf", new SpfRecordOptions { CurrentRecord = "v=spf1 include:spf.protection.outlook.com -all" });

        Assert.Equal("mail.contoso.example", update.Domain);
        Assert.Contains("include:spf.", update.ProposedRecord, StringComparison.Ordinal);
        var empty = await Assert.ThrowsAsync<ResellerValidationException>(() => _engine.Client.UpdateSpfRecordAsync("spf", new SpfRecordOptions { Domain = "", CurrentRecord = "v=spf1 -all" }));
        Assert.Equal("Domain", empty.FieldName);
    }

    [Fact]
    public async Task R14_Google_Workspace_goes_after_the_Gmail_include_and_a_second_update_is_a_noop()
    {
        var options = TestEngine.NewWithAccess("google");
        options.DataCenter = DataCenter.US;
        await _engine.CreateAsync(options);

        var first = await _engine.Client.UpdateSpfRecordAsync("google", new SpfRecordOptions { Domain = "fabrikam.example", CurrentRecord = "v=spf1 include:_spf.google.com ~all" });
        var second = await _engine.Client.UpdateSpfRecordAsync("google", new SpfRecordOptions { Domain = "fabrikam.example", CurrentRecord = first.ProposedRecord });

        Assert.Equal("v=spf1 include:_spf.google.com include:spf.us.exclaimer.net ~all", first.ProposedRecord);
        Assert.False(second.Changed);
        Assert.Equal(first.ProposedRecord, second.ProposedRecord);
    }

    [Fact]
    public async Task R14_a_change_that_breaks_RFC7208_is_refused_with_the_reason()
    {
        await _engine.CreateAsync(TestEngine.NewM365("spf"));

        var error = await Assert.ThrowsAsync<ResellerValidationException>(() =>
            _engine.Client.UpdateSpfRecordAsync("spf", new SpfRecordOptions { Domain = "contoso.example", CurrentRecord = "v=spf1 -all include:spf.protection.outlook.com" }));

        Assert.Equal("SpfRecordRefused", error.ErrorCode);
        Assert.Equal("CurrentRecord", error.FieldName);
        Assert.Contains("5.1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R14_the_domain_must_be_a_domain_name()
    {
        await _engine.CreateAsync(TestEngine.NewM365("spf"));

        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => _engine.Client.UpdateSpfRecordAsync("spf", new SpfRecordOptions { Domain = "contoso", CurrentRecord = null }));

        Assert.Equal("Domain", error.FieldName);
    }

    [Fact]
    public async Task R14_a_domain_without_a_record_gets_a_new_one_with_the_product_include()
    {
        var options = TestEngine.NewM365("spf");
        options.DataCenter = DataCenter.AUS;
        await _engine.CreateAsync(options);

        var update = await _engine.Client.UpdateSpfRecordAsync("spf", new SpfRecordOptions { Domain = "contoso.example" });

        Assert.Null(update.CurrentRecord);
        Assert.Equal("v=spf1 include:spf.protection.outlook.com include:spf.au.exclaimer.net ~all", update.ProposedRecord);
        Assert.Equal(3, update.DnsLookupCount);
    }

    [Fact]
    public async Task R14_a_data_centre_other_than_the_subscriptions_own_is_refused()
    {
        var options = TestEngine.NewM365("spf");
        options.DataCenter = DataCenter.EU;
        await _engine.CreateAsync(options);

        var error = await Assert.ThrowsAsync<ResellerValidationException>(() =>
            _engine.Client.UpdateSpfRecordAsync("spf", new SpfRecordOptions { Domain = "contoso.example", DataCenter = DataCenter.US }));

        Assert.Equal("DataCenter", error.FieldName);
        Assert.Equal("spf.eu.exclaimer.net", (await _engine.Client.UpdateSpfRecordAsync("spf", new SpfRecordOptions { Domain = "contoso.example", DataCenter = DataCenter.EU })).Include[8..]);
    }
}
