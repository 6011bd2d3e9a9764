using System;
using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;

namespace Exclaimer.Reseller.Sdk.Pipeline;

/// <summary>
/// Carries one Cloud API call: a first attempt, then the retry pipeline if that failed transiently. Each attempt is a
/// whole exchange under its own timeout: build the request (token header, JSON body), send it, read and parse the
/// response body, dispose it; so the attempt timeout covers the body too, and a connection dropped mid-body is
/// retried like any other.
/// </summary>
internal sealed class CloudApiConnection : IDisposable
{
    private const string TokenHeader = "ExAPIToken";

    /// <summary>The header every emulator answer carries (a documented emulator extension).</summary>
    public const string EmulatorHeader = "X-Exclaimer-Emulator";
    private const string JsonMediaType = "application/json";
    private const int MaxErrorBody = 16 * 1024;
    private const int MaxBufferedBody = 256 * 1024;

    private static ReadOnlySpan<byte> Utf8Bom => new byte[] { 0xEF, 0xBB, 0xBF };

    private static readonly string[] RequestIdHeaders =
    {
        "x-request-id", "request-id", "x-ms-request-id", "x-correlation-id", "x-azure-ref", "x-amzn-requestid",
    };

    private readonly ResellerTransport _transport;
    private readonly ClientSettings _settings;
    private readonly ResiliencePipeline<CloudApiReply>? _retrying;
    private readonly ILogger _log;
    private readonly CloudApiThrottle _throttle;

    // The base address as text, ending in '/': each request's address is this plus an already escaped path, parsed
    // once, instead of a relative Uri resolved against a base (two parses and a combine per call).
    private readonly string _root;

#if NET
    // A timer that did not fire, kept for the next attempt: resetting it costs less than a new one.
    private CancellationTokenSource? _spareTimer;
#endif

    public CloudApiConnection(ClientSettings settings, ResellerTransport transport, ILogger log)
    {
        _settings = settings;
        _transport = transport;
        _log = log;
        _root = settings.BaseAddress.AbsoluteUri;
        _retrying = CloudApiResilience.BuildRetrying(settings, log);
        _throttle = new CloudApiThrottle(settings, log);
        Redactor = new SecretRedactor(settings.ApiToken);
    }

    /// <summary>Releases the throttle; calls still queued in it fail.</summary>
    public void Dispose() => _throttle.Dispose();

    /// <summary>Takes the token and secret links out of text from outside (R18).</summary>
    public SecretRedactor Redactor { get; }

    /// <summary>Sends a call and returns its final reply, success or failure; only failures without a reply throw.</summary>
    /// <exception cref="ResellerException">Timeout, connection failure or a response that is not the documented JSON.</exception>
    /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
    public Task<CloudApiReply> SendAsync(CloudApiRequest request, JsonTypeInfo? responseType, CancellationToken cancellationToken) =>
        CallAsync(request, responseType, (object?)null, static (reply, _, _) => reply, cancellationToken);

