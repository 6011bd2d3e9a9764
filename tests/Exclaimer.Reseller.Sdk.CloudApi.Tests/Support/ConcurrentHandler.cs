using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;

namespace Exclaimer.Reseller.Sdk.CloudApi.Tests.Support;

/// <summary>
/// An in-process server that answers concurrently: each request is answered by an async function of the request (which
/// may wait, and honours the client's cancellation), while the handler counts the requests in flight and the most seen
/// at once. Requests are recorded as "METHOD /path?query".
/// </summary>
internal sealed class ConcurrentHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> _answer;
    private int _inFlight;
    private int _maxInFlight;
    private int _cancelled;

    public ConcurrentHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer)
    {
        _answer = answer;
    }

    public ConcurrentQueue<string> Requests { get; } = new();

    public int InFlight => Volatile.Read(ref _inFlight);

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>Requests the client gave up on while they were in flight.</summary>
    public int Cancelled => Volatile.Read(ref _cancelled);

    /// <summary>A client that sends through this handler to a loopback address, retries off unless adjusted.</summary>
    public ResellerClient Client(Action<ResellerClientOptions>? adjust = null)
    {
        var options = new ResellerClientOptions
        {
            ApiToken = "tok-9F8E7D6C5B4A-secret",
            Endpoint = new Uri("http://127.0.0.1:9/"),
            ResellerAdminEmail = "admin@reseller.example",
            ResellerDomain = "reseller.example",
            Retry = { MaxRetries = 0, AttemptTimeout = TimeSpan.FromSeconds(30) },
            Transport = new ResellerTransport(new HttpClient(this, disposeHandler: false)),
            PageSize = 10,
        };
        adjust?.Invoke(options);
        return new ResellerClient(options);
    }

    public static HttpResponseMessage Json(string body, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };

    public static string Subscription(string id) =>
        "{\"SubscriptionID\":\"" + id + "\",\"Name\":\"Customer " + id + "\",\"UserID\":\"u-1\",\"NumberOfUsers\":5,\"Status\":\"Active\",\"InTrial\":true,\"Tier\":\"ExclaimerStandard\",\"SKU\":\"EXCL-M-STAND\"}";

    /// <summary>
    /// One page of a list of <paramref name="total"/> subscriptions named s0, s1...: by <c>Page</c> or by a
    /// <c>ContinuationToken</c> (the offset), echoing <c>Page</c> and <c>PageSize</c>; the total only when
    /// <paramref name="reportTotal"/>.
    /// </summary>
    public static HttpResponseMessage ListPage(HttpRequestMessage request, int total, bool reportTotal = true, int? claimedTotal = null)
    {
        var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query);
        var size = int.Parse(query["PageSize"] ?? "50", CultureInfo.InvariantCulture);
        int offset;
        if (query["ContinuationToken"] is { } token)
        {
            offset = int.Parse(token, CultureInfo.InvariantCulture) / 1000;
            size = int.Parse(token, CultureInfo.InvariantCulture) % 1000;
        }
        else
        {
            offset = (int.Parse(query["Page"] ?? "1", CultureInfo.InvariantCulture) - 1) * size;
        }

        var end = Math.Min(total, offset + size);
        var items = string.Join(",", Enumerable.Range(offset, Math.Max(0, end - offset)).Select(i => Subscription("s" + i.ToString(CultureInfo.InvariantCulture))));
        var next = end < total ? ",\"ContinuationToken\":" + ((end * 1000) + size).ToString(CultureInfo.InvariantCulture) : string.Empty;
        var count = reportTotal ? ",\"SubscriptionCount\":" + (claimedTotal ?? total).ToString(CultureInfo.InvariantCulture) : string.Empty;
        var page = ",\"Page\":" + ((offset / size) + 1).ToString(CultureInfo.InvariantCulture) + ",\"PageSize\":" + size.ToString(CultureInfo.InvariantCulture);
        return Json("{\"Subscriptions\":[" + items + "]" + count + next + page + "}");
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request.Method.Method + " " + request.RequestUri!.PathAndQuery);
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }

        try
        {
            var response = await _answer(request, cancellationToken);
            response.RequestMessage = request;
            return response;
        }
        catch (OperationCanceledException)
        {
            Interlocked.Increment(ref _cancelled);
            throw;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
