using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk.Pipeline;
using Exclaimer.Reseller.Sdk.Rules;
using Exclaimer.Reseller.Sdk.Wire;

namespace Exclaimer.Reseller.Sdk;

/// <content>
/// The operations for Managed Service Providers (R24): Pro subscriptions billed by usage. Only partners with MSP access
/// may call them; for any other the server answers 403, raised as <c>Forbidden</c> saying so.
/// </content>
public partial class ResellerClient
{
    private const string MspOnly = "The MSP operations are only for partners with Managed Service Provider access";

    /// <summary>
    /// Creates an MSP subscription (R24; <c>POST /1.0/msp/subscriptions</c>, then one GET): Pro, billed by usage, no user
    /// count and no owner. A <c>SubscriptionID</c> is always sent (generated when not given), so a retry after a lost
    /// answer finds the subscription it made and never makes a second one (R9).
    /// </summary>
    /// <param name="options">The data centre, and the id, product, name, customer and reseller.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The subscription as the MSP operations report it.</returns>
    /// <exception cref="ResellerValidationException">An input is missing or malformed; nothing was sent.</exception>
    /// <exception cref="ResellerConflictException">A subscription with that id already exists (<c>SubscriptionAlreadyExists</c>).</exception>
    /// <exception cref="ResellerAuthenticationException">The partner has no MSP access (<c>Forbidden</c>).</exception>
    public virtual Task<MspSubscription> CreateMspSubscriptionAsync(CreateMspSubscriptionOptions options, CancellationToken cancellationToken = default) =>
        Traced("ResellerClient.CreateMspSubscription", (options, cancellationToken), static (client, s) => client.CreateMspSubscriptionCoreAsync(s.options, s.cancellationToken));

    private async Task<MspSubscription> CreateMspSubscriptionCoreAsync(CreateMspSubscriptionOptions options, CancellationToken cancellationToken)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var subscriptionId = options.SubscriptionId is null ? NewSubscriptionId() : SubscriptionRules.SubscriptionId(options.SubscriptionId);
        var body = MspRules.Create(options, subscriptionId);
        var request = CloudApiRequest.Json(HttpMethod.Post, CloudApiRoutes.MspSubscriptions, body, CloudApiJsonContext.Default.AddMspSubscriptionRequest, subscriptionId);
        var reply = await _connection.SendAsync(request, CloudApiJsonContext.Default.SubscriptionIdResponse, cancellationToken).ConfigureAwait(false);
        if (reply.IsSuccess)
        {
            var createdId = (reply.Value as SubscriptionIdResponse)?.SubscriptionId is { Length: > 0 } echoed ? echoed : subscriptionId;
            ClientLog.Created(_log, createdId, body.Sku, 0);
            try
            {
                // Not the caller's token: the create has happened (R9, R17).
                return await GetMspSubscriptionAsync(createdId, null, CancellationToken.None).ConfigureAwait(false);
            }
            catch (ResellerException ex)
            {
                ClientLog.ReadBackFailed(_log, createdId, "created", ex.ErrorCode);
                return new MspSubscription { SubscriptionId = createdId, CustomerName = body.SubscriptionName ?? string.Empty, CustomerId = body.EndUser?.EndUserId, ResellerId = body.Reseller?.ResellerId };
            }
        }

        if (reply.Status == 403)
        {
            throw RuleErrors.NotForThisPartner(MspOnly, reply.Details, subscriptionId);
        }

        if (reply.Status is 400 or 409 && await FindMspSubscriptionAsync(subscriptionId, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            // The id is taken: by an earlier attempt of this very call whose answer was lost, or by someone else (R9).
            if (reply.WasRetried && string.Equals(existing.CustomerName, body.SubscriptionName, StringComparison.Ordinal))
            {
                ClientLog.CreateConfirmed(_log, subscriptionId);
                return existing;
            }

            throw RuleErrors.SubscriptionAlreadyExists(existing.SubscriptionId, existing.CustomerName, reply.Details);
        }

        throw CloudApiErrors.FromReply(reply, request);
    }

    /// <summary>The MSP subscriptions, a page at a time (R24; <c>GET /1.0/msp/subscriptions</c>), with their usage when asked for.</summary>
    /// <param name="query">Whether to report usage (<see cref="MspSubscription.TotalMailboxes"/>), and over which days.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <exception cref="ResellerValidationException">A period without usage; nothing was sent.</exception>
    public virtual AsyncPageable<MspSubscription> GetMspSubscriptionsAsync(MspSubscriptionQuery? query = null, CancellationToken cancellationToken = default)
    {
        var extra = MspRules.Query(query);
        return AsyncPageable<MspSubscription>.Create(
            (token, size, ct) => Traced("ResellerClient.GetMspSubscriptions", (extra, token, size, ct), static (client, s) => client.MspSubscriptionsPageAsync(s.extra, s.token, s.size, s.ct)),
            "MSP subscriptions",
            cancellationToken);
    }

