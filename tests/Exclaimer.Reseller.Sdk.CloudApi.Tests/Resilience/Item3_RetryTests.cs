using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Time.Testing;

namespace Exclaimer.Reseller.Sdk.CloudApi.Tests.Resilience;

/// <summary>Issue item 3: transient failures are retried with backoff, Retry-After is honoured up to a cap, and retries can be turned off.</summary>
public sealed class Item3_RetryTests : IDisposable
{
    private readonly FakeCloudApi _api = new();

    public Item3_RetryTests() => _api.Add("contoso");

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task Item3_a_429_with_Retry_After_is_waited_out_then_the_call_succeeds()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        using var sdk = new CloudApiClient(_api, o =>
        {
            o.TimeProvider = clock;
            o.Retry.AttemptTimeout = TimeSpan.Zero;
            o.Retry.OverallTimeout = TimeSpan.Zero;
        });
        _api.Inject(new Fault { Method = "GET", PathEndsWith = "/subscriptions/contoso", Status = 429, Headers = new Dictionary<string, string> { ["Retry-After"] = "30" } });

        var call = sdk.Client.GetSubscriptionAsync("contoso");
        await Eventually.True(() => sdk.Logs.Lines.Any(l => l.Contains("retry 1 of 3 in 30000 ms", StringComparison.Ordinal)), "the retry is scheduled");

        // Advance the clock a second at a time: the retry must not go out before 30 s have passed on it. (The delay's
        // timer may be registered a moment after the log line, so a single jump of 30 s could race it.)
        var waited = TimeSpan.Zero;
        while (_api.Hits.Count < 2 && waited < TimeSpan.FromSeconds(90))
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            waited += TimeSpan.FromSeconds(1);
            await Task.Delay(10);
        }

        var subscription = await call;
        Assert.True(waited >= TimeSpan.FromSeconds(30), $"the retry went out after {waited.TotalSeconds} s of the 30 s Retry-After");
        Assert.Equal("contoso", subscription.SubscriptionId);
        Assert.Equal(2, _api.Hits.Count);
    }

    [Fact]
    public async Task Item3_a_Retry_After_above_the_cap_fails_at_once_with_the_delay_the_service_asked_for()
    {
        using var sdk = new CloudApiClient(_api, o => o.Retry.MaxRetryAfter = TimeSpan.FromSeconds(10));
        _api.Inject(new Fault { Method = "GET", PathEndsWith = "/subscriptions/contoso", Status = 429, Headers = new Dictionary<string, string> { ["Retry-After"] = "120" } });

        var error = await Assert.ThrowsAsync<ResellerThrottledException>(() => sdk.Client.GetSubscriptionAsync("contoso"));

        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
        Assert.Equal(429, error.Status);
        Assert.Single(_api.Hits);
    }

    [Fact]
    public async Task Item3_throttling_that_outlasts_the_retries_is_a_ResellerThrottledException()
    {
        using var sdk = new CloudApiClient(_api);
        _api.Inject(new Fault { Method = "GET", PathEndsWith = "/subscriptions/contoso", Status = 429, Times = 10 });

        var error = await Assert.ThrowsAsync<ResellerThrottledException>(() => sdk.Client.GetSubscriptionAsync("contoso"));

        Assert.Null(error.RetryAfter);
        Assert.Equal(4, _api.Hits.Count);
    }

    [Fact]
    public async Task Item3_a_500_then_a_503_then_success_returns_the_result()
    {
        using var sdk = new CloudApiClient(_api);
        _api.Inject(new Fault { Method = "GET", PathEndsWith = "/subscriptions/contoso", Status = 500 });
        _api.Inject(new Fault { Method = "GET", PathEndsWith = "/subscriptions/contoso", Status = 503 });

        var subscription = await sdk.Client.GetSubscriptionAsync("contoso");

        Assert.Equal("contoso", subscription.SubscriptionId);
        Assert.Equal(3, _api.Hits.Count);
        Assert.Equal(2, sdk.Logs.Lines.Count(l => l.Contains("failed transiently (HTTP 50", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Item3_a_408_is_retried()
    {
        using var sdk = new CloudApiClient(_api);
        _api.Inject(new Fault { Method = "GET", PathEndsWith = "/subscriptions/contoso", Status = 408 });

        await sdk.Client.GetSubscriptionAsync("contoso");

        Assert.Equal(2, _api.Hits.Count);
    }

    [Fact]
    public async Task Item3_a_dropped_connection_is_retried()
    {
        using var sdk = new CloudApiClient(_api);
        _api.Inject(new Fault { Method = "GET", PathEndsWith = "/subscriptions/contoso", DropBeforeProcessing = true });

        var subscription = await sdk.Client.GetSubscriptionAsync("contoso");

        Assert.Equal("contoso", subscription.SubscriptionId);
        Assert.Equal(2, _api.Hits.Count);
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task Item3_connection_failures_that_outlast_the_retries_are_a_ConnectionFailed_error()
    {
        using var sdk = new CloudApiClient(_api, o => o.Retry.MaxRetries = 2);
        _api.Inject(new Fault { Method = "GET", PathEndsWith = "/subscriptions/contoso", DropBeforeProcessing = true, Times = 3 });

        var error = await Assert.ThrowsAsync<ResellerException>(() => sdk.Client.GetSubscriptionAsync("contoso"));

        Assert.Equal("ConnectionFailed", error.ErrorCode);
        Assert.Equal(0, error.Status);
        Assert.Equal("contoso", error.Target);
        Assert.Equal(3, _api.Hits.Count);
    }

    [Fact]
    public async Task Item3_retries_can_be_turned_off()
    {
        using var sdk = new CloudApiClient(_api, o => o.Retry.MaxRetries = 0);
        _api.Inject(new Fault { Method = "GET", PathEndsWith = "/subscriptions/contoso", Status = 503 });

        var error = await Assert.ThrowsAsync<ResellerException>(() => sdk.Client.GetSubscriptionAsync("contoso"));

        Assert.Equal(503, error.Status);
        Assert.Equal("ServiceUnavailable", error.ErrorCode);
        Assert.Single(_api.Hits);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(415)]
    public async Task Item3_client_errors_are_not_retried(int status)
    {
        using var sdk = new CloudApiClient(_api);
        _api.Inject(new Fault { Method = "GET", PathEndsWith = "/subscriptions/contoso", Status = status, Body = "{}" });

        var error = await Assert.ThrowsAnyAsync<ResellerException>(() => sdk.Client.GetSubscriptionAsync("contoso"));

        Assert.Equal(status, error.Status);
        Assert.Single(_api.Hits);
    }
}
