using System;

namespace Exclaimer.Reseller.Sdk.Spf;

/// <summary>
/// What a record costs when evaluated against DNS as it is now: the outcome of <see cref="SpfChecker.CountLookupsAsync"/>.
/// Every include and redirect is resolved, nested ones too, as if no term matched, which is the most a sender can cost.
/// </summary>
public sealed class SpfLookupCount
{
    /// <summary>The most DNS-querying terms RFC 7208 section 4.6.4 allows in one check.</summary>
    public const int MaxDnsLookups = 10;

    /// <summary>Creates a count; public so that tests and mocks of <see cref="SpfChecker"/> can build one.</summary>
    /// <param name="domain">The domain the record is for.</param>
    /// <param name="record">The record counted.</param>
    /// <param name="dnsLookups">The DNS-querying terms, nested ones counted.</param>
    /// <param name="voidLookups">The lookups that found nothing.</param>
    /// <param name="error">PermError or TempError when the record breaks a rule or DNS failed; null when it is within the limits.</param>
    /// <param name="reason">What breaks, for people, or null.</param>
    public SpfLookupCount(string domain, string record, int dnsLookups, int voidLookups, SpfResult? error, string? reason)
    {
        Domain = domain ?? throw new ArgumentNullException(nameof(domain));
        Record = record ?? throw new ArgumentNullException(nameof(record));
        DnsLookups = dnsLookups;
        VoidLookups = voidLookups;
        Error = error;
        Reason = reason;
    }

    /// <summary>The domain the record is for.</summary>
    public string Domain { get; }

    /// <summary>The record counted, as given.</summary>
    public string Record { get; }

    /// <summary>
    /// The DNS-querying terms (include, a, mx, ptr, exists, redirect) of the record and of every record it
    /// includes or redirects to: the count RFC 7208 section 4.6.4 limits to <see cref="MaxDnsLookups"/>.
    /// A term whose domain depends on the sender (a macro such as <c>%{i}</c>) counts one; what it would include is not known.
    /// </summary>
    public int DnsLookups { get; }

    /// <summary>How many of the lookups found no such name or no records (RFC 7208 section 4.6.4 allows 2).</summary>
    public int VoidLookups { get; }

    /// <summary>
    /// <see cref="SpfResult.PermError"/> when the record or one it includes breaks a rule (over 10 lookups, over the void
    /// limit, a loop, an include without a record, a syntax error); <see cref="SpfResult.TempError"/> when DNS did not
    /// answer, so the count is incomplete; null when the record is within the limits.
    /// </summary>
    public SpfResult? Error { get; }

    /// <summary>Whether the record is within RFC 7208's limits as DNS is now.</summary>
    public bool IsWithinLimits => Error is null;

    /// <summary>What breaks, in words for people, e.g. <c>the record needs 11 DNS lookups; RFC 7208 allows 10</c>; null when nothing does.</summary>
    public string? Reason { get; }
}
