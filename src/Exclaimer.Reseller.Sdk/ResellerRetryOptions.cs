using System;

namespace Exclaimer.Reseller.Sdk;

/// <summary>
/// How hard a <see cref="ResellerClient"/> tries: retries of transient failures (408, 429, 5xx, a connection error,
/// an attempt that timed out) with jittered exponential backoff that honours <c>Retry-After</c>, a timeout per attempt
/// and one for the whole call.
/// </summary>
public sealed class ResellerRetryOptions
{
    /// <summary>How many times a call that failed transiently is retried. 0 turns retries off. Default 3; at most 10.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's median delay; each further retry roughly doubles it. Default 1 second.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest <c>Retry-After</c> the client waits for. When the server asks for a longer wait, the call fails at once
    /// with <see cref="ResellerThrottledException"/> carrying the requested delay. Default 60 seconds.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long one attempt (request and response body) may take before it is abandoned and retried. Default 30
    /// seconds; <see cref="TimeSpan.Zero"/> or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long one call may take across all its attempts and retry delays. Default 2 minutes;
    /// <see cref="TimeSpan.Zero"/> or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none. Each attempt's
    /// timeout is cut to what is left of it, and a retry whose wait would end past it is not made: the call fails with
    /// the <c>Timeout</c> error at once instead of sleeping into it.
    /// </summary>
    public TimeSpan OverallTimeout { get; set; } = TimeSpan.FromMinutes(2);
}
