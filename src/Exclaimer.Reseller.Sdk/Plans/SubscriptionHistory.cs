using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Exclaimer.Reseller.Sdk;

/// <summary>A subscription's plan changes, newest first, as the server records them (R19; <c>GET .../history</c>).</summary>
public sealed record SubscriptionHistory
{
    /// <summary>The tier changes, newest first.</summary>
    [JsonPropertyName("TierHistory")]
    public IReadOnlyList<TierChange> TierChanges { get; init; } = Array.Empty<TierChange>();

    /// <summary>The SKU changes, newest first.</summary>
    [JsonPropertyName("SkuHistory")]
    public IReadOnlyList<SkuChange> SkuChanges { get; init; } = Array.Empty<SkuChange>();
}

/// <summary>
/// One tier change. The tiers are named as the server's history names them, which is not always the tier's code (the
/// Cloud API says, for example, <c>Exclaimer Pro Edition for Office 365</c>).
/// </summary>
public sealed record TierChange
{
    /// <summary>When the tier changed.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>The tier after the change.</summary>
    public string? Tier { get; init; }

    /// <summary>The tier before the change.</summary>
    public string? PreviousTier { get; init; }
}

/// <summary>One SKU change.</summary>
public sealed record SkuChange
{
    /// <summary>When the SKU changed.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>The SKU after the change, e.g. <c>EXCL-M-PRO</c>.</summary>
    public string? Sku { get; init; }

    /// <summary>The SKU before the change.</summary>
    public string? PreviousSku { get; init; }
}
