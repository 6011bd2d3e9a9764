namespace Exclaimer.Reseller.Sdk;

/// <summary>
/// Filters the overview of current subscriptions (R2). Every filter given must match. Cancelled and ended
/// subscriptions are in the archive: list them with <see cref="ArchiveQuery"/> (R16).
/// </summary>
public sealed class SubscriptionQuery
{
    /// <summary>The customer name, with wildcards: <c>*</c> any run of characters, <c>?</c> one character; case-insensitive.</summary>
    public string? CustomerName { get; set; }

    /// <summary>Only subscriptions with this status: <see cref="SubscriptionStatus.Active"/> or <see cref="SubscriptionStatus.Suspended"/>.</summary>
    public SubscriptionStatus? Status { get; set; }

    /// <summary>Only subscriptions for this product.</summary>
    public Product? Product { get; set; }

    /// <summary><see langword="true"/>: only trials; <see langword="false"/>: only full subscriptions.</summary>
    public bool? InTrial { get; set; }
}