    /// <summary>Sends a call and returns its parsed body, or throws the mapped exception.</summary>
    public Task<T> GetAsync<T>(CloudApiRequest request, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
        where T : class =>
        GetAsync(request, responseType, static (body, _) => body, cancellationToken);

    /// <summary>Sends a call and returns what <paramref name="map"/> makes of its parsed body, or throws the mapped exception.</summary>
    public Task<TResult> GetAsync<T, TResult>(CloudApiRequest request, JsonTypeInfo<T> responseType, Func<T, CloudApiRequest, TResult> map, CancellationToken cancellationToken)
        where T : class =>
        CallAsync(request, responseType, map, static (reply, sent, map) => reply.IsSuccess ? map((T)reply.Value!, sent) : throw CloudApiErrors.FromReply(reply, sent), cancellationToken);

    /// <summary>Sends a call that answers without a body (204), or throws the mapped exception.</summary>
    public Task SendOrThrowAsync(CloudApiRequest request, CancellationToken cancellationToken) =>
        CallAsync(request, null, (object?)null, static (reply, sent, _) => reply.IsSuccess ? reply : throw CloudApiErrors.FromReply(reply, sent), cancellationToken);

    /// <summary>
    /// Makes a call and hands its final reply to <paramref name="finish"/>. One async method for every shape of call,
    /// mapping included: each extra await layer costs per call (docs/benchmarks.md).
    /// </summary>
    private async Task<TResult> CallAsync<TState, TResult>(
        CloudApiRequest request,
        JsonTypeInfo? responseType,
        TState state,
        Func<CloudApiReply, CloudApiRequest, TState, TResult> finish,
        CancellationToken cancellationToken)
    {
        var call = new CloudApiCall(_settings, request, responseType);
        CloudApiReply reply;
        try
        {
            // The first attempt goes straight out; only a transient failure enters the retry pipeline, which starts
            // from that failure. Failures travel as outcomes, not thrown exceptions.
            var outcome = await AttemptAsync(call, cancellationToken).ConfigureAwait(false);
            if (_retrying is not null && CloudApiResilience.IsTransient(outcome, call, _settings.MaxRetryAfter, cancellationToken))
            {
                outcome = await RetryAsync(_retrying, call, outcome, cancellationToken).ConfigureAwait(false);
            }

            outcome.ThrowIfException();
            reply = outcome.Result!;
        }
        catch (Exception ex) when (ex is TimeoutException or HttpRequestException or IOException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            if (cancellationToken.IsCancellationRequested)
            {
                // The caller gave up as the call failed: their cancellation wins, whatever raced it.
                throw new OperationCanceledException("The call was cancelled.", ex, cancellationToken);
            }

            throw ex is HttpRequestException or IOException
                ? CloudApiErrors.ConnectionFailed(request, call.Attempts, _settings.BaseAddress, ex)
                : CloudApiErrors.Timeout(request, call.Attempts, _settings, ex);
        }

        reply.Attempts = call.Attempts;
        if (!reply.IsSuccess)
        {
            ClientLog.Failed(_log, request.Method.Method, request.Path, reply.Status, call.Attempts);
        }

        return finish(reply, request, state);
    }

    /// <summary>
    /// Runs the retry pipeline from a transient first failure: its first "attempt" hands that failure back unsent, so
    /// backoff, Retry-After and the attempt count go on from it.
    /// </summary>
    private async Task<Outcome<CloudApiReply>> RetryAsync(ResiliencePipeline<CloudApiReply> retrying, CloudApiCall call, Outcome<CloudApiReply> first, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(CloudApiResilience.CallKey, call);
        call.Replay = first;
        try
        {
            return await retrying.ExecuteOutcomeAsync(
                static (ctx, state) => state.Call.TakeReplay() is { } replay
                    ? new ValueTask<Outcome<CloudApiReply>>(replay)
                    : state.Connection.AttemptAsync(state.Call, ctx.CancellationToken),
                context,
                (Connection: this, Call: call)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static async Task<Stream> ReadStreamAsync(HttpContent content, CancellationToken cancellationToken)
    {
#if NET
        return await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        cancellationToken.ThrowIfCancellationRequested();
        return await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
    }

    /// <summary>
    /// The start of a body as redacted text (R18). Bounded: an error page can be large, and only its start helps anyone;
    /// one byte past the limit tells whether it was cut, so a token cut in two at the limit is blanked too.
    /// </summary>
    private static async Task<string?> ReadTextAsync(HttpContent? content, SecretRedactor redactor, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return null;
        }

        using var stream = await ReadStreamAsync(content, cancellationToken).ConfigureAwait(false);
        var buffer = new byte[MaxErrorBody + 1];
        var total = 0;
        int read;
        while (total < buffer.Length
#if NET
            && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
#else
            && (read = await stream.ReadAsync(buffer, total, buffer.Length - total, cancellationToken).ConfigureAwait(false)) > 0)
#endif
        {
            total += read;
        }

        var truncated = total > MaxErrorBody;
        return total == 0 ? null : redactor.Redact(Encoding.UTF8.GetString(buffer, 0, Math.Min(total, MaxErrorBody)), truncated);
    }

    private static string? RequestIdOf(HttpResponseMessage response)
    {
        foreach (var name in RequestIdHeaders)
        {
            if (response.Headers.TryGetValues(name, out var values))
            {
                foreach (var value in values)
                {
                    if (!string.IsNullOrWhiteSpace(value))
                    {
                        return value.Length <= 200 ? value : value.Substring(0, 200);
                    }
                }
            }
        }

        return null;
    }

    /// <summary>
    /// One attempt: through the client's throttle, then the whole exchange, from building the request to the parsed (or
    /// bounded error) body. A failure comes back as the outcome's exception, for the pipeline to judge without it being
    /// thrown again. One method, not two: each await layer costs per call (docs/benchmarks.md).
    /// </summary>
    private async ValueTask<Outcome<CloudApiReply>> AttemptAsync(CloudApiCall call, CancellationToken cancellationToken)
    {
        // The client's one throttle first: the pause after a 429 on any call, and the requests in flight.
        CloudApiThrottle.Permit permit;
        try
        {
            permit = await _throttle.EnterAsync(call, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            return Outcome.FromException<CloudApiReply>(new OperationCanceledException(ex.Message, ex, cancellationToken));
        }
        catch (Exception ex)
        {
            return Outcome.FromException<CloudApiReply>(ex);
        }

        var answered = 0;
        TimeSpan? retryAfter = null;
        var budget = call.AttemptBudget();
        if (budget == TimeSpan.Zero)
        {
            // The overall timeout ran out while waiting to retry: nothing more is sent.
            _throttle.Answered(permit, 0, null, call);
            return Outcome.FromException<CloudApiReply>(new TimeoutException("The overall timeout has passed."));
        }

        call.Attempts++;
        var started = _settings.TimeProvider.GetTimestamp();

        // The attempt's own timer, from the settings' clock, cancelled too if the caller cancels.
        var timeout = budget == Timeout.InfiniteTimeSpan ? null : StartTimer(budget);
        var linked = timeout is null ? default : Link(timeout, cancellationToken);
        Activity? activity = null;
        try
        {
            using var message = BuildMessage(call.Request);
            var sentTo = message.RequestUri!;
            if (ClientTracing.IsEnabled)
            {
                activity = StartAttemptSpan(message, call.Attempts);
            }

            var token = timeout?.Token ?? cancellationToken;
            using var response = await _transport.Client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.RequestMessage?.RequestUri is { } answeredFrom && answeredFrom != sentTo)
            {
                // An injected HttpClient's handler followed a redirect on its own: whatever it found is not trusted (R18).
                var refused = CloudApiErrors.FollowedRedirect(call.Request, sentTo, answeredFrom);
                ClientTracing.Failed(activity, refused, Redactor);
                return Outcome.FromException<CloudApiReply>(refused);
            }

            var fromEmulator = response.Headers.Contains(EmulatorHeader);
            CloudApiReply reply;
            if (status is >= 300 and < 400)
            {
                // Never followed: the token travels only to the endpoint the caller chose (R18).
                reply = new CloudApiReply { Status = status, RequestId = RequestIdOf(response), RedirectTarget = RedirectTargetOf(response, sentTo), FromEmulator = fromEmulator };
            }
            else if (status is >= 200 and < 300)
            {
                reply = new CloudApiReply { Status = status, FromEmulator = fromEmulator };
                if (call.ResponseType is not null && status != 204)
                {
                    reply.Value = await ReadJsonAsync(call, response, token).ConfigureAwait(false);
                }
            }
            else
            {
                reply = new CloudApiReply
                {
                    Status = status,
                    RequestId = RequestIdOf(response),
                    RetryAfter = RetryAfterOf(response),
                    ErrorBody = await ReadTextAsync(response.Content, Redactor.With(call.Request.Secret), token).ConfigureAwait(false),
                    FromEmulator = fromEmulator,
                };
                if (fromEmulator && status >= 500)
                {
                    reply.EmulatorFault = EmulatorFaults.Read(reply.ErrorBody);
                }
            }

            answered = status;
            retryAfter = reply.RetryAfter;
            ClientLog.Answered(
                _log,
                call.Request.Method.Method,
                call.Request.Path,
                status,
                (long)_settings.TimeProvider.GetElapsedTime(started).TotalMilliseconds,
                call.Attempts);
            if (activity is not null)
            {
                Answered(activity, status);
            }

            return Outcome.FromResult(reply);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            // The caller's cancellation, reported with the caller's token rather than the attempt's.
            return Failed(activity, new OperationCanceledException(ex.Message, ex, cancellationToken));
        }
        catch (OperationCanceledException ex) when (timeout is { IsCancellationRequested: true })
        {
            return Failed(activity, new TimeoutException($"The attempt took longer than its {budget.TotalMilliseconds:0} ms.", ex));
        }
        catch (Exception ex)
        {
            return Failed(activity, ex);
        }
        finally
        {
            activity?.Dispose();
            linked.Dispose();
            if (timeout is not null)
            {
                StopTimer(timeout);
            }

            _throttle.Answered(permit, answered, retryAfter, call);
        }
    }

    /// <summary>
    /// The attempt's span, named and tagged as OpenTelemetry's HTTP client conventions say: the method, the address
    /// without secrets (<see cref="ClientTracing.FullUrl"/>), the server and, from the second attempt on, the resend count.
    /// Never a header or a body: the token and invitation links stay out (R18).
    /// </summary>
    private static Activity? StartAttemptSpan(HttpRequestMessage message, int attempt)
    {
        var activity = ClientTracing.Source.StartActivity(message.Method.Method, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            var address = message.RequestUri!;
            activity.SetTag("http.request.method", message.Method.Method);
            activity.SetTag("url.full", ClientTracing.FullUrl(address));
            activity.SetTag("server.address", address.Host);
            activity.SetTag("server.port", address.Port);
            if (attempt > 1)
            {
                activity.SetTag("http.request.resend_count", attempt - 1);
            }
        }

        return activity;
    }

    /// <summary>The answer's status on the attempt's span; 4xx and 5xx mark it failed, with the status as <c>error.type</c>.</summary>
    private static void Answered(Activity activity, int status)
    {
        if (!activity.IsAllDataRequested)
        {
            return;
        }

        activity.SetTag("http.response.status_code", status);
        if (status >= 400)
        {
            activity.SetTag("error.type", status.ToString(CultureInfo.InvariantCulture));
            activity.SetStatus(ActivityStatusCode.Error);
        }
    }

    private Outcome<CloudApiReply> Failed(Activity? activity, Exception exception)
    {
        ClientTracing.Failed(activity, exception, Redactor);
        return Outcome.FromException<CloudApiReply>(exception);
    }

    private CancellationTokenSource StartTimer(TimeSpan budget)
    {
#if NET
        if (Interlocked.Exchange(ref _spareTimer, null) is { } spare)
        {
            spare.CancelAfter(budget);
            return spare;
        }

        return new CancellationTokenSource(budget, _settings.TimeProvider);
#else
        return _settings.TimeProvider.CreateCancellationTokenSource(budget);
#endif
    }

#if NET
    private void StopTimer(CancellationTokenSource timer)
    {
        // Only a timer that never fired can be reset, and only one is kept.
        if (timer.TryReset() && Interlocked.CompareExchange(ref _spareTimer, timer, null) is null)
        {
            return;
        }

        timer.Dispose();
    }
#else
    private static void StopTimer(CancellationTokenSource timer) => timer.Dispose();
#endif

    private static CancellationTokenRegistration Link(CancellationTokenSource timeout, CancellationToken cancellationToken) =>
#if NET
        cancellationToken.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), timeout);
#else
        cancellationToken.Register(static source => ((CancellationTokenSource)source!).Cancel(), timeout);
#endif

    private HttpRequestMessage BuildMessage(CloudApiRequest request)
    {
        var message = new HttpRequestMessage(request.Method, new Uri(_root + request.PathAndQuery, UriKind.Absolute));
        message.Headers.TryAddWithoutValidation(TokenHeader, _settings.ApiToken);
        message.Headers.TryAddWithoutValidation("Accept", JsonMediaType);
        if (request.Body is { } body)
        {
            var content = new ByteArrayContent(body);
            content.Headers.TryAddWithoutValidation("Content-Type", JsonMediaType);
            message.Content = content;
        }

        return message;
    }

    private async Task<object> ReadJsonAsync(CloudApiCall call, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var mediaType = MediaTypeOf(response.Content);
        if (!string.IsNullOrEmpty(mediaType) && !TextSearch.ContainsIgnoringCase(mediaType, "json"))
        {
            // A proxy's or gateway's HTML page answered in the API's place.
            var text = await ReadTextAsync(response.Content, Redactor.With(call.Request.Secret), cancellationToken).ConfigureAwait(false);
            throw CloudApiErrors.InvalidResponse(call.Request, status, $"its body is {mediaType}, not JSON", text, null, RequestIdOf(response));
        }

        var length = response.Content.Headers.ContentLength;
        var limit = _settings.MaxResponseSize;
        if (length > limit)
        {
            // Refused before a byte is read: a body this size is not an answer the contract gives.
            throw CloudApiErrors.ResponseTooLarge(call.Request, status, limit, RequestIdOf(response));
        }

        using var stream = new BoundedReadStream(await ReadStreamAsync(response.Content, cancellationToken).ConfigureAwait(false), limit);
        object? value;
        if (length is > 0 and <= MaxBufferedBody)
        {
            // A body of known, modest length (every single-item answer) is read whole into a pooled buffer and parsed
            // in one go, as Azure.Core buffers responses: cheaper than the serializer's incremental async reading.
            var (buffer, read) = await ReadWholeAsync(call, response, stream, (int)length.Value, cancellationToken).ConfigureAwait(false);
            try
            {
                value = Parse(call, response, status, buffer, read);
            }
            finally
            {
                // Cleared: the pool is shared, and the body is the customer's data.
                ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
            }
        }
        else
        {
            try
            {
                value = await JsonSerializer.DeserializeAsync(stream, call.ResponseType!, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                throw NotDocumentedJson(call, response, status, ex);
            }
            catch (BoundedReadStream.LimitExceededException)
            {
                throw CloudApiErrors.ResponseTooLarge(call.Request, status, limit, RequestIdOf(response));
            }
        }

        return value ?? throw CloudApiErrors.InvalidResponse(call.Request, status, "its body is null", null, null, RequestIdOf(response));
    }

    /// <summary>The media type of the body without its parameters (e.g. <c>application/json</c>), or <see langword="null"/>.</summary>
    private static string? MediaTypeOf(HttpContent content)
    {
#if NET
        // Read as sent rather than parsed into a MediaTypeHeaderValue: only whether it names JSON matters here.
        if (!content.Headers.NonValidated.TryGetValues("Content-Type", out var values))
        {
            return null;
        }

        var contentType = values.ToString();
        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon < 0 ? contentType : contentType.Substring(0, semicolon)).Trim();
#else
        return content.Headers.ContentType?.MediaType;
#endif
    }

    private static object? Parse(CloudApiCall call, HttpResponseMessage response, int status, byte[] buffer, int length)
    {
        try
        {
            var json = new ReadOnlySpan<byte>(buffer, 0, length);
            if (json.StartsWith(Utf8Bom))
            {
                // Streaming parsing skips a byte order mark; parsing a span does not.
                json = json.Slice(Utf8Bom.Length);
            }

            return JsonSerializer.Deserialize(json, call.ResponseType!);
        }
        catch (JsonException ex)
        {
            throw NotDocumentedJson(call, response, status, ex);
        }
    }

    private static ResellerException NotDocumentedJson(CloudApiCall call, HttpResponseMessage response, int status, JsonException ex) =>
        CloudApiErrors.InvalidResponse(call.Request, status, "its body is not the JSON the Cloud API documents", null, ex, RequestIdOf(response));

    /// <summary>
    /// Reads the whole body into a pooled buffer sized from its Content-Length, to the body's real end. A body shorter
    /// than announced is a broken response (an <see cref="IOException"/>, retried like a dropped connection); a longer
    /// one (a handler that decompressed but kept the header) is still read whole.
    /// </summary>
    private async ValueTask<(byte[] Buffer, int Length)> ReadWholeAsync(CloudApiCall call, HttpResponseMessage response, Stream stream, int expected, CancellationToken cancellationToken)
    {
        // One byte more than announced: the read that finds the end needs room.
        var buffer = ArrayPool<byte>.Shared.Rent(expected + 1);
        var total = 0;
        try
        {
            while (true)
            {
                if (total == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    Buffer.BlockCopy(buffer, 0, larger, 0, total);
                    ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
                    buffer = larger;
                }

#if NET
                var read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
#else
                var read = await stream.ReadAsync(buffer, total, buffer.Length - total, cancellationToken).ConfigureAwait(false);
#endif
                if (read == 0)
                {
                    break;
                }

                total += read;
            }

            if (total < expected)
            {
                throw new IOException($"The response body ended after {total} of the {expected} bytes its Content-Length announced.");
            }

            return (buffer, total);
        }
        catch (BoundedReadStream.LimitExceededException)
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
            throw CloudApiErrors.ResponseTooLarge(call.Request, (int)response.StatusCode, _settings.MaxResponseSize, RequestIdOf(response));
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
            throw;
        }
    }

    /// <summary>Where a 3xx answer pointed, resolved against the address asked; <see langword="null"/> without a Location.</summary>
    private static Uri? RedirectTargetOf(HttpResponseMessage response, Uri sentTo) =>
        response.Headers.Location is { } location
            ? (location.IsAbsoluteUri ? location : new Uri(sentTo, location))
            : null;

    private TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _settings.TimeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
