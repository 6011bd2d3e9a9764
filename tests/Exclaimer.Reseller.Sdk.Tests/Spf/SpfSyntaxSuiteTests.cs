using System.Linq;
using Exclaimer.Reseller.Sdk.Spf;
using Xunit;

namespace Exclaimer.Reseller.Sdk.Tests.Spf;

/// <summary>
/// Records from the openspf.org RFC 7208 test suite (release 2014.04, BSD-3-Clause,
/// (C) Stuart D Gathman, Julian Mehnle, Scott Kitterman), copied as fixtures; the expected sections are ours.
/// </summary>
public sealed class SpfSyntaxSuiteTests
{
    private const string Exclaimer = "include:spf.eu.exclaimer.net";

    public static TheoryData<string, string> SuitePermErrors => new()
    {
        // Record selection and character set.
        { "v=spf10", "4.5" },
        { "\"v=spf1\" \"mx\"", "4.5" },
        { "v=spf1 -all\nV=sPf1 +all", "4.5" },
        { "v=spf1 a:\u00EF\u00BB\u00BFgarbage.example.net -all", "3.1" },
        { "v=spf1 \u0080a:example.net -all", "3.1" },
        { "v=spf1 a:example.net \u0096all", "3.1" },
        { "v=spf1 a:foo.example.com\0", "3.1" },

        // Term syntax.
        { "v=spf1 ip4:1.2.3.4 -all moo", "4.6.1" },
        { "v=spf1 moo.cow/far_out=man:dog/cat ip4:1.2.3.4 -all", "4.6.1" },
        { "v=spf1 moo.cow:far_out=man:dog/cat ip4:1.2.3.4 -all", "4.6.1" },
        { "v=spf1 ip4:1.2.3.4 redirect:t2.example.com", "4.6.1" },
        { "v=spf1 1up=foo", "4.6.1" },
        { "v=spf1 =all", "4.6.1" },
        { "v=spf1 -all.", "4.6.1" },

        // Mechanism arguments.
        { "v=spf1 -all:foobar", "5.1" },
        { "v=spf1 -all/8", "5.1" },
        { "v=spf1 include +all", "5.2" },
        { "v=spf1 include: -all", "5.2" },
        { "v=spf1 include:ip5.example.com/24 -all", "5.2" },
        { "v=spf1 a:foo-bar -all", "5.3" },
        { "v=spf1 a/33 -all", "5.3" },
        { "v=spf1 a//129 -all", "5.3" },
        { "v=spf1 a/24/64 -all", "5.3" },
        { "v=spf1 a:example.com:8080", "5.3" },
        { "v=spf1 a:111.222.33.44", "5.3" },
        { "v=spf1 a:abc.123", "5.3" },
        { "v=spf1 a:example.-com", "5.3" },
        { "v=spf1 a:museum", "5.3" },
        { "v=spf1 a:museum.", "5.3" },
        { "v=spf1 a:", "5.3" },
        { "v=spf1 a:%{a}.example.com -all", "5.3" },
        { "v=spf1 mx/33 -all", "5.4" },
        { "v=spf1 mx//129 -all", "5.4" },
        { "v=spf1 mx:example.com:8080", "5.4" },
        { "v=spf1 mx:abc.123", "5.4" },
        { "v=spf1 mx:example.-com", "5.4" },
        { "v=spf1 mx: -all", "5.4" },
        { "v=spf1 ptr/0 -all", "5.5" },
        { "v=spf1 ptr:", "5.5" },
        { "v=spf1 ip4", "5.6" },
        { "v=spf1 ip4:1.2.3.4/33 -all", "5.6" },
        { "v=spf1 ip4:1.2.3.4/032 -all", "5.6" },
        { "v=spf1 ip4:1.2.3.4:8080", "5.6" },
        { "v=spf1 ip4:1.2.3", "5.6" },
        { "v=spf1 ip4:1.2.3.4//32", "5.6" },
        { "v=spf1 -all ip6", "5.6" },
        { "v=spf1 ip6:::1.1.1.1/129", "5.6" },
        { "v=spf1 ip6:::1.1.1.1//33", "5.6" },
        { "v=spf1 ip6::CAFE::BABE", "5.6" },
        { "v=spf1 exists:", "5.7" },
        { "v=spf1 exists", "5.7" },
        { "v=spf1 exists:mail.example.com/24", "5.7" },
        { "v=spf1 -exists:%(ir).sbl.example.com ?all", "5.7" },
        { "v=spf1 exists:foo%(ir).sbl.example.com ?all", "5.7" },
        { "v=spf1 exists:foo%.sbl.example.com ?all", "5.7" },

        // Modifiers.
        { "v=spf1 redirect=-all ?all", "6.1" },
        { "v=spf1 ?all redirect=", "6.1" },
        { "v=spf1 exp= -all", "6.2" },
        { "v=spf1 exp=-all", "6.2" },
        { "v=spf1 -all exp=%{r}.example.com", "6.2" },
        { "v=spf1 exp=e13msg.example.com -all exp=e11msg.example.com", "6" },
        { "v=spf1 redirect=e12.example.com -all redirect=e12.example.com", "6" },
        { "v=spf1 -all foo=%abc", "7.1" },

        // The suite passes this one; R14 refuses it, because the second "all" is never evaluated.
        { "v=spf1 all -all", "5.1" },
    };

