using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Exclaimer.Reseller.Emulator.Storage;

// What happens to one subscription over its life, kept inside its own record: a file written before these existed
// simply has none, and an older version that reads a newer file keeps them as unknown fields.

/// <summary>A subscription's plan changes, newest first, as <c>GET .../history</c> reports them (R19).</summary>
public sealed record StoredHistory
{
    /// <summary>Tier changes, newest first.</summary>
    public IReadOnlyList<StoredTierChange> Tiers { get; init; } = Array.Empty<StoredTierChange>();

    /// <summary>SKU changes, newest first.</summary>
    public IReadOnlyList<StoredSkuChange> Skus { get; init; } = Array.Empty<StoredSkuChange>();

    /// <summary>Fields written by another version, kept unchanged.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

/// <summary>One tier change, the tiers named as the API's history names them (e.g. <c>Exclaimer Pro Edition for Office 365</c>).</summary>
public sealed record StoredTierChange
{
    /// <summary>When it changed.</summary>
    public DateTimeOffset Date { get; init; }

    /// <summary>The tier after the change.</summary>
    public string Tier { get; init; } = string.Empty;

    /// <summary>The tier before it.</summary>
    public string? PreviousTier { get; init; }

    /// <summary>Fields written by another version, kept unchanged.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

/// <summary>One SKU change.</summary>
public sealed record StoredSkuChange
{
    /// <summary>When it changed.</summary>
    public DateTimeOffset Date { get; init; }

    /// <summary>The SKU after the change.</summary>
    public string Sku { get; init; } = string.Empty;

    /// <summary>The SKU before it.</summary>
    public string? PreviousSku { get; init; }

    /// <summary>Fields written by another version, kept unchanged.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

/// <summary>
/// A subscription's transfer (R21): the last one initiated and where it stands. Only a SHA-256 hash of the token is
/// kept, so the store never holds a token that would hand the subscription over (R18).
/// </summary>
public sealed record StoredTransfer
{
    /// <summary>The SHA-256 of the transfer token, as lower-case hex.</summary>
    public string TokenHash { get; init; } = string.Empty;

    /// <summary><c>Pending</c>, <c>Claimed</c> or <c>Cancelled</c>.</summary>
    public string Status { get; init; } = TransferStates.Pending;

    /// <summary>When it was initiated.</summary>
    public DateTimeOffset? InitiatedDate { get; init; }

    /// <summary>When it was claimed or cancelled.</summary>
    public DateTimeOffset? ClosedDate { get; init; }

    /// <summary>
    /// The id the subscription moved to when a claim gave it a new one. The record under the old id is kept (nothing is
    /// ever deleted) but no longer answers.
    /// </summary>
    [JsonPropertyName("MovedTo")]
    public string? MovedTo { get; init; }

    /// <summary>Fields written by another version, kept unchanged.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

/// <summary>
/// The mail a subscription has seen (R23): the emulator serves no mail, so this is what its usage extension was told,
/// and stands for the API's counts over the last 30 days.
/// </summary>
public sealed record StoredUsage
{
    /// <summary>Mailboxes whose mail got server-side signatures (the API's imprinted <c>MailboxCount</c>).</summary>
    public int MailboxCount { get; init; }

    /// <summary>Mailboxes that used client-side signatures.</summary>
    public int ClientSideMailboxCount { get; init; }

    /// <summary>Per-sender usage, as the MSP senders report gives it (R24).</summary>
    public IReadOnlyList<StoredSender> Senders { get; init; } = Array.Empty<StoredSender>();

    /// <summary>Fields written by another version, kept unchanged.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

/// <summary>One sender's usage.</summary>
public sealed record StoredSender
{
    /// <summary>The user's id.</summary>
    public string? UserId { get; init; }

    /// <summary>The sender's address.</summary>
    public string Sender { get; init; } = string.Empty;

    /// <summary>Messages in all.</summary>
    public int Total { get; init; }

    /// <summary>Messages imprinted server-side.</summary>
    public int ImprintedServer { get; init; }

    /// <summary>Messages imprinted in the cloud.</summary>
    public int ImprintedCloud { get; init; }

    /// <summary>Messages imprinted on premises.</summary>
    public int ImprintedOnPremises { get; init; }

    /// <summary>Messages signed in Outlook.</summary>
    public int Outlook { get; init; }

    /// <summary>Messages signed in Gmail.</summary>
    public int Gmail { get; init; }

    /// <summary>Fields written by another version, kept unchanged.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

/// <summary>The transfer statuses (R21).</summary>
internal static class TransferStates
{
    /// <summary>Initiated, not yet claimed or cancelled.</summary>
    public const string Pending = "Pending";

    /// <summary>Claimed: the token is spent.</summary>
    public const string Claimed = "Claimed";

    /// <summary>Cancelled by the owner: claims are refused.</summary>
    public const string Cancelled = "Cancelled";
}
