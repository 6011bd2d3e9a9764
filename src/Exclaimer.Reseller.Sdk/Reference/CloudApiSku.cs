using System.Text.Json.Serialization;

namespace Exclaimer.Reseller.Sdk;

/// <summary>A stock keeping unit the Cloud API sells (reference data), e.g. <c>EXCL-M-STAND</c>.</summary>
public sealed record CloudApiSku
{
    /// <summary>The SKU code, <c>EXCL-{M|G}-{START|STAND|PRO}[-NFR]</c>.</summary>
    [JsonPropertyName("SKU")]
    public string Code { get; init; } = string.Empty;

    /// <summary>The Cloud API's description, e.g. <c>Exclaimer Standard for Microsoft</c>.</summary>
    public string? Description { get; init; }

    /// <summary>The product the SKU is for; <see cref="Product.Unknown"/> for SKUs this version does not know.</summary>
    [JsonIgnore]
    public Product Product => SubscriptionSku.TryParse(Code, out var product, out _) ? product : Product.Unknown;

    /// <summary>The tier the SKU gives; <see cref="Sdk.Tier.Unknown"/> for deprecated tiers.</summary>
    [JsonIgnore]
    public Tier Tier => SubscriptionSku.TryParse(Code, out _, out var tier) ? tier : Tier.Unknown;
}
