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

    /// <summary>Only trials that end before this moment (R7): the trials to follow up on. Subscriptions not in trial never match.</summary>
    public System.DateTimeOffset? TrialEndsBefore { get; set; }

    /// <summary>
    /// The customer's mail domain, with wildcards like <see cref="CustomerName"/>. The Cloud API does not report a
    /// subscription's domain, so over it this filter fails with <c>NotSupportedByCloudApi</c> before any subscription is
    /// returned; the emulator reports it.
    /// </summary>
    public string? Domain { get; set; }

    /// <summary>
    /// Only subscriptions in this data centre. The Cloud API does not report a subscription's data centre, so over it this
    /// filter fails with <c>NotSupportedByCloudApi</c> before any subscription is returned; the emulator reports it.
    /// </summary>
    public DataCenter? DataCenter { get; set; }

    /// <summary>Only subscriptions using more mailboxes than they license (the Cloud API's <c>OverageOnly</c>, R23).</summary>
    public bool OverageOnly { get; set; }

    /// <summary>Only subscriptions sold through this reseller (the Cloud API's <c>ResellerID</c>, R22).</summary>
    public string? ResellerId { get; set; }
}
