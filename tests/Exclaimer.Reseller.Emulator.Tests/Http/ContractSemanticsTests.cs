using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Exclaimer.Reseller.Emulator.Storage;
using Exclaimer.Reseller.Sdk.Tests.Support;

namespace Exclaimer.Reseller.Emulator.Tests.Http;

/// <summary>
/// The emulator answers with the Cloud API's own semantics (docs/emulator.md), to the SDK's client or to any other:
/// 401 without the token when one is configured (R1), 400 listing the missing fields (R17), 404 for unknown ids and
/// routes, 415 without a JSON content type, PascalCase out and either case in, no nulls, the emulator's header.
/// </summary>
public sealed class ContractSemanticsTests
{
    [Fact]
    public async Task R1_without_the_configured_token_every_route_is_401_and_with_it_200()
    {
        using var emulator = new EmulatorHttp(token: "s3cret-token");
        using var anonymous = new HttpClient(emulator.Emulator.Handler) { BaseAddress = emulator.Http.BaseAddress };
        anonymous.DefaultRequestHeaders.Add("ExAPIToken", "wrong");

        var refused = await anonymous.GetAsync("1.0/status");
        var missing = await new HttpClient(emulator.Emulator.Handler).GetAsync("http://localhost/exclaimerapi/1.0/subscriptions");
        var accepted = await emulator.Http.GetAsync("1.0/status");

        Assert.Equal(401, (int)refused.StatusCode);
        Assert.Equal(401, (int)missing.StatusCode);
        Assert.Equal(200, (int)accepted.StatusCode);
        Assert.DoesNotContain("s3cret-token", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task R1_without_a_configured_token_any_token_is_accepted()
    {
        using var emulator = new EmulatorHttp();
        using var http = new HttpClient(emulator.Emulator.Handler);

        Assert.Equal(200, (int)(await http.GetAsync("http://localhost/exclaimerapi/1.0/status")).StatusCode);
    }

    [Fact]
    public async Task R17_a_create_missing_fields_is_400_listing_them_and_creates_nothing()
    {
        using var emulator = new EmulatorHttp();

        var (status, body) = await emulator.SendAsync(HttpMethod.Post, "v2.0/subscriptions", "{\"SubscriptionID\":\"x\"}");

        Assert.Equal(400, status);
        Assert.Equal(new[] { "MailboxCount", "CountryCode", "SKU" }, body.GetProperty("MissingFields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(404, (await emulator.SendAsync(HttpMethod.Get, "1.0/subscriptions/x")).Status);
    }

    [Theory]
    [InlineData("{\"MailboxCount\":\"many\"}", "MailboxCount")]
    [InlineData("not json", "Body")]
    public async Task R17_a_body_of_the_wrong_shape_is_400_naming_where(string json, string field)
    {
        using var emulator = new EmulatorHttp();
        await emulator.CreateAsync("contoso");

        var (status, body) = await emulator.SendAsync(HttpMethod.Put, "1.0/subscriptions/contoso/mailbox-count", json);

        Assert.Equal(400, status);
        Assert.Equal(field, body.GetProperty("Field").GetString());
    }

    [Fact]
    public async Task Unknown_ids_and_routes_are_404()
    {
        using var emulator = new EmulatorHttp();

        Assert.Equal(404, (await emulator.SendAsync(HttpMethod.Get, "1.0/subscriptions/nobody")).Status);
        Assert.Equal(404, (await emulator.SendAsync(HttpMethod.Get, "1.0/nothing-here")).Status);
        Assert.Equal(404, (await emulator.SendAsync(HttpMethod.Get, "http://localhost/other-segment/1.0/status")).Status);
        Assert.Equal(404, (await emulator.SendAsync(HttpMethod.Delete, "1.0/subscriptions")).Status);
    }

    [Fact]
    public async Task A_body_without_a_json_content_type_is_415()
    {
        using var emulator = new EmulatorHttp();
        using var content = new StringContent("{\"MailboxCount\":3}", Encoding.UTF8, "text/plain");

        var response = await emulator.Http.PutAsync("1.0/subscriptions/contoso/mailbox-count", content);

        Assert.Equal(415, (int)response.StatusCode);
    }

    [Fact]
    public async Task Requests_are_read_in_either_case_and_answers_are_PascalCase_without_nulls()
    {
        using var emulator = new EmulatorHttp();

        var (created, _) = await emulator.SendAsync(HttpMethod.Post, "v2.0/subscriptions", "{\"subscriptionId\":\"camel\",\"emailAddress\":\"admin@reseller.example\",\"mailboxCount\":7,\"countryCode\":\"GB\",\"sku\":\"EXCL-G-PRO\",\"endUser\":{\"domain\":\"camel.example\"},\"skipTrial\":true}");
        var response = await emulator.Http.GetAsync("1.0/subscriptions/camel");
        var text = await response.Content.ReadAsStringAsync();
        var subscription = JsonDocument.Parse(text).RootElement.GetProperty("Subscription");

        Assert.Equal(200, created);
        Assert.Equal("camel", subscription.GetProperty("SubscriptionID").GetString());
        Assert.Equal(7, subscription.GetProperty("NumberOfUsers").GetInt32());
        Assert.Equal("ExclaimerPro", subscription.GetProperty("Tier").GetString());
        Assert.False(subscription.GetProperty("InTrial").GetBoolean());
        Assert.False(subscription.TryGetProperty("TrialEndDate", out _), "no trial, so no TrialEndDate: left out, not null");
        Assert.DoesNotContain("null", text, StringComparison.Ordinal);
        Assert.True(response.Headers.Contains("X-Exclaimer-Emulator"));
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task R2_paging_by_Page_and_by_ContinuationToken_walks_every_item_once_and_reports_the_total()
    {
        using var emulator = new EmulatorHttp();
        for (var i = 0; i < 7; i++)
        {
            await emulator.CreateAsync("s" + i);
        }

        var (_, second) = await emulator.SendAsync(HttpMethod.Get, "1.0/subscriptions?Page=2&PageSize=3");
        var seen = new System.Collections.Generic.List<string>();
        var token = "0";
        var pages = 0;
        do
        {
            var (_, page) = await emulator.SendAsync(HttpMethod.Get, $"1.0/subscriptions?ContinuationToken={token}&pageSize=3");
            seen.AddRange(page.GetProperty("Subscriptions").EnumerateArray().Select(s => s.GetProperty("SubscriptionID").GetString()!));
            Assert.Equal(7, page.GetProperty("SubscriptionCount").GetInt32());
            token = page.TryGetProperty("ContinuationToken", out var next) ? next.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            pages++;
        }
        while (token is not null && pages < 10);

        Assert.Equal(new[] { "s3", "s4", "s5" }, second.GetProperty("Subscriptions").EnumerateArray().Select(s => s.GetProperty("SubscriptionID").GetString()));
        Assert.Equal(2, second.GetProperty("Page").GetInt32());
        Assert.Equal(Enumerable.Range(0, 7).Select(i => "s" + i), seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task R2_ActiveOnly_leaves_out_suspended_and_cancelled_ones_and_counts_only_the_active()
    {
        using var emulator = new EmulatorHttp();
        await emulator.CreateAsync("a");
        await emulator.CreateAsync("b");
        await emulator.CreateAsync("c");
        await emulator.SendAsync(HttpMethod.Put, "1.0/subscriptions/b/deactivate");
        await emulator.SendAsync(HttpMethod.Put, "1.0/subscriptions/c/end");

        var (_, page) = await emulator.SendAsync(HttpMethod.Get, "1.0/subscriptions?ActiveOnly=true");

        Assert.Equal(new[] { "a" }, page.GetProperty("Subscriptions").EnumerateArray().Select(s => s.GetProperty("SubscriptionID").GetString()));
        Assert.Equal(1, page.GetProperty("SubscriptionCount").GetInt32());
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("file")]
    public async Task R2_ActiveOnly_pages_by_Page_and_by_token_show_each_active_one_once_and_the_count_follows_every_change(string kind)
    {
        using var folder = new TempDirectory();
        using var emulator = new EmulatorHttp(store: kind == "file" ? new JsonFileResellerStore(new JsonFileStoreOptions { DirectoryPath = folder.Path }) : null);
        for (var i = 0; i < 9; i++)
        {
            await emulator.CreateAsync("s" + i);
        }

        // s0, s1 and s2 suspended, s4 cancelled, then s1 reactivated: active are s1, s3, s5, s6, s7, s8.
        foreach (var id in new[] { "s0", "s1", "s2" })
        {
            await emulator.SendAsync(HttpMethod.Put, $"1.0/subscriptions/{id}/deactivate");
        }

        await emulator.SendAsync(HttpMethod.Put, "1.0/subscriptions/s4/end");
        var reactivated = await emulator.SendAsync(HttpMethod.Put, "1.0/subscriptions/s1/reactivate", "{}");
        var expected = new[] { "s1", "s3", "s5", "s6", "s7", "s8" };

        var byPage = new System.Collections.Generic.List<string>();
        for (var number = 1; number <= 3; number++)
        {
            var (_, page) = await emulator.SendAsync(HttpMethod.Get, $"1.0/subscriptions?ActiveOnly=true&PageSize=4&Page={number}");
            byPage.AddRange(page.GetProperty("Subscriptions").EnumerateArray().Select(s => s.GetProperty("SubscriptionID").GetString()!));
            Assert.Equal(expected.Length, page.GetProperty("SubscriptionCount").GetInt32());
        }

        var byToken = new System.Collections.Generic.List<string>();
        string? token = "0";
        for (var pages = 0; token is not null && pages < 5; pages++)
        {
            var (_, page) = await emulator.SendAsync(HttpMethod.Get, $"1.0/subscriptions?ActiveOnly=true&PageSize=4&ContinuationToken={token}");
            byToken.AddRange(page.GetProperty("Subscriptions").EnumerateArray().Select(s => s.GetProperty("SubscriptionID").GetString()!));
            Assert.Equal(expected.Length, page.GetProperty("SubscriptionCount").GetInt32());
            token = page.TryGetProperty("ContinuationToken", out var next) ? next.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        }

        Assert.Equal(204, reactivated.Status);
        Assert.Equal(expected, byPage);
        Assert.Equal(expected, byToken);
    }

    [Fact]
    public async Task R10_the_owner_rules_are_403_and_a_duplicate_user_is_400()
    {
        using var emulator = new EmulatorHttp();
        var (_, created) = await emulator.CreateAsync("contoso");
        var owner = created.GetProperty("UserID").GetString();

        var removeOwner = await emulator.SendAsync(HttpMethod.Delete, "1.0/subscriptions/contoso/users/admin@reseller.example");
        var demoteOwner = await emulator.SendAsync(HttpMethod.Put, $"1.0/subscriptions/contoso/users/{owner}/roles", "{\"Roles\":[\"Editor\"]}");
        var duplicate = await emulator.SendAsync(HttpMethod.Post, "1.0/subscriptions/contoso/users", "{\"UserID\":\"u2\",\"EmailAddress\":\"ADMIN@reseller.example\",\"Roles\":[\"admin\"]}");

        Assert.Equal(403, removeOwner.Status);
        Assert.Equal(403, demoteOwner.Status);
        Assert.Equal(400, duplicate.Status);
    }

    [Fact]
    public async Task R9_an_id_in_use_is_refused_and_nothing_changes()
    {
        using var emulator = new EmulatorHttp();
        await emulator.CreateAsync("contoso");

        var (status, _) = await emulator.CreateAsync("CONTOSO");
        var (_, page) = await emulator.SendAsync(HttpMethod.Get, "1.0/subscriptions");

        Assert.Equal(400, status);
        Assert.Equal(1, page.GetProperty("SubscriptionCount").GetInt32());
    }

    [Fact]
    public async Task R11_R12_the_start_extension_configures_once_then_points_home()
    {
        using var emulator = new EmulatorHttp();
        await emulator.CreateAsync("contoso");

        var (first, started) = await emulator.SendAsync(HttpMethod.Post, "_emulator/1.0/subscriptions/contoso/start", "{\"Deployment\":\"ClientSide, ServerSide\"}");
        var (_, again) = await emulator.SendAsync(HttpMethod.Post, "_emulator/1.0/subscriptions/contoso/start", "{\"Deployment\":\"ExchangeOnPremises\"}");

        Assert.Equal(200, first);
        Assert.True(started.GetProperty("Configured").GetBoolean());
        Assert.Equal("ServerSide, ClientSide", started.GetProperty("Deployment").GetString());
        Assert.False(again.GetProperty("Configured").GetBoolean());
        Assert.True(again.GetProperty("WasAlreadyConfigured").GetBoolean());
        Assert.Equal("ServerSide, ClientSide", again.GetProperty("Deployment").GetString());
        Assert.EndsWith("/subscriptions/contoso/home", again.GetProperty("HomePage").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task End_users_come_back_with_alpha3_country_codes_as_the_API_documents()
    {
        using var emulator = new EmulatorHttp();
        await emulator.CreateAsync("contoso");

        var (_, page) = await emulator.SendAsync(HttpMethod.Get, "1.0/end-users");
        var customer = Assert.Single(page.GetProperty("EndUsers").EnumerateArray());

        Assert.Equal("contoso.example", customer.GetProperty("EndUserID").GetString());
        Assert.Equal("NLD", customer.GetProperty("CountryCode").GetString());
        Assert.Equal(5, customer.GetProperty("UserCount").GetInt32());
    }
}
