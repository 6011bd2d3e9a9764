using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using Exclaimer.Reseller.Sdk.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Exclaimer.Reseller.Sdk.CloudApi.Tests.Resilience;

/// <summary>
/// Bulk work, one throttle per client: a 429 (with or without Retry-After) slows every in-flight and queued call of the
/// client, not only the one that got it; then one request at a time until one gets through, so more concurrency never
/// becomes a storm of 429s. MaxConcurrentRequests bounds the requests in flight.
/// </summary>
public sealed class Bulk_OneThrottlePerClientTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private readonly CapturingLoggerFactory _logs = new();

    public void Dispose() => _logs.Dispose();

    [Fact]
    public async Task Bulk_a_429_with_Retry_After_pauses_every_call_of_the_client_until_it_has_passed()
    {
        var answered = 0;
        var handler = new ConcurrentHandler((request, _) => Task.FromResult(Interlocked.Increment(ref answered) == 1
            ? Throttled(retryAfterSeconds: 10)
            : Subscription(request)));
        using var client = handler.Client(Clocked);

        var first = client.GetSubscriptionAsync("a");
        await Eventually.True(() => _logs.Lines.Any(l => l.Contains("was throttled", StringComparison.Ordinal)), "the 429 is seen");
        var others = new[] { client.GetSubscriptionAsync("b"), client.GetSubscriptionAsync("c") };
        await Task.Delay(100);
        Assert.Single(handler.Requests);

        await AdvanceAsync(TimeSpan.FromSeconds(9));
        Assert.Single(handler.Requests);

        await AdvanceAsync(TimeSpan.FromSeconds(1));
        var all = await Task.WhenAll(others.Prepend(first));

        Assert.Equal(new[] { "a", "b", "c" }, all.Select(s => s.SubscriptionId));
        Assert.Equal(4, handler.Requests.Count);
    }

    [Fact]
    public async Task Bulk_a_429_without_Retry_After_pauses_every_call_for_the_backoff()
    {
        var answered = 0;
        var handler = new ConcurrentHandler((request, _) => Task.FromResult(Interlocked.Increment(ref answered) == 1 ? Throttled(null) : Subscription(request)));
        using var client = handler.Client(o =>
        {
            Clocked(o);
            o.Retry.BaseDelay = TimeSpan.FromSeconds(4);
        });

        var first = client.GetSubscriptionAsync("a");
        await Eventually.True(() => _logs.Lines.Any(l => l.Contains("sends nothing for 4000 ms", StringComparison.Ordinal)), "the pause is the backoff");
        var second = client.GetSubscriptionAsync("b");
        await AdvanceAsync(TimeSpan.FromSeconds(3));
        Assert.Single(handler.Requests);

        // The first call's own jittered retry may wait longer than the pause; the second goes once the pause ends.
        await AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Equal("b", (await second).SubscriptionId);
        for (var i = 0; i < 60 && !first.IsCompleted; i++)
        {
            await AdvanceAsync(TimeSpan.FromSeconds(1));
        }

        Assert.Equal("a", (await first).SubscriptionId);
    }

    [Fact]
    public async Task Bulk_after_the_pause_one_request_goes_first_and_the_rest_follow_once_it_gets_through()
    {
        var answered = 0;
        var probe = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new ConcurrentHandler(async (request, _) =>
        {
            var n = Interlocked.Increment(ref answered);
            if (n == 1)
            {
                return Throttled(retryAfterSeconds: 5);
            }

            if (n == 2)
            {
                await probe.Task;
            }

            return Subscription(request);
        });
        using var client = handler.Client(Clocked);

        var first = client.GetSubscriptionAsync("a");
        await Eventually.True(() => _logs.Lines.Any(l => l.Contains("was throttled", StringComparison.Ordinal)), "the 429 is seen");
        var others = Enumerable.Range(0, 5).Select(i => client.GetSubscriptionAsync("s" + i)).ToArray();
        await AdvanceAsync(TimeSpan.FromSeconds(5));
        await Eventually.True(() => handler.Requests.Count == 2, "one request goes after the pause");
        await Task.Delay(100);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(1, handler.InFlight);

        probe.SetResult(true);
        await Task.WhenAll(others.Prepend(first));
        Assert.Equal(7, handler.Requests.Count);
    }

    [Fact]
    public async Task Bulk_while_the_server_throttles_the_client_sends_one_request_per_pause_not_one_per_call()
    {
        var throttling = true;
        var handler = new ConcurrentHandler((request, _) => Task.FromResult(Volatile.Read(ref throttling) ? Throttled(retryAfterSeconds: 5) : Subscription(request)));
        using var client = handler.Client(o =>
        {
            Clocked(o);
            o.Retry.MaxRetries = 10;
        });

        var calls = Enumerable.Range(0, 8).Select(i => client.GetSubscriptionAsync("s" + i)).ToArray();
        await Task.Delay(200);
        var before = handler.Requests.Count;
        for (var pause = 1; pause <= 3; pause++)
        {
            await AdvanceAsync(TimeSpan.FromSeconds(5));
            await Eventually.True(() => handler.Requests.Count == before + pause, $"pause {pause} lets one request through");
            await Task.Delay(50);
            Assert.Equal(before + pause, handler.Requests.Count);
        }

        Volatile.Write(ref throttling, false);
        await AdvanceAsync(TimeSpan.FromSeconds(5));
        await Task.WhenAll(calls);

        // 8 calls over 4 pauses: the 429s are the ones sent before the first came back, and one per pause.
        Assert.InRange(handler.Requests.Count, before + 4, before + 4 + 8);
        Assert.True(before <= 8);
    }

    [Fact]
    public async Task Bulk_a_pause_longer_than_MaxRetryAfter_fails_the_other_calls_at_once_without_sending()
    {
        var answered = 0;
        var handler = new ConcurrentHandler((request, _) => Task.FromResult(Interlocked.Increment(ref answered) == 1 ? Throttled(retryAfterSeconds: 600) : Subscription(request)));
        using var client = handler.Client(o =>
        {
            Clocked(o);
            o.Retry.MaxRetries = 3;
        });

        var first = await Assert.ThrowsAsync<ResellerThrottledException>(() => client.GetSubscriptionAsync("a"));
        var second = await Assert.ThrowsAsync<ResellerThrottledException>(() => client.GetSubscriptionAsync("b"));

        Assert.Equal(TimeSpan.FromSeconds(600), first.RetryAfter);
        Assert.InRange(second.RetryAfter!.Value, TimeSpan.FromSeconds(599), TimeSpan.FromSeconds(600));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Bulk_MaxConcurrentRequests_bounds_the_requests_in_flight_over_all_calls()
    {
        var handler = new ConcurrentHandler(async (request, ct) =>
        {
            await Task.Delay(30, ct);
            return Subscription(request);
        });
        using var client = handler.Client(o => o.MaxConcurrentRequests = 3);

        var all = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => client.GetSubscriptionAsync("s" + i)));

        Assert.Equal(12, all.Length);
        Assert.InRange(handler.MaxInFlight, 2, 3);
    }

    [Theory]
    [InlineData(nameof(ResellerClientOptions.PageConcurrency), 0)]
    [InlineData(nameof(ResellerClientOptions.PageConcurrency), 17)]
    [InlineData(nameof(ResellerClientOptions.MaxConcurrentRequests), 0)]
    [InlineData(nameof(ResellerClientOptions.MaxConcurrentRequests), 257)]
    public void Bulk_concurrency_options_out_of_range_are_refused_naming_the_option(string option, int value)
    {
        var options = new ResellerClientOptions { ApiToken = "token" };
        typeof(ResellerClientOptions).GetProperty(option)!.SetValue(options, value);

        var error = Assert.Throws<ArgumentException>(() => new ResellerClient(options));

        Assert.Contains("ResellerClientOptions." + option, error.Message, StringComparison.Ordinal);
    }

    private static HttpResponseMessage Throttled(int? retryAfterSeconds)
    {
        var response = ConcurrentHandler.Json("{\"Message\":\"Too many requests\"}", HttpStatusCode.TooManyRequests);
        if (retryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        }

        return response;
    }

    private static HttpResponseMessage Subscription(HttpRequestMessage request) =>
        ConcurrentHandler.Json("{\"Subscription\":" + ConcurrentHandler.Subscription(request.RequestUri!.Segments[^1]) + "}");

    private void Clocked(ResellerClientOptions options)
    {
        options.TimeProvider = _clock;
        options.LoggerFactory = _logs;
        options.Retry.MaxRetries = 3;
        options.Retry.AttemptTimeout = TimeSpan.Zero;
        options.Retry.OverallTimeout = TimeSpan.Zero;
    }

    /// <summary>Moves the fake clock a second at a time, so timers registered a moment late still fire in order.</summary>
    private async Task AdvanceAsync(TimeSpan by)
    {
        for (var moved = TimeSpan.Zero; moved < by; moved += TimeSpan.FromSeconds(1))
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }
    }
}
