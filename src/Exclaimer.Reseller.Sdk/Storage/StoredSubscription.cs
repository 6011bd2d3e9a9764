using System;
using System.Collections.Generic;

namespace Exclaimer.Reseller.Sdk.Storage;

/// <summary>
/// What a store keeps for one subscription: the subscription, its users and its invitation. Stores save and
/// return it whole; they never interpret it (the rules live in the local engine).
/// </summary>
public sealed record StoredSubscription
{
    /// <summary>The subscription.</summary>
    public Subscription Subscription { get; init; } = new();

    /// <summary>Its users, the owner first.</summary>
    public IReadOnlyList<SubscriptionUser> Users { get; init; } = Array.Empty<SubscriptionUser>();

    /// <summary>Its invitation, when it has customer access (R6).</summary>
    public Invitation? Invitation { get; init; }

    /// <summary>The subscription's id.</summary>
    public string Id => Subscription.SubscriptionId;
}
