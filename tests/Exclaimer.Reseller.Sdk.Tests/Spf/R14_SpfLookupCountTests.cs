using System;
using System.Linq;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk.Spf;
using Exclaimer.Reseller.Sdk.Tests.Spf.Dns;
using Exclaimer.Reseller.Tests.Dns;

namespace Exclaimer.Reseller.Sdk.Tests.Spf;

/// <summary>
/// R14 refuses a record over RFC 7208's limits (section 4.6.4): <see cref="SpfChecker.CountLookupsAsync"/> resolves
/// every include and redirect of a proposal through DNS and reports the real count and why a limit breaks.
/// </summary>
public sealed class R14_SpfLookupCountTests : IDisposable
{
    private const string Domain = "contoso.com";

    private readonly TestZone _zone = ProviderZone.Create();
    private readonly TestDnsServer _server;

    public R14_SpfLookupCountTests()
    {
        _zone
            .Txt("loop1.example", "v=spf1 include:loop2.example -all")
            .Txt("loop2.example", "v=spf1 ip4:192.0.2.1 include:loop1.example -all")
            .Txt("two.example", "v=spf1 -all")
            .Txt("two.example", "v=spf1 +all")
            .Txt("broken.example", "v=spf1 ip4:192.0.2.300 -all")
            .Txt("nospf.example", "google-site-verification=abc123")
            .Timeout("slow.example")
            .Add("mail.contoso.com", "A", "192.0.2.25")
            .Add(Domain, "MX", "10", "mail.contoso.com");
        foreach (int i in Enumerable.Range(1, 11))
        {
            _zone.Add("manymx.example", "MX", i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"mx{i}.manymx.example");
        }

        _server = TestDnsServer.Start(_zone);
    }

    public void Dispose() => _server.Dispose();

    private Task<SpfLookupCount> CountAsync(string record) => TestChecker.For(_server).CountLookupsAsync(record, Domain);

    [Theory]
    [InlineData("v=spf1 -all", 0)]
    [InlineData("v=spf1 ip4:192.0.2.1 ip6:2001:db8::/32 -all", 0)]
    [InlineData("v=spf1 include:spf.protection.outlook.com -all", 2)]
    [InlineData("v=spf1 include:_spf.google.com ~all", 4)]
    [InlineData("v=spf1 include:mailgun.org ~all", 3)]
    [InlineData("v=spf1 include:_spf.crm.example ~all", 5)]
    [InlineData("v=spf1 a mx ptr exists:%{i}._spf.contoso.com -all", 4)]
    [InlineData("v=spf1 mx redirect=_spf.google.com", 5)]
    public async Task R14_every_DNS_querying_term_counts_one_and_includes_count_their_nested_terms(string record, int lookups)
    {
        var count = await CountAsync(record);

        Assert.Equal(lookups, count.DnsLookups);
        Assert.True(count.IsWithinLimits, count.Reason);
        Assert.Null(count.Error);
        Assert.Null(count.Reason);
        Assert.Equal(record, count.Record);
        Assert.Equal(Domain, count.Domain);
    }

    [Fact]
    public async Task R14_a_redirect_beside_all_is_never_followed_so_it_costs_nothing()
    {
        var count = await CountAsync("v=spf1 -all redirect=_spf.google.com");

        Assert.Equal(0, count.DnsLookups);
    }

    [Fact]
    public async Task R14_more_than_10_lookups_is_a_permerror_with_the_real_count()
    {
        var count = await CountAsync("v=spf1 include:_spf.google.com include:_spf.crm.example include:spf.protection.outlook.com -all");

        Assert.Equal(11, count.DnsLookups);
        Assert.False(count.IsWithinLimits);
        Assert.Equal(SpfResult.PermError, count.Error);
        Assert.Equal("the record needs 11 DNS lookups; RFC 7208 section 4.6.4 allows 10", count.Reason);
    }

    [Fact]
    public async Task R14_an_include_loop_is_reported_as_a_loop()
    {
        var count = await CountAsync("v=spf1 include:loop1.example -all");

        Assert.Equal(SpfResult.PermError, count.Error);
        Assert.Contains("'include:loop1.example' loops: contoso.com -> loop1.example -> loop2.example -> loop1.example", count.Reason);
    }

