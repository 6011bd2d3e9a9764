using System;
using System.Text.Json.Serialization;

namespace Exclaimer.Reseller.Sdk;

/// <summary>
/// A customer subscription with every detail the service returns (R13). Property names follow the
/// Exclaimer Cloud API (the JSON names are the API's); fields the Cloud API does not return are
/// <see langword="null"/> when the subscription comes from it.
/// </summary>
public sealed record Subscription
{
    /// <summary>The subscription id: the caller's own (at most 50 characters, R9) or a generated one.</summary>
    [JsonPropertyName("SubscriptionID")]
    public string SubscriptionId { get; init; } = string.Empty;

    /// <summary>The customer's company name entered at creation (the overview's "customer", R2).</summary>
    [JsonPropertyName("Name")]
    public string CustomerName { get; init; } = string.Empty;

    /// <summary>The customer's id (the Cloud API's end user).</summary>
    [JsonPropertyName("EndUserID")]
    public string? CustomerId { get; init; }

    /// <summary>The reseller's id, when the service reports one.</summary>
    [JsonPropertyName("ResellerID")]
    public string? ResellerId { get; init; }

    /// <summary>The user id of the subscription's owner.</summary>
    [JsonPropertyName("UserID")]
    public string? OwnerUserId { get; init; }

    /// <summary>The stock keeping unit, <c>EXCL-{M|G}-{START|STAND|PRO}[-NFR]</c>; it determines product and tier.</summary>
    [JsonPropertyName("SKU")]
    public string? Sku { get; init; }

    /// <summary>The product, read from the SKU.</summary>
    [JsonIgnore]
    public Product Product => SubscriptionSku.TryParse(Sku, out var product, out _) ? product : Product.Unknown;

    /// <summary>The feature tier.</summary>
    public Tier Tier { get; init; }

    /// <summary>The number of users (licensed mailboxes) of the customer (R2).</summary>
    [JsonPropertyName("NumberOfUsers")]
    public int UserCount { get; init; }

    /// <summary>Whether the subscription is active, suspended, cancelled or ended (R2).</summary>
    public SubscriptionStatus Status { get; init; }

    /// <summary>Whether the subscription is in its trial (R7).</summary>
    public bool InTrial { get; init; }

    /// <summary>When the trial ends; only for trials that are active or suspended (R7).</summary>
    public DateTimeOffset? TrialEndDate { get; init; }

    /// <summary>When the subscription was created.</summary>
    public DateTimeOffset? StartDate { get; init; }

    /// <summary>The billing currency (USD, GBP, EUR, AUD or CAD), when known. Billing stays with the reseller (R8).</summary>
    public string? Currency { get; init; }

    /// <summary>Users billed for, when the service reports it.</summary>
    public int? BillableUsers { get; init; }

    /// <summary>Users seen across the customer's tenant, when the service reports it.</summary>
    public int? AggregatedUsers { get; init; }

    /// <summary>Users whose mail was processed, when the service reports it.</summary>
    public int? ProcessedUsers { get; init; }

    /// <summary>Users over the licensed count; only when exceeded.</summary>
    public int? Overage { get; init; }

    /// <summary>Whether this is a not-for-resale subscription, when the service reports it.</summary>
    [JsonPropertyName("NFR")]
    public bool? Nfr { get; init; }

    /// <summary>The not-for-resale details, only when <see cref="Nfr"/> is true.</summary>
    [JsonPropertyName("NFRDetails")]
    public SubscriptionNfrDetails? NfrDetails { get; init; }

    /// <summary>Whether a transfer to another partner was started and not yet claimed.</summary>
    public bool? PendingTransfer { get; init; }

    /// <summary>The data centre (R3); <see langword="null"/> when the service does not report it.</summary>
    public DataCenter? DataCenter { get; init; }

    /// <summary>The customer's country (ISO 3166-1), when known.</summary>
    public string? CountryCode { get; init; }

    /// <summary>The customer's mail domain, when known.</summary>
    public string? Domain { get; init; }

    /// <summary>
    /// Whether the customer may edit their own signatures (R5). Without it the reseller designs them and the
    /// customer gets no login and no email (R4). <see langword="null"/> when the service does not report it.
    /// </summary>
    public bool? AllowCustomerEditing { get; init; }

    /// <summary>The customer's contact name (with customer access, R5).</summary>
    public string? ContactName { get; init; }

    /// <summary>The customer's contact email address, their username (with customer access, R5, R6).</summary>
    public string? ContactEmail { get; init; }

    /// <summary>Where the customer's invitation stands (R6).</summary>
    public InvitationStatus InvitationStatus { get; init; }

    /// <summary>How signatures are deployed; <see cref="DeploymentOptions.None"/> until started (R11).
    /// <see langword="null"/> when the service does not report it.</summary>
    public DeploymentOptions? Deployment { get; init; }

    /// <summary>When the subscription was cancelled or ended and moved to the archive (R15).</summary>
    public DateTimeOffset? ArchivedDate { get; init; }

    /// <summary>Whether the subscription is in the archive: cancelled or ended (R16).</summary>
    [JsonIgnore]
    public bool IsArchived => Status is SubscriptionStatus.Cancelled or SubscriptionStatus.Ended;

    /// <summary>Whether the subscription has been started and its deployment configured (R11, R12).</summary>
    [JsonIgnore]
    public bool IsConfigured => Deployment is { } deployment && deployment != DeploymentOptions.None;
}
