using Exclaimer.Reseller.Sdk.Spf;
using Xunit;

namespace Exclaimer.Reseller.Sdk.Tests.Spf;

public sealed class SpfRefusalTests
{
    private static SpfRecordException Refusal(string record, SpfSendingService service = SpfSendingService.Microsoft365) =>
        Assert.Throws<SpfRecordException>(() => SpfRecordEditor.AddInclude(record, "spf.eu.exclaimer.net", service));

    private static void AssertRefused(SpfRecordException refusal, string section, string reason)
    {
        Assert.Equal(section, refusal.RfcSection);
        Assert.Contains(reason, refusal.Reason);
        Assert.Contains(refusal.Reason, refusal.Message);
        Assert.Contains($"RFC 7208 section {section}", refusal.Message);
    }

    [Theory]
    [InlineData("v=spf1 a -all\nv=spf1 mx -all")]
    [InlineData("\"v=spf1 a -all\"\r\n\"v=spf1 mx -all\"")]
    [InlineData("v=spf1 -all v=spf1 +all")]
    [InlineData("V=SPF1 -all\nv=spf1 -all")]
    public void R14_two_records_are_refused_under_4_5(string pasted)
    {
        AssertRefused(Refusal(pasted), "4.5", "a domain must publish one SPF record; found 2");
    }

    [Theory]
    [InlineData("v=spf10 a -all")]
    [InlineData("spf1 -all")]
    [InlineData("google-site-verification=abc123")]
    [InlineData("\"v=spf1\" \"mx -all\"")]
    [InlineData("a mx v=spf1 -all")]
    public void R14_text_that_is_not_an_SPF_record_is_refused_under_4_5(string pasted)
    {
        AssertRefused(Refusal(pasted), "4.5", "not an SPF record");
    }

    [Theory]
    [InlineData("v=spf1 foo:bar -all", "unknown mechanism 'foo:bar'")]
    [InlineData("v=spf1 a mx moo", "unknown mechanism 'moo'")]
    [InlineData("v=spf1 redirect:_spf.example.com", "unknown mechanism 'redirect:_spf.example.com'")]
    [InlineData("v=spf1 -redirect=_spf.example.com", "puts a qualifier on a modifier")]
    public void R14_an_unknown_mechanism_is_refused_under_4_6_1(string record, string reason)
    {
        AssertRefused(Refusal(record), "4.6.1", reason);
    }

    [Theory]
    [InlineData("v=spf1 include -all", "5.2")]
    [InlineData("v=spf1 include: -all", "5.2")]
    [InlineData("v=spf1 exists -all", "5.7")]
    [InlineData("v=spf1 exists: -all", "5.7")]
    public void R14_include_and_exists_without_a_domain_are_refused(string record, string section)
    {
        AssertRefused(Refusal(record), section, "is malformed");
    }

    [Theory]
    [InlineData("v=spf1 -all a", "'a' comes after 'all'")]
    [InlineData("v=spf1 include:spf.protection.outlook.com ~all ip4:192.0.2.1", "'ip4:192.0.2.1' comes after 'all'")]
    [InlineData("v=spf1 all -all", "'-all' comes after 'all'")]
    public void R14_a_mechanism_after_all_is_refused_under_5_1(string record, string reason)
    {
        AssertRefused(Refusal(record), "5.1", reason);
    }

    [Fact]
    public void R14_a_broken_record_is_refused_even_when_the_include_is_already_there()
    {
        AssertRefused(Refusal("v=spf1 include:spf.eu.exclaimer.net -all mx"), "5.1", "'mx' comes after 'all'");
    }

    [Theory]
    [InlineData("v=spf1 redirect=a.example.com redirect=b.example.com", "'redirect' appears 2 times; at most once")]
    [InlineData("v=spf1 -all exp=a.example.com EXP=b.example.com exp=c.example.com", "'exp' appears 3 times; at most once")]
    public void R14_redirect_or_exp_twice_is_refused_under_6(string record, string reason)
    {
        AssertRefused(Refusal(record), "6", reason);
    }

    [Fact]
    public void R14_a_record_over_10_lookups_is_refused_under_4_6_4_counting_the_nested_lookups_of_known_includes()
    {
        // Google's include costs 4 and Mailgun's 3: with a, mx and ptr that makes 10 before the Exclaimer include.
        var refusal = Refusal("v=spf1 include:_spf.google.com include:mailgun.org a mx ptr -all", SpfSendingService.GoogleWorkspace);

        AssertRefused(refusal, "4.6.4", "the record would need 11 DNS lookups; RFC 7208 allows 10");
    }

    [Fact]
    public void R14_a_term_longer_than_one_DNS_string_is_refused_under_3_3()
    {
        string label = new('a', 60);
        string longInclude = $"include:{label}.{label}.{label}.{label}.example.com";

        AssertRefused(Refusal($"v=spf1 {longInclude} -all"), "3.3", $"is {longInclude.Length} octets; one DNS string holds at most 255");
    }

    [Theory]
    [InlineData(450, false)]
    [InlineData(451, true)]
    public void R14_a_record_over_450_octets_is_refused_under_3_4(int resultLength, bool refused)
    {
        // Unknown modifiers cost no lookup, so two of them pad the record to the wanted length after the edit.
        int padding = resultLength - "v=spf1 -all a= b=".Length - " include:spf.eu.exclaimer.net".Length;
        string record = $"v=spf1 -all a={new string('x', padding / 2)} b={new string('x', padding - (padding / 2))}";

        if (refused)
        {
            AssertRefused(Refusal(record), "3.4", "the record would be 451 octets; it should stay within 450");
        }
        else
        {
            Assert.Equal(450, SpfRecordEditor.AddInclude(record, "spf.eu.exclaimer.net", SpfSendingService.Microsoft365).ProposedRecord.Length);
        }
    }

    [Theory]
    [InlineData("v=spf1 a:exämple.com -all", "U+00E4")]
    [InlineData("v=spf1 a:foo.example.com\0", "U+0000")]
    [InlineData("v=spf1 \u0080a:example.net -all", "U+0080")]
    public void R14_a_character_that_is_not_printable_US_ASCII_is_refused_under_3_1(string record, string character)
    {
        AssertRefused(Refusal(record), "3.1", $"SPF records are US-ASCII, and the character {character} is not");
    }

    [Theory]
    [InlineData("\"v=spf1 -all")]
    [InlineData("v=spf1 \"a\" -all")]
    public void R14_unbalanced_quotes_are_refused_rather_than_guessed(string pasted)
    {
        AssertRefused(Refusal(pasted), "3.3", "quoted strings are not balanced");
    }
}
