using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
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
    public virtual Task<MailboxAllocation> GetMailboxAllocationAsync(CancellationToken cancellationToken = default) =>
        Traced("ResellerClient.GetMailboxAllocation", cancellationToken, static (client, cancellationToken) => client.GetMailboxAllocationCoreAsync(cancellationToken));

    private async Task<MailboxAllocation> GetMailboxAllocationCoreAsync(CancellationToken cancellationToken)
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
    /// page of 50 costs 51 requests: filter first (<see cref="SubscriptionQuery"/>) to report on fewer. A page's mailbox
    /// counts are asked for <see cref="ResellerClientOptions.PageConcurrency"/> at a time (within
    /// <see cref="ResellerClientOptions.MaxConcurrentRequests"/>) and reported in the page's order; one that fails fails
    /// the page, once the others still in flight are cancelled.
    /// </remarks>
    /// <param name="query">Which subscriptions; <see langword="null"/> for every current one.</param>
    /// <param name="cancellationToken">Cancels the report.</param>
    public virtual AsyncPageable<SubscriptionUsage> GetSubscriptionUsageAsync(SubscriptionQuery? query = null, CancellationToken cancellationToken = default)
    {
        var request = query ?? new SubscriptionQuery();
        var filter = SubscriptionFilter.For(request);
        var activeOnly = request.Status == SubscriptionStatus.Active;
        return AsyncPageable<SubscriptionUsage>.Create(
            (token, size, ct) => Traced("ResellerClient.GetSubscriptionUsage", (filter, activeOnly, token, size, ct), static (client, s) => client.UsagePageAsync(s.filter, s.activeOnly, s.token, s.size, s.ct)),
            "subscription usage",
            cancellationToken);
    }

    private async Task<Page<SubscriptionUsage>> UsagePageAsync(SubscriptionFilter filter, bool activeOnly, string? token, int? size, CancellationToken cancellationToken)
    {
        var pageSize = PageSizeOrDefault(size);
        var page = await SubscriptionPageAsync(filter, activeOnly, CloudApiPaging.Query(token, pageSize), pageSize, cancellationToken).ConfigureAwait(false);
        var mailboxes = await MailboxCountsAsync(page.Values, cancellationToken).ConfigureAwait(false);
        var usage = new SubscriptionUsage[mailboxes.Length];
        for (var i = 0; i < usage.Length; i++)
        {
            usage[i] = UsageOf(page.Values[i], mailboxes[i]);
        }

        return Page<SubscriptionUsage>.FromServer(usage, page.ContinuationToken, page.ServerItemCount ?? page.Values.Count, page.ServerTotal);
    }

    /// <summary>
    /// Each subscription's mailbox count, in the order given, <see cref="ClientSettings.PageConcurrency"/> requests at a
    /// time: the counts are independent, so a page of 50 waits about 50 / PageConcurrency round trips instead of 50. The
    /// first failure stops the rest and is thrown once none is left running, so a failed page leaves no request behind.
    /// </summary>
    private async Task<CloudApiMailboxCount[]> MailboxCountsAsync(IReadOnlyList<Subscription> subscriptions, CancellationToken cancellationToken)
    {
        var counts = new CloudApiMailboxCount[subscriptions.Count];
        if (counts.Length == 0)
        {
            return counts;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var next = -1;
        Exception? failure = null;

        // A few workers take the next subscription as each finishes: at most PageConcurrency requests, none idle waiting on a slow one.
        async Task CountAsync()
        {
            int i;
            while (!stop.IsCancellationRequested && (i = Interlocked.Increment(ref next)) < counts.Length)
            {
                try
                {
                    counts[i] = await GetMailboxCountAsync(subscriptions[i].SubscriptionId, stop.Token).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    Interlocked.CompareExchange(ref failure, ex, null);
                    stop.Cancel();
                    return;
                }
            }
        }

        var workers = new Task[Math.Min(_settings.PageConcurrency, counts.Length)];
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = CountAsync();
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
        if (failure is not null)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }

        // Cancelled between two requests: the counts are not all there.
        cancellationToken.ThrowIfCancellationRequested();
        return counts;
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
