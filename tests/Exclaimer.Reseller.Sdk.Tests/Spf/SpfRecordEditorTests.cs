using System;
using Exclaimer.Reseller.Sdk.Spf;
using Xunit;

namespace Exclaimer.Reseller.Sdk.Tests.Spf;

public sealed class SpfRecordEditorTests
{
    private const string Exclaimer = "spf.eu.exclaimer.net";

    private static SpfEdit Add(string? record, SpfSendingService service = SpfSendingService.Microsoft365) =>
        SpfRecordEditor.AddInclude(record, Exclaimer, service);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \r\n ")]
    public void R14_a_domain_without_a_record_gets_a_new_one_for_Microsoft_365(string? record)
    {
        var edit = Add(record);

        Assert.Equal("v=spf1 include:spf.protection.outlook.com include:spf.eu.exclaimer.net ~all", edit.ProposedRecord);
        Assert.True(edit.Changed);
        Assert.Equal(3, edit.DnsLookupCount);
    }

    [Fact]
    public void R14_a_domain_without_a_record_gets_a_new_one_for_Google_Workspace()
    {
        var edit = SpfRecordEditor.AddInclude(null, "spf.us.exclaimer.net", SpfSendingService.GoogleWorkspace);

        Assert.Equal("v=spf1 include:_spf.google.com include:spf.us.exclaimer.net ~all", edit.ProposedRecord);
        Assert.True(edit.Changed);
        Assert.Equal(5, edit.DnsLookupCount);
    }

    [Fact]
    public void R14_the_include_goes_right_after_the_Microsoft_365_include_and_every_other_term_stays_in_order()
    {
        var edit = Add("v=spf1 ip4:192.0.2.0/24 include:spf.protection.outlook.com include:other.example -all");

        Assert.Equal(
            "v=spf1 ip4:192.0.2.0/24 include:spf.protection.outlook.com include:spf.eu.exclaimer.net include:other.example -all",
            edit.ProposedRecord);
        Assert.True(edit.Changed);
        Assert.Equal(4, edit.DnsLookupCount);
    }

    [Fact]
    public void R14_the_include_goes_right_after_the_Gmail_include()
    {
        var edit = Add("v=spf1 mx include:_spf.google.com include:sendgrid.net ~all", SpfSendingService.GoogleWorkspace);

        Assert.Equal("v=spf1 mx include:_spf.google.com include:spf.eu.exclaimer.net include:sendgrid.net ~all", edit.ProposedRecord);
    }

    [Fact]
    public void R14_the_service_include_is_recognized_whatever_its_case_or_trailing_dot_and_only_the_first_counts()
    {
        var edit = Add("v=spf1 include:SPF.Protection.Outlook.com. a include:spf.protection.outlook.com -all");

        Assert.Equal(
            "v=spf1 include:SPF.Protection.Outlook.com. include:spf.eu.exclaimer.net a include:spf.protection.outlook.com -all",
            edit.ProposedRecord);
    }

    [Theory]
    [InlineData("v=spf1 mx include:mailgun.org -all", "v=spf1 mx include:mailgun.org include:spf.eu.exclaimer.net -all")]
    [InlineData("v=spf1 a ?all", "v=spf1 a include:spf.eu.exclaimer.net ?all")]
    [InlineData("v=spf1 a all", "v=spf1 a include:spf.eu.exclaimer.net all")]
    [InlineData("v=spf1 -all exp=explain.example.com", "v=spf1 include:spf.eu.exclaimer.net -all exp=explain.example.com")]
    public void R14_without_the_service_include_the_include_goes_right_before_all(string record, string expected)
    {
        Assert.Equal(expected, Add(record).ProposedRecord);
    }

    [Fact]
    public void R14_the_include_of_the_other_service_is_not_where_the_include_goes()
    {
        var edit = Add("v=spf1 include:spf.protection.outlook.com a -all", SpfSendingService.GoogleWorkspace);

        Assert.Equal("v=spf1 include:spf.protection.outlook.com a include:spf.eu.exclaimer.net -all", edit.ProposedRecord);
    }

    [Theory]
    [InlineData("v=spf1 a mx", "v=spf1 a mx include:spf.eu.exclaimer.net")]
    [InlineData("v=spf1 a redirect=_spf.example.com", "v=spf1 a include:spf.eu.exclaimer.net redirect=_spf.example.com")]
    [InlineData("v=spf1 redirect=_spf.example.com", "v=spf1 include:spf.eu.exclaimer.net redirect=_spf.example.com")]
    [InlineData("v=spf1 ip4:192.0.2.1 exp=explain.example.com", "v=spf1 ip4:192.0.2.1 include:spf.eu.exclaimer.net exp=explain.example.com")]
    [InlineData("v=spf1", "v=spf1 include:spf.eu.exclaimer.net")]
    public void R14_without_all_the_include_goes_after_the_last_mechanism(string record, string expected)
    {
        Assert.Equal(expected, Add(record).ProposedRecord);
    }

    [Fact]
    public void R14_a_redirect_beside_all_is_kept_because_RFC_7208_only_ignores_it()
    {
        var edit = Add("v=spf1 a ~all redirect=_spf.example.com");

        Assert.Equal("v=spf1 a include:spf.eu.exclaimer.net ~all redirect=_spf.example.com", edit.ProposedRecord);
    }

