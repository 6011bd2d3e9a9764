using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Emulator.Contract;
using Exclaimer.Reseller.Emulator.Engine;
using Exclaimer.Reseller.Sdk;
using Microsoft.Extensions.Logging;

namespace Exclaimer.Reseller.Emulator.Http;

/// <summary>
/// The emulator as an <see cref="HttpMessageHandler"/>: the server side of the Exclaimer Cloud API contract, in-process,
/// with no socket and no port. It answers with the API's semantics: 401 without the token when one is configured, 415
/// without a JSON content type on a body, 404 for unknown ids and routes, the contract's bodies, and the
/// <c>X-Exclaimer-Emulator</c> header on every answer, by which the SDK's client knows it may use the extensions.
/// </summary>
internal sealed class EmulatorHandler : HttpMessageHandler
{
    public const string EmulatorHeader = "X-Exclaimer-Emulator";
    private const string TokenHeader = "ExAPIToken";

    private static readonly string Version = typeof(EmulatorHandler).Assembly.GetName().Version?.ToString(3) ?? "0";

    private static readonly char[] Slash = { '/' };
    private static readonly char[] Ampersand = { '&' };

    private readonly ContractRoutes _routes;
    private readonly byte[]? _token;
    private readonly string _segment;
    private readonly ILogger _log;

    public EmulatorHandler(ContractRoutes routes, string? apiToken, string segment, ILogger log)
    {
        _routes = routes;
        _token = string.IsNullOrEmpty(apiToken) ? null : Encoding.UTF8.GetBytes(apiToken);
        _segment = segment;
        _log = log;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri?.AbsolutePath ?? "/";
        using var activity = EmulatorTracing.Start(request);
        EmulatorResponse answer;
        try
        {
            var parsed = await ParseAsync(request, cancellationToken).ConfigureAwait(false);
            answer = await _routes.DispatchAsync(parsed, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiProblem problem)
        {
            answer = EmulatorResponse.Problem(problem.Status, new ProblemAnswer
            {
                Message = problem.Message,
                MissingFields = problem.MissingFields?.ToList(),
                Field = problem.Field,
            });
        }
        catch (ResellerStoreException store)
        {
            // The store's own fault, reported so the SDK raises the same error (a documented extension) (R17).
            EngineLog.StoreFailed(_log, request.Method.Method, path, store.ErrorCode);
            answer = EmulatorResponse.Problem(500, new ProblemAnswer { Message = store.Message, Code = store.ErrorCode, Path = store.Path });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Nothing of the failure leaves the emulator: its log, the operator's own, says what it was.
            EngineLog.Failed(_log, request.Method.Method, path, ex);
            answer = EmulatorResponse.Problem(500, new ProblemAnswer { Message = "The emulator failed to answer; its log says why." });
        }

        EmulatorTracing.Answered(activity, answer.Status);
        return ToHttp(request, answer);
    }

    private static HttpResponseMessage ToHttp(HttpRequestMessage request, EmulatorResponse answer)
    {
        var response = new HttpResponseMessage((HttpStatusCode)answer.Status) { RequestMessage = request };
        response.Headers.TryAddWithoutValidation(EmulatorHeader, Version);
        if (answer.Body is { } body)
        {
            var content = new ByteArrayContent(body);
            // Added as text: a client reads it as sent, so nothing is parsed or formatted on either side.
            content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
            response.Content = content;
        }

        return response;
    }

    private async Task<EmulatorRequest> ParseAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw ApiProblem.NotFound("The request has no address.");
        var parts = uri.AbsolutePath.Split(Slash, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || !string.Equals(Uri.UnescapeDataString(parts[0]), _segment, StringComparison.OrdinalIgnoreCase))
        {
            throw ApiProblem.NotFound($"There is no route {request.Method.Method} {uri.AbsolutePath}: the API is served under /{_segment}/.");
        }

        if (_token is not null && !TokenMatches(request))
        {
            throw ApiProblem.Unauthorized();
        }

        byte[]? body = null;
        string? contentType = null;
        if (request.Content is { } content)
        {
            body = await ReadAsync(content, cancellationToken).ConfigureAwait(false);
            contentType = content.Headers.ContentType?.MediaType;
            if (body.Length > 0 && (contentType is null || contentType.IndexOf("json", StringComparison.OrdinalIgnoreCase) < 0))
            {
                throw ApiProblem.UnsupportedMediaType();
            }
        }

        var segments = parts.Skip(1).Select(Uri.UnescapeDataString).ToArray();
        return new EmulatorRequest(request.Method, segments, QueryOf(uri), body, contentType);
    }

    /// <summary>Compares in constant time, so the answer's timing tells nothing about the token (R18).</summary>
    private bool TokenMatches(HttpRequestMessage request)
    {
        if (!request.Headers.TryGetValues(TokenHeader, out var values))
        {
            return false;
        }

        var given = Encoding.UTF8.GetBytes(values.FirstOrDefault() ?? string.Empty);
#if NET
        return CryptographicOperations.FixedTimeEquals(given, _token);
#else
        var difference = given.Length ^ _token!.Length;
        for (var i = 0; i < given.Length; i++)
        {
            difference |= given[i] ^ _token[i % _token.Length];
        }

        return difference == 0;
#endif
    }

    private static async Task<byte[]> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
#if NET
        return await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
#else
        cancellationToken.ThrowIfCancellationRequested();
        return await content.ReadAsByteArrayAsync().ConfigureAwait(false);
#endif
    }

    private static Dictionary<string, string> QueryOf(Uri uri)
    {
        var query = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in uri.Query.TrimStart('?').Split(Ampersand, StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair.Substring(0, equals));
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair.Substring(equals + 1).Replace('+', ' '));
            query[name] = value;
        }

        return query;
    }
}
