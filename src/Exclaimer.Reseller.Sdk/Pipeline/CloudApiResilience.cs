using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Exclaimer.Reseller.Sdk.Pipeline;

/// <summary>
/// The retry pipeline (Polly v8): jittered exponential backoff that honours <c>Retry-After</c> up to a cap. Only
/// transient failures are retried: 408, 429, 5xx, a connection error or an attempt that timed out. Every call is
/// safe to retry because the transport makes it so (client-generated ids on creates and user adds).
/// </summary>
/// <remarks>
/// Each attempt carries its own timeout (<see cref="CloudApiCall.AttemptBudget"/>, a timer from the settings'
/// <see cref="TimeProvider"/> inside the attempt, so it covers the body too). The overall timeout is a deadline
/// rather than a second timer: each attempt's timeout is cut to what is left of it, and a retry whose wait would end
/// past it is not made; the call fails with a timeout at once. A call that succeeds at once, nearly every call,
/// never enters the pipeline: it costs one timer and no extra async layer (docs/benchmarks.md).
/// </remarks>
internal static class CloudApiResilience
{
    public static readonly ResiliencePropertyKey<CloudApiCall> CallKey = new("Exclaimer.Reseller.CloudApi.Call");

    /// <summary>
    /// The pipeline that takes over from a transient first failure, or <see langword="null"/> when retries are off.
    /// The first attempt is made outside it (<see cref="CloudApiConnection"/>), and its outcome is the pipeline's first.
    /// </summary>
    public static ResiliencePipeline<CloudApiReply>? BuildRetrying(ClientSettings settings, ILogger log)
    {
        if (settings.MaxRetries == 0)
        {
            return null;
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
            ShouldHandle = args => new ValueTask<bool>(IsTransient(
                args.Outcome,
                args.Context.Properties.GetValue(CallKey, null!),
                maxRetryAfter,
                args.Context.CancellationToken)),

            // The service's Retry-After wins over the backoff; ShouldHandle already refused waits above the cap.
            DelayGenerator = args => new ValueTask<TimeSpan?>(args.Outcome.Result?.RetryAfter),
            OnRetry = args =>
            {
                var call = args.Context.Properties.GetValue(CallKey, null!);
                if (call.Remaining is { } left && args.RetryDelay >= left)
                {
                    // Waiting would outlast the overall timeout: fail now rather than sleep into it.
                    throw new TimeoutException(string.Format(
                        CultureInfo.InvariantCulture,
                        "The overall timeout leaves {0:0} ms, less than the {1:0} ms wait before retry {2}.",
                        Math.Max(0, left.TotalMilliseconds),
                        args.RetryDelay.TotalMilliseconds,
                        args.AttemptNumber + 1));
                }

                ClientLog.Retrying(
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
        return retrying.Build();
    }

    /// <summary>Whether an outcome is worth another attempt: 408, 429, 5xx, a connection error or a timed-out attempt.</summary>
    public static bool IsTransient(Outcome<CloudApiReply> outcome, CloudApiCall call, TimeSpan maxRetryAfter, CancellationToken cancellationToken)
    {
        if (call.IsOutOfTime || call.NoMoreAttempts)
        {
            return false;
        }

        if (outcome.Exception is { } exception)
        {
            return exception switch
            {
                HttpRequestException or IOException or TimeoutException => true,

                // An injected HttpClient's own Timeout: cancelled, but not by the caller.
                OperationCanceledException => !cancellationToken.IsCancellationRequested,
                _ => false,
            };
        }

        var reply = outcome.Result!;
        if (reply.EmulatorFault is not null)
        {
            // The emulator's store failed (corrupt, read-only, full, locked): trying again changes nothing.
            return false;
        }

        if (reply.RetryAfter is { } wait && wait > maxRetryAfter)
        {
            // Waiting less than asked would not honour Retry-After; fail now and let the caller schedule it.
            return false;
        }

        return reply.Status is 408 or 429 or >= 500;
    }

    private static string Reason(Outcome<CloudApiReply> outcome) =>
        outcome.Exception is { } exception
            ? exception switch
            {
                TimeoutException => "attempt timed out",
                OperationCanceledException => "HttpClient.Timeout passed",
                _ => exception.GetType().Name,
            }
            : "HTTP " + outcome.Result!.Status;
}
