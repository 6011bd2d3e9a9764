using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk.Spf;
using Exclaimer.Reseller.Sdk.Tests.Spf.Dns;
using Exclaimer.Reseller.Sdk.Tests.Support;
using Exclaimer.Reseller.Tests.Dns;

namespace Exclaimer.Reseller.Sdk.Tests.Rules;

/// <summary>
/// R14 through the client, against DNS as it is (a loopback server): without a record from the caller the current one
/// is read from DNS, and only "no such domain" or "no SPF record" means none; the proposal is counted by the lookups DNS
/// really makes and refused when it would break RFC 7208's limits.
/// </summary>
public sealed class R14_SpfCurrentRecordFromDnsTests : IDisposable
{
    private const string Domain = "contoso.example";

    private readonly TestZone _zone = ProviderZone.Create();
    private readonly TestDnsServer _dns;
    private readonly TestEngine _engine;

    public R14_SpfCurrentRecordFromDnsTests()
    {
        _dns = TestDnsServer.Start(_zone);
        _engine = new TestEngine(configure: options => TestChecker.Ask(options.Dns, _dns));
    }

    public void Dispose()
    {
        _engine.Dispose();
        _dns.Dispose();
    }

    [Fact]
    public async Task R14_without_a_current_record_the_one_published_in_DNS_is_the_one_merged()
    {
        _zone.Txt(Domain, "v=spf1 ip4:192.0.2.10 include:spf.protection.outlook.com -all")
            .Txt(Domain, "google-site-verification=abc123");
        await CreateAsync();

        var update = await ProposeAsync();

        Assert.True(update.CurrentRecordFromDns);
        Assert.Equal("v=spf1 ip4:192.0.2.10 include:spf.protection.outlook.com -all", update.CurrentRecord);
        Assert.Equal("v=spf1 ip4:192.0.2.10 include:spf.protection.outlook.com include:spf.uk.exclaimer.net -all", update.ProposedRecord);
        Assert.Contains($"Udp {Domain} TXT", _dns.Queries);
    }

