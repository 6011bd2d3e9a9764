using System;

namespace Exclaimer.Reseller.Sdk.Rules;

/// <summary>The input rules of plan changes (R19): the tier, the SKU and not-for-resale, checked before anything is sent.</summary>
internal static class PlanRules
{
    private static readonly string[] Levels = { "START", "STAND", "PRO" };
    private static readonly string[] DeprecatedLevels = { "MNGT", "MRKT" };

    public static Tier Tier(Tier tier) =>
        tier is Sdk.Tier.Starter or Sdk.Tier.Standard or Sdk.Tier.Pro
            ? tier
            : throw ResellerValidationException.Invalid("Tier", "R19", "use Starter, Standard or Pro");

    /// <summary>
    /// A SKU the Cloud API documents, <c>EXCL-{M|G}-{START|STAND|PRO}[-NFR]</c> (or a deprecated
    /// <c>EXCL-{M|G}-{MNGT|MRKT}-CLOUD[-NFR]</c>, for partners who still have them), upper-cased; with the NFR users an NFR
    /// SKU needs and any other refuses.
    /// </summary>
    public static (string Sku, Product Product, int? NfrUsers) Sku(ChangeSkuOptions options)
    {
        var sku = options.Sku?.Trim().ToUpperInvariant() ?? string.Empty;
        if (sku.Length == 0)
        {
            throw ResellerValidationException.Missing("Sku", "R19", "give a SKU such as EXCL-M-PRO (see GetSkusAsync)");
        }

        var parts = sku.Split('-');
        var nfr = parts[parts.Length - 1] == "NFR";
        var length = parts.Length - (nfr ? 1 : 0);
        var known = parts[0] == "EXCL" && parts.Length > 2 && parts[1] is "M" or "G"
            && ((length == 3 && Array.IndexOf(Levels, parts[2]) >= 0) || (length == 4 && Array.IndexOf(DeprecatedLevels, parts[2]) >= 0 && parts[3] == "CLOUD"));
        if (!known)
        {
            throw ResellerValidationException.Invalid("Sku", "R19", $"'{options.Sku!.Trim()}' is not an Exclaimer SKU like EXCL-M-PRO or EXCL-G-STAND-NFR (see GetSkusAsync)");
        }

        var product = parts[1] == "M" ? Product.Microsoft365 : Product.GoogleWorkspace;
        return (sku, product, NfrUsers(nfr, options.NfrUserCount, "NfrUserCount", "an -NFR SKU"));
    }

    public static int? Nfr(NfrOptions options) => NfrUsers(options.NotForResale, options.NfrUserCount, "NfrUserCount", "a not-for-resale subscription");

    private static int? NfrUsers(bool nfr, int? count, string field, string what)
    {
        if (!nfr)
        {
            return count is null
                ? null
                : throw ResellerValidationException.Invalid(field, "R19", "not-for-resale users are given only for " + what + "; leave it out");
        }

        return count switch
        {
            null => throw ResellerValidationException.Missing(field, "R19", what + " needs its number of not-for-resale users"),
            < 1 or > SubscriptionRules.MaxUserCount => throw ResellerValidationException.Invalid(field, "R19", $"it is {count}; give 1 to {SubscriptionRules.MaxUserCount:N0} not-for-resale users"),
            _ => count,
        };
    }
}
