using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;

namespace Exclaimer.Reseller.Sdk.CloudApi.Tests.Resilience;

/// <summary>Issue item 3: a per-attempt timeout, an overall timeout, and cancellation honoured at once.</summary>
public sealed class Item3_TimeoutAndCancellationTests : IDisposable
{
    private readonly FakeCloudApi _api = new();

    public Item3_TimeoutAndCancellationTests() => _api.Add("contoso");

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task Item3_a_response_slower_than_the_attempt_timeout_is_abandoned_and_retried()
    {
        using var sdk = new CloudApiClient(_api, o => o.Retry.AttemptTimeout = TimeSpan.FromMilliseconds(300));
        _api.Inject(new Fault { Method = "GET", PathEndsWith = "/subscriptions/contoso", Delay = TimeSpan.FromSeconds(20) });
        var clock = Stopwatch.StartNew();

        var subscription = await sdk.Client.GetSubscriptionAsync("contoso");

        Assert.Equal("contoso", subscription.SubscriptionId);
        Assert.Equal(2, _api.Hits.Count);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Contains(sdk.Logs.Lines, l => l.Contains("attempt timed out", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Item3_the_attempt_timeout_runs_on_the_options_TimeProvider()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        using var sdk = new CloudApiClient(_api, o =>
        {
            o.TimeProvider = clock;
            o.Retry.AttemptTimeout = TimeSpan.FromSeconds(30);
            o.Retry.OverallTimeout = TimeSpan.Zero;
        });
        _api.Inject(new Fault { Method = "GET", PathEndsWith = "/subscriptions/contoso", Delay = TimeSpan.FromSeconds(20) });

        var call = sdk.Client.GetSubscriptionAsync("contoso");
        await Eventually.True(() => _api.Hits.Count == 1, "the first attempt is in flight");

        // Real time barely moves; the attempt is abandoned only once 30 s have passed on the options' clock.
        clock.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(100);
        Assert.False(call.IsCompleted);
        Assert.Single(_api.Hits);

        // Past the timeout, then through the retry's backoff, a second at a time.
        var waited = TimeSpan.Zero;
        while (!call.IsCompleted && waited < TimeSpan.FromSeconds(90))
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            waited += TimeSpan.FromSeconds(1);
            await Task.Delay(10);
        }

        var subscription = await call;
        Assert.Equal("contoso", subscription.SubscriptionId);
        Assert.Equal(2, _api.Hits.Count);
        Assert.Contains(sdk.Logs.Lines, l => l.Contains("attempt timed out", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Item3_calls_after_successful_ones_still_time_out_on_their_own_attempt_timeout()
    {
        using var sdk = new CloudApiClient(_api, o => o.Retry.AttemptTimeout = TimeSpan.FromMilliseconds(300));

        // Successful calls leave their unfired timers to be reused by the next attempts.
        for (var i = 0; i < 3; i++)
        {
            await sdk.Client.GetSubscriptionAsync("contoso");
        }

        _api.Inject(new Fault { Method = "GET", PathEndsWith = "/subscriptions/contoso", Delay = TimeSpan.FromSeconds(20) });
        var clock = Stopwatch.StartNew();

        var subscription = await sdk.Client.GetSubscriptionAsync("contoso");

        Assert.Equal("contoso", subscription.SubscriptionId);
        Assert.Equal(5, _api.Hits.Count);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Contains(sdk.Logs.Lines, l => l.Contains("attempt timed out", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Item3_attempts_that_all_time_out_end_in_a_Timeout_error()
    {
        using var sdk = new CloudApiClient(_api, o =>
        {
            o.Retry.AttemptTimeout = TimeSpan.FromMilliseconds(100);
            o.Retry.MaxRetries = 1;
        });
        _api.Inject(new Fault { Method = "GET", PathEndsWith = "/subscriptions/contoso", Delay = TimeSpan.FromSeconds(20), Times = 2 });

        var error = await Assert.ThrowsAsync<ResellerException>(() => sdk.Client.GetSubscriptionAsync("contoso"));

        Assert.Equal("Timeout", error.ErrorCode);
        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.Equal(2, _api.Hits.Count);
    }

    [Fact]
    public async Task Item3_the_overall_timeout_bounds_the_whole_call()
    {
        using var sdk = new CloudApiClient(_api, o =>
        {
            o.Retry.AttemptTimeout = TimeSpan.FromSeconds(30);

            // Long enough for the request to reach a cold server on a busy machine; far shorter than the 60 s delay.
            o.Retry.OverallTimeout = TimeSpan.FromSeconds(2);
        });
        _api.Inject(new Fault { Method = "GET", PathEndsWith = "/subscriptions/contoso", Delay = TimeSpan.FromSeconds(60) });
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<ResellerException>(() => sdk.Client.GetSubscriptionAsync("contoso"));

        Assert.Equal("Timeout", error.ErrorCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.Single(_api.Hits);
    }

    [Fact]
    public async Task Item3_a_retry_whose_wait_would_outlast_the_overall_timeout_is_not_made()
    {
        using var sdk = new CloudApiClient(_api, o => o.Retry.OverallTimeout = TimeSpan.FromSeconds(20));
        _api.Inject(new Fault
        {
            Method = "GET",
            PathEndsWith = "/subscriptions/contoso",
            Status = 503,
            Headers = new System.Collections.Generic.Dictionary<string, string> { ["Retry-After"] = "30" },
        });
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<ResellerException>(() => sdk.Client.GetSubscriptionAsync("contoso"));

        // Sleeping 30 s into a 20 s budget would only end in the same timeout, later.
        Assert.Equal("Timeout", error.ErrorCode);
        Assert.Contains("less than the 30000 ms wait before retry 1", error.InnerException!.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Single(_api.Hits);
    }

    [Fact]
    public async Task Item3_cancellation_during_a_slow_response_is_honoured_at_once()
    {
        using var sdk = new CloudApiClient(_api);
        _api.Inject(new Fault { Method = "GET", PathEndsWith = "/subscriptions/contoso", Delay = TimeSpan.FromSeconds(20) });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sdk.Client.GetSubscriptionAsync("contoso", cancel.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
        Assert.Single(_api.Hits);
    }

    [Fact]
    public async Task Item3_cancellation_during_a_retry_delay_is_honoured_at_once()
    {
        using var sdk = new CloudApiClient(_api, o => o.Retry.OverallTimeout = TimeSpan.FromMinutes(2));
        _api.Inject(new Fault
        {
            Method = "GET",
            PathEndsWith = "/subscriptions/contoso",
            Status = 503,
            Headers = new System.Collections.Generic.Dictionary<string, string> { ["Retry-After"] = "30" },
        });
        using var cancel = new CancellationTokenSource();
        var call = sdk.Client.GetSubscriptionAsync("contoso", cancel.Token);

        // Cancel once the call is waiting out the 30 s Retry-After, however long the first attempt took to arrive.
        await Eventually.True(() => sdk.Logs.Lines.Any(l => l.Contains("retry 1 of 3", StringComparison.Ordinal)), "the retry is scheduled");
        var clock = Stopwatch.StartNew();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
        Assert.Single(_api.Hits);
    }

    [Fact]
    public async Task Item3_a_listing_cancelled_between_pages_fetches_nothing_more()
    {
        for (var i = 0; i < 6; i++)
        {
            _api.Add("more-" + i);
        }

        using var sdk = new CloudApiClient(_api, pageSize: 2);
        using var cancel = new CancellationTokenSource();
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var subscription in sdk.Client.GetSubscriptionsAsync(cancellationToken: cancel.Token))
            {
                seen++;
                cancel.Cancel();
            }
        });

        // Items of the page already fetched may still be handed out; no further page is requested.
        Assert.InRange(seen, 1, 2);
        Assert.Single(_api.Hits);
    }
}
