using System;
using System.Globalization;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Exclaimer.Reseller.Sdk.Pipeline;

/// <summary>
/// One throttle per client: every attempt of every call passes it before it is sent. It bounds the requests in flight
/// (<see cref="ResellerClientOptions.MaxConcurrentRequests"/>), and a 429 slows the whole client, not only the call that
/// got it: nothing more is sent until the pause ends (<c>Retry-After</c>, or a backoff that doubles with each 429 in a
/// row), then requests go one at a time until one is answered without a 429. So more concurrency never becomes a storm
/// of 429s: a throttling server sees one request per pause, not one per call in flight or queued.
/// </summary>
/// <remarks>
/// Both gates are <see cref="ConcurrencyLimiter"/>s (System.Threading.RateLimiting), queueing oldest first; the pause
/// is a deadline on the client's clock. A call that is not throttled pays one uncontended permit: the pause and the
/// recovery are two reads of fields that are zero.
/// </remarks>
internal sealed class CloudApiThrottle : IDisposable
{
    private static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(30);

    private readonly ConcurrencyLimiter _inFlight;
    private readonly ConcurrencyLimiter _oneAtATime;
    private readonly TimeProvider _time;
    private readonly TimeSpan _baseDelay;
    private readonly TimeSpan _maxRetryAfter;
    private readonly ILogger _log;

    // The clock's timestamp before which nothing is sent; 0 when not paused.
    private long _resumeAt;

    // 1 from a 429 until a request sent after it is answered without one.
    private int _recovering;
    private int _throttledInARow;

