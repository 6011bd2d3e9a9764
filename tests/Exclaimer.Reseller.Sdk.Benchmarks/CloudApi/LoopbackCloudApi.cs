using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Exclaimer.Reseller.Sdk.Benchmarks.CloudApi;

/// <summary>
/// A minimal Cloud API on Kestrel at 127.0.0.1 and a free port, answering the benchmarked calls the way the
/// contract describes (PascalCase JSON, ContinuationToken paging). The path segment picks the list size:
/// <c>/list{N}/1.0/subscriptions</c> serves N subscriptions. Both the SDK and the raw baseline call it.
/// </summary>
public sealed class LoopbackCloudApi : IAsyncDisposable
{
    public const string Token = "bench-token";

    private static readonly byte[] OneSubscription = Encoding.UTF8.GetBytes(
        "{\"Subscription\":" + SubscriptionJson("contoso-m365", 0) + "}");

    private static readonly byte[] Created = Encoding.UTF8.GetBytes("{\"SubscriptionID\":\"contoso-m365\",\"UserID\":\"owner-contoso-m365\"}");

    private readonly WebApplication _app;

    private LoopbackCloudApi(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public static async Task<LoopbackCloudApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/{segment}/1.0/subscriptions/{id}", context => Write(context, OneSubscription));
        app.MapGet("/{segment}/1.0/subscriptions", ListAsync);
        app.MapPost("/{segment}/v2.0/subscriptions", async context =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            await Write(context, Created);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackCloudApi(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string SubscriptionJson(string id, int n) =>
        "{\"SubscriptionID\":\"" + id + "\",\"Name\":\"Customer " + n.ToString(CultureInfo.InvariantCulture)
        + "\",\"UserID\":\"kkJKcWgGU54Ro43vKV58jkCKnZg8uL\",\"EndUserID\":\"U-DDX-332\",\"ResellerID\":\"R-UWM-842\","
        + "\"StartDate\":\"2025-09-02T07:54:59.836885Z\",\"NumberOfUsers\":100,\"AggregatedUsers\":72,\"ProcessedUsers\":29,"
        + "\"Currency\":\"GBP\",\"Status\":\"Active\",\"InTrial\":true,\"TrialEndDate\":\"2025-09-12T07:54:59.836885Z\","
        + "\"BillableUsers\":42,\"Tier\":\"ExclaimerStandard\",\"SKU\":\"EXCL-M-STAND\"}";

    private static Task Write(HttpContext context, byte[] body)
    {
        if (context.Request.Headers["ExAPIToken"] != Token)
        {
            context.Response.StatusCode = 401;
            return Task.CompletedTask;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body, 0, body.Length);
    }

    private static async Task ListAsync(HttpContext context)
    {
        var total = int.Parse(((string)context.Request.RouteValues["segment"]!).AsSpan("list".Length), CultureInfo.InvariantCulture);
        int offset;
        int size;
        var query = context.Request.Query;
        if (query.TryGetValue("ContinuationToken", out var token))
        {
            var value = long.Parse(token!, CultureInfo.InvariantCulture);
            offset = (int)(value / 1000);
            size = (int)(value % 1000);
        }
        else
        {
            size = Math.Min(200, query.TryGetValue("PageSize", out var s) ? int.Parse(s!, CultureInfo.InvariantCulture) : 50);
            offset = 0;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WritePropertyName("Subscriptions");
        json.WriteStartArray();
        var end = Math.Min(total, offset + size);
        for (var i = offset; i < end; i++)
        {
            json.WriteRawValue(SubscriptionJson("sub-" + i.ToString(CultureInfo.InvariantCulture), i), skipInputValidation: true);
        }

        json.WriteEndArray();
        json.WriteNumber("SubscriptionCount", total);
        json.WriteNumber("PageSize", size);
        if (end < total)
        {
            json.WriteNumber("ContinuationToken", (long)end * 1000 + size);
        }

        json.WriteEndObject();
        await json.FlushAsync();
    }
}
