using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Threading;

namespace Exclaimer.Reseller.Sdk.CloudApi.Tests.Rules;

/// <summary>
/// R23 at network speed: the usage report asks for a page's mailbox counts PageConcurrency at a time, not one after
/// another, and still reports them in the page's order, one request per subscription; one that fails fails the page and
/// leaves no request running.
/// </summary>
public sealed class R23_ConcurrentUsageTests
{
    private const string MailboxCount = "/mailbox-count";

    [Fact]
    public async Task R23_a_pages_mailbox_counts_are_asked_for_PageConcurrency_at_a_time_and_reported_in_page_order()
    {
        var held = new Gate(ResellerClientOptions.DefaultPageConcurrency);
        var handler = new ConcurrentHandler(async (request, ct) =>
        {
            if (!request.RequestUri!.AbsolutePath.EndsWith(MailboxCount, StringComparison.Ordinal))
            {
                return ConcurrentHandler.ListPage(request, total: 10);
            }

            // The first counts are held until as many are in flight as the client may send; then the later a
            // subscription is on the page, the sooner it answers: the report must not follow the answers' order.
            await held.ArriveAsync(ct);
            await Task.Delay(TimeSpan.FromMilliseconds(3 * (10 - NumberOf(request))), ct);
            return CountOf(request);
        });
        using var client = handler.Client();

        var usage = await client.GetSubscriptionUsageAsync().ToListAsync();

        Assert.True(held.Opened, $"{ResellerClientOptions.DefaultPageConcurrency} mailbox counts were in flight at once");
        Assert.Equal(ResellerClientOptions.DefaultPageConcurrency, handler.MaxInFlight);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => "s" + i), usage.Select(u => u.SubscriptionId));
        Assert.Equal(Enumerable.Range(0, 10), usage.Select(u => u.ServerSideMailboxes));

        // docs/cloud-api.md: one list page, then one mailbox count per subscription on it.
        Assert.Equal(11, handler.Requests.Count);
        Assert.Equal(10, handler.Requests.Count(r => r.EndsWith(MailboxCount, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task R23_PageConcurrency_bounds_the_mailbox_counts_in_flight(int concurrency)
    {
        var handler = new ConcurrentHandler(async (request, ct) =>
        {
            if (!request.RequestUri!.AbsolutePath.EndsWith(MailboxCount, StringComparison.Ordinal))
            {
                return ConcurrentHandler.ListPage(request, total: 25);
            }

            await Task.Delay(10, ct);
            return CountOf(request);
        });
        using var client = handler.Client(o => o.PageConcurrency = concurrency);

        var usage = await client.GetSubscriptionUsageAsync().ToListAsync();

        Assert.Equal(Enumerable.Range(0, 25).Select(i => "s" + i), usage.Select(u => u.SubscriptionId));
        Assert.InRange(handler.MaxInFlight, 1, concurrency);
        Assert.Equal(3 + 25, handler.Requests.Count);
    }

    [Fact]
    public async Task R23_one_failed_mailbox_count_fails_the_page_and_cancels_the_counts_still_in_flight()
    {
        var handler = new ConcurrentHandler(async (request, ct) =>
        {
            var path = request.RequestUri!.AbsolutePath;
            if (!path.EndsWith(MailboxCount, StringComparison.Ordinal))
            {
                return ConcurrentHandler.ListPage(request, total: 10);
            }

            if (path.Contains("/s2/", StringComparison.Ordinal))
            {
                return ConcurrentHandler.Json("{\"Message\":\"boom\"}", HttpStatusCode.InternalServerError);
            }

            // The others take long: they are still in flight when s2 fails.
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return CountOf(request);
        });
        using var client = handler.Client();

        var error = await Assert.ThrowsAsync<ResellerException>(() => client.GetSubscriptionUsageAsync().ToListAsync().AsTask());

        Assert.Equal(500, error.Status);
        Assert.Equal("s2", error.Target);
        Assert.Equal(0, handler.InFlight);

        // Every count sent beside the failed one was cancelled, and none was sent after it failed.
        var counts = handler.Requests.Count(r => r.EndsWith(MailboxCount, StringComparison.Ordinal));
        Assert.InRange(counts, 3, ResellerClientOptions.DefaultPageConcurrency);
        Assert.Equal(counts - 1, handler.Cancelled);
    }

    /// <summary>Subscription s<i>n</i> has seen n mailboxes server-side.</summary>
    private static System.Net.Http.HttpResponseMessage CountOf(System.Net.Http.HttpRequestMessage request) =>
        ConcurrentHandler.Json("{\"MailboxCount\":" + NumberOf(request).ToString(CultureInfo.InvariantCulture) + ",\"ClientSideMailboxCount\":0}");

    /// <summary>n, for a request about subscription s<i>n</i>.</summary>
    private static int NumberOf(System.Net.Http.HttpRequestMessage request) =>
        int.Parse(request.RequestUri!.AbsolutePath.Split('/')[^2].AsSpan(1), CultureInfo.InvariantCulture);

    /// <summary>Holds the first <c>count</c> arrivals until all of them are there, so the test sees them overlap without timing.</summary>
    private sealed class Gate
    {
        private readonly int _count;
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public Gate(int count) => _count = count;

        public bool Opened => _open.Task.IsCompletedSuccessfully;

        public async Task ArriveAsync(CancellationToken cancellationToken)
        {
            var arrived = Interlocked.Increment(ref _arrived);
            if (arrived > _count)
            {
                return;
            }

            if (arrived == _count)
            {
                _open.TrySetResult();
            }

            try
            {
                // A client that sends one at a time never opens the gate: let it through after a while, and fail the test.
                await _open.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
            }
            catch (TimeoutException)
            {
            }
        }
    }
}
