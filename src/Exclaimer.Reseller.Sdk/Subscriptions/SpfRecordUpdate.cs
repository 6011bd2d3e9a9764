namespace Exclaimer.Reseller.Sdk;

/// <summary>
/// The SPF record a domain needs for server-side signatures (R14): the current record with
/// <see cref="Include"/> inserted, every other term kept. Publishing it in DNS is the caller's step.
/// </summary>
public sealed record SpfRecordUpdate
{
    /// <summary>The subscription the record is for.</summary>
    public string SubscriptionId { get; init; } = string.Empty;

    /// <summary>The sending domain.</summary>
    public string Domain { get; init; } = string.Empty;

    /// <summary>The record the proposal started from, given or read from DNS; <see langword="null"/> when the domain had none.</summary>
    public string? CurrentRecord { get; init; }

    /// <summary>
    /// <see langword="true"/> when <see cref="CurrentRecord"/> was read from DNS (or DNS said the domain has none);
    /// <see langword="false"/> when the caller gave it (<see cref="SpfRecordOptions.CurrentRecord"/>).
    /// </summary>
    public bool CurrentRecordFromDns { get; init; }

    /// <summary>The record to publish.</summary>
    public string ProposedRecord { get; init; } = string.Empty;

    /// <summary>The Exclaimer include for the subscription's data centre, e.g. <c>include:spf.eu.exclaimer.net</c>.</summary>
    public string Include { get; init; } = string.Empty;

    /// <summary><see langword="false"/> when the current record already had the include, so nothing changes.</summary>
    public bool Changed { get; init; }

    /// <summary>
    /// The DNS-querying terms the proposed record costs against DNS as it is now: include, a, mx, ptr, exists and
    /// redirect, of the record and of every record it includes or redirects to, as if no term matched (the most one
    /// message can cost; RFC 7208 section 4.6.4 allows 10). A proposal over the limit is never returned.
    /// </summary>
    public int DnsLookupCount { get; init; }
}
