using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Exclaimer.Reseller.Sdk.CloudApi.Http;

/// <summary>
/// The resilience pipeline around every call (Polly v8): an overall timeout, then retries with jittered
/// exponential backoff that honour <c>Retry-After</c> up to a cap, then a per-attempt timeout. Only transient
/// failures are retried: 408, 429, 5xx, a connection error or an attempt that timed out. Every call is safe to
/// retry because the transport makes it so (client-generated ids on creates and user adds).
/// </summary>
internal static class CloudApiResilience
{
    public static readonly ResiliencePropertyKey<CloudApiRequest> RequestKey = new("Exclaimer.Reseller.CloudApi.Request");

    public static ResiliencePipeline<CloudApiReply> Build(CloudApiSettings settings, ILogger log)
    {
        var builder = new ResiliencePipelineBuilder<CloudApiReply> { TimeProvider = settings.TimeProvider };
        if (settings.OverallTimeout is { } overall)
        {
            builder.AddTimeout(new TimeoutStrategyOptions { Timeout = overall, Name = "OverallTimeout" });
        }

        if (settings.MaxRetries > 0)
        {
            var maxRetryAfter = settings.MaxRetryAfter;
            var maxRetries = settings.MaxRetries;
            builder.AddRetry(new RetryStrategyOptions<CloudApiReply>
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
                    if (args.Context.Properties.TryGetValue(RequestKey, out var request))
                    {
                        CloudApiLog.Retrying(
                            log,
                            request.Method.Method,
                            request.Path,
                            Reason(args.Outcome),
                            args.AttemptNumber + 1,
                            maxRetries,
                            (long)args.RetryDelay.TotalMilliseconds);
                    }

                    return default;
                },
            });
        }

        if (settings.AttemptTimeout is { } attempt)
        {
            builder.AddTimeout(new TimeoutStrategyOptions { Timeout = attempt, Name = "AttemptTimeout" });
        }

        return builder.Build();
    }

    private static bool IsTransient(Outcome<CloudApiReply> outcome, ResilienceContext context, TimeSpan maxRetryAfter)
    {
        if (outcome.Exception is { } exception)
        {
            return exception switch
            {
                HttpRequestException or IOException or TimeoutRejectedException => true,

                // An injected HttpClient's own Timeout: cancelled, but not by the caller or the overall timeout.
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

    private static string Reason(Outcome<CloudApiReply> outcome) =>
        outcome.Exception is { } exception
            ? exception is TimeoutRejectedException ? "attempt timed out" : exception.GetType().Name
            : "HTTP " + outcome.Result!.Status;
}
