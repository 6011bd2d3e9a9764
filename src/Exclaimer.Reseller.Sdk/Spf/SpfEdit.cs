namespace Exclaimer.Reseller.Sdk.Spf;

/// <summary>The SPF record proposed for a domain, ready to publish; only produced when it obeys RFC 7208.</summary>
internal sealed class SpfEdit
{
    /// <summary>Creates a proposal.</summary>
    /// <param name="proposedRecord">The whole record to publish, terms separated by single spaces.</param>
    /// <param name="changed">Whether the record differs in meaning from the current one.</param>
    /// <param name="dnsLookupCount">The DNS-querying terms the record needs (RFC 7208 section 4.6.4).</param>
    public SpfEdit(string proposedRecord, bool changed, int dnsLookupCount)
    {
        ProposedRecord = proposedRecord;
        Changed = changed;
        DnsLookupCount = dnsLookupCount;
    }

    /// <summary>The whole record to publish, e.g. <c>v=spf1 include:spf.protection.outlook.com include:spf.eu.exclaimer.net -all</c>.</summary>
    public string ProposedRecord { get; }

    /// <summary>
    /// False when the include was already there: nothing needs publishing, although
    /// <see cref="ProposedRecord"/> may differ from the input in quotes and spacing.
    /// </summary>
    public bool Changed { get; }

    /// <summary>
    /// DNS lookups the record costs, nested ones of well-known includes counted.
    /// A lower bound: the nested lookups of other includes are not known offline.
    /// </summary>
    public int DnsLookupCount { get; }
}
