namespace Exclaimer.Reseller.Sdk;

/// <summary>A new SKU for a subscription (R19; <c>PUT .../change-sku</c>). The SKU decides tier and not-for-resale.</summary>
public sealed class ChangeSkuOptions
{
    /// <summary>
    /// The SKU, <c>EXCL-{M|G}-{START|STAND|PRO}[-NFR]</c> (see <see cref="ResellerClient.GetSkusAsync"/>, or build one with
    /// <see cref="SubscriptionSku.For(Product, Tier, bool)"/>). Required. Its product must be the subscription's: a SKU change
    /// cannot move a subscription between Microsoft 365 and Google Workspace.
    /// </summary>
    public string? Sku { get; set; }

    /// <summary>The number of not-for-resale users: required for an <c>-NFR</c> SKU, refused for any other.</summary>
    public int? NfrUserCount { get; set; }
}