    [Fact]
    public async Task R14_a_record_the_caller_gives_wins_and_DNS_is_not_asked_for_the_domains_own()
    {
        _zone.Txt(Domain, "v=spf1 include:_spf.google.com -all");
        await CreateAsync();

        var update = await ProposeAsync(new SpfRecordOptions { Domain = Domain, CurrentRecord = "v=spf1 include:spf.protection.outlook.com ~all" });

        Assert.False(update.CurrentRecordFromDns);
        Assert.Equal("v=spf1 include:spf.protection.outlook.com include:spf.uk.exclaimer.net ~all", update.ProposedRecord);
        Assert.DoesNotContain(_dns.Queries, query => query.EndsWith($" {Domain} TXT", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("no such domain")]
    [InlineData("no SPF record")]
    public async Task R14_only_a_domain_that_does_not_exist_or_publishes_no_SPF_record_gets_a_new_one(string situation)
    {
        if (situation == "no SPF record")
        {
            _zone.Txt(Domain, "MS=ms12345678").Add(Domain, "MX", "10", "mail." + Domain);
        }

        await CreateAsync();

        var update = await ProposeAsync();

        Assert.True(update.CurrentRecordFromDns);
        Assert.Null(update.CurrentRecord);
        Assert.Equal("v=spf1 include:spf.protection.outlook.com include:spf.uk.exclaimer.net ~all", update.ProposedRecord);
        Assert.Equal(3, update.DnsLookupCount);
    }

    [Fact]
    public async Task R14_more_than_one_SPF_record_is_SpfMoreThanOneRecord_naming_both_and_nothing_is_proposed()
    {
        _zone.Txt(Domain, "v=spf1 include:spf.protection.outlook.com -all")
            .Txt(Domain, "v=spf1 include:sendgrid.net -all");
        await CreateAsync();

        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => ProposeAsync());

        Assert.Equal(ResellerErrorCodes.SpfMoreThanOneRecord, error.ErrorCode);
        Assert.Equal("R14", error.Rule);
        Assert.Equal("CurrentRecord", error.FieldName);
        Assert.Equal("spf", error.Target);
        Assert.Contains("'v=spf1 include:spf.protection.outlook.com -all'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'v=spf1 include:sendgrid.net -all'", error.Message, StringComparison.Ordinal);
        Assert.Contains("4.5", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TIMEOUT", "timed out")]
    [InlineData("SERVFAIL", "ServerFailure")]
    public async Task R14_a_lookup_that_fails_or_times_out_is_SpfDnsLookupFailed_never_taken_for_no_record(string fault, string said)
    {
        _zone.Add(Domain, fault);
        await CreateAsync();

        var error = await Assert.ThrowsAsync<ResellerException>(() => ProposeAsync());

        Assert.IsNotType<ResellerValidationException>(error);
        Assert.Equal(ResellerErrorCodes.SpfDnsLookupFailed, error.ErrorCode);
        Assert.Equal("spf", error.Target);
        Assert.Contains(said, error.Message, StringComparison.Ordinal);
        Assert.Contains("does not mean the domain has no record", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R14_DnsLookupCount_is_what_DNS_counts_nested_includes_the_editor_cannot_know_included()
    {
        _zone.Txt(Domain, "v=spf1 include:spf.protection.outlook.com include:_spf.crm.example -all");
        await CreateAsync();

        var update = await ProposeAsync();

        // Offline the CRM include counts one; in DNS it nests four more (ProviderZone), and Microsoft's one more.
        Assert.Equal(4, SpfRecordEditor.AddInclude(update.CurrentRecord, "spf.uk.exclaimer.net", SpfSendingService.Microsoft365).DnsLookupCount);
        Assert.Equal(8, update.DnsLookupCount);
    }

    [Fact]
    public async Task R14_a_proposal_DNS_shows_needs_11_lookups_is_refused_with_the_count()
    {
        _zone.Txt(Domain, "v=spf1 include:spf.protection.outlook.com include:_spf.crm.example include:sendgrid.net a mx -all")
            .Add(Domain, "A", "198.51.104.80")
            .Add(Domain, "MX", "10", Domain);
        await CreateAsync();

        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => ProposeAsync());

        Assert.Equal(ResellerErrorCodes.SpfRecordRefused, error.ErrorCode);
        Assert.Contains("the record needs 11 DNS lookups; RFC 7208 section 4.6.4 allows 10", error.Message, StringComparison.Ordinal);
        Assert.Contains("include:spf.uk.exclaimer.net", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R14_an_include_whose_record_is_gone_is_refused_even_when_the_caller_gives_the_record()
    {
        await CreateAsync();

        var error = await Assert.ThrowsAsync<ResellerValidationException>(() =>
            ProposeAsync(new SpfRecordOptions { Domain = Domain, CurrentRecord = "v=spf1 include:spf.protection.outlook.com include:old-crm.example -all" }));

        Assert.Equal(ResellerErrorCodes.SpfRecordRefused, error.ErrorCode);
        Assert.Contains("old-crm.example", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R14_a_proposal_whose_lookups_time_out_is_SpfDnsLookupFailed_not_a_guess()
    {
        _zone.Timeout("slow-crm.example");
        await CreateAsync();

        var error = await Assert.ThrowsAsync<ResellerException>(() =>
            ProposeAsync(new SpfRecordOptions { Domain = Domain, CurrentRecord = "v=spf1 include:spf.protection.outlook.com include:slow-crm.example -all" }));

        Assert.Equal(ResellerErrorCodes.SpfDnsLookupFailed, error.ErrorCode);
        Assert.Contains("could not be counted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R14_name_servers_given_for_the_call_are_asked_instead_of_the_clients()
    {
        var other = ProviderZone.Create().Txt(Domain, "v=spf1 include:_spf.google.com ~all");
        using var otherServer = TestDnsServer.Start(other);
        _zone.Txt(Domain, "v=spf1 include:spf.protection.outlook.com -all");
        await CreateAsync();

        var options = new SpfRecordOptions { Domain = Domain };
        options.NameServers.Add(TestChecker.NameServer(otherServer));
        var update = await ProposeAsync(options);

        Assert.Equal("v=spf1 include:_spf.google.com ~all", update.CurrentRecord);
        Assert.DoesNotContain(_dns.Queries, query => query.Contains(Domain, StringComparison.OrdinalIgnoreCase));
        Assert.Contains($"Udp {Domain} TXT", otherServer.Queries);
    }

    [Fact]
    public async Task R14_a_null_name_server_is_InvalidField_before_anything_is_asked()
    {
        await CreateAsync();
        var options = new SpfRecordOptions { Domain = Domain };
        options.NameServers.Add(null!);

        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => ProposeAsync(options));

        Assert.Equal("NameServers", error.FieldName);
        Assert.Empty(_dns.Queries);
    }

    [Fact]
    public void R14_a_null_name_server_in_the_clients_options_names_the_option()
    {
        var error = Assert.Throws<ArgumentException>(() => new TestEngine(configure: options => options.Dns.NameServers.Add(null!)));

        Assert.Contains("ResellerClientOptions.Dns.NameServers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R14_a_server_that_never_answers_ends_in_SpfDnsLookupFailed_within_the_timeouts()
    {
        _zone.Timeout(Domain);
        using var engine = new TestEngine(configure: options =>
        {
            TestChecker.Ask(options.Dns, _dns);
            options.Dns.Retries = 1;
        });
        await engine.CreateAsync(NewSubscription());

        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<ResellerException>(() => engine.Client.UpdateSpfRecordAsync("spf", new SpfRecordOptions { Domain = Domain }));

        // Two tries of 2 s each; the bound is the whole lookup's 15 s, with room for a busy machine.
        Assert.Equal(ResellerErrorCodes.SpfDnsLookupFailed, error.ErrorCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"took {watch.Elapsed}");
        Assert.Equal(2, _dns.Queries.Count(query => query.EndsWith($" {Domain} TXT", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task R14_the_callers_token_cancels_a_lookup_in_flight()
    {
        _zone.Timeout(Domain);
        await CreateAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _engine.Client.UpdateSpfRecordAsync("spf", new SpfRecordOptions { Domain = Domain }, cancel.Token));
    }

    private static CreateSubscriptionOptions NewSubscription()
    {
        var options = TestEngine.NewM365("spf");
        options.DataCenter = DataCenter.UK;
        return options;
    }

    private Task<Subscription> CreateAsync() => _engine.CreateAsync(NewSubscription());

    private Task<SpfRecordUpdate> ProposeAsync(SpfRecordOptions? options = null) =>
        _engine.Client.UpdateSpfRecordAsync("spf", options ?? new SpfRecordOptions { Domain = Domain });
}
