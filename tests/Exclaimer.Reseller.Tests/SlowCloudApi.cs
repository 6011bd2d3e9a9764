// A stand-in for the Exclaimer Cloud API that answers each request after a fixed delay, many at once, so the module's
// -ThrottleLimit can be seen at work: it counts the requests in flight and the most seen at once, keeps the
// subscriptions created (a taken SubscriptionID is a 409), and serves the list with its total and Page. Compiled by
// Start-SlowCloudApi (TestSupport.ps1) with Add-Type; loopback only, one token.
using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

public sealed class SlowCloudApi : IDisposable
{
    private readonly HttpListener _listener = new HttpListener();
    private readonly ConcurrentDictionary<string, string> _subscriptions = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new ConcurrentQueue<string>();
    private readonly string _token;
    private int _inFlight;
    private int _maxInFlight;
    private int _requests;
    private int _creates;

    public SlowCloudApi(string token, int latencyMs)
    {
        _token = token;
        LatencyMs = latencyMs;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Uri = "http://127.0.0.1:" + port + "/";
        _listener.Prefixes.Add(Uri);
        _listener.Start();
        Task.Run(ListenAsync);
    }

    public string Uri { get; }

    public int LatencyMs { get; set; }

    public int InFlight => Volatile.Read(ref _inFlight);

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public int Requests => Volatile.Read(ref _requests);

    public int Creates => Volatile.Read(ref _creates);

    public ConcurrentQueue<string> Log { get; } = new ConcurrentQueue<string>();

    public void ResetCounters()
    {
        Volatile.Write(ref _maxInFlight, 0);
        Volatile.Write(ref _requests, 0);
        Volatile.Write(ref _creates, 0);
        while (Log.TryDequeue(out _)) { }
    }

    public void Dispose()
    {
        try { _listener.Stop(); _listener.Close(); } catch (ObjectDisposedException) { }
    }

    private async Task ListenAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen) { }
        Interlocked.Increment(ref _requests);
        var request = context.Request;
        Log.Enqueue(request.HttpMethod + " " + request.Url.PathAndQuery);
        try
        {
            string body;
            using (var reader = new System.IO.StreamReader(request.InputStream, Encoding.UTF8)) { body = await reader.ReadToEndAsync(); }
            await Task.Delay(LatencyMs);
            var (status, json) = request.Headers["ExAPIToken"] != _token ? (401, "{\"Message\":\"Unauthorized\"}") : Answer(request.HttpMethod, request.Url, body);
            var bytes = Encoding.UTF8.GetBytes(json ?? string.Empty);
            context.Response.StatusCode = status;
            if (json != null)
            {
                context.Response.ContentType = "application/json";
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes, 0, bytes.Length);
            }

            context.Response.Close();
        }
        catch (Exception)
        {
            try { context.Response.Abort(); } catch (Exception) { }
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private (int, string) Answer(string method, Uri url, string body)
    {
        var path = url.AbsolutePath.Substring("/exclaimerapi/".Length);
        if (method == "GET" && path == "1.0/status") return (200, "{\"CurrentTime\":\"2026-11-26T09:00:00\"}");
        if (method == "POST" && path == "v2.0/subscriptions")
        {
            using (var document = JsonDocument.Parse(body))
            {
                var id = document.RootElement.GetProperty("SubscriptionID").GetString();
                var name = document.RootElement.GetProperty("SubscriptionName").GetString();
                if (!_subscriptions.TryAdd(id, name)) return (409, "{\"Message\":\"A subscription with this SubscriptionID already exists.\"}");
                _order.Enqueue(id);
                Interlocked.Increment(ref _creates);
                return (200, "{\"SubscriptionID\":\"" + id + "\",\"UserID\":\"u-" + id + "\"}");
            }
        }

        if (method == "GET" && path == "1.0/subscriptions")
        {
            var query = System.Web.HttpUtility.ParseQueryString(url.Query);
            var size = int.Parse(query["PageSize"] ?? "50");
            var page = int.Parse(query["Page"] ?? "1");
            var all = _order.ToArray();
            var items = all.Skip((page - 1) * size).Take(size).Select(id => Subscription(id, _subscriptions[id]));
            var more = page * size < all.Length ? ",\"ContinuationToken\":" + (page + 1) : string.Empty;
            return (200, "{\"Subscriptions\":[" + string.Join(",", items) + "],\"SubscriptionCount\":" + all.Length + ",\"Page\":" + page + ",\"PageSize\":" + size + more + "}");
        }

        var parts = path.Split('/');
        if (parts.Length >= 3 && parts[1] == "subscriptions")
        {
            var id = System.Uri.UnescapeDataString(parts[2]);
            if (!_subscriptions.TryGetValue(id, out var name)) return (404, "{\"Message\":\"Subscription not found.\"}");
            if (method == "GET" && parts.Length == 3) return (200, "{\"Subscription\":" + Subscription(id, name) + "}");
            if (method == "GET" && parts.Length == 4 && parts[3] == "mailbox-count") return (200, "{\"MailboxCount\":7,\"ClientSideMailboxCount\":3}");
            if (method == "PUT" || (method == "POST" && parts.Length == 4 && parts[3] == "users") || (method == "DELETE" && parts.Length == 5)) return (204, null);
        }

        return (404, "{\"Message\":\"No such route.\"}");
    }

    private static string Subscription(string id, string name) =>
        "{\"SubscriptionID\":\"" + id + "\",\"Name\":" + JsonSerializer.Serialize(name) + ",\"UserID\":\"u-" + id + "\",\"NumberOfUsers\":5,\"Status\":\"Active\",\"InTrial\":true,\"Tier\":\"ExclaimerStandard\",\"SKU\":\"EXCL-M-STAND\"}";
}
