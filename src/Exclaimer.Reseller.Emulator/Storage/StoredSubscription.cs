using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Exclaimer.Reseller.Emulator.Storage;

/// <summary>
/// What a store keeps for one subscription: its details, its users, its invitation, and (when it has them) its plan
/// history, its transfer and the mail it has seen. Stores save and return it
/// whole and never interpret it; the emulator's rules do. These are the store's own persistence types, not the SDK's
/// public models: the JSON they write is the store's file format (the same as version 0.1.0 wrote), and a field this
/// version does not know is kept as it was (<see cref="Unknown"/>), so an older emulator never drops what a newer one
/// wrote.
/// </summary>
public sealed record StoredSubscription
{
    /// <summary>The subscription's details.</summary>
    public StoredSubscriptionDetails Subscription { get; init; } = new();

    /// <summary>Its users in the order they were added (the owner at creation first; <see cref="StoredUser.IsOwner"/> says who owns it now).</summary>
    public IReadOnlyList<StoredUser> Users { get; init; } = Array.Empty<StoredUser>();

    /// <summary>Its invitation, when it has customer access (R6).</summary>
    public StoredInvitation? Invitation { get; init; }

    /// <summary>Its tier and SKU changes (R19), when it has had any.</summary>
    public StoredHistory? History { get; init; }

    /// <summary>Its last transfer (R21), when one was initiated.</summary>
    public StoredTransfer? Transfer { get; init; }

    /// <summary>The mail it has seen (R23), when the emulator was told of any.</summary>
    public StoredUsage? Usage { get; init; }

    /// <summary>The subscription's id.</summary>
    [JsonIgnore]
    public string Id => Subscription.SubscriptionId;

    /// <summary>Whether a claim moved the subscription to another id (R21): this record is then kept, but no longer answers.</summary>
    [JsonIgnore]
    public bool IsMovedAway => !string.IsNullOrEmpty(Transfer?.MovedTo);

    /// <summary>Fields written by another version, kept unchanged.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

/// <summary>A subscription's details as the store keeps them; names are the Cloud API's, values as the API spells them.</summary>
public sealed record StoredSubscriptionDetails
{
    /// <summary>The subscription id (R9).</summary>
    [JsonPropertyName("SubscriptionID")]
    public string SubscriptionId { get; init; } = string.Empty;

    /// <summary>The customer's company name (the API's <c>Name</c>).</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The customer (end user) id.</summary>
    [JsonPropertyName("EndUserID")]
    public string? EndUserId { get; init; }

    /// <summary>The reseller id, when one was given.</summary>
    [JsonPropertyName("ResellerID")]
    public string? ResellerId { get; init; }

    /// <summary>The owner's user id.</summary>
    [JsonPropertyName("UserID")]
    public string? UserId { get; init; }

    /// <summary>The SKU, e.g. <c>EXCL-M-STAND</c>.</summary>
    [JsonPropertyName("SKU")]
    public string? Sku { get; init; }

    /// <summary>The tier as the API spells it, e.g. <c>ExclaimerStandard</c>.</summary>
    public string? Tier { get; init; }

    /// <summary>The licensed user count.</summary>
    public int NumberOfUsers { get; init; }

    /// <summary><c>Active</c>, <c>Suspended</c>, <c>Cancelled</c> or <c>Ended</c>.</summary>
    public string Status { get; init; } = SubscriptionStates.Active;

    /// <summary>Whether the subscription is in its trial (R7).</summary>
    public bool InTrial { get; init; }

    /// <summary>When the trial ends.</summary>
    public DateTimeOffset? TrialEndDate { get; init; }

    /// <summary>When the subscription was created.</summary>
    public DateTimeOffset? StartDate { get; init; }

    /// <summary>The billing currency; set at creation, never changed.</summary>
    public string? Currency { get; init; }

    /// <summary>The grouping label given at creation (the API's <c>BillingGroup</c>); the API does not report it.</summary>
    public string? BillingGroup { get; init; }

    /// <summary>Billable users.</summary>
    public int? BillableUsers { get; init; }

    /// <summary>Users seen across the tenant.</summary>
    public int? AggregatedUsers { get; init; }

    /// <summary>Users whose mail was processed.</summary>
    public int? ProcessedUsers { get; init; }

    /// <summary>Users over the licence.</summary>
    public int? Overage { get; init; }

    /// <summary>Whether this is a not-for-resale subscription.</summary>
    [JsonPropertyName("NFR")]
    public bool? Nfr { get; init; }

    /// <summary>The not-for-resale details.</summary>
    [JsonPropertyName("NFRDetails")]
    public StoredNfrDetails? NfrDetails { get; init; }

