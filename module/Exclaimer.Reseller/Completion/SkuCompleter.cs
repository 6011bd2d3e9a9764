using System.Collections.Generic;
using System.Linq;

namespace Exclaimer.Reseller.PowerShell.Completion;

/// <summary>Completes <c>-Sku</c> with the documented SKUs, <c>EXCL-{M|G}-{START|STAND|PRO}[-NFR]</c> (R19).</summary>
public sealed class SkuCompleter : FixedValuesCompleter
{
    private static readonly string[] Skus =
        (from product in new[] { Sdk.Product.Microsoft365, Sdk.Product.GoogleWorkspace }
         from tier in new[] { Sdk.Tier.Starter, Sdk.Tier.Standard, Sdk.Tier.Pro }
         from notForResale in new[] { false, true }
         select Sdk.SubscriptionSku.For(product, tier, notForResale)).ToArray();

    private protected override IReadOnlyList<string> Values => Skus;
}
