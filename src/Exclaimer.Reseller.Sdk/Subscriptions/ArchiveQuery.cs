namespace Exclaimer.Reseller.Sdk;

/// <summary>Filters the archive of past subscriptions: cancelled or ended (R16). Every filter given must match.</summary>
public sealed class ArchiveQuery
{
    /// <summary>The customer name, with wildcards: <c>*</c> any run of characters, <c>?</c> one character; case-insensitive.</summary>
    public string? CustomerName { get; set; }

    /// <summary>Only subscriptions with this status: <see cref="SubscriptionStatus.Cancelled"/> or <see cref="SubscriptionStatus.Ended"/>.</summary>
    public SubscriptionStatus? Status { get; set; }

    /// <summary>Only subscriptions for this product.</summary>
    public Product? Product { get; set; }
}
