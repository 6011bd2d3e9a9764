using System;
using System.Diagnostics;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk.Spf;
using Exclaimer.Reseller.Sdk.Tests.Spf.Dns;
using Exclaimer.Reseller.Tests.Dns;

namespace Exclaimer.Reseller.Sdk.Tests.Spf;

/// <summary>
/// R14's check_host beyond the openspf suite: what the result reports (the record, the lookups, the explanation),
/// and that DNS trouble is a temperror within a bound, never a hang and never "none".
/// </summary>
public sealed class R14_SpfCheckHostTests : IDisposable
{
    private readonly TestZone _zone = ProviderZone.Create();
    private readonly TestDnsServer _server;

    public R14_SpfCheckHostTests()
    {
        _zone
            .Txt("contoso.com", "v=spf1 include:spf.protection.outlook.com include:spf.eu.exclaimer.net -all exp=why.contoso.com")
            .Txt("why.contoso.com", "%{i} may not send for %{d} as %{s}; see https://contoso.com/spf")
            .Txt("brokeninclude.example", "v=spf1 include:failing.example -all")
            .Add("failing.example", "SERVFAIL")
            .Add("servfail.example", "SERVFAIL")
            .Txt("slowchain.example", "v=spf1 include:slow1.example include:slow2.example include:slow3.example -all");
        foreach (string slow in new[] { "slow1.example", "slow2.example", "slow3.example" })
        {
            _zone.Txt(slow, "v=spf1 ip4:192.0.2.1 -all").Add(slow, "DELAY", "900");
        }

        _server = TestDnsServer.Start(_zone);
    }

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task R14_the_result_reports_the_domain_address_record_and_lookups_in_the_cmdlets_terms()
    {
        var address = IPAddress.Parse(ProviderZone.ExclaimerSender);

        var result = await TestChecker.For(_server).CheckHostAsync(address, "contoso.com", "news@contoso.com", "mail.contoso.com");

        Assert.Equal("contoso.com", result.Domain);
        Assert.Equal(address, result.IPAddress);
        Assert.Equal(SpfResult.Pass, result.Result);
        Assert.Equal("pass", result.ResultName);
        Assert.Equal("v=spf1 include:spf.protection.outlook.com include:spf.eu.exclaimer.net -all exp=why.contoso.com", result.Record);
        Assert.Equal(3, result.DnsLookups);
        Assert.Equal(0, result.VoidLookups);
        Assert.Null(result.Explanation);
        Assert.Equal("pass: 198.51.100.25 for contoso.com", result.ToString());
    }

    [Fact]
    public async Task R14_a_fail_carries_the_domains_explanation_with_its_macros_expanded()
    {
        var result = await TestChecker.For(_server).CheckHostAsync(IPAddress.Parse(ProviderZone.Stranger), "contoso.com", "news@contoso.com");

        Assert.Equal(SpfResult.Fail, result.Result);
        Assert.Equal("203.0.113.66 may not send for contoso.com as news@contoso.com; see https://contoso.com/spf", result.Explanation);
    }

    [Fact]
    public async Task R14_without_a_sender_the_sender_is_postmaster_at_the_domain()
    {
        var result = await TestChecker.For(_server).CheckHostAsync(IPAddress.Parse(ProviderZone.Stranger), "contoso.com");

        Assert.Equal("203.0.113.66 may not send for contoso.com as postmaster@contoso.com; see https://contoso.com/spf", result.Explanation);
    }

    [Theory]
    [InlineData(SpfResult.None, "none")]
    [InlineData(SpfResult.Neutral, "neutral")]
    [InlineData(SpfResult.Pass, "pass")]
    [InlineData(SpfResult.Fail, "fail")]
    [InlineData(SpfResult.SoftFail, "softfail")]
    [InlineData(SpfResult.TempError, "temperror")]
    [InlineData(SpfResult.PermError, "permerror")]
    public void R14_every_result_has_the_lower_case_name_RFC_7208_and_Received_SPF_headers_use(SpfResult result, string name)
    {
        Assert.Equal(name, new SpfCheckResult("contoso.com", IPAddress.Loopback, result, null, 0, 0, null, null).ResultName);
    }

    [Fact]
    public async Task R14_a_domain_without_a_record_is_none_without_a_record()
    {
        var result = await TestChecker.For(_server).CheckHostAsync(IPAddress.Parse(ProviderZone.Stranger), "nowhere.example");

        Assert.Equal(SpfResult.None, result.Result);
        Assert.Null(result.Record);
        Assert.Contains("does not exist", result.Reason);
    }

    [Theory]
    [InlineData("servfail.example")]
    [InlineData("brokeninclude.example")]
    public async Task R14_a_DNS_server_failure_is_a_temperror_not_none(string domain)
    {
        var result = await TestChecker.For(_server).CheckHostAsync(IPAddress.Parse(ProviderZone.Stranger), domain);

        Assert.Equal(SpfResult.TempError, result.Result);
        Assert.Contains("ServerFailure", result.Reason);
    }

    [Fact]
    public async Task R14_the_whole_check_is_bounded_even_when_every_single_answer_comes_within_the_query_timeout()
    {
        var options = TestChecker.Options(_server);
        options.EvaluationTimeout = TimeSpan.FromSeconds(1.5);
        var watch = Stopwatch.StartNew();

        var result = await new SpfChecker(options).CheckHostAsync(IPAddress.Parse(ProviderZone.Stranger), "slowchain.example");

        Assert.Equal(SpfResult.TempError, result.Result);
        Assert.Contains("the check took longer than 1.5 s", result.Reason);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1.5) + TestChecker.QueryTimeout, $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task R14_cancelling_the_check_throws_instead_of_reporting_a_temperror()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => TestChecker.For(_server).CheckHostAsync(IPAddress.Parse(ProviderZone.Stranger), "slowchain.example", cancellationToken: cancellation.Token));
    }

    [Fact]
    public async Task R14_a_permerror_from_deep_in_the_includes_reports_the_checked_domains_record_and_the_reason()
    {
        _zone.Txt("deep.example", "v=spf1 include:_spf.google.com include:loopy.example -all")
            .Txt("loopy.example", "v=spf1 include:deep.example -all");

        var result = await TestChecker.For(_server).CheckHostAsync(IPAddress.Parse(ProviderZone.Stranger), "deep.example");

        Assert.Equal(SpfResult.PermError, result.Result);
        Assert.Equal("v=spf1 include:_spf.google.com include:loopy.example -all", result.Record);
        Assert.Contains("loops: deep.example -> loopy.example -> deep.example", result.Reason);
        Assert.Equal(6, result.DnsLookups);
    }

    [Fact]
    public async Task R14_null_arguments_are_argument_errors()
    {
        var checker = TestChecker.For(_server);

        await Assert.ThrowsAsync<ArgumentNullException>("ipAddress", () => checker.CheckHostAsync(null!, "contoso.com"));
        await Assert.ThrowsAsync<ArgumentNullException>("domain", () => checker.CheckHostAsync(IPAddress.Loopback, null!));
        await Assert.ThrowsAsync<ArgumentNullException>("record", () => checker.CountLookupsAsync(null!, "contoso.com"));
    }
}