    public static TheoryData<string> SuiteValidRecords => new()
    {
        "v=spf1",
        "v=SpF1 ~all",
        "v=spf1 ?all",
        "v=spf1 a  -all",
        "v=spf1 ip4:1.2.3.4",
        "v=spf1 ip4:1.1.1.1/0 -all",
        "v=spf1 ip4:1.2.3.4/32 -all",
        "v=spf1 -ip4:1.2.3.4 ip6:::FFFF:1.2.3.4",
        "v=spf1 ip6:Cafe:Babe:8000::/33",
        "v=spf1 ip6:::1.1.1.1/0",
        "v=spf1 a/0 -all",
        "v=spf1 a//33 -all",
        "v=spf1 a/24//64 -all",
        "v=spf1 a:foo.example.com/24",
        "v=spf1 a:foo:bar/baz.example.com",
        "v=spf1 a:foo.example.xn--zckzah -all",
        "v=spf1 a:%{H}.bar -all",
        "v=spf1 a:macro%%percent%_%_space%-url-space.example.com -all",
        "v=spf1 mx//0 -all",
        "v=spf1 mx:foo:bar/baz.example.com",
        "v=spf1 ptr:example.Com -all",
        "v=spf1 exists:mail.example.com",
        "v=spf1 include:o.spf.example.com. ~all",
        "v=spf1 redirect=t5.example.com ~all",
        "v=spf1 ip4:1.2.3.4 redirect=t2.example.com",
        "v=spf1 redirect=%{d}.d.spf.example.com.",
        "v=spf1 exp=exp1.example.com redirect=e2.example.com",
        "v=spf1 -all exp=foobar.%{o}.%{o}.%{o}.%{o}.%{o}.%{o}.%{o}.%{o}.example.com",
        "v=spf1 moo.cow-far_out=man:dog/cat ip4:1.2.3.4 -all",
        "v=spf1 default=pass",
        "v=spf1 default=+",
    };

    [Theory]
    [MemberData(nameof(SuitePermErrors))]
    [InlineData("v=spf1 include", "5.2")]
    [InlineData("v=spf1 foo:bar -all", "4.6.1")]
    [InlineData("v=spf1 redirect=a.example redirect=b.example", "6")]
    [InlineData("v=spf1 -all exp=a exp=b", "6.2")]
    public void R14_records_that_are_a_permerror_for_syntax_are_refused(string record, string section)
    {
        var refusal = Assert.Throws<SpfRecordException>(
            () => SpfRecordEditor.AddInclude(record, "spf.eu.exclaimer.net", SpfSendingService.GoogleWorkspace));

        Assert.Equal(section, refusal.RfcSection);
    }

    [Theory]
    [MemberData(nameof(SuiteValidRecords))]
    [InlineData("v=spf1 ip4:192.0.2.1 ~all")]
    [InlineData("v=spf1 a mx -all")]
    [InlineData("v=spf1 ip6:2001:db8::/32 -all")]
    public void R14_valid_records_get_the_include_and_keep_every_term(string record)
    {
        var edit = SpfRecordEditor.AddInclude(record, "spf.eu.exclaimer.net", SpfSendingService.GoogleWorkspace);

        string[] terms = edit.ProposedRecord.Split(' ');
        Assert.True(edit.Changed);
        Assert.Single(terms, term => term == Exclaimer);
        Assert.Equal(record.Split(' ').Where(term => term.Length > 0), terms.Where(term => term != Exclaimer));
    }
}
