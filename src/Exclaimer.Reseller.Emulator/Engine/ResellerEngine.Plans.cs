using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Emulator.Contract;
using Exclaimer.Reseller.Emulator.Http;
using Exclaimer.Reseller.Emulator.Storage;

namespace Exclaimer.Reseller.Emulator.Engine;

/// <content>
/// Plan changes (R19): the tier, the SKU and not-for-resale. Each change that moves the tier or the SKU is recorded in
/// the subscription's history, newest first, as <c>GET .../history</c> reports it. A change to what it already is writes
/// nothing, so a repeat is safe.
/// </content>
internal sealed partial class ResellerEngine
{
    public Task<StoredSubscription> ChangeTierAsync(string subscriptionId, ChangeTierBody body, CancellationToken cancellationToken)
    {
        var tier = ContractValues.Tier(body.Tier ?? throw ApiProblem.Missing("Tier"));
        RequireSoldByPartner(tier, "Tier");
        return ChangeRecordAsync(
            subscriptionId,
            "given a new tier",
            (_, record) =>
            {
                var subscription = RequireNotArchived(record.Subscription, "given a new tier");
                var (product, _, nfr) = ContractValues.Sku(subscription.Sku ?? $"EXCL-{ProductOf(subscription)}-STAND");
                return WithPlan(record, ContractValues.SkuFor(product, tier, nfr), tier, subscription.Nfr, subscription.NfrDetails);
            },
            cancellationToken);
    }

    public Task<StoredSubscription> ChangeSkuAsync(string subscriptionId, ChangeSkuBody body, CancellationToken cancellationToken)
    {
        var sku = body.Sku ?? throw ApiProblem.Missing("SKU");
        var (product, tier, nfr) = ContractValues.Sku(sku);
        var nfrUsers = NfrUsers(nfr, body.NumberOfNfrUsers, "a not-for-resale SKU");
        RequireSoldByPartner(tier, "SKU");
        return ChangeRecordAsync(
            subscriptionId,
            "given a new SKU",
            (_, record) =>
            {
                var subscription = RequireNotArchived(record.Subscription, "given a new SKU");
                if (product != ProductOf(subscription))
                {
                    // R19: a SKU change cannot move a subscription between Microsoft 365 and Google Workspace.
                    throw ApiProblem.BadRequest("SKU", $"subscription '{subscription.SubscriptionId}' is for {ProductName(ProductOf(subscription))}; a SKU change cannot switch it to {ProductName(product)}");
                }

                return WithPlan(record, ContractValues.SkuFor(product, tier, nfr), tier, nfr, NfrDetails(subscription, nfrUsers));
            },
            cancellationToken);
    }

    public Task<StoredSubscription> SetNfrAsync(string subscriptionId, NfrBody body, CancellationToken cancellationToken)
    {
        var nfr = body.Nfr ?? throw ApiProblem.Missing("NFR");
        var nfrUsers = NfrUsers(nfr, body.NumberOfNfrUsers, "a not-for-resale subscription");
        return ChangeRecordAsync(
            subscriptionId,
            nfr ? "made not for resale" : "made a standard subscription",
            (_, record) =>
            {
                var subscription = RequireNotArchived(record.Subscription, "changed");
                var (product, tier, _) = ContractValues.Sku(subscription.Sku ?? $"EXCL-{ProductOf(subscription)}-STAND");
                return WithPlan(record, ContractValues.SkuFor(product, tier, nfr), tier, nfr, NfrDetails(subscription, nfrUsers));
            },
            cancellationToken);
    }

    public async Task<StoredHistory> HistoryAsync(string subscriptionId, CancellationToken cancellationToken) =>
        (await GetAsync(subscriptionId, cancellationToken).ConfigureAwait(false)).History ?? new StoredHistory();

    /// <summary>How many NFR users a change names: required for not-for-resale, refused otherwise (openapi.json).</summary>
    private static int? NfrUsers(bool nfr, int? given, string what)
    {
        if (!nfr)
        {
            return given is null ? null : throw ApiProblem.BadRequest("NumberOfNFRUsers", "give it only for a not-for-resale SKU or subscription");
        }

        return given switch
        {
            null => throw ApiProblem.Missing("NumberOfNFRUsers"),
            < 1 or > 10_000_000 => throw ApiProblem.BadRequest("NumberOfNFRUsers", $"{what} needs 1 to 10,000,000 not-for-resale users"),
            _ => given,
        };
    }

    private StoredNfrDetails? NfrDetails(StoredSubscriptionDetails subscription, int? nfrUsers) =>
        nfrUsers is not { } users ? null
        : subscription.Nfr == true && subscription.NfrDetails?.NumberOfUsers == users ? subscription.NfrDetails
        : new StoredNfrDetails { NumberOfUsers = users, DateApplied = _clock.GetUtcNow() };

    /// <summary>The record on its new plan, with what moved recorded in its history; the record itself when nothing moved.</summary>
    private StoredSubscription WithPlan(StoredSubscription record, string sku, string tier, bool? nfr, StoredNfrDetails? nfrDetails)
    {
        var subscription = record.Subscription;
        // Not-for-resale turned off stays unreported on a subscription that never was (the API reports NFR only when set).
        var nfrNow = nfr == true ? true : subscription.Nfr == true ? false : subscription.Nfr;
        if (string.Equals(subscription.Sku, sku, StringComparison.OrdinalIgnoreCase)
            && string.Equals(subscription.Tier, tier, StringComparison.OrdinalIgnoreCase)
            && subscription.Nfr == nfrNow && subscription.NfrDetails == nfrDetails)
        {
            return record;
        }

        var now = _clock.GetUtcNow();
        var history = record.History ?? new StoredHistory();
        var product = ProductOf(subscription);
        if (!string.Equals(subscription.Tier, tier, StringComparison.OrdinalIgnoreCase))
        {
            var change = new StoredTierChange { Date = now, Tier = ContractValues.TierEdition(tier, product), PreviousTier = subscription.Tier is null ? null : ContractValues.TierEdition(subscription.Tier, product) };
            history = history with { Tiers = Newest(change, history.Tiers) };
        }

        if (!string.Equals(subscription.Sku, sku, StringComparison.OrdinalIgnoreCase))
        {
            history = history with { Skus = Newest(new StoredSkuChange { Date = now, Sku = sku, PreviousSku = subscription.Sku }, history.Skus) };
        }

        return record with
        {
            Subscription = subscription with { Sku = sku, Tier = tier, Nfr = nfrNow, NfrDetails = nfrNow == true ? nfrDetails : null },
            History = history,
        };
    }

    private static T[] Newest<T>(T change, IReadOnlyList<T> older) => new[] { change }.Concat(older).ToArray();

    private static string ProductName(string product) => product == ContractValues.GoogleWorkspace ? "Google Workspace" : "Microsoft 365";
}
