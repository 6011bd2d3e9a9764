using System;
using System.Collections.Generic;
using System.Linq;

namespace Exclaimer.Reseller.Sdk.Spf;

/// <summary>Picks a domain's SPF record out of its TXT records (RFC 7208 section 4.5).</summary>
internal static class SpfRecordSelection
{
    /// <summary>The version section; matched ignoring case, and followed by a space or the end.</summary>
    private const string Version = "v=spf1";

    /// <summary>The TXT records that are SPF records; others (verification tokens, non-ASCII text) are none of SPF's business.</summary>
    /// <param name="txtRecords">The domain's TXT records, each one's strings joined.</param>
    public static IReadOnlyList<string> SpfRecords(IEnumerable<string> txtRecords) =>
        txtRecords.Where(IsSpfRecord).ToList();

    /// <summary>Whether a TXT record is an SPF record: <c>v=spf1</c> alone or followed by a space; <c>v=spf10</c> is not.</summary>
    public static bool IsSpfRecord(string text) =>
        text.StartsWith(Version, StringComparison.OrdinalIgnoreCase) && (text.Length == Version.Length || text[Version.Length] == ' ');

    /// <summary>Reads a domain's record, turning what DNS said into the check_host outcome of section 4.4 and 4.5.</summary>
    /// <param name="domain">The domain.</param>
    /// <param name="answer">Its TXT answer.</param>
    public static SpfRecordLookup Select(string domain, SpfDnsAnswer<string> answer)
    {
        if (answer.Failure is not null)
        {
            return new SpfRecordLookup(domain, SpfRecordStatus.TemporaryError, Array.Empty<string>(), $"DNS failed for {domain}: {answer.Failure}");
        }

        if (answer.IsNameError)
        {
            return new SpfRecordLookup(domain, SpfRecordStatus.NoSuchDomain, Array.Empty<string>(), $"the domain {domain} does not exist");
        }

        var records = SpfRecords(answer.Records);
        return records.Count switch
        {
            0 => new SpfRecordLookup(domain, SpfRecordStatus.NoRecord, records, $"{domain} publishes no SPF record"),
            1 => new SpfRecordLookup(domain, SpfRecordStatus.Found, records, null),
            _ => new SpfRecordLookup(
                domain,
                SpfRecordStatus.MoreThanOneRecord,
                records,
                $"{domain} publishes {records.Count} SPF records; a domain must publish one (RFC 7208 section 4.5)"),
        };
    }
}
