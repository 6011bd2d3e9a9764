using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;

namespace Exclaimer.Reseller.Sdk.CloudApi.Tests.Integration;

/// <summary>
/// Bulk work in the SDK: RunBulkAsync runs many operations with a limit over the client's one connection pool and
/// throttle, reports every input exactly once (a failure as that input's error), and leaves nothing running when
/// the caller stops.
/// </summary>
public sealed class Bulk_RunBulkTests
{
    [Fact]
    public async Task Bulk_runs_at_most_maxConcurrency_operations_at_once_and_reports_every_input_once()
    {
        var handler = new ConcurrentHandler(async (request, ct) =>
        {
            await Task.Delay(20, ct);
            return Found(request);
        });
        using var client = handler.Client();
        var ids = Enumerable.Range(0, 40).Select(i => "s" + i).ToList();

        var results = new List<BulkResult<string, Subscription>>();
        await foreach (var result in client.RunBulkAsync(ids, (c, id, ct) => c.GetSubscriptionAsync(id, ct), maxConcurrency: 6))
        {
            results.Add(result);
        }

        Assert.Equal(Enumerable.Range(0, 40), results.Select(r => r.Index).OrderBy(i => i));
        Assert.All(results, r => Assert.Equal(r.Input, r.Value!.SubscriptionId));
        Assert.InRange(handler.MaxInFlight, 2, 6);
    }

    [Fact]
    public async Task Bulk_one_failed_input_reports_its_own_error_and_the_others_go_on()
    {
        var handler = new ConcurrentHandler((request, _) => Task.FromResult(request.RequestUri!.AbsolutePath.EndsWith("/missing", StringComparison.Ordinal)
            ? ConcurrentHandler.Json("{\"Message\":\"Not found\"}", HttpStatusCode.NotFound)
            : Found(request)));
        using var client = handler.Client();

        var results = await client.RunBulkAsync(new[] { "a", "missing", "bad id with spaces/", "b" }, (c, id, ct) => c.GetSubscriptionAsync(id, ct)).ToListAsync();

        Assert.Equal(4, results.Count);
        Assert.IsType<ResellerNotFoundException>(results.Single(r => r.Input == "missing").Error);
        Assert.IsAssignableFrom<ResellerException>(results.Single(r => r.Index == 2).Error);
        Assert.Equal(new[] { "a", "b" }, results.Where(r => r.Succeeded).Select(r => r.Value!.SubscriptionId).OrderBy(id => id));
    }

    [Fact]
    public async Task Bulk_a_caller_who_stops_early_cancels_the_operations_in_flight_and_starts_no_more()
    {
        var handler = new ConcurrentHandler(async (request, ct) =>
        {
            if (!request.RequestUri!.AbsolutePath.EndsWith("/s0", StringComparison.Ordinal))
            {
                await Task.Delay(TimeSpan.FromSeconds(30), ct);
            }

            return Found(request);
        });
        using var client = handler.Client();
        var ids = Enumerable.Range(0, 100).Select(i => "s" + i);

        await foreach (var result in client.RunBulkAsync(ids, (c, id, ct) => c.GetSubscriptionAsync(id, ct), maxConcurrency: 4))
        {
            Assert.Equal("s0", result.Input);
            break;
        }

        Assert.Equal(0, handler.InFlight);
        Assert.InRange(handler.Requests.Count, 4, 5);
    }

    [Fact]
    public async Task Bulk_cancelling_the_run_cancels_what_is_in_flight()
    {
        var handler = new ConcurrentHandler(async (request, ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return Found(request);
        });
        using var client = handler.Client();
        using var cancel = new CancellationTokenSource();

        var run = client.RunBulkAsync(new[] { "a", "b", "c" }, (c, id, ct) => c.GetSubscriptionAsync(id, ct), cancellationToken: cancel.Token).ToListAsync();
        await Eventually.True(() => handler.InFlight == 3, "the three calls are in flight");
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.AsTask());
        Assert.Equal(0, handler.InFlight);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    public void Bulk_maxConcurrency_out_of_range_is_refused(int maxConcurrency)
    {
        var handler = new ConcurrentHandler((request, _) => Task.FromResult(Found(request)));
        using var client = handler.Client();

        Assert.Throws<ArgumentOutOfRangeException>(() => client.RunBulkAsync(new[] { "a" }, (c, id, ct) => c.GetSubscriptionAsync(id, ct), maxConcurrency));
    }

    private static HttpResponseMessage Found(HttpRequestMessage request) =>
        ConcurrentHandler.Json("{\"Subscription\":" + ConcurrentHandler.Subscription(Uri.UnescapeDataString(request.RequestUri!.Segments[^1])) + "}");
}
