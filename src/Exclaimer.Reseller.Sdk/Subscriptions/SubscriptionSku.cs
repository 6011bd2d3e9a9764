using System;

namespace Exclaimer.Reseller.Sdk;

/// <summary>Reads and builds Cloud API SKUs: <c>EXCL-{M|G}-{START|STAND|PRO}[-NFR]</c>.</summary>
public static class SubscriptionSku
{
    /// <summary>The SKU for a product and tier, e.g. <c>EXCL-M-STAND</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The product or tier is <c>Unknown</c>.</exception>
    public static string For(Product product, Tier tier)
    {
        var letter = product switch
        {
            Product.Microsoft365 => "M",
            Product.GoogleWorkspace => "G",
            _ => throw new ArgumentOutOfRangeException(nameof(product), product, "Product must be Microsoft365 or GoogleWorkspace."),
        };
        var level = tier switch
        {
            Tier.Starter => "START",
            Tier.Standard => "STAND",
            Tier.Pro => "PRO",
            _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Tier must be Starter, Standard or Pro."),
        };
        return "EXCL-" + letter + "-" + level;
    }

    /// <summary>The SKU for a product and tier, not for resale when <paramref name="notForResale"/>, e.g. <c>EXCL-M-PRO-NFR</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The product or tier is <c>Unknown</c>.</exception>
    public static string For(Product product, Tier tier, bool notForResale) =>
        For(product, tier) + (notForResale ? "-NFR" : string.Empty);

    /// <summary>Whether a SKU is a not-for-resale one (it ends in <c>-NFR</c>).</summary>
    public static bool IsNotForResale(string? sku) =>
        sku is not null && sku.Trim().EndsWith("-NFR", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the product and tier of a SKU; deprecated or unknown parts read as <c>Unknown</c>.</summary>
    /// <returns><see langword="false"/> when the text is not an Exclaimer SKU at all.</returns>
    public static bool TryParse(string? sku, out Product product, out Tier tier)
    {
        product = Product.Unknown;
        tier = Tier.Unknown;
        if (string.IsNullOrEmpty(sku))
        {
            return false;
        }

        var parts = sku!.Split('-');
        if (parts.Length < 3 || !parts[0].Equals("EXCL", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        product = parts[1].ToUpperInvariant() switch
        {
            "M" => Product.Microsoft365,
            "G" => Product.GoogleWorkspace,
            _ => Product.Unknown,
        };
        tier = parts[2].ToUpperInvariant() switch
        {
            "START" => Tier.Starter,
            "STAND" => Tier.Standard,
            "PRO" => Tier.Pro,
            _ => Tier.Unknown,
        };
        return true;
    }
}
