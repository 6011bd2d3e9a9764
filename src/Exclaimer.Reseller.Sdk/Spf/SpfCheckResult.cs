using System;
using System.Net;

namespace Exclaimer.Reseller.Sdk.Spf;

/// <summary>The outcome of <see cref="SpfChecker.CheckHostAsync"/>: RFC 7208's check_host for one address and domain.</summary>
public sealed class SpfCheckResult
{
    /// <summary>Creates a result; public so that tests and mocks of <see cref="SpfChecker"/> can build one.</summary>
    /// <param name="domain">The domain checked.</param>
    /// <param name="ipAddress">The address checked.</param>
    /// <param name="result">The result.</param>
    /// <param name="record">The domain's SPF record, or null when it has none or it could not be read.</param>
    /// <param name="dnsLookups">The DNS-querying terms evaluated.</param>
    /// <param name="voidLookups">The lookups that found nothing.</param>
    /// <param name="explanation">The domain's explanation for a fail, or null.</param>
    /// <param name="reason">Why the result is what it is, for people, or null.</param>
    public SpfCheckResult(
        string domain,
        IPAddress ipAddress,
        SpfResult result,
        string? record,
        int dnsLookups,
        int voidLookups,
        string? explanation,
        string? reason)
    {
        Domain = domain ?? throw new ArgumentNullException(nameof(domain));
        IPAddress = ipAddress ?? throw new ArgumentNullException(nameof(ipAddress));
        Result = result;
        Record = record;
        DnsLookups = dnsLookups;
        VoidLookups = voidLookups;
        Explanation = explanation;
        Reason = reason;
    }

    /// <summary>The domain checked, as given.</summary>
    public string Domain { get; }

    /// <summary>The address checked, as given (an IPv4-mapped IPv6 address is checked as IPv4).</summary>
    public IPAddress IPAddress { get; }

    /// <summary>The result.</summary>
    public SpfResult Result { get; }

    /// <summary>The result as RFC 7208 writes it: <c>pass</c>, <c>fail</c>, <c>softfail</c>, <c>neutral</c>, <c>none</c>, <c>permerror</c> or <c>temperror</c>.</summary>
    public string ResultName => Result switch
    {
        SpfResult.None => "none",
        SpfResult.Neutral => "neutral",
        SpfResult.Pass => "pass",
        SpfResult.Fail => "fail",
        SpfResult.SoftFail => "softfail",
        SpfResult.TempError => "temperror",
        _ => "permerror",
    };

    /// <summary>The domain's SPF record as published (its strings joined), or null when it has none or it could not be read.</summary>
    public string? Record { get; }

    /// <summary>
    /// How many DNS-querying terms (include, a, mx, ptr, exists, redirect, nested ones too) were evaluated:
    /// the count RFC 7208 section 4.6.4 limits to 10. Terms after the one that matched are not evaluated.
    /// </summary>
    public int DnsLookups { get; }

    /// <summary>How many of those lookups found no such name or no records (RFC 7208 section 4.6.4 limits them to 2).</summary>
    public int VoidLookups { get; }

    /// <summary>
    /// For a fail, the text the domain publishes through its <c>exp=</c> modifier, macros expanded
    /// (RFC 7208 section 6.2); null when there is none or it could not be read.
    /// </summary>
    public string? Explanation { get; }

    /// <summary>Why the result is what it is, in words for people (e.g. which limit broke); null for a plain match. Not for parsing.</summary>
    public string? Reason { get; }

    /// <summary>The result, domain and address, e.g. <c>pass: 192.0.2.1 for example.com</c>.</summary>
    public override string ToString() => $"{ResultName}: {IPAddress} for {Domain}";
}
