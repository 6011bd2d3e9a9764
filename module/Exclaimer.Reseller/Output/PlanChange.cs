using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Output;

/// <summary>
/// What <c>Get-ResellerSubscriptionHistory</c> writes for one change of a subscription's plan (R19): one flat row per
/// tier or SKU change, newest first, with the subscription it belongs to, so the history pipes on and exports to CSV as
/// it is. The SDK's <see cref="SubscriptionHistory"/> keeps the two kinds in two lists.
/// </summary>
internal static class PlanChange
{
    /// <summary>The type name the format view (Exclaimer.Reseller.Format.ps1xml) and <c>Get-Member</c> know a row by.</summary>
    public const string TypeName = "Exclaimer.Reseller.PlanChange";

    /// <summary>The rows of <paramref name="history"/>: tier and SKU changes together, newest first; undated ones last.</summary>
    public static IEnumerable<PSObject> Rows(string subscriptionId, SubscriptionHistory history)
    {
        var tiers = history.TierChanges.Select(change => (change.Date, Kind: "Tier", From: change.PreviousTier, To: change.Tier));
        var skus = history.SkuChanges.Select(change => (change.Date, Kind: "Sku", From: change.PreviousSku, To: change.Sku));

        // A stable sort: changes of one moment keep the server's order, tiers before SKUs.
        return tiers.Concat(skus)
            .OrderByDescending(change => change.Date ?? DateTimeOffset.MinValue)
            .Select(change => Row(subscriptionId, change.Date, change.Kind, change.From, change.To));
    }

    private static PSObject Row(string subscriptionId, DateTimeOffset? date, string kind, string? from, string? to)
    {
        var row = new PSObject();
        row.Properties.Add(new PSNoteProperty("SubscriptionId", subscriptionId));
        row.Properties.Add(new PSNoteProperty("Date", OutputView.For(date)));
        row.Properties.Add(new PSNoteProperty("Kind", kind));
        row.Properties.Add(new PSNoteProperty("From", from));
        row.Properties.Add(new PSNoteProperty("To", to));
        row.TypeNames.Insert(0, TypeName);
        return row;
    }
}
