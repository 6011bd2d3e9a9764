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

    /// <summary>The record the caller started from; <see langword="null"/> when the domain had none.</summary>
    public string? CurrentRecord { get; init; }

    /// <summary>The record to publish.</summary>
    public string ProposedRecord { get; init; } = string.Empty;

    /// <summary>The Exclaimer include for the subscription's data centre, e.g. <c>include:spf.eu.exclaimer.net</c>.</summary>
    public string Include { get; init; } = string.Empty;

    /// <summary><see langword="false"/> when the current record already had the include, so nothing changes.</summary>
    public bool Changed { get; init; }

    /// <summary>The DNS-querying terms the proposed record costs, counting the nested includes the engine knows (RFC 7208 4.6.4: at most 10).</summary>
    public int DnsLookupCount { get; init; }
}