    /// <summary>Whether a transfer was started and not yet claimed.</summary>
    public bool? PendingTransfer { get; init; }

    /// <summary>The data centre code, e.g. <c>EU</c>.</summary>
    public string? DataCenter { get; init; }

    /// <summary>The customer's country code as given.</summary>
    public string? CountryCode { get; init; }

    /// <summary>The customer's mail domain.</summary>
    public string? Domain { get; init; }

    /// <summary>Whether the customer may edit signatures (R5).</summary>
    public bool? AllowCustomerEditing { get; init; }

    /// <summary>The customer contact's name.</summary>
    public string? ContactName { get; init; }

    /// <summary>The customer contact's address.</summary>
    public string? ContactEmail { get; init; }

    /// <summary><c>None</c>, <c>Pending</c>, <c>Accepted</c> or <c>Failed</c> (R6).</summary>
    public string? InvitationStatus { get; init; }

    /// <summary>The deployment, e.g. <c>ServerSide, ClientSide</c>; <c>None</c> until started (R11).</summary>
    public string? Deployment { get; init; }

    /// <summary>When it was cancelled or ended (R15).</summary>
    public DateTimeOffset? ArchivedDate { get; init; }

    /// <summary>Fields written by another version, kept unchanged.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

/// <summary>Not-for-resale details.</summary>
public sealed record StoredNfrDetails
{
    /// <summary>The number of not-for-resale users.</summary>
    public int? NumberOfUsers { get; init; }

    /// <summary>When NFR was last set.</summary>
    public DateTimeOffset? DateApplied { get; init; }

    /// <summary>Fields written by another version, kept unchanged.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

/// <summary>A user of a subscription as the store keeps it.</summary>
public sealed record StoredUser
{
    /// <summary>The subscription the user belongs to.</summary>
    [JsonPropertyName("SubscriptionID")]
    public string SubscriptionId { get; init; } = string.Empty;

    /// <summary>The user's address.</summary>
    public string Email { get; init; } = string.Empty;

    /// <summary>The user's id.</summary>
    [JsonPropertyName("UserID")]
    public string? UserId { get; init; }

    /// <summary>The roles, as the API spells them (<c>Admin</c>, <c>Editor</c>).</summary>
    public IReadOnlyList<string> Roles { get; init; } = Array.Empty<string>();

    /// <summary>Whether the user owns the subscription (R10).</summary>
    public bool IsOwner { get; init; }

    /// <summary>Fields written by another version, kept unchanged.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

/// <summary>A subscription's invitation as the store keeps it (R6). The link is never stored (R18).</summary>
public sealed record StoredInvitation
{
    /// <summary>The subscription.</summary>
    public string SubscriptionId { get; init; } = string.Empty;

    /// <summary>Where the invitation goes.</summary>
    public string EmailAddress { get; init; } = string.Empty;

    /// <summary><c>Pending</c>, <c>Accepted</c> or <c>Failed</c>.</summary>
    public string Status { get; init; } = InvitationStates.Failed;

    /// <summary>When it was last sent.</summary>
    public DateTimeOffset? SentDate { get; init; }

    /// <summary>How many times it was sent.</summary>
    public int? SendCount { get; init; }

    /// <summary>Fields written by another version, kept unchanged.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

/// <summary>The subscription statuses, as the Cloud API spells them.</summary>
internal static class SubscriptionStates
{
    /// <summary>Active.</summary>
    public const string Active = "Active";

    /// <summary>Suspended (the API's <c>deactivate</c>).</summary>
    public const string Suspended = "Suspended";

    /// <summary>Cancelled (the API's <c>end</c>); in the archive.</summary>
    public const string Cancelled = "Cancelled";

    /// <summary>Ended; in the archive.</summary>
    public const string Ended = "Ended";

    /// <summary>Whether a status is Active.</summary>
    public static bool IsActive(string? status) => string.Equals(status, Active, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a status is the archive's (R16).</summary>
    public static bool IsArchived(string? status) =>
        string.Equals(status, Cancelled, StringComparison.OrdinalIgnoreCase) || string.Equals(status, Ended, StringComparison.OrdinalIgnoreCase);
}

/// <summary>The invitation statuses (R6).</summary>
internal static class InvitationStates
{
    /// <summary>No customer access, so no invitation.</summary>
    public const string None = "None";

    /// <summary>Sent, not yet accepted.</summary>
    public const string Pending = "Pending";

    /// <summary>Accepted by the customer.</summary>
    public const string Accepted = "Accepted";

    /// <summary>Not sent (yet): it asks for a resend.</summary>
    public const string Failed = "Failed";
}
