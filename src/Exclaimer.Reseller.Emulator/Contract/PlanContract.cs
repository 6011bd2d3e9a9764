using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Exclaimer.Reseller.Emulator.Contract;

// Plan changes (R19): change-tier, change-sku, nfr and the history they leave, as openapi.json defines them.

/// <summary><c>PUT .../change-tier</c> (UpdateSubscriptionTier).</summary>
internal sealed class ChangeTierBody
{
    public string? Tier { get; set; }
}

/// <summary><c>PUT .../change-sku</c> (UpdateSubscriptionSKU).</summary>
internal sealed class ChangeSkuBody
{
    [JsonPropertyName("SKU")]
    public string? Sku { get; set; }

    [JsonPropertyName("NumberOfNFRUsers")]
    public int? NumberOfNfrUsers { get; set; }
}

/// <summary><c>PUT .../nfr</c> (UpdateSubscriptionNFR).</summary>
internal sealed class NfrBody
{
    [JsonPropertyName("NFR")]
    public bool? Nfr { get; set; }

    [JsonPropertyName("NumberOfNFRUsers")]
    public int? NumberOfNfrUsers { get; set; }
}

/// <summary>The answer to <c>GET .../history</c> (SubscriptionHistoryResponse), newest first.</summary>
internal sealed class HistoryAnswer
{
    public List<TierHistoryAnswer> TierHistory { get; set; } = new();

    public List<SkuHistoryAnswer> SkuHistory { get; set; } = new();
}

internal sealed class TierHistoryAnswer
{
    public DateTimeOffset Date { get; set; }

    public string Tier { get; set; } = string.Empty;

    public string? PreviousTier { get; set; }
}

internal sealed class SkuHistoryAnswer
{
    public DateTimeOffset Date { get; set; }

    public string Sku { get; set; } = string.Empty;

    public string? PreviousSku { get; set; }
}