    [Fact]
    public void R14_adding_the_include_twice_is_a_no_op()
    {
        var first = Add("v=spf1 ip4:192.0.2.0/24 include:spf.protection.outlook.com -all");
        var second = Add(first.ProposedRecord);

        Assert.True(first.Changed);
        Assert.False(second.Changed);
        Assert.Equal(first.ProposedRecord, second.ProposedRecord);
        Assert.Equal(first.DnsLookupCount, second.DnsLookupCount);
    }

    [Theory]
    [InlineData("v=spf1 -include:spf.eu.exclaimer.net include:spf.protection.outlook.com ~all", '-')]
    [InlineData("v=spf1 include:spf.protection.outlook.com ~include:spf.eu.exclaimer.net -all", '~')]
    [InlineData("v=spf1 ?include:spf.eu.exclaimer.net -all", '?')]
    public void R14_an_include_already_there_with_a_non_pass_qualifier_is_refused_with_the_reason(string record, char qualifier)
    {
        var error = Assert.Throws<SpfRecordException>(() => Add(record));

        Assert.Equal("4.6.2", error.RfcSection);
        Assert.Contains($"qualifier '{qualifier}'", error.Message, System.StringComparison.Ordinal);
        Assert.False(Add("v=spf1 +include:spf.eu.exclaimer.net -all").Changed);
    }

    [Theory]
    [InlineData("v=spf1 include:SPF.EU.Exclaimer.NET. -all", "v=spf1 include:SPF.EU.Exclaimer.NET. -all")]
    [InlineData("  \"v=spf1   a  include:spf.eu.exclaimer.net   -all\" ", "v=spf1 a include:spf.eu.exclaimer.net -all")]
    [InlineData(
        "v=spf1 include:spf.eu.exclaimer.net include:spf.protection.outlook.com -all",
        "v=spf1 include:spf.eu.exclaimer.net include:spf.protection.outlook.com -all")]
    public void R14_an_include_already_there_is_left_where_it_is_and_only_the_spacing_is_normalized(string record, string expected)
    {
        var edit = Add(record);

        Assert.False(edit.Changed);
        Assert.Equal(expected, edit.ProposedRecord);
    }

    [Fact]
    public void R14_the_include_of_another_region_is_not_the_one_asked_for()
    {
        var edit = Add("v=spf1 include:spf.uk.exclaimer.net -all");

        Assert.True(edit.Changed);
        Assert.Equal("v=spf1 include:spf.uk.exclaimer.net include:spf.eu.exclaimer.net -all", edit.ProposedRecord);
    }

    [Theory]
    [InlineData("v=spf1 -ip4:192.0.2.1 ?mx +a ~all", "v=spf1 -ip4:192.0.2.1 ?mx +a include:spf.eu.exclaimer.net ~all")]
    [InlineData("v=spf1 ~include:_spf.example.com ?all", "v=spf1 ~include:_spf.example.com include:spf.eu.exclaimer.net ?all")]
    [InlineData("v=spf1 +all", "v=spf1 include:spf.eu.exclaimer.net +all")]
    public void R14_qualifiers_are_kept(string record, string expected)
    {
        Assert.Equal(expected, Add(record).ProposedRecord);
    }

    [Fact]
    public void R14_macros_case_and_cidr_lengths_are_kept_verbatim()
    {
        var edit = Add("V=SPF1 exists:%{i}._spf.example.com A:Mail.Example.COM/24//64 PTR:%{d2} ip6:2001:DB8::/32 -ALL");

        Assert.Equal(
            "V=SPF1 exists:%{i}._spf.example.com A:Mail.Example.COM/24//64 PTR:%{d2} ip6:2001:DB8::/32 include:spf.eu.exclaimer.net -ALL",
            edit.ProposedRecord);
    }

    [Fact]
    public void R14_the_multi_string_form_is_joined_without_adding_spaces()
    {
        var edit = Add("\"v=spf1 ip4:192.0.2.0/24 include:spf.protection.outl\" \"ook.com -all\"");

        Assert.Equal(
            "v=spf1 ip4:192.0.2.0/24 include:spf.protection.outlook.com include:spf.eu.exclaimer.net -all",
            edit.ProposedRecord);
    }

    [Fact]
    public void R14_pasted_text_is_trimmed_and_runs_of_whitespace_become_one_space()
    {
        var edit = Add(" \t v=spf1  a   mx\t-all \r\n");

        Assert.Equal("v=spf1 a mx include:spf.eu.exclaimer.net -all", edit.ProposedRecord);
    }

    [Fact]
    public void R14_a_record_wrapped_over_lines_is_one_record()
    {
        var edit = Add("v=spf1 a\r\nmx -all");

        Assert.Equal("v=spf1 a mx include:spf.eu.exclaimer.net -all", edit.ProposedRecord);
    }

    [Theory]
    [InlineData("exclaimer")]
    [InlineData("")]
    [InlineData("spf.eu.exclaimer.net -all")]
    [InlineData("spf.eu.exclaimer.net/24")]
    public void R14_an_include_domain_that_is_not_a_domain_is_an_argument_error(string notADomain)
    {
        Assert.Throws<ArgumentException>(
            "includeDomain",
            () => SpfRecordEditor.AddInclude("v=spf1 -all", notADomain, SpfSendingService.Microsoft365));
    }

    [Fact]
    public void R14_an_undefined_sending_service_is_an_argument_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            "service",
            () => SpfRecordEditor.AddInclude("v=spf1 -all", Exclaimer, (SpfSendingService)42));
    }
}
