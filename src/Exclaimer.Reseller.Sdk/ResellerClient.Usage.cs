using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk.Pipeline;
using Exclaimer.Reseller.Sdk.Rules;
using Exclaimer.Reseller.Sdk.Wire;

namespace Exclaimer.Reseller.Sdk;

/// <content>Mailbox usage against what is licensed (R23).</content>
public partial class ResellerClient
{
    /// <summary>
    /// An Elite-programme MSP's mailbox allocation and how much of it is licensed (R23; <c>GET /1.0/mailbox-allocation</c>).
    /// Other partners get <c>Forbidden</c>.
    /// </summary>
    /// <exception cref="ResellerAuthenticationException">The partner is not an MSP on the Elite programme (<c>Forbidden</c>).</exception>
    public virtual async Task<MailboxAllocation> GetMailboxAllocationAsync(CancellationToken cancellationToken = default)
    {
        var request = CloudApiRequest.Get(CloudApiRoutes.MailboxAllocation);
        var reply = await _connection.SendAsync(request, CloudApiJsonContext.Default.MailboxAllocation, cancellationToken).ConfigureAwait(false);
        return reply.IsSuccess
            ? (MailboxAllocation)reply.Value!
            : throw (reply.Status == 403 ? RuleErrors.NotForThisPartner("The mailbox allocation is only for Managed Service Providers on the Elite programme", reply.Details) : CloudApiErrors.FromReply(reply, request));
    }

    /// <summary>
    /// Usage against licence, per subscription (R23): the users licensed, the mailboxes seen in the last 30 days server-side
    /// and client-side, and the overage, for every current subscription the query matches, a page at a time.
    /// </summary>
    /// <remarks>
    /// One <c>GET /1.0/subscriptions</c> page per page, then one <c>GET .../mailbox-count</c> per subscription on it, so a
    /// page of 50 costs 51 requests: filter first (<see cref="SubscriptionQuery"/>) to report on fewer.
    /// </remarks>
    /// <param name="query">Which subscriptions; <see langword="null"/> for every current one.</param>
    /// <param name="cancellationToken">Cancels the report.</param>
    public virtual AsyncPageable<SubscriptionUsage> GetSubscriptionUsageAsync(SubscriptionQuery? query = null, CancellationToken cancellationToken = default)
    {
        var request = query ?? new SubscriptionQuery();
        var filter = SubscriptionFilter.For(request);
        var activeOnly = request.Status == SubscriptionStatus.Active;
        return AsyncPageable<SubscriptionUsage>.Create(
            async (token, size, ct) =>
            {
                var page = await SubscriptionPageAsync(filter, activeOnly, CloudApiPaging.Query(token, PageSizeOrDefault(size)), PageSizeOrDefault(size), ct).ConfigureAwait(false);
                var usage = new List<SubscriptionUsage>(page.Values.Count);
                foreach (var subscription in page.Values)
                {
                    var mailboxes = await GetMailboxCountAsync(subscription.SubscriptionId, ct).ConfigureAwait(false);
                    usage.Add(UsageOf(subscription, mailboxes));
                }

                return Page<SubscriptionUsage>.FromServer(usage, page.ContinuationToken, page.ServerItemCount ?? page.Values.Count, page.ServerTotal);
            },
            "subscription usage",
            cancellationToken);
    }

    private static SubscriptionUsage UsageOf(Subscription subscription, CloudApiMailboxCount mailboxes)
    {
        var seen = Math.Max(mailboxes.ServerSide, mailboxes.ClientSide);
        return new SubscriptionUsage
        {
            SubscriptionId = subscription.SubscriptionId,
            CustomerName = subscription.CustomerName,
            Product = subscription.Product,
            Tier = subscription.Tier,
            Status = subscription.Status,
            InTrial = subscription.InTrial,
            TrialEndDate = subscription.TrialEndDate,
            Domain = subscription.Domain,
            DataCenter = subscription.DataCenter,
            LicensedUsers = subscription.UserCount,
            ServerSideMailboxes = mailboxes.ServerSide,
            ClientSideMailboxes = mailboxes.ClientSide,
            Overage = subscription.Overage ?? Math.Max(0, seen - subscription.UserCount),
        };
    }
}
