using System.Linq;
using Exclaimer.Reseller.Sdk.Spf;
using Xunit;

namespace Exclaimer.Reseller.Sdk.Tests.Spf;

public sealed class SpfDnsLookupTests
{
    private static SpfEdit Add(string record) =>
        SpfRecordEditor.AddInclude(record, "spf.eu.exclaimer.net", SpfSendingService.GoogleWorkspace);

    [Fact]
    public void R14_a_mx_ptr_exists_and_include_cost_one_lookup_each_and_ip4_ip6_all_cost_none()
    {
        var edit = Add("v=spf1 a mx ptr exists:%{i}._spf.example.com ip4:192.0.2.1 ip6:2001:db8::1 -all");

        Assert.Equal(5, edit.DnsLookupCount);
    }

    [Theory]
    [InlineData("spf.protection.outlook.com", 2)]
    [InlineData("_spf.google.com", 4)]
    [InlineData("_SPF.Google.com.", 4)]
    [InlineData("mailgun.org", 3)]
    [InlineData("sendgrid.net", 1)]
    [InlineData("spf.uae.exclaimer.net", 1)]
    [InlineData("_spf.unknown.example", 1)]
    public void R14_a_known_include_also_costs_its_nested_lookups_and_an_unknown_one_costs_one(string include, int cost)
    {
        // The Exclaimer include adds one.
        Assert.Equal(cost + 1, Add($"v=spf1 include:{include} -all").DnsLookupCount);
    }

    [Fact]
    public void R14_redirect_costs_one_plus_a_known_targets_nested_lookups_and_exp_costs_none()
    {
        var edit = Add("v=spf1 a redirect=_spf.google.com exp=explain.example.com");

        Assert.Equal(1 + 4 + 1, edit.DnsLookupCount);
    }

    [Fact]
    public void R14_ten_lookups_are_allowed()
    {
        var edit = Add("v=spf1 include:_spf.google.com include:mailgun.org a mx -all");

        Assert.Equal(10, edit.DnsLookupCount);
        Assert.Equal("v=spf1 include:_spf.google.com include:spf.eu.exclaimer.net include:mailgun.org a mx -all", edit.ProposedRecord);
    }

    [Theory]
    [InlineData(9, false)]
    [InlineData(10, true)]
    public void R14_unknown_includes_count_one_each_toward_the_limit(int unknownIncludes, bool refused)
    {
        string record = "v=spf1 " + string.Join(" ", Enumerable.Range(1, unknownIncludes).Select(i => $"include:_spf{i}.example.com")) + " -all";

        if (refused)
        {
            var refusal = Assert.Throws<SpfRecordException>(() => Add(record));
            Assert.Equal("4.6.4", refusal.RfcSection);
            Assert.Contains("the record would need 11 DNS lookups", refusal.Message);
        }
        else
        {
            Assert.Equal(10, Add(record).DnsLookupCount);
        }
    }

    [Fact]
    public void R14_a_current_record_already_over_the_limit_is_refused_even_when_the_include_is_there()
    {
        string hosts = string.Join(" ", Enumerable.Range(1, 10).Select(i => $"a:host{i}.example.com"));
        string record = $"v=spf1 include:spf.eu.exclaimer.net {hosts} -all";

        var refusal = Assert.Throws<SpfRecordException>(() => Add(record));

        Assert.Equal("4.6.4", refusal.RfcSection);
        Assert.Contains("the record would need 11 DNS lookups; RFC 7208 allows 10", refusal.Reason);
    }
}
