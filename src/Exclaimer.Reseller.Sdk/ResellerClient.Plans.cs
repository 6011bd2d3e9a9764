using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk.Pipeline;
using Exclaimer.Reseller.Sdk.Rules;
using Exclaimer.Reseller.Sdk.Wire;

namespace Exclaimer.Reseller.Sdk;

/// <content>Plan changes (R19): the tier, the SKU, not-for-resale, and the history they leave.</content>
public partial class ResellerClient
{
    /// <summary>Changes a subscription's tier, keeping its product (R19; <c>PUT .../change-tier</c>, then one GET). Safe to repeat.</summary>
    /// <param name="subscriptionId">The subscription.</param>
    /// <param name="tier">Starter, Standard or Pro. An MSP's subscriptions are Pro only.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The subscription as the server now holds it.</returns>
    /// <exception cref="ResellerValidationException">The tier is <see cref="Tier.Unknown"/>; nothing was sent.</exception>
    /// <exception cref="ResellerConflictException">The subscription is archived (<c>InvalidSubscriptionState</c>).</exception>
    public virtual Task<Subscription> ChangeSubscriptionTierAsync(string subscriptionId, Tier tier, CancellationToken cancellationToken = default) =>
        Traced("ResellerClient.ChangeSubscriptionTier", (subscriptionId, tier, cancellationToken), static (client, s) => client.ChangeSubscriptionTierCoreAsync(s.subscriptionId, s.tier, s.cancellationToken));

    private Task<Subscription> ChangeSubscriptionTierCoreAsync(string subscriptionId, Tier tier, CancellationToken cancellationToken)
    {
        var id = SubscriptionRules.ExistingId(subscriptionId);
        var chosen = PlanRules.Tier(tier);
        var request = CloudApiRequest.Json(HttpMethod.Put, CloudApiRoutes.ChangeTier(id), new ChangeTierRequest { Tier = chosen }, CloudApiJsonContext.Default.ChangeTierRequest, id);
        return ChangeStateAsync(id, request, "given the tier " + chosen, s => s.Tier == chosen && !s.IsArchived, cancellationToken);
    }

    /// <summary>
    /// Changes a subscription's SKU, and with it the tier and not-for-resale (R19; <c>PUT .../change-sku</c>, then one GET).
    /// It cannot move a subscription between Microsoft 365 and Google Workspace. Safe to repeat.
    /// </summary>
    /// <param name="subscriptionId">The subscription.</param>
    /// <param name="options">The SKU, and the not-for-resale users an <c>-NFR</c> SKU needs.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The subscription as the server now holds it.</returns>
    /// <exception cref="ResellerValidationException">
    /// The SKU is not one, the NFR users are missing or not wanted (nothing was sent), or the SKU is for the other product
    /// (<c>ProductChangeNotAllowed</c>).
    /// </exception>
    /// <exception cref="ResellerConflictException">The subscription is archived (<c>InvalidSubscriptionState</c>).</exception>
    public virtual Task<Subscription> ChangeSubscriptionSkuAsync(string subscriptionId, ChangeSkuOptions options, CancellationToken cancellationToken = default) =>
        Traced("ResellerClient.ChangeSubscriptionSku", (subscriptionId, options, cancellationToken), static (client, s) => client.ChangeSubscriptionSkuCoreAsync(s.subscriptionId, s.options, s.cancellationToken));

    private Task<Subscription> ChangeSubscriptionSkuCoreAsync(string subscriptionId, ChangeSkuOptions options, CancellationToken cancellationToken)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var id = SubscriptionRules.ExistingId(subscriptionId);
        var (sku, product, nfrUsers) = PlanRules.Sku(options);
        var request = CloudApiRequest.Json(HttpMethod.Put, CloudApiRoutes.ChangeSku(id), new ChangeSkuRequest { Sku = sku, NumberOfNfrUsers = nfrUsers }, CloudApiJsonContext.Default.ChangeSkuRequest, id);
        return ChangeStateAsync(
            id,
            request,
            "given the SKU " + sku,
            s => string.Equals(s.Sku, sku, StringComparison.OrdinalIgnoreCase) && (nfrUsers is null || s.NfrDetails?.NumberOfUsers == nfrUsers) && !s.IsArchived,
            cancellationToken,
            (s, details) => s.Product is not Product.Unknown && s.Product != product ? RuleErrors.ProductChangeNotAllowed(s.SubscriptionId, s.Product, product, details) : null);
    }

    /// <summary>
    /// Makes a subscription not for resale, or a standard one again (R19; <c>PUT .../nfr</c>, then one GET). Only partners
    /// whose account supports not-for-resale licences may (others get <c>Forbidden</c>). Safe to repeat.
    /// </summary>
    /// <param name="subscriptionId">The subscription.</param>
    /// <param name="options">On or off, and the not-for-resale users when on.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The subscription as the server now holds it.</returns>
    /// <exception cref="ResellerValidationException">The not-for-resale users are missing or not wanted; nothing was sent.</exception>
    /// <exception cref="ResellerConflictException">The subscription is archived (<c>InvalidSubscriptionState</c>).</exception>
    public virtual Task<Subscription> ChangeSubscriptionNfrAsync(string subscriptionId, NfrOptions options, CancellationToken cancellationToken = default) =>
        Traced("ResellerClient.ChangeSubscriptionNfr", (subscriptionId, options, cancellationToken), static (client, s) => client.ChangeSubscriptionNfrCoreAsync(s.subscriptionId, s.options, s.cancellationToken));

    private Task<Subscription> ChangeSubscriptionNfrCoreAsync(string subscriptionId, NfrOptions options, CancellationToken cancellationToken)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var id = SubscriptionRules.ExistingId(subscriptionId);
        var users = PlanRules.Nfr(options);
        var request = CloudApiRequest.Json(HttpMethod.Put, CloudApiRoutes.Nfr(id), new NfrRequest { Nfr = options.NotForResale, NumberOfNfrUsers = users }, CloudApiJsonContext.Default.NfrRequest, id);
        return ChangeStateAsync(
            id,
            request,
            options.NotForResale ? "made not for resale" : "made a standard subscription",
            s => (s.Nfr == true) == options.NotForResale && (users is null || s.NfrDetails?.NumberOfUsers == users) && !s.IsArchived,
            cancellationToken);
    }

    /// <summary>A subscription's tier and SKU changes, newest first (R19; <c>GET .../history</c>).</summary>
    /// <exception cref="ResellerNotFoundException">No subscription has that id.</exception>
    public virtual Task<SubscriptionHistory> GetSubscriptionHistoryAsync(string subscriptionId, CancellationToken cancellationToken = default) =>
        Traced("ResellerClient.GetSubscriptionHistory", (subscriptionId, cancellationToken), static (client, s) => client.GetSubscriptionHistoryCoreAsync(s.subscriptionId, s.cancellationToken));

    private Task<SubscriptionHistory> GetSubscriptionHistoryCoreAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        var id = SubscriptionRules.ExistingId(subscriptionId);
        return _connection.GetAsync(
            CloudApiRequest.Get(CloudApiRoutes.History(id), subscriptionId: id),
            CloudApiJsonContext.Default.SubscriptionHistory,
            static (history, _) => history with
            {
                // A list the server left out is an empty one, never a null in the caller's hands.
                TierChanges = history.TierChanges ?? Array.Empty<TierChange>(),
                SkuChanges = history.SkuChanges ?? Array.Empty<SkuChange>(),
            },
            cancellationToken);
    }
}
