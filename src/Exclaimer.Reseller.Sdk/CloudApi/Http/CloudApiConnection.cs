using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace Exclaimer.Reseller.Sdk.CloudApi.Http;

/// <summary>
/// Carries one Cloud API call through the resilience pipeline. Each attempt is a whole exchange: build the
/// request (token header, JSON body), send it, read and parse the response body, dispose it; so the per-attempt
/// timeout covers the body too, and a connection dropped mid-body is retried like any other.
/// </summary>
internal sealed class CloudApiConnection : IDisposable
{
    private const string TokenHeader = "ExAPIToken";
    private const string JsonMediaType = "application/json";
    private const int MaxErrorBody = 16 * 1024;

    private static readonly string[] RequestIdHeaders =
    {
        "x-request-id", "request-id", "x-ms-request-id", "x-correlation-id", "x-azure-ref", "x-amzn-requestid",
    };

    private readonly Func<HttpClient> _httpClient;
    private readonly HttpClient? _ownedClient;
    private readonly CloudApiSettings _settings;
    private readonly ResiliencePipeline<CloudApiReply> _pipeline;
    private readonly ILogger _log;

    public CloudApiConnection(CloudApiSettings settings, Func<HttpClient> httpClient, HttpClient? ownedClient, ILogger log)
    {
        _settings = settings;
        _httpClient = httpClient;
        _ownedClient = ownedClient;
        _log = log;
        _pipeline = CloudApiResilience.Build(settings, log);
        Redactor = new SecretRedactor(settings.ApiToken);
    }

    public SecretRedactor Redactor { get; }

    /// <summary>Sends a call and returns its final reply, success or failure; only failures without a reply throw.</summary>
    /// <exception cref="ResellerException">Timeout, connection failure or a response that is not the documented JSON.</exception>
    /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
    public async Task<CloudApiReply> SendAsync(CloudApiRequest request, JsonTypeInfo? responseType, CancellationToken cancellationToken)
    {
        var call = new Call(this, request, responseType);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(CloudApiResilience.RequestKey, request);
        try
        {
            var reply = await _pipeline.ExecuteAsync(
                static (ctx, state) => state.Connection.AttemptAsync(state, ctx.CancellationToken),
                context,
                call).ConfigureAwait(false);
            reply.Attempts = call.Attempts;
            if (!reply.IsSuccess)
            {
                CloudApiLog.Failed(_log, request.Method.Method, request.Path, reply.Status, call.Attempts);
            }

            return reply;
        }
        catch (TimeoutRejectedException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw CloudApiErrors.Timeout(request, call.Attempts, _settings, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw CloudApiErrors.Timeout(request, call.Attempts, _settings, ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            throw CloudApiErrors.ConnectionFailed(request, call.Attempts, _settings.BaseAddress, ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Sends a call and returns its parsed body, or throws the mapped exception.</summary>
    public async Task<T> GetAsync<T>(CloudApiRequest request, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
        where T : class
    {
        var reply = await SendAsync(request, responseType, cancellationToken).ConfigureAwait(false);
        return reply.IsSuccess ? (T)reply.Value! : throw CloudApiErrors.FromReply(reply, request);
    }

    /// <summary>Sends a call that answers without a body (204), or throws the mapped exception.</summary>
    public async Task SendOrThrowAsync(CloudApiRequest request, CancellationToken cancellationToken)
    {
        var reply = await SendAsync(request, null, cancellationToken).ConfigureAwait(false);
        if (!reply.IsSuccess)
        {
            throw CloudApiErrors.FromReply(reply, request);
        }
    }

    public void Dispose() => _ownedClient?.Dispose();

    private static async Task<Stream> ReadStreamAsync(HttpContent content, CancellationToken cancellationToken)
    {
#if NET
        return await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        cancellationToken.ThrowIfCancellationRequested();
        return await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
    }

    private static async Task<string?> ReadTextAsync(HttpContent? content, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return null;
        }

        // Bounded: an error page can be large, and only its start helps anyone.
        using var stream = await ReadStreamAsync(content, cancellationToken).ConfigureAwait(false);
        var buffer = new byte[MaxErrorBody];
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

        return total == 0 ? null : Encoding.UTF8.GetString(buffer, 0, total);
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

    private async ValueTask<CloudApiReply> AttemptAsync(Call call, CancellationToken cancellationToken)
    {
        call.Attempts++;
        var started = _settings.TimeProvider.GetTimestamp();
        using var message = BuildMessage(call.Request);
        using var response = await _httpClient().SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var reply = new CloudApiReply { Status = status, RequestId = RequestIdOf(response) };
        if (reply.IsSuccess)
        {
            if (call.ResponseType is not null && status != 204)
            {
                reply.Value = await ReadJsonAsync(call, response, reply, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            reply.RetryAfter = RetryAfterOf(response);
            reply.ErrorBody = Redactor.Redact(await ReadTextAsync(response.Content, cancellationToken).ConfigureAwait(false));
        }

        CloudApiLog.Answered(
            _log,
            call.Request.Method.Method,
            call.Request.Path,
            status,
            (long)_settings.TimeProvider.GetElapsedTime(started).TotalMilliseconds,
            call.Attempts);
        return reply;
    }

    private HttpRequestMessage BuildMessage(CloudApiRequest request)
    {
        var message = new HttpRequestMessage(request.Method, new Uri(_settings.BaseAddress, request.PathAndQuery));
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

    private async Task<object> ReadJsonAsync(Call call, HttpResponseMessage response, CloudApiReply reply, CancellationToken cancellationToken)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is not null && !TextSearch.ContainsIgnoringCase(mediaType, "json"))
        {
            // A proxy's or gateway's HTML page answered in the API's place.
            var text = Redactor.Redact(await ReadTextAsync(response.Content, cancellationToken).ConfigureAwait(false));
            throw CloudApiErrors.InvalidResponse(call.Request, reply.Status, $"its body is {mediaType}, not JSON", text, null, reply.RequestId);
        }

        using var stream = await ReadStreamAsync(response.Content, cancellationToken).ConfigureAwait(false);
        object? value;
        try
        {
            value = await JsonSerializer.DeserializeAsync(stream, call.ResponseType!, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw CloudApiErrors.InvalidResponse(call.Request, reply.Status, "its body is not the JSON the Cloud API documents", null, ex, reply.RequestId);
        }

        return value ?? throw CloudApiErrors.InvalidResponse(call.Request, reply.Status, "its body is null", null, null, reply.RequestId);
    }

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

    /// <summary>The state one call carries through its attempts.</summary>
    private sealed class Call
    {
        public Call(CloudApiConnection connection, CloudApiRequest request, JsonTypeInfo? responseType)
        {
            Connection = connection;
            Request = request;
            ResponseType = responseType;
        }

        public CloudApiConnection Connection { get; }

        public CloudApiRequest Request { get; }

        public JsonTypeInfo? ResponseType { get; }

        public int Attempts { get; set; }
    }
}
