using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk.Spf;
using Exclaimer.Reseller.Sdk.Tests.Spf.Dns;
using Exclaimer.Reseller.Tests.Dns;

namespace Exclaimer.Reseller.Sdk.Tests.Spf;

/// <summary>
/// R14 starts from the domain's current record: <see cref="SpfChecker.GetRecordAsync"/> reads it from DNS and tells
/// apart one record, more than one (RFC 7208 section 4.5), none, no such domain, and a DNS failure, which is not none.
/// </summary>
public sealed class R14_SpfRecordLookupTests : IDisposable
{
    private readonly TestZone _zone = new();
    private readonly TestDnsServer _server;

    public R14_SpfRecordLookupTests()
    {
        _zone
            .Txt("contoso.com", "v=spf1 include:spf.protection.outlook.com -all")
            .Txt("contoso.com", "google-site-verification=abc123")
            .Txt("contoso.com", "MS=ms12345678")
            .Add("split.example", "TXT", "v=spf1 ip4:192.0.2.0/24 include:spf.protection.outl", "ook.com -all")
            .Txt("two.example", "v=spf1 include:spf.protection.outlook.com -all")
            .Txt("two.example", "V=SPF1 include:_spf.google.com ~all")
            .Txt("unsigned.example", "google-site-verification=abc123")
            .Txt("unsigned.example", "v=spf10 -all")
            .Add("mailonly.example", "MX", "10", "mail.mailonly.example")
            .Timeout("slow.example")
            .Add("broken.example", "SERVFAIL");
        _server = TestDnsServer.Start(_zone);
    }

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task R14_the_one_SPF_record_is_found_among_the_domains_other_TXT_records()
    {
        var lookup = await TestChecker.For(_server).GetRecordAsync("contoso.com");

        Assert.Equal(SpfRecordStatus.Found, lookup.Status);
        Assert.Equal("v=spf1 include:spf.protection.outlook.com -all", lookup.Record);
        Assert.Equal(new[] { "v=spf1 include:spf.protection.outlook.com -all" }, lookup.Records);
        Assert.Null(lookup.Reason);
    }

    [Fact]
    public async Task R14_a_record_published_as_several_strings_is_joined_without_adding_spaces()
    {
        var lookup = await TestChecker.For(_server).GetRecordAsync("split.example");

        Assert.Equal("v=spf1 ip4:192.0.2.0/24 include:spf.protection.outlook.com -all", lookup.Record);
    }

    [Fact]
    public async Task R14_two_SPF_records_are_more_than_one_record_whatever_their_case_and_both_are_reported()
    {
        var lookup = await TestChecker.For(_server).GetRecordAsync("two.example");

        Assert.Equal(SpfRecordStatus.MoreThanOneRecord, lookup.Status);
        Assert.Null(lookup.Record);
        Assert.Equal(2, lookup.Records.Count);
        Assert.Contains("RFC 7208 section 4.5", lookup.Reason);
    }

    [Theory]
    [InlineData("unsigned.example")]
    [InlineData("mailonly.example")]
    public async Task R14_a_domain_without_an_SPF_TXT_record_has_no_record(string domain)
    {
        var lookup = await TestChecker.For(_server).GetRecordAsync(domain);

        Assert.Equal(SpfRecordStatus.NoRecord, lookup.Status);
        Assert.Empty(lookup.Records);
    }

    [Fact]
    public async Task R14_a_domain_that_does_not_exist_is_told_apart_from_one_without_a_record()
    {
        var lookup = await TestChecker.For(_server).GetRecordAsync("nowhere.example");

        Assert.Equal(SpfRecordStatus.NoSuchDomain, lookup.Status);
        Assert.Contains("does not exist", lookup.Reason);
    }

    [Fact]
    public async Task R14_a_DNS_server_that_does_not_answer_is_a_temporary_error_within_the_query_timeout_not_none()
    {
        var watch = Stopwatch.StartNew();
        var lookup = await TestChecker.For(_server).GetRecordAsync("slow.example");

        Assert.Equal(SpfRecordStatus.TemporaryError, lookup.Status);
        Assert.Contains("timed out", lookup.Reason);
        Assert.True(watch.Elapsed < TestChecker.QueryTimeout + TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task R14_a_server_failure_is_a_temporary_error_not_none()
    {
        var lookup = await TestChecker.For(_server).GetRecordAsync("broken.example");

        Assert.Equal(SpfRecordStatus.TemporaryError, lookup.Status);
        Assert.Contains("ServerFailure", lookup.Reason);
    }

    [Fact]
    public async Task R14_when_the_first_name_server_does_not_answer_the_next_one_is_asked()
    {
        using var silent = TestDnsServer.Start(new TestZone().Timeout("contoso.com"));
        var options = TestChecker.Options(silent);
        options.NameServers.Add(new SpfNameServer(_server.EndPoint.Address, _server.EndPoint.Port));

        var lookup = await new SpfChecker(options).GetRecordAsync("contoso.com");

        Assert.Equal(SpfRecordStatus.Found, lookup.Status);
        Assert.Contains(silent.Queries, query => query.EndsWith("contoso.com TXT", StringComparison.Ordinal));
    }

    [Fact]
    public async Task R14_an_answer_too_big_for_UDP_is_fetched_over_TCP()
    {
        // Twenty TXT records of 250 octets beside the SPF one: over the 4096 octets of the largest UDP answer a
        // client advertises with EDNS, so the server truncates it and only TCP carries it whole.
        _zone.Txt("big.example", "v=spf1 ip4:192.0.2.1 -all");
        for (int i = 0; i < 20; i++)
        {
            _zone.Txt("big.example", $"token{i:00}=" + new string('x', 240));
        }

        var lookup = await TestChecker.For(_server).GetRecordAsync("big.example");

        Assert.Equal("v=spf1 ip4:192.0.2.1 -all", lookup.Record);
        Assert.Contains("Tcp big.example TXT", _server.Queries);
    }

    [Theory]
    [InlineData("")]
    [InlineData("localhost")]
    [InlineData("192.0.2.1")]
    [InlineData("[192.0.2.1]")]
    [InlineData("a..example.com")]
    public async Task R14_a_domain_that_is_not_a_domain_name_is_an_argument_error_before_any_query(string domain)
    {
        await Assert.ThrowsAsync<ArgumentException>(nameof(domain), () => TestChecker.For(_server).GetRecordAsync(domain));
        Assert.Empty(_server.Queries);
    }
}
