using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk.Pipeline;
using Exclaimer.Reseller.Sdk.Rules;
using Exclaimer.Reseller.Sdk.Wire;

namespace Exclaimer.Reseller.Sdk;

/// <content>Reference data, mailbox usage and the status check.</content>
public partial class ResellerClient
{
    /// <summary>The data centres the Cloud API offers and their codes per product (<c>GET /1.0/reference/data-centers</c>).</summary>
    /// <exception cref="ResellerException">The call failed.</exception>
    public virtual Task<IReadOnlyList<CloudApiDataCenter>> GetDataCentersAsync(CancellationToken cancellationToken = default) =>
        Traced("ResellerClient.GetDataCenters", cancellationToken, static (client, cancellationToken) => client.GetDataCentersCoreAsync(cancellationToken));

    private async Task<IReadOnlyList<CloudApiDataCenter>> GetDataCentersCoreAsync(CancellationToken cancellationToken)
    {
        var response = await _connection.GetAsync(CloudApiRequest.Get(CloudApiRoutes.DataCenters), CloudApiJsonContext.Default.DataCentersResponse, cancellationToken).ConfigureAwait(false);
        return (IReadOnlyList<CloudApiDataCenter>?)response.DataCenters ?? Array.Empty<CloudApiDataCenter>();
    }

    /// <summary>The SKUs this reseller may sell (<c>GET /1.0/reference/skus</c>).</summary>
    /// <exception cref="ResellerException">The call failed.</exception>
    public virtual Task<IReadOnlyList<CloudApiSku>> GetSkusAsync(CancellationToken cancellationToken = default) =>
        Traced("ResellerClient.GetSkus", cancellationToken, static (client, cancellationToken) => client.GetSkusCoreAsync(cancellationToken));

    private async Task<IReadOnlyList<CloudApiSku>> GetSkusCoreAsync(CancellationToken cancellationToken)
    {
        var response = await _connection.GetAsync(CloudApiRequest.Get(CloudApiRoutes.Skus), CloudApiJsonContext.Default.SkuReferencesResponse, cancellationToken).ConfigureAwait(false);
        return (IReadOnlyList<CloudApiSku>?)response.Skus ?? Array.Empty<CloudApiSku>();
    }

    /// <summary>The tiers this reseller may sell (<c>GET /1.0/reference/tiers</c>).</summary>
    /// <exception cref="ResellerException">The call failed.</exception>
    public virtual Task<IReadOnlyList<CloudApiTier>> GetTiersAsync(CancellationToken cancellationToken = default) =>
        Traced("ResellerClient.GetTiers", cancellationToken, static (client, cancellationToken) => client.GetTiersCoreAsync(cancellationToken));

    private async Task<IReadOnlyList<CloudApiTier>> GetTiersCoreAsync(CancellationToken cancellationToken)
    {
        var response = await _connection.GetAsync(CloudApiRequest.Get(CloudApiRoutes.Tiers), CloudApiJsonContext.Default.TierReferencesResponse, cancellationToken).ConfigureAwait(false);
        return (IReadOnlyList<CloudApiTier>?)response.Tiers ?? Array.Empty<CloudApiTier>();
    }

    /// <summary>The mailboxes a subscription served over the last 30 days (<c>GET /1.0/subscriptions/{id}/mailbox-count</c>).</summary>
    /// <exception cref="ResellerNotFoundException">No subscription has that id.</exception>
    /// <exception cref="ResellerException">The call failed.</exception>
    public virtual Task<CloudApiMailboxCount> GetMailboxCountAsync(string subscriptionId, CancellationToken cancellationToken = default) =>
        Traced("ResellerClient.GetMailboxCount", (subscriptionId, cancellationToken), static (client, s) => client.GetMailboxCountCoreAsync(s.subscriptionId, s.cancellationToken));

    private Task<CloudApiMailboxCount> GetMailboxCountCoreAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        var id = SubscriptionRules.ExistingId(subscriptionId);
        return _connection.GetAsync(CloudApiRequest.Get(CloudApiRoutes.MailboxCount(id), subscriptionId: id), CloudApiJsonContext.Default.CloudApiMailboxCount, cancellationToken);
    }

    /// <summary>
    /// Checks that the server answers and accepts the token (<c>GET /1.0/status</c>); returns the server's clock,
    /// which the API gives without a zone and is read as UTC.
    /// </summary>
    /// <exception cref="ResellerAuthenticationException">The token is refused.</exception>
    /// <exception cref="ResellerException">The call failed.</exception>
    public virtual Task<DateTimeOffset> GetServerTimeAsync(CancellationToken cancellationToken = default) =>
        Traced("ResellerClient.GetServerTime", cancellationToken, static (client, cancellationToken) => client.GetServerTimeCoreAsync(cancellationToken));

    private async Task<DateTimeOffset> GetServerTimeCoreAsync(CancellationToken cancellationToken)
    {
        var request = CloudApiRequest.Get(CloudApiRoutes.Status);
        var response = await _connection.GetAsync(request, CloudApiJsonContext.Default.StatusResponse, cancellationToken).ConfigureAwait(false);
        return response.CurrentTime ?? throw CloudApiErrors.InvalidResponse(request, 200, "its body has no CurrentTime", null, null, null);
    }
}
