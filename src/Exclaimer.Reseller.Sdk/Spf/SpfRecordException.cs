using System;

namespace Exclaimer.Reseller.Sdk.Spf;

/// <summary>An SPF record was refused because it, or the change asked for, breaks RFC 7208.</summary>
internal sealed class SpfRecordException : Exception
{
    /// <summary>Creates the refusal.</summary>
    /// <param name="rfcSection">The RFC 7208 section broken, e.g. <c>4.6.4</c>.</param>
    /// <param name="reason">What is wrong, in words a reseller can act on.</param>
    public SpfRecordException(string rfcSection, string reason)
        : base($"The SPF record was not changed: {reason} (RFC 7208 section {rfcSection}).")
    {
        RfcSection = rfcSection;
        Reason = reason;
    }

    /// <summary>The RFC 7208 section broken, e.g. <c>4.6.4</c>.</summary>
    public string RfcSection { get; }

    /// <summary>What is wrong, e.g. <c>the record would need 11 DNS lookups; RFC 7208 allows 10</c>.</summary>
    public string Reason { get; }
}