    [Fact]
    public async Task R14_a_record_that_includes_its_own_domain_loops()
    {
        var count = await CountAsync("v=spf1 include:contoso.com -all");

        Assert.Contains("loops: contoso.com -> contoso.com", count.Reason);
    }

    [Fact]
    public async Task R14_more_than_2_void_lookups_is_a_permerror()
    {
        var within = await CountAsync("v=spf1 a:gone1.example mx:gone2.example -all");
        var over = await CountAsync("v=spf1 a:gone1.example mx:gone2.example exists:gone3.example -all");

        Assert.Equal(2, within.VoidLookups);
        Assert.True(within.IsWithinLimits, within.Reason);
        Assert.Equal(3, over.VoidLookups);
        Assert.Equal(SpfResult.PermError, over.Error);
        Assert.Contains("3 lookups find no such name or no records; RFC 7208 section 4.6.4 allows 2", over.Reason);
    }

    [Fact]
    public async Task R14_a_domain_that_resolves_only_over_IPv6_is_not_a_void_lookup_for_a()
    {
        _zone.Add("v6only.example", "AAAA", "2001:db8::25");

        var count = await CountAsync("v=spf1 a:v6only.example -all");

        Assert.Equal(0, count.VoidLookups);
    }

    [Theory]
    [InlineData("v=spf1 include:gone.example -all", "'include:gone.example': the domain gone.example does not exist, which makes the term a permerror (RFC 7208 section 5.2)")]
    [InlineData("v=spf1 include:nospf.example -all", "'include:nospf.example': nospf.example publishes no SPF record, which makes the term a permerror (RFC 7208 section 5.2)")]
    [InlineData("v=spf1 redirect=nospf.example", "'redirect=nospf.example': nospf.example publishes no SPF record, which makes the term a permerror (RFC 7208 section 6.1)")]
    [InlineData("v=spf1 include:two.example -all", "two.example publishes 2 SPF records")]
    [InlineData("v=spf1 include:broken.example -all", "'include:broken.example': the SPF record of broken.example is malformed: 'ip4:192.0.2.300' is malformed")]
    [InlineData("v=spf1 mx:manymx.example -all", "'mx:manymx.example' finds 11 MX records for manymx.example; RFC 7208 section 4.6.4 allows 10")]
    public async Task R14_an_included_record_that_would_be_a_permerror_is_reported_with_the_reason(string record, string reason)
    {
        var count = await CountAsync(record);

        Assert.Equal(SpfResult.PermError, count.Error);
        Assert.Contains(reason, count.Reason);
    }

    [Theory]
    [InlineData("v=spf1 include:spf.protection.outlook.com foo:bar -all", "unknown mechanism 'foo:bar'")]
    [InlineData("spf1 -all", "not an SPF record")]
    [InlineData("v=spf1 -all exp=a.example exp=b.example", "'exp' appears more than once")]
    public async Task R14_a_proposal_that_breaks_the_grammar_is_a_permerror_before_any_lookup(string record, string reason)
    {
        var count = await CountAsync(record);

        Assert.Equal(SpfResult.PermError, count.Error);
        Assert.Contains(reason, count.Reason);
        Assert.Empty(_server.Queries);
    }

    [Fact]
    public async Task R14_an_include_that_DNS_does_not_answer_is_a_temperror_the_count_cannot_be_trusted()
    {
        var count = await CountAsync("v=spf1 include:spf.protection.outlook.com include:slow.example -all");

        Assert.Equal(SpfResult.TempError, count.Error);
        Assert.Contains("'include:slow.example'", count.Reason);
        Assert.Contains("timed out", count.Reason);
    }

    [Fact]
    public async Task R14_a_name_built_from_the_senders_macros_counts_one_without_a_query_and_d_is_the_domain()
    {
        _zone.Txt("contoso.com._spf.example", "v=spf1 ip4:192.0.2.1 -all");

        var count = await CountAsync("v=spf1 exists:%{i}.%{l}._spf.%{d} include:%{d}._spf.example -all");

        Assert.Equal(2, count.DnsLookups);
        Assert.True(count.IsWithinLimits, count.Reason);
        Assert.Contains("Udp contoso.com._spf.example TXT", _server.Queries);
        Assert.DoesNotContain(_server.Queries, query => query.Contains('%', StringComparison.Ordinal));
    }
}
