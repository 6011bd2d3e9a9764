using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;

namespace Exclaimer.Reseller.Sdk.Benchmarks.CloudApi;

/// <summary>
/// The baseline: what an integrator would hand-write with <see cref="HttpClient"/> and System.Text.Json for the
/// same calls (token header, PascalCase JSON, ContinuationToken paging, create then read back), without
/// validation, retries, timeouts or error mapping.
/// </summary>
public sealed class RawCloudApiClient : IDisposable
{
    private static readonly JsonSerializerOptions Json = new();
    private readonly HttpClient _http;
    private readonly string _root;

    public RawCloudApiClient(Uri endpoint, string segment)
    {
        _http = new HttpClient(new SocketsHttpHandler());
        _root = endpoint.ToString().TrimEnd('/') + "/" + segment + "/";
    }

    public async Task<RawSubscription> GetSubscriptionAsync(string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _root + "1.0/subscriptions/" + Uri.EscapeDataString(id));
        request.Headers.Add("ExAPIToken", LoopbackCloudApi.Token);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        return (await JsonSerializer.DeserializeAsync<RawSingle>(stream, Json))!.Subscription!;
    }

    public async IAsyncEnumerable<RawSubscription> ListAsync(int pageSize)
    {
        string? token = null;
        do
        {
            var query = token is null ? "Page=1&PageSize=" + pageSize : "ContinuationToken=" + token;
            using var request = new HttpRequestMessage(HttpMethod.Get, _root + "1.0/subscriptions?" + query);
            request.Headers.Add("ExAPIToken", LoopbackCloudApi.Token);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            RawPage page;
            await using (var stream = await response.Content.ReadAsStreamAsync())
            {
                page = (await JsonSerializer.DeserializeAsync<RawPage>(stream, Json))!;
            }

            foreach (var subscription in page.Subscriptions ?? new List<RawSubscription>())
            {
                yield return subscription;
            }

            token = page.ContinuationToken?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        while (token is not null);
    }

    public async Task<RawSubscription> CreateAsync(RawCreate create)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _root + "v2.0/subscriptions");
        request.Headers.Add("ExAPIToken", LoopbackCloudApi.Token);
        request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(create, Json));
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var created = (await JsonSerializer.DeserializeAsync<RawCreated>(await response.Content.ReadAsStreamAsync(), Json))!;
        return await GetSubscriptionAsync(created.SubscriptionId!);
    }

    public void Dispose() => _http.Dispose();
}

public sealed class RawSingle
{
    public RawSubscription? Subscription { get; set; }
}

public sealed class RawPage
{
    public List<RawSubscription>? Subscriptions { get; set; }

    public long? ContinuationToken { get; set; }
}

public sealed class RawSubscription
{
    [JsonPropertyName("SubscriptionID")]
    public string? SubscriptionId { get; set; }

    public string? Name { get; set; }

    [JsonPropertyName("UserID")]
    public string? UserId { get; set; }

    [JsonPropertyName("EndUserID")]
    public string? EndUserId { get; set; }

    [JsonPropertyName("ResellerID")]
    public string? ResellerId { get; set; }

    public DateTimeOffset? StartDate { get; set; }

    public int NumberOfUsers { get; set; }

    public int? AggregatedUsers { get; set; }

    public int? ProcessedUsers { get; set; }

    public string? Currency { get; set; }

    public string? Status { get; set; }

    public bool InTrial { get; set; }

    public DateTimeOffset? TrialEndDate { get; set; }

    public int? BillableUsers { get; set; }

    public string? Tier { get; set; }

    [JsonPropertyName("SKU")]
    public string? Sku { get; set; }
}

public sealed class RawCreated
{
    [JsonPropertyName("SubscriptionID")]
    public string? SubscriptionId { get; set; }

    [JsonPropertyName("UserID")]
    public string? UserId { get; set; }
}

public sealed class RawCreate
{
    [JsonPropertyName("SubscriptionID")]
    public string? SubscriptionId { get; set; }

    public string? EmailAddress { get; set; }

    public int MailboxCount { get; set; }

    public string? CountryCode { get; set; }

    public bool SendWelcomeEmailToCustomer { get; set; }

    public string? SubscriptionName { get; set; }

    [JsonPropertyName("SKU")]
    public string? Sku { get; set; }

    public RawDomain? EndUser { get; set; }

    public RawDomain? Reseller { get; set; }
}

public sealed class RawDomain
{
    public string? Domain { get; set; }
}
