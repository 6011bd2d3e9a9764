using System;
using System.Linq;

namespace Exclaimer.Reseller.Sdk.Spf;

/// <summary>The RFC 7208 rules that concern a whole record rather than one term.</summary>
internal static class SpfRecordRules
{
    /// <summary>The most DNS-querying terms a record may need (section 4.6.4).</summary>
    private const int MaxDnsLookups = 10;

    /// <summary>The size a record should stay within to fit a DNS answer over UDP (section 3.4).</summary>
    private const int MaxRecordOctets = 450;

    /// <summary>The longest string a TXT record can hold (section 3.3).</summary>
    private const int MaxStringOctets = 255;

    /// <summary>Refuses a record that breaks a rule; returns normally when it obeys them all.</summary>
    /// <param name="record">The record about to be proposed.</param>
    /// <exception cref="SpfRecordException">The record breaks a rule; the first one found is reported.</exception>
    public static void Enforce(SpfRecord record)
    {
        RequireNothingAfterAll(record);
        RequireAtMostOnce(record, "redirect", modifier => modifier.IsRedirect);
        RequireAtMostOnce(record, "exp", modifier => modifier.IsExplanation);
        RequireSizes(record);

        int lookups = record.DnsLookupCount;
        if (lookups > MaxDnsLookups)
        {
            throw new SpfRecordException("4.6.4", $"the record would need {lookups} DNS lookups; RFC 7208 allows {MaxDnsLookups}");
        }
    }

    /// <summary>
    /// Refuses a mechanism after <c>all</c> (section 5.1). Modifiers may follow it; a redirect beside
    /// <c>all</c> is kept too, as RFC 7208 merely ignores it (section 6.1).
    /// </summary>
    private static void RequireNothingAfterAll(SpfRecord record)
    {
        SpfTerm? late = record.Terms
            .SkipWhile(term => term is not SpfMechanism { Kind: SpfMechanismKind.All })
            .Skip(1)
            .FirstOrDefault(term => term is SpfMechanism);
        if (late is not null)
        {
            throw new SpfRecordException("5.1", $"'{late.Text}' comes after 'all'; mechanisms after 'all' are never evaluated");
        }
    }

    /// <summary>Refuses a second <c>redirect</c> or <c>exp</c> (section 6).</summary>
    private static void RequireAtMostOnce(SpfRecord record, string name, Func<SpfModifier, bool> isIt)
    {
        int count = record.Terms.OfType<SpfModifier>().Count(isIt);
        if (count > 1)
        {
            throw new SpfRecordException("6", $"'{name}' appears {count} times; at most once is allowed");
        }
    }

    /// <summary>
    /// Refuses a term longer than one TXT string (section 3.3): a long record is published as several strings,
    /// and the split goes between terms. Refuses a record over the DNS answer size (section 3.4).
    /// Records are US-ASCII by now, so characters are octets.
    /// </summary>
    private static void RequireSizes(SpfRecord record)
    {
        SpfTerm? longTerm = record.Terms.FirstOrDefault(term => term.Text.Length > MaxStringOctets);
        if (longTerm is not null)
        {
            throw new SpfRecordException(
                "3.3",
                $"the term '{longTerm.Text[..40]}...' is {longTerm.Text.Length} octets; one DNS string holds at most {MaxStringOctets}");
        }

        int octets = record.ToString().Length;
        if (octets > MaxRecordOctets)
        {
            throw new SpfRecordException("3.4", $"the record would be {octets} octets; it should stay within {MaxRecordOctets} to fit a DNS answer");
        }
    }
}
