using System;

namespace Exclaimer.Reseller.Sdk;

/// <summary>The not-for-resale part of a subscription, as the Cloud API reports it (R13).</summary>
public sealed record SubscriptionNfrDetails
{
    /// <summary>The users covered as not for resale.</summary>
    public int? NumberOfUsers { get; init; }

    /// <summary>When NFR was last set.</summary>
    public DateTimeOffset? DateApplied { get; init; }
}
