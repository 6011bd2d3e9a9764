using System;
using System.Linq;
using System.Net.Http;
using System.Threading;

namespace Exclaimer.Reseller.Sdk.CloudApi.Tests.Rules;

/// <summary>
/// R2 at network speed: when the first page reports the list's total and its page number, the pages after it are
/// fetched by number, PageConcurrency at a time, and handed over in order; memory stays bounded; a caller who stops
/// early leaves no request running; without a total the list follows continuation tokens as before.
/// </summary>
public sealed class R2_ConcurrentPagingTests
{
    [Fact]
    public async Task R2_the_pages_after_the_first_are_fetched_four_at_a_time_by_default_and_handed_over_in_order()
    {
        var random = new Random(7);
        var handler = new ConcurrentHandler(async (request, ct) =>
        {
            // Pages answer in a scrambled order: the walk must still hand them over in list order.
            await Task.Delay(random.Next(5, 40), ct);
            return ConcurrentHandler.ListPage(request, total: 95);
        });
        using var client = handler.Client();

        var all = await client.GetSubscriptionsAsync().ToListAsync();

        Assert.Equal(Enumerable.Range(0, 95).Select(i => "s" + i), all.Select(s => s.SubscriptionId));
        Assert.Equal(10, handler.Requests.Count);
        Assert.Equal("GET /exclaimerapi/1.0/subscriptions?Page=1&PageSize=10", handler.Requests.First());
        Assert.Contains("GET /exclaimerapi/1.0/subscriptions?Page=10&PageSize=10", handler.Requests);
        Assert.InRange(handler.MaxInFlight, 2, ResellerClientOptions.DefaultPageConcurrency);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(16)]
    public async Task R2_PageConcurrency_bounds_the_pages_in_flight(int concurrency)
    {
        var handler = new ConcurrentHandler(async (request, ct) =>
        {
            await Task.Delay(10, ct);
            return ConcurrentHandler.ListPage(request, total: 200);
        });
        using var client = handler.Client(o => o.PageConcurrency = concurrency);

        var count = await client.GetSubscriptionsAsync().CountAsync();

        Assert.Equal(200, count);
        Assert.InRange(handler.MaxInFlight, 1, concurrency);
        if (concurrency == 1)
        {
            // One page at a time follows the continuation tokens, as before.
            Assert.All(handler.Requests.Skip(1), request => Assert.Contains("ContinuationToken=", request, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task R2_without_a_total_the_list_follows_continuation_tokens_one_page_at_a_time()
    {
        var handler = new ConcurrentHandler(async (request, ct) =>
        {
            await Task.Delay(5, ct);
            return ConcurrentHandler.ListPage(request, total: 45, reportTotal: false);
        });
        using var client = handler.Client();

        var all = await client.GetSubscriptionsAsync().ToListAsync();

        Assert.Equal(45, all.Count);
        Assert.Equal(1, handler.MaxInFlight);
        Assert.All(handler.Requests.Skip(1), request => Assert.Contains("ContinuationToken=", request, StringComparison.Ordinal));
    }

    [Fact]
    public async Task R2_a_caller_who_reads_only_the_first_page_or_item_sends_one_request()
    {
        // A portal's first screen or Select-Object -First: the pages after the first are not asked for until wanted,
        // so a rate-limited account is not charged for four pages nobody reads.
        var handler = new ConcurrentHandler((request, _) => Task.FromResult(ConcurrentHandler.ListPage(request, total: 1000)));
        using var client = handler.Client();

        await foreach (var page in client.GetSubscriptionsAsync().AsPages())
        {
            Assert.NotEmpty(page.Values);
            break;
        }

        await foreach (var subscription in client.GetSubscriptionsAsync())
        {
            Assert.Equal("s0", subscription.SubscriptionId);
            break;
        }

        Assert.Equal(2, handler.Requests.Count);
        Assert.All(handler.Requests, request => Assert.Contains("Page=1&", request, StringComparison.Ordinal));
        Assert.Equal(0, handler.InFlight);
    }

    [Fact]
    public async Task R2_a_caller_who_cancels_while_reading_the_first_page_starts_no_other()
    {
        var handler = new ConcurrentHandler((request, _) => Task.FromResult(ConcurrentHandler.ListPage(request, total: 1000)));
        using var client = handler.Client();
        using var cancel = new CancellationTokenSource();

        var pages = client.GetSubscriptionsAsync(cancellationToken: cancel.Token).AsPages().GetAsyncEnumerator();
        try
        {
            Assert.True(await pages.MoveNextAsync());
            cancel.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await pages.MoveNextAsync());
        }
        finally
        {
            await pages.DisposeAsync();
        }

        Assert.Single(handler.Requests);
        Assert.Equal(0, handler.InFlight);
    }

    [Fact]
    public async Task R2_a_caller_who_stops_early_leaves_no_request_running()
    {
        var handler = new ConcurrentHandler(async (request, ct) =>
        {
            var query = request.RequestUri!.Query;
            if (!query.Contains("Page=1&", StringComparison.Ordinal) && !query.Contains("Page=2&", StringComparison.Ordinal))
            {
                // The later pages take a long time: they are still in flight when the caller stops.
                await Task.Delay(TimeSpan.FromSeconds(30), ct);
            }

            return ConcurrentHandler.ListPage(request, total: 1000);
        });
        using var client = handler.Client();

        var taken = 0;
        await foreach (var page in client.GetSubscriptionsAsync().AsPages())
        {
            if (++taken < 2)
            {
                continue;
            }

            // Asking for page 2 started pages 2-5; handing it over started page 6.
            await Eventually.True(() => handler.InFlight == ResellerClientOptions.DefaultPageConcurrency, "the next pages are in flight");
            break;
        }

        Assert.Equal(2, taken);
        Assert.Equal(0, handler.InFlight);
        Assert.Equal(ResellerClientOptions.DefaultPageConcurrency, handler.Cancelled);
        Assert.Equal(2 + ResellerClientOptions.DefaultPageConcurrency, handler.Requests.Count);
    }

    [Fact]
    public async Task R2_memory_is_bounded_a_slow_reader_has_at_most_PageConcurrency_pages_fetched_ahead()
    {
        var handler = new ConcurrentHandler((request, _) => Task.FromResult(ConcurrentHandler.ListPage(request, total: 300)));
        using var client = handler.Client(o => o.PageConcurrency = 3);

        var read = 0;
        await foreach (var page in client.GetSubscriptionsAsync().AsPages())
        {
            read++;
            await Task.Delay(20);

            // The pages asked for so far: those read, and at most 3 ahead of the one being read.
            Assert.InRange(handler.Requests.Count, read, read + 3);
        }

        Assert.Equal(30, read);
    }

    [Fact]
    public async Task R2_a_total_larger_than_the_list_ends_at_the_first_empty_page_not_after_the_total()
    {
        // The server claims a million subscriptions and holds 25: the walk stops at the first empty page.
        var handler = new ConcurrentHandler((request, _) => Task.FromResult(ConcurrentHandler.ListPage(request, total: 25, claimedTotal: 1_000_000)));
        using var client = handler.Client();

        var all = await client.GetSubscriptionsAsync().ToListAsync();

        Assert.Equal(25, all.Count);
        Assert.InRange(handler.Requests.Count, 4, 4 + ResellerClientOptions.DefaultPageConcurrency);
    }

    [Fact]
    public async Task R2_a_list_that_grew_while_it_was_walked_is_followed_to_its_end_by_token()
    {
        // The first page says 30; by the time the last planned page is read the list holds 45 and says "more".
        var handler = new ConcurrentHandler((request, _) =>
            Task.FromResult(ConcurrentHandler.ListPage(request, total: request.RequestUri!.Query.Contains("Page=1&", StringComparison.Ordinal) ? 30 : 45)));
        using var client = handler.Client();

        var all = await client.GetSubscriptionsAsync().ToListAsync();

        Assert.Equal(Enumerable.Range(0, 45).Select(i => "s" + i), all.Select(s => s.SubscriptionId));
    }

    [Fact]
    public async Task R2_a_server_that_answers_another_page_than_asked_is_stopped_rather_than_handed_over()
    {
        var handler = new ConcurrentHandler((request, _) =>
        {
            // A server that ignores Page and always answers the first page.
            var first = new HttpRequestMessage(HttpMethod.Get, new Uri(request.RequestUri!, "?Page=1&PageSize=10"));
            return Task.FromResult(ConcurrentHandler.ListPage(first, total: 50));
        });
        using var client = handler.Client();

        var error = await Assert.ThrowsAsync<ResellerException>(() => client.GetSubscriptionsAsync().ToListAsync().AsTask());

        Assert.Equal(ResellerErrorCodes.InvalidResponse, error.ErrorCode);
        Assert.Contains("page 2 was asked for", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, handler.InFlight);
    }

    [Fact]
    public async Task R2_a_failed_page_fails_the_list_after_the_pages_before_it_and_cancels_the_others()
    {
        var handler = new ConcurrentHandler(async (request, ct) =>
        {
            if (request.RequestUri!.Query.Contains("Page=3&", StringComparison.Ordinal))
            {
                return ConcurrentHandler.Json("{\"Message\":\"boom\"}", System.Net.HttpStatusCode.InternalServerError);
            }

            if (!request.RequestUri.Query.Contains("Page=1&", StringComparison.Ordinal) && !request.RequestUri.Query.Contains("Page=2&", StringComparison.Ordinal))
            {
                await Task.Delay(TimeSpan.FromSeconds(30), ct);
            }

            return ConcurrentHandler.ListPage(request, total: 100);
        });
        using var client = handler.Client();

        var seen = 0;
        var error = await Assert.ThrowsAsync<ResellerException>(async () =>
        {
            await foreach (var subscription in client.GetSubscriptionsAsync())
            {
                seen++;
            }
        });

        Assert.Equal(20, seen);
        Assert.Equal(500, error.Status);
        Assert.Equal(0, handler.InFlight);
    }

    [Fact]
    public async Task R2_users_and_customers_are_fetched_concurrently_too_and_the_owner_is_read_beside_the_first_page()
    {
        var handler = new ConcurrentHandler(async (request, ct) =>
        {
            await Task.Delay(20, ct);
            var path = request.RequestUri!.AbsolutePath;
            var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri.Query);
            var page = int.Parse(query["Page"] ?? "1", System.Globalization.CultureInfo.InvariantCulture);
            if (path.EndsWith("/users", StringComparison.Ordinal))
            {
                var users = string.Join(",", Enumerable.Range((page - 1) * 10, page == 3 ? 5 : 10).Select(i => $"{{\"UserID\":\"u-{i}\",\"Email\":\"user{i}@contoso.example\",\"Roles\":[\"Editor\"]}}"));
                return ConcurrentHandler.Json($"{{\"Users\":[{users}],\"UserCount\":25,\"Page\":{page},\"PageSize\":10{(page < 3 ? ",\"ContinuationToken\":" + page : string.Empty)}}}");
            }

            if (path.EndsWith("/end-users", StringComparison.Ordinal))
            {
                var customers = string.Join(",", Enumerable.Range((page - 1) * 10, page == 2 ? 2 : 10).Select(i => $"{{\"EndUserID\":\"e-{i}\",\"CompanyName\":\"Company {i}\"}}"));
                return ConcurrentHandler.Json($"{{\"EndUsers\":[{customers}],\"EndUserCount\":12,\"Page\":{page},\"PageSize\":10{(page < 2 ? ",\"ContinuationToken\":9" : string.Empty)}}}");
            }

            return ConcurrentHandler.Json("{\"Subscription\":" + ConcurrentHandler.Subscription("contoso").Replace("\"u-1\"", "\"u-3\"", StringComparison.Ordinal) + "}");
        });
        using var client = handler.Client();

        var users = await client.GetSubscriptionUsersAsync("contoso").ToListAsync();
        var customers = await client.GetCustomersAsync().ToListAsync();

        Assert.Equal(25, users.Count);
        Assert.Equal("u-3", Assert.Single(users, u => u.IsOwner).UserId);
        Assert.Equal(12, customers.Count);
        Assert.True(handler.MaxInFlight >= 2, "the subscription and the first page of users are read at once");
    }
}
