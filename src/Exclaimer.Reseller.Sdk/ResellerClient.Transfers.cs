using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk.Pipeline;
using Exclaimer.Reseller.Sdk.Rules;
using Exclaimer.Reseller.Sdk.Wire;

namespace Exclaimer.Reseller.Sdk;

/// <content>Transfers between partners (R21): the owner initiates and may cancel; the new owner claims once, with the token.</content>
public partial class ResellerClient
{
    /// <summary>
    /// Puts a subscription up for transfer (R21; <c>POST .../transfer</c>): it shows <see cref="Subscription.PendingTransfer"/>
    /// until claimed or cancelled, and the token returned claims it once. Starting again gives a new token, and the earlier
    /// one may no longer claim.
    /// </summary>
    /// <param name="subscriptionId">The subscription.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token to hand to the partner taking the subscription over. It is a credential: keep it out of logs.</returns>
    /// <exception cref="ResellerConflictException">The subscription is archived (<c>InvalidSubscriptionState</c>).</exception>
    public virtual Task<SubscriptionTransfer> InitiateSubscriptionTransferAsync(string subscriptionId, CancellationToken cancellationToken = default) =>
        Traced("ResellerClient.InitiateSubscriptionTransfer", (subscriptionId, cancellationToken), static (client, s) => client.InitiateSubscriptionTransferCoreAsync(s.subscriptionId, s.cancellationToken));

    private async Task<SubscriptionTransfer> InitiateSubscriptionTransferCoreAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        var id = SubscriptionRules.ExistingId(subscriptionId);
        var request = CloudApiRequest.Post(CloudApiRoutes.Transfer(id), id);
        var reply = await _connection.SendAsync(request, CloudApiJsonContext.Default.InitiateTransferResponse, cancellationToken).ConfigureAwait(false);
        if (!reply.IsSuccess)
        {
            throw await RefusalAsync(reply, request, id, "transferred", cancellationToken).ConfigureAwait(false);
        }

        var token = (reply.Value as InitiateTransferResponse)?.TransferToken;
        if (string.IsNullOrWhiteSpace(token))
        {
            throw CloudApiErrors.InvalidResponse(request, reply.Status, "its body has no TransferToken", null, null, reply.RequestId);
        }

        ClientLog.Changed(_log, id, "put up for transfer");
        return new SubscriptionTransfer { SubscriptionId = id, TransferToken = token! };
    }

    /// <summary>
    /// Cancels a transfer the subscription's owner started (R21; <c>PUT .../transfer/cancel</c>, then one GET): the token
    /// then claims nothing. Safe to repeat: a subscription with no pending transfer is returned as it is.
    /// </summary>
    /// <param name="subscriptionId">The subscription.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The subscription as the server now holds it.</returns>
    public virtual Task<Subscription> CancelSubscriptionTransferAsync(string subscriptionId, CancellationToken cancellationToken = default) =>
        Traced("ResellerClient.CancelSubscriptionTransfer", (subscriptionId, cancellationToken), static (client, s) => client.CancelSubscriptionTransferCoreAsync(s.subscriptionId, s.cancellationToken));

    private Task<Subscription> CancelSubscriptionTransferCoreAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        var id = SubscriptionRules.ExistingId(subscriptionId);
        return ChangeStateAsync(id, CloudApiRequest.Put(CloudApiRoutes.CancelTransfer(id), id), "taken off transfer", s => s.PendingTransfer != true, cancellationToken);
    }

    /// <summary>
    /// Claims a subscription with its transfer token (R21; <c>POST /1.0/subscriptions/transfer/claim</c>, then one GET). The
    /// token claims once; claiming your own transfer with only the token changes nothing but the pending state.
    /// </summary>
    /// <remarks>
    /// The input is checked before anything is sent, and the server checks it before it spends the token, so a claim refused
    /// for its input can be corrected and sent again. A retry after a lost answer finds the token spent: give
    /// <see cref="ClaimTransferOptions.SubscriptionId"/>, and such a retry finds the subscription it claimed.
    /// </remarks>
    /// <param name="options">The token, and the id, reseller and customer the subscription is to have.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// The claimed subscription, under the id the server gave it. When the claim succeeded but reading it back failed, the
    /// subscription with only what the claim knows (its id, reseller and customer), and a warning in the log: the claim is
    /// never reported as failed once made.
    /// </returns>
    /// <exception cref="ResellerValidationException">The input breaks a rule; nothing was sent.</exception>
    /// <exception cref="ResellerConflictException">The token claims nothing: unknown, used, or cancelled (<c>TransferTokenRefused</c>).</exception>
    /// <exception cref="ResellerNotFoundException">No such reseller (<c>ResellerNotFound</c>) or customer (<c>CustomerNotFound</c>).</exception>
    public virtual Task<Subscription> ClaimSubscriptionTransferAsync(ClaimTransferOptions options, CancellationToken cancellationToken = default) =>
        Traced("ResellerClient.ClaimSubscriptionTransfer", (options, cancellationToken), static (client, s) => client.ClaimSubscriptionTransferCoreAsync(s.options, s.cancellationToken));

    private async Task<Subscription> ClaimSubscriptionTransferCoreAsync(ClaimTransferOptions options, CancellationToken cancellationToken)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var body = TransferRules.Claim(options);
        var request = CloudApiRequest.Json(HttpMethod.Post, CloudApiRoutes.ClaimTransfer, body, CloudApiJsonContext.Default.ClaimTransferRequest, body.SubscriptionId)
            .Carrying(body.TransferToken);
        var reply = await _connection.SendAsync(request, CloudApiJsonContext.Default.SubscriptionIdResponse, cancellationToken).ConfigureAwait(false);
        if (reply.IsSuccess)
        {
            var claimedId = (reply.Value as SubscriptionIdResponse)?.SubscriptionId is { Length: > 0 } echoed
                ? echoed
                : body.SubscriptionId ?? throw CloudApiErrors.InvalidResponse(request, reply.Status, "its body has no SubscriptionID", null, null, reply.RequestId);
            ClientLog.Changed(_log, claimedId, "claimed by transfer");

            // Not the caller's token: the claim has happened, and the token is spent. A failed read-back must not report
            // the claim as failed either: a retry would be refused (the token is spent) for a subscription now owned.
            return await ReadBackAsync(claimedId, "claimed by transfer", () => new Subscription
            {
                SubscriptionId = claimedId,
                ResellerId = body.ResellerId ?? body.Reseller?.ResellerId,
                CustomerId = body.EndUserId ?? body.EndUser?.EndUserId,
                PendingTransfer = false,
            }, CancellationToken.None).ConfigureAwait(false);
        }

        var problem = CloudApiProblem.Read(reply.ErrorBody);
        if (reply.Status == 404 && RuleErrors.DirectoryNotFound(body.ResellerId, body.EndUserId, problem.Fields, null, reply.Details) is { } missing)
        {
            throw missing;
        }

        if (reply.Status is 400 or 403 or 404 or 409 && (problem.Fields.Count == 0 || problem.Fields.Contains("TransferToken")))
        {
            // An earlier attempt of this call may have claimed it: then the subscription is there under the id asked for.
            if (reply.WasRetried && body.SubscriptionId is { } asked && await FindSubscriptionAsync(asked, cancellationToken).ConfigureAwait(false) is { PendingTransfer: not true } claimed)
            {
                return claimed;
            }

            throw RuleErrors.TransferTokenRefused(problem.Message, reply.WasRetried, reply.Details);
        }

        throw CloudApiErrors.FromReply(reply, request);
    }
}