    private async Task<Page<MspSubscription>> MspSubscriptionsPageAsync(string extra, string? token, int? size, CancellationToken cancellationToken)
    {
        var pageSize = PageSizeOrDefault(size);
        var request = CloudApiRequest.Get(CloudApiRoutes.MspSubscriptions, CloudApiPaging.Query(token, pageSize) + extra);
        var response = await MspGetAsync(request, CloudApiJsonContext.Default.MspSubscriptionsResponse, cancellationToken).ConfigureAwait(false);
        var items = CloudApiPaging.Items(request, response.Subscriptions, pageSize, static s => !string.IsNullOrEmpty(s.SubscriptionId), "SubscriptionID");
        return Page<MspSubscription>.FromServer(items, CloudApiPaging.Next(response.ContinuationToken), items.Count, response.SubscriptionCount);
    }

    /// <summary>One MSP subscription (R24; <c>GET /1.0/msp/subscriptions/{id}</c>), with its usage when asked for.</summary>
    /// <param name="subscriptionId">The subscription.</param>
    /// <param name="query">Whether to report usage, and over which days.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ResellerNotFoundException">No subscription has that id.</exception>
    public virtual Task<MspSubscription> GetMspSubscriptionAsync(string subscriptionId, MspSubscriptionQuery? query = null, CancellationToken cancellationToken = default) =>
        Traced("ResellerClient.GetMspSubscription", (subscriptionId, query, cancellationToken), static (client, s) => client.GetMspSubscriptionCoreAsync(s.subscriptionId, s.query, s.cancellationToken));

    private async Task<MspSubscription> GetMspSubscriptionCoreAsync(string subscriptionId, MspSubscriptionQuery? query, CancellationToken cancellationToken)
    {
        var id = SubscriptionRules.ExistingId(subscriptionId);
        var extra = MspRules.Query(query);
        var request = CloudApiRequest.Get(CloudApiRoutes.MspSubscription(id), extra.Length == 0 ? null : extra.Substring(1), id);
        var response = await MspGetAsync(request, CloudApiJsonContext.Default.MspSubscriptionResponse, cancellationToken).ConfigureAwait(false);
        return response.Subscription is { SubscriptionId.Length: > 0 } subscription
            ? subscription
            : throw CloudApiErrors.InvalidResponse(request, 200, "its body has no Subscription with a SubscriptionID", null, null, null);
    }

    /// <summary>An MSP subscription's status and whether its tenant finished onboarding (R24; <c>GET .../status</c>).</summary>
    /// <exception cref="ResellerNotFoundException">No subscription has that id.</exception>
    public virtual Task<MspSubscriptionStatus> GetMspSubscriptionStatusAsync(string subscriptionId, CancellationToken cancellationToken = default) =>
        Traced("ResellerClient.GetMspSubscriptionStatus", (subscriptionId, cancellationToken), static (client, s) => client.GetMspSubscriptionStatusCoreAsync(s.subscriptionId, s.cancellationToken));

    private Task<MspSubscriptionStatus> GetMspSubscriptionStatusCoreAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        var id = SubscriptionRules.ExistingId(subscriptionId);
        return MspGetAsync(CloudApiRequest.Get(CloudApiRoutes.MspStatus(id), subscriptionId: id), CloudApiJsonContext.Default.MspSubscriptionStatus, cancellationToken);
    }

    /// <summary>
    /// Each sender's signature usage in an MSP subscription (R24; <c>GET .../senders/json</c>), over the days given or, by
    /// default, the previous calendar month. The Cloud API may throttle this call (429): it is retried as any other.
    /// </summary>
    /// <param name="subscriptionId">The subscription.</param>
    /// <param name="period">The days; <see langword="null"/> for the previous calendar month.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ResellerNotFoundException">No subscription has that id.</exception>
    public virtual Task<IReadOnlyList<MspSender>> GetMspSendersAsync(string subscriptionId, UsagePeriod? period = null, CancellationToken cancellationToken = default) =>
        Traced("ResellerClient.GetMspSenders", (subscriptionId, period, cancellationToken), static (client, s) => client.GetMspSendersCoreAsync(s.subscriptionId, s.period, s.cancellationToken));

    private async Task<IReadOnlyList<MspSender>> GetMspSendersCoreAsync(string subscriptionId, UsagePeriod? period, CancellationToken cancellationToken)
    {
        var id = SubscriptionRules.ExistingId(subscriptionId);
        var query = MspRules.Period(period);
        var request = CloudApiRequest.Get(CloudApiRoutes.MspSenders(id), query.Length == 0 ? null : query.Substring(1), id);
        var response = await MspGetAsync(request, CloudApiJsonContext.Default.MspSendersResponse, cancellationToken).ConfigureAwait(false);
        return CloudApiPaging.Items(request, response.Senders, int.MaxValue, static sender => sender.Sender is not null, "Sender");
    }

    /// <summary>A GET of the MSP operations: a 403 says the partner has no MSP access.</summary>
    private async Task<T> MspGetAsync<T>(CloudApiRequest request, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        var reply = await _connection.SendAsync(request, type, cancellationToken).ConfigureAwait(false);
        return reply.IsSuccess
            ? (T)reply.Value!
            : throw (reply.Status == 403 ? RuleErrors.NotForThisPartner(MspOnly, reply.Details, request.SubscriptionId) : CloudApiErrors.FromReply(reply, request));
    }

    private async Task<MspSubscription?> FindMspSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        try
        {
            return await GetMspSubscriptionAsync(subscriptionId, null, cancellationToken).ConfigureAwait(false);
        }
        catch (ResellerNotFoundException)
        {
            return null;
        }
    }
}
