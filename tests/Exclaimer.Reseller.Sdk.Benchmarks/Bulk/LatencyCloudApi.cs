using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Exclaimer.Reseller.Sdk.Benchmarks.Bulk;

/// <summary>
/// A loopback stand-in for the Cloud API (Kestrel on 127.0.0.1, a free port) that answers every request after a fixed
/// latency, as the real API does from across the internet. It keeps what is created (a taken SubscriptionID is a 409,
/// as the contract's API refuses it), counts the requests in flight and the most seen at once, and serves a synthetic
/// list of <see cref="ListSize"/> subscriptions with its total and Page, so the client can page it concurrently.
/// </summary>
public sealed class LatencyCloudApi : IAsyncDisposable
{
    public const string Token = "bench-token";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, string> _subscriptions = new(StringComparer.Ordinal);
    private int _inFlight;
    private int _maxInFlight;
    private int _requests;
    private int _refusedCreates;

    private LatencyCloudApi(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>How many subscriptions <c>GET /1.0/subscriptions</c> lists (synthetic, not the ones created).</summary>
    public int ListSize { get; set; }

    public TimeSpan Latency { get; set; }

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Creates refused because the id was taken: a row sent twice.</summary>
    public int RefusedCreates => Volatile.Read(ref _refusedCreates);

    public int Stored => _subscriptions.Count;

    public static async Task<LatencyCloudApi> StartAsync(TimeSpan latency)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var api = new LatencyCloudApi(app) { Latency = latency };
        app.Use(async (context, next) =>
        {
            var now = Interlocked.Increment(ref api._inFlight);
            int seen;
            while (now > (seen = Volatile.Read(ref api._maxInFlight)) && Interlocked.CompareExchange(ref api._maxInFlight, now, seen) != seen)
            {
            }

            Interlocked.Increment(ref api._requests);
            try
            {
                await Task.Delay(api.Latency, context.RequestAborted);
                if (context.Request.Headers["ExAPIToken"] != Token)
                {
                    context.Response.StatusCode = 401;
                    return;
                }

                await next(context);
            }
            catch (OperationCanceledException)
            {
                // The client gave up on this request.
            }
            finally
            {
                Interlocked.Decrement(ref api._inFlight);
            }
        });
        app.MapGet("/{segment}/1.0/status", context => Write(context, 200, "{\"CurrentTime\":\"2026-11-26T09:00:00\"}"));
        app.MapPost("/{segment}/v2.0/subscriptions", api.CreateAsync);
        app.MapGet("/{segment}/1.0/subscriptions/{id}", context =>
        {
            var id = (string)context.Request.RouteValues["id"]!;
            return api._subscriptions.TryGetValue(id, out var name)
                ? Write(context, 200, "{\"Subscription\":" + SubscriptionJson(id, name) + "}")
                : Write(context, 404, "{\"Message\":\"Not found\"}");
        });
        app.MapGet("/{segment}/1.0/subscriptions", context => ListAsync(context, api.ListSize));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        api.Endpoint = new Uri(address);
        return api;
    }

    public void Reset()
    {
        _subscriptions.Clear();
        Volatile.Write(ref _maxInFlight, 0);
        Volatile.Write(ref _requests, 0);
        Volatile.Write(ref _refusedCreates, 0);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string SubscriptionJson(string id, string name) =>
        "{\"SubscriptionID\":\"" + id + "\",\"Name\":" + JsonSerializer.Serialize(name)
        + ",\"UserID\":\"kkJKcWgGU54Ro43vKV58jkCKnZg8uL\",\"EndUserID\":\"U-DDX-332\",\"ResellerID\":\"R-UWM-842\","
        + "\"StartDate\":\"2025-09-02T07:54:59.836885Z\",\"NumberOfUsers\":100,\"AggregatedUsers\":72,\"ProcessedUsers\":29,"
        + "\"Currency\":\"GBP\",\"Status\":\"Active\",\"InTrial\":true,\"TrialEndDate\":\"2025-09-12T07:54:59.836885Z\","
        + "\"BillableUsers\":42,\"Tier\":\"ExclaimerStandard\",\"SKU\":\"EXCL-M-STAND\"}";

    private static async Task Write(HttpContext context, int status, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes);
    }

    private static async Task ListAsync(HttpContext context, int total)
    {
        var query = context.Request.Query;
        int offset;
        int size;
        if (query.TryGetValue("ContinuationToken", out var token))
        {
            var value = long.Parse(token!, CultureInfo.InvariantCulture);
            offset = (int)(value / 1000);
            size = (int)(value % 1000);
        }
        else
        {
            size = Math.Min(200, query.TryGetValue("PageSize", out var s) ? int.Parse(s!, CultureInfo.InvariantCulture) : 50);
            offset = ((query.TryGetValue("Page", out var p) ? int.Parse(p!, CultureInfo.InvariantCulture) : 1) - 1) * size;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WritePropertyName("Subscriptions");
        json.WriteStartArray();
        var end = Math.Min(total, offset + size);
        for (var i = offset; i < end; i++)
        {
            json.WriteRawValue(SubscriptionJson("sub-" + i.ToString(CultureInfo.InvariantCulture), "Customer " + i.ToString(CultureInfo.InvariantCulture)), skipInputValidation: true);
        }

        json.WriteEndArray();
        json.WriteNumber("SubscriptionCount", total);
        json.WriteNumber("Page", (offset / size) + 1);
        json.WriteNumber("PageSize", size);
        if (end < total)
        {
            json.WriteNumber("ContinuationToken", ((long)end * 1000) + size);
        }

        json.WriteEndObject();
        await json.FlushAsync();
    }

    private async Task CreateAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var id = body.RootElement.GetProperty("SubscriptionID").GetString()!;
        var name = body.RootElement.GetProperty("SubscriptionName").GetString()!;
        if (!_subscriptions.TryAdd(id, name))
        {
            Interlocked.Increment(ref _refusedCreates);
            await Write(context, 409, "{\"Message\":\"A subscription with this SubscriptionID already exists.\"}");
            return;
        }

        await Write(context, 200, "{\"SubscriptionID\":\"" + id + "\",\"UserID\":\"owner-" + id + "\"}");
    }
}
