using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Exclaimer.Reseller.Sdk.CloudApi.Http;

/// <summary>
/// The resilience pipelines around every call (Polly v8): retries with jittered exponential backoff that honour
/// <c>Retry-After</c> up to a cap, then one timeout per attempt. Only transient failures are retried: 408, 429,
/// 5xx, a connection error or an attempt that timed out. Every call is safe to retry because the transport makes
/// it so (client-generated ids on creates and user adds).
/// </summary>
/// <remarks>
/// The overall timeout is a deadline rather than a second timer: each attempt's timeout is cut to what is left of
/// it, and a retry whose wait would end past it is not made; the call fails with a timeout at once. One timer per
/// attempt instead of two keeps the pipeline's cost per call to a few microseconds (docs/benchmarks.md).
/// </remarks>
internal static class CloudApiResilience
{
    public static readonly ResiliencePropertyKey<CloudApiCall> CallKey = new("Exclaimer.Reseller.CloudApi.Call");

    /// <summary>
    /// The first attempt runs through <see cref="CloudApiPipelines.FirstAttempt"/> (the timeout alone); only a transient
    /// failure goes on to <see cref="CloudApiPipelines.Retrying"/>, which starts from that failure. A call that
    /// succeeds at once, nearly every call, so never pays for the retry machinery.
    /// </summary>
    public static CloudApiPipelines Build(CloudApiSettings settings, ILogger log)
    {
        var first = new ResiliencePipelineBuilder<CloudApiReply> { TimeProvider = settings.TimeProvider };
        AddTimeout(first, settings);
        if (settings.MaxRetries == 0)
        {
            return new CloudApiPipelines(first.Build(), null);
        }

        var maxRetryAfter = settings.MaxRetryAfter;
        var maxRetries = settings.MaxRetries;
        var retrying = new ResiliencePipelineBuilder<CloudApiReply> { TimeProvider = settings.TimeProvider };
        retrying.AddRetry(new RetryStrategyOptions<CloudApiReply>
        {
            Name = "Retry",
            MaxRetryAttempts = maxRetries,
            Delay = settings.BaseDelay,
            MaxDelay = settings.BaseDelay > TimeSpan.FromSeconds(30) ? settings.BaseDelay : TimeSpan.FromSeconds(30),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = args => new ValueTask<bool>(IsTransient(args.Outcome, args.Context, maxRetryAfter)),

            // The service's Retry-After wins over the backoff; ShouldHandle already refused waits above the cap.
            DelayGenerator = args => new ValueTask<TimeSpan?>(args.Outcome.Result?.RetryAfter),
            OnRetry = args =>
            {
                var call = args.Context.Properties.GetValue(CallKey, null!);
                if (call.Remaining is { } left && args.RetryDelay >= left)
                {
                    // Waiting would outlast the overall timeout: fail now rather than sleep into it.
                    throw new TimeoutRejectedException(string.Format(
                        CultureInfo.InvariantCulture,
                        "The overall timeout leaves {0:0} ms, less than the {1:0} ms wait before retry {2}.",
                        Math.Max(0, left.TotalMilliseconds),
                        args.RetryDelay.TotalMilliseconds,
                        args.AttemptNumber + 1));
                }

                CloudApiLog.Retrying(
                    log,
                    call.Request.Method.Method,
                    call.Request.Path,
                    Reason(args.Outcome),
                    args.AttemptNumber + 1,
                    maxRetries,
                    (long)args.RetryDelay.TotalMilliseconds);
                return default;
            },
        });
        AddTimeout(retrying, settings);
        return new CloudApiPipelines(first.Build(), retrying.Build());
    }

    /// <summary>Whether an outcome is worth another attempt: 408, 429, 5xx, a connection error or a timed-out attempt.</summary>
    public static bool IsTransient(Outcome<CloudApiReply> outcome, ResilienceContext context, TimeSpan maxRetryAfter)
    {
        if (context.Properties.GetValue(CallKey, null!).IsOutOfTime)
        {
            return false;
        }

        if (outcome.Exception is { } exception)
        {
            return exception switch
            {
                HttpRequestException or IOException or TimeoutRejectedException => true,

                // An injected HttpClient's own Timeout: cancelled, but not by the caller.
                OperationCanceledException => !context.CancellationToken.IsCancellationRequested,
                _ => false,
            };
        }

        var reply = outcome.Result!;
        if (reply.RetryAfter is { } wait && wait > maxRetryAfter)
        {
            // Waiting less than asked would not honour Retry-After; fail now and let the caller schedule it.
            return false;
        }

        return reply.Status is 408 or 429 or >= 500;
    }

    private static void AddTimeout(ResiliencePipelineBuilder<CloudApiReply> builder, CloudApiSettings settings)
    {
        if (settings.AttemptTimeout is not null || settings.OverallTimeout is not null)
        {
            builder.AddTimeout(new TimeoutStrategyOptions
            {
                Name = "Timeout",

                // Zero or infinite means no timer; an attempt with no time left is refused before it is sent.
                TimeoutGenerator = args => new ValueTask<TimeSpan>(args.Context.Properties.GetValue(CallKey, null!).AttemptBudget()),
            });
        }
    }

    private static string Reason(Outcome<CloudApiReply> outcome) =>
        outcome.Exception is { } exception
            ? exception is TimeoutRejectedException ? "attempt timed out" : exception.GetType().Name
            : "HTTP " + outcome.Result!.Status;
}
