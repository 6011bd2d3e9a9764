using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Threading;
using Exclaimer.Reseller.Sdk.Testing;

namespace Exclaimer.Reseller.Sdk.CloudApi.Tests.Support;

/// <summary>
/// An in-process stand-in for a hostile or broken server: every request is answered by a function of the request
/// (no socket, no timing), and every request is recorded as "METHOD /path?query".
/// </summary>
internal sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, HttpResponseMessage> _answer;

    public ScriptedHandler(Func<HttpRequestMessage, HttpResponseMessage> answer)
    {
        _answer = answer;
    }

    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>A client that sends through this handler to a loopback address.</summary>
    public ResellerClient Client(Action<ResellerClientOptions>? adjust = null, CapturingLoggerFactory? logs = null)
    {
        var options = new ResellerClientOptions
        {
            ApiToken = "tok-9F8E7D6C5B4A-secret",
            Endpoint = new Uri("http://127.0.0.1:9/"),
            ResellerAdminEmail = "admin@reseller.example",
            ResellerDomain = "reseller.example",
            Retry = { MaxRetries = 0, AttemptTimeout = TimeSpan.FromSeconds(10) },
            Transport = new ResellerTransport(new HttpClient(this, disposeHandler: false)),
            PageSize = 2,
            LoggerFactory = logs,
        };
        adjust?.Invoke(options);
        return new ResellerClient(options);
    }

    public static HttpResponseMessage Json(string body, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };

    protected override System.Threading.Tasks.Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request.Method.Method + " " + request.RequestUri!.PathAndQuery);
        var response = _answer(request);
        response.RequestMessage = request;
        return System.Threading.Tasks.Task.FromResult(response);
    }
}