    public CloudApiThrottle(ClientSettings settings, ILogger log)
    {
        _time = settings.TimeProvider;
        _baseDelay = settings.BaseDelay;
        _maxRetryAfter = settings.MaxRetryAfter;
        _log = log;
        _inFlight = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = settings.MaxConcurrentRequests,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        _oneAtATime = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = 1,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>
    /// Waits until the attempt may be sent: the pause over, a permit in hand, and while recovering the one request
    /// allowed. Throws <see cref="ResellerThrottledException"/> when the pause is longer than the caller waits for
    /// (<see cref="ResellerRetryOptions.MaxRetryAfter"/>), and <see cref="TimeoutException"/> (marking the call as
    /// done trying) when it would end past the call's overall timeout: both at once, rather than after sleeping.
    /// </summary>
    public ValueTask<Permit> EnterAsync(CloudApiCall call, CancellationToken cancellationToken)
    {
        // The path of nearly every call: not throttled, a permit free.
        if (Volatile.Read(ref _resumeAt) == 0 && Volatile.Read(ref _recovering) == 0)
        {
            var lease = _inFlight.AttemptAcquire();
            if (lease.IsAcquired)
            {
                return new ValueTask<Permit>(new Permit(lease, null));
            }

            lease.Dispose();
        }

        return EnterSlowlyAsync(call, cancellationToken);
    }

    /// <summary>Reports how the attempt went, and releases its permit.</summary>
    /// <param name="permit">The attempt's permit.</param>
    /// <param name="status">The HTTP status answered, or 0 when there was no answer (a connection error, a timeout, cancelled).</param>
    /// <param name="retryAfter">The answer's <c>Retry-After</c>.</param>
    /// <param name="call">The call, for the log.</param>
    public void Answered(Permit permit, int status, TimeSpan? retryAfter, CloudApiCall call)
    {
        try
        {
            if (status == 429)
            {
                Throttled(retryAfter, call);
            }
            else if (status != 0 && permit.IsProbe)
            {
                // A request sent after the pause got through: the client is no longer throttled.
                Volatile.Write(ref _throttledInARow, 0);
                Volatile.Write(ref _recovering, 0);
            }
        }
        finally
        {
            permit.Release();
        }
    }

    public void Dispose()
    {
        _inFlight.Dispose();
        _oneAtATime.Dispose();
    }

    private void Throttled(TimeSpan? retryAfter, CloudApiCall call)
    {
        var inARow = Interlocked.Increment(ref _throttledInARow);
        var pause = retryAfter ?? Backoff(inARow);
        var until = _time.GetTimestamp() + Ticks(pause);
        long current;
        do
        {
            current = Volatile.Read(ref _resumeAt);
            if (current >= until)
            {
                break;
            }
        }
        while (Interlocked.CompareExchange(ref _resumeAt, until, current) != current);

        Volatile.Write(ref _recovering, 1);
        ClientLog.ClientThrottled(_log, call.Request.Method.Method, call.Request.Path, (long)pause.TotalMilliseconds, inARow);
    }

    /// <summary>Without <c>Retry-After</c>: the base delay, doubled with each 429 in a row, at most 30 seconds.</summary>
    private TimeSpan Backoff(int inARow)
    {
        var factor = Math.Pow(2, Math.Min(inARow - 1, 16));
        var ticks = Math.Min(_baseDelay.Ticks * factor, MaxPause.Ticks);
        return TimeSpan.FromTicks((long)Math.Max(0, ticks));
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * _time.TimestampFrequency);

    private async ValueTask<Permit> EnterSlowlyAsync(CloudApiCall call, CancellationToken cancellationToken)
    {
        while (true)
        {
            await WaitOutPauseAsync(call, cancellationToken).ConfigureAwait(false);

            RateLimitLease? probe = null;
            if (Volatile.Read(ref _recovering) != 0)
            {
                probe = await AcquireAsync(_oneAtATime, call, cancellationToken).ConfigureAwait(false);
                if (IsPaused() || Volatile.Read(ref _recovering) == 0)
                {
                    // Paused again by the request before this one, or recovered while waiting: look again.
                    probe.Dispose();
                    probe = null;
                    if (IsPaused())
                    {
                        continue;
                    }
                }
            }

            RateLimitLease lease;
            try
            {
                lease = await AcquireAsync(_inFlight, call, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                probe?.Dispose();
                throw;
            }

            if (IsPaused() || (probe is null && Volatile.Read(ref _recovering) != 0))
            {
                // A 429 arrived while this one waited for a permit (often the answer that freed it).
                lease.Dispose();
                probe?.Dispose();
                continue;
            }

            return new Permit(lease, probe);
        }
    }

    private bool IsPaused()
    {
        var until = Volatile.Read(ref _resumeAt);
        if (until == 0)
        {
            return false;
        }

        if (_time.GetTimestamp() < until)
        {
            return true;
        }

        // Over: clear it, unless another 429 moved it meanwhile.
        Interlocked.CompareExchange(ref _resumeAt, 0, until);
        return false;
    }

    private async ValueTask WaitOutPauseAsync(CloudApiCall call, CancellationToken cancellationToken)
    {
        while (true)
        {
            var until = Volatile.Read(ref _resumeAt);
            var now = _time.GetTimestamp();
            if (until == 0 || now >= until)
            {
                if (until != 0)
                {
                    Interlocked.CompareExchange(ref _resumeAt, 0, until);
                }

                return;
            }

            var left = TimeSpan.FromSeconds((until - now) / (double)_time.TimestampFrequency);
            if (left > _maxRetryAfter)
            {
                // The server asked this client to wait longer than the caller waits for: fail now, as the call that got the 429 did.
                call.NoMoreAttempts = true;
                throw new ResellerThrottledException(
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "The Cloud API asked this client to wait {0:0} seconds before sending more (HTTP 429 on another call), longer than Retry.MaxRetryAfter allows; nothing was sent for {1} {2}.",
                        Math.Ceiling(left.TotalSeconds),
                        call.Request.Method.Method,
                        call.Request.Path),
                    left,
                    call.Request.SubscriptionId);
            }

            if (call.Remaining is { } remaining && left >= remaining)
            {
                call.NoMoreAttempts = true;
                throw new TimeoutException(string.Format(
                    CultureInfo.InvariantCulture,
                    "The client is paused for {0:0} ms after a 429, longer than the {1:0} ms left of the overall timeout.",
                    left.TotalMilliseconds,
                    Math.Max(0, remaining.TotalMilliseconds)));
            }

            await Delay(left, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task Delay(TimeSpan wait, CancellationToken cancellationToken) =>
#if NET
        Task.Delay(wait, _time, cancellationToken);
#else
        _time.Delay(wait, cancellationToken);
#endif

    /// <summary>A permit from <paramref name="limiter"/>, queued oldest first; a queued wait ends with the call's overall timeout.</summary>
    private async ValueTask<RateLimitLease> AcquireAsync(ConcurrencyLimiter limiter, CloudApiCall call, CancellationToken cancellationToken)
    {
        var lease = limiter.AttemptAcquire();
        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        using var deadline = call.Remaining is { } remaining
            ? CreateTimer(remaining > TimeSpan.Zero ? remaining : TimeSpan.FromTicks(1))
            : null;
        using var linked = deadline is null ? null : CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        try
        {
            lease = await limiter.AcquireAsync(1, linked?.Token ?? cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && deadline is { IsCancellationRequested: true })
        {
            call.NoMoreAttempts = true;
            throw new TimeoutException("The overall timeout passed while the call waited for one of the client's requests in flight to finish (MaxConcurrentRequests).");
        }

        if (!lease.IsAcquired)
        {
            // Only a disposed limiter refuses a queued request: the client was disposed.
            lease.Dispose();
            throw new ObjectDisposedException(nameof(ResellerClient));
        }

        return lease;
    }

    private CancellationTokenSource CreateTimer(TimeSpan delay) =>
#if NET
        new(delay, _time);
#else
        _time.CreateCancellationTokenSource(delay);
#endif

    /// <summary>The right to send one attempt; released once it is answered.</summary>
    internal readonly struct Permit
    {
        private readonly RateLimitLease? _lease;
        private readonly RateLimitLease? _probe;

        public Permit(RateLimitLease lease, RateLimitLease? probe)
        {
            _lease = lease;
            _probe = probe;
        }

        /// <summary>Whether this attempt is the one request let through after a pause.</summary>
        public bool IsProbe => _probe is not null;

        public void Release()
        {
            _lease?.Dispose();
            _probe?.Dispose();
        }
    }
}
