using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk.Pipeline;
using Exclaimer.Reseller.Sdk.Rules;
using Exclaimer.Reseller.Sdk.Wire;

namespace Exclaimer.Reseller.Sdk;

/// <content>Who owns a subscription (R20), and which reseller and customer it belongs to (R22).</content>
public partial class ResellerClient
{
    /// <summary>
    /// Makes an existing Admin of the subscription its owner (R20; <c>POST .../change-owner</c>, then one GET). The old
    /// owner stays a user, no longer protected by the owner rules (R10), so can then be removed. Safe to repeat.
    /// </summary>
    /// <param name="subscriptionId">The subscription.</param>
    /// <param name="options">The new owner, by address or by user id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The subscription as the server now holds it; its <see cref="Subscription.OwnerUserId"/> is the new owner's.</returns>
    /// <exception cref="ResellerValidationException">
    /// Neither or both of address and user id (nothing was sent), or the user is not an Admin (<c>OwnerMustBeAdmin</c>).
    /// </exception>
    /// <exception cref="ResellerNotFoundException">The user is not on the subscription (<c>UserNotFound</c>).</exception>
    public virtual Task<Subscription> ChangeSubscriptionOwnerAsync(string subscriptionId, ChangeOwnerOptions options, CancellationToken cancellationToken = default) =>
        Traced("ResellerClient.ChangeSubscriptionOwner", (subscriptionId, options, cancellationToken), static (client, s) => client.ChangeSubscriptionOwnerCoreAsync(s.subscriptionId, s.options, s.cancellationToken));

    private async Task<Subscription> ChangeSubscriptionOwnerCoreAsync(string subscriptionId, ChangeOwnerOptions options, CancellationToken cancellationToken)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var id = SubscriptionRules.ExistingId(subscriptionId);
        var byEmail = string.IsNullOrWhiteSpace(options.EmailAddress) ? null : SubscriptionRules.EmailAddress(options.EmailAddress!, "EmailAddress", "R20");
        var byId = string.IsNullOrWhiteSpace(options.UserId) ? null : SubscriptionRules.UserId(options.UserId!, "UserId", "R20");
        if (byEmail is null == byId is null)
        {
            throw byEmail is null
                ? ResellerValidationException.Missing("EmailAddress", "R20", "name the new owner by EmailAddress or by UserId")
                : ResellerValidationException.Invalid("UserId", "R20", "name the new owner by EmailAddress or by UserId, not both");
        }

        var request = CloudApiRequest.Json(HttpMethod.Post, CloudApiRoutes.ChangeOwner(id), new ChangeOwnerRequest { EmailAddress = byEmail, UserId = byId }, CloudApiJsonContext.Default.ChangeOwnerRequest, id);
        var reply = await _connection.SendAsync(request, null, cancellationToken).ConfigureAwait(false);
        if (reply.IsSuccess)
        {
            ClientLog.Changed(_log, id, "given a new owner");
            return await ReadBackAsync(id, "given a new owner", null, cancellationToken).ConfigureAwait(false);
        }

        if (reply.Status is 400 or 403 or 404)
        {
            // The contract answers 400 for the rules of R20; tell the caller which from what the subscription holds.
            var subscription = await GetSubscriptionAsync(id, cancellationToken).ConfigureAwait(false);
            if (subscription.IsArchived)
            {
                throw RuleErrors.NotWhileArchived(subscription, "given a new owner", reply.Details);
            }

            var user = await FirstUserAsync(
                id,
                subscription,
                user => byEmail is not null ? user.EmailAddress.Equals(byEmail, StringComparison.OrdinalIgnoreCase) : string.Equals(user.UserId, byId, StringComparison.Ordinal),
                cancellationToken).ConfigureAwait(false);
            if (user is null)
            {
                throw RuleErrors.UserNotFound(byEmail ?? byId!, id, reply.Details);
            }

            if (user.IsOwner)
            {
                return subscription;
            }

            if (!user.IsAdmin)
            {
                throw RuleErrors.OwnerMustBeAdmin(user.EmailAddress, id, reply.Details);
            }
        }

        throw CloudApiErrors.FromReply(reply, request);
    }

    /// <summary>
    /// Assigns, moves or removes a subscription's reseller and customer (R22; <c>POST .../migrate</c>, then one GET): a
    /// property left <see langword="null"/> stays, an empty one removes, any other must name one that exists. Safe to repeat.
    /// </summary>
    /// <param name="subscriptionId">The subscription.</param>
    /// <param name="options">The reseller and/or customer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The subscription as the server now holds it.</returns>
    /// <exception cref="ResellerValidationException">Nothing to change, or an id is malformed; nothing was sent.</exception>
    /// <exception cref="ResellerNotFoundException">No such reseller (<c>ResellerNotFound</c>) or customer (<c>CustomerNotFound</c>), or no such subscription.</exception>
    public virtual Task<Subscription> MigrateSubscriptionAsync(string subscriptionId, MigrateSubscriptionOptions options, CancellationToken cancellationToken = default) =>
        Traced("ResellerClient.MigrateSubscription", (subscriptionId, options, cancellationToken), static (client, s) => client.MigrateSubscriptionCoreAsync(s.subscriptionId, s.options, s.cancellationToken));

    private async Task<Subscription> MigrateSubscriptionCoreAsync(string subscriptionId, MigrateSubscriptionOptions options, CancellationToken cancellationToken)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var id = SubscriptionRules.ExistingId(subscriptionId);
        var body = DirectoryRules.Migrate(options);
        var request = CloudApiRequest.Json(HttpMethod.Post, CloudApiRoutes.Migrate(id), body, CloudApiJsonContext.Default.MigrateRequest, id);
        var reply = await _connection.SendAsync(request, null, cancellationToken).ConfigureAwait(false);
        if (reply.IsSuccess)
        {
            ClientLog.Changed(_log, id, "migrated");
            return await ReadBackAsync(id, "migrated", null, cancellationToken).ConfigureAwait(false);
        }

        if (reply.Status == 404)
        {
            // One 404 for three things: the subscription (checked first), the reseller or the customer.
            await GetSubscriptionAsync(id, cancellationToken).ConfigureAwait(false);
            throw (Exception?)RuleErrors.DirectoryNotFound(body.ResellerId, body.EndUserId, CloudApiProblem.Read(reply.ErrorBody).Fields, id, reply.Details)
                ?? CloudApiErrors.FromReply(reply, request);
        }

        throw await RefusalAsync(reply, request, id, "migrated", cancellationToken).ConfigureAwait(false);
    }
}
