using System;
using System.Linq;
using System.Text.Json;

namespace Exclaimer.Reseller.Sdk.CloudApi.Tests.Contract;

/// <summary>Issue items 1 and 6: users and roles, customers and reference data, request by request.</summary>
public sealed class Item1_UserAndReferenceRequestTests : IDisposable
{
    private readonly FakeCloudApi _api = new();
    private readonly CloudApiClient _sdk;

    public Item1_UserAndReferenceRequestTests()
    {
        _sdk = new CloudApiClient(_api);
        _api.Add("contoso");
    }

    public void Dispose()
    {
        _sdk.Dispose();
        _api.Dispose();
    }

    [Fact]
    public async Task R10_users_are_GET_users_paged_and_the_owner_is_marked()
    {
        var users = await _sdk.Client.GetSubscriptionUsersAsync("contoso").ToListAsync();

        var owner = Assert.Single(users);
        Assert.True(owner.IsOwner);
        Assert.Equal("contoso", owner.SubscriptionId);
        Assert.Equal(new[] { SubscriptionRole.Admin }, owner.Roles);
        RequestAssert.Exact(_api.RequestsTo("GET", "/1.0/subscriptions/contoso/users").Single(), "GET", "/exclaimerapi/1.0/subscriptions/contoso/users", "Page=1&PageSize=50");
    }

    [Fact]
    public async Task R10_adding_a_user_is_POST_users_with_a_generated_UserID_and_Admin_by_default()
    {
        var added = await _sdk.Client.AddSubscriptionUserAsync("contoso", "jan@contoso.example");

        var post = _api.RequestsTo("POST", "/1.0/subscriptions/contoso/users").Single();
        var userId = JsonDocument.Parse(post.Body!).RootElement.GetProperty("UserID").GetString()!;
        Assert.Matches("^[A-Za-z0-9_-]+$", userId);
        RequestAssert.Exact(post, "POST", "/exclaimerapi/1.0/subscriptions/contoso/users", body: "{\"UserID\":\"" + userId + "\",\"EmailAddress\":\"jan@contoso.example\",\"Roles\":[\"Admin\"]}");
        Assert.Equal(userId, added.UserId);
        Assert.Equal(new[] { SubscriptionRole.Admin }, added.Roles);
    }

    [Fact]
    public async Task R10_roles_are_set_by_UserID_found_from_the_email_address()
    {
        await _sdk.Client.AddSubscriptionUserAsync("contoso", "jan@contoso.example");
        var userId = _api.Subscriptions.Single().Users.Single(u => u.Email == "jan@contoso.example").UserId;

        var changed = await _sdk.Client.SetSubscriptionUserRolesAsync("contoso", "JAN@contoso.example", new[] { SubscriptionRole.Editor, SubscriptionRole.Admin });

        Assert.Equal(new[] { SubscriptionRole.Admin, SubscriptionRole.Editor }, changed.Roles);
        RequestAssert.Exact(
            _api.RequestsTo("PUT", $"/1.0/subscriptions/contoso/users/{userId}/roles").Single(),
            "PUT",
            $"/exclaimerapi/1.0/subscriptions/contoso/users/{userId}/roles",
            body: "{\"Roles\":[\"Admin\",\"Editor\"]}");
        Assert.Equal(new[] { "Admin", "Editor" }, _api.Subscriptions.Single().Users.Single(u => u.UserId == userId).Roles);
    }

    [Fact]
    public async Task R10_a_user_is_removed_by_email_address_with_DELETE()
    {
        await _sdk.Client.AddSubscriptionUserAsync("contoso", "jan@contoso.example");

        await _sdk.Client.RemoveSubscriptionUserAsync("contoso", "jan@contoso.example");

        var delete = _api.Requests.Single(r => r.Method == "DELETE");
        RequestAssert.Exact(delete, "DELETE", "/exclaimerapi/1.0/subscriptions/contoso/users/jan@contoso.example");
        Assert.DoesNotContain(_api.Subscriptions.Single().Users, u => u.Email == "jan@contoso.example");
    }

    [Fact]
    public async Task Item1_customers_are_the_Cloud_API_end_users()
    {
        _api.AddEndUser("B-Taylor-01", "Kings Ltd", "DE");
        _api.AddEndUser("R-Collins", "Williams & Co", "GBR");

        var customers = await _sdk.Client.GetCustomersAsync().ToListAsync();

        Assert.Equal(new[] { "Kings Ltd", "Williams & Co" }, customers.Select(c => c.CompanyName));
        Assert.Equal("R-Collins", customers[1].CustomerId);
        Assert.Null(customers[0].SubscriptionCount);
        RequestAssert.Exact(_api.Requests.Single(), "GET", "/exclaimerapi/1.0/end-users", "Page=1&PageSize=50");
    }

    [Fact]
    public async Task Item1_reference_data_and_mailbox_count_and_status_have_their_routes()
    {
        _api.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/exclaimerapi/1.0/reference/data-centers").UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithHeader("Content-Type", "application/json").WithBody(Fixtures.Read("data-centers.json")));
        _api.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/exclaimerapi/1.0/reference/skus").UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithHeader("Content-Type", "application/json").WithBody(Fixtures.Read("skus.json")));
        _api.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/exclaimerapi/1.0/reference/tiers").UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithHeader("Content-Type", "application/json").WithBody(Fixtures.Read("tiers.json")));
        _api.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/exclaimerapi/1.0/status").UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithHeader("Content-Type", "application/json").WithBody(Fixtures.Read("status.json")));

        var dataCenters = await _sdk.Client.GetDataCentersAsync();
        var skus = await _sdk.Client.GetSkusAsync();
        var tiers = await _sdk.Client.GetTiersAsync();
        var mailboxes = await _sdk.Client.GetMailboxCountAsync("contoso");
        var time = await _sdk.Client.GetServerTimeAsync();

        Assert.Equal(7, dataCenters.Count);
        Assert.Equal(12, skus.Count);
        Assert.Equal(3, tiers.Count);
        Assert.Equal(23, mailboxes.ServerSide);
        Assert.Equal(TimeSpan.Zero, time.Offset);
        RequestAssert.Exact(_api.Requests.Single(r => r.AbsolutePath.EndsWith("/data-centers", StringComparison.Ordinal)), "GET", "/exclaimerapi/1.0/reference/data-centers");
        RequestAssert.Exact(_api.Requests.Single(r => r.AbsolutePath.EndsWith("/skus", StringComparison.Ordinal)), "GET", "/exclaimerapi/1.0/reference/skus");
        RequestAssert.Exact(_api.Requests.Single(r => r.AbsolutePath.EndsWith("/tiers", StringComparison.Ordinal)), "GET", "/exclaimerapi/1.0/reference/tiers");
        RequestAssert.Exact(_api.Requests.Single(r => r.AbsolutePath.EndsWith("/mailbox-count", StringComparison.Ordinal)), "GET", "/exclaimerapi/1.0/subscriptions/contoso/mailbox-count");
        RequestAssert.Exact(_api.Requests.Single(r => r.AbsolutePath.EndsWith("/status", StringComparison.Ordinal)), "GET", "/exclaimerapi/1.0/status");
    }

    [Theory]
    [InlineData(CloudApiEnvironment.Live, "https://cloudapi.exclaimer.com/exclaimerapi/")]
    [InlineData(CloudApiEnvironment.Sandbox, "https://sandbox-cloudapi.exclaimer.com/exclaimerapi/")]
    public void Item1_environments_are_chosen_by_name(CloudApiEnvironment environment, string expected)
    {
        using var transport = new ResellerClient(new ResellerClientOptions { ApiToken = "t", Environment = environment });

        Assert.Equal(new Uri(expected), transport.BaseAddress);
    }

    [Fact]
    public void Item1_the_PowerShell_module_s_construction_works_and_the_endpoint_overrides_the_environment()
    {
        using var transport = new ResellerClient(new ResellerClientOptions { ApiToken = "t", Environment = CloudApiEnvironment.Sandbox, Endpoint = new Uri("http://127.0.0.1:5000") });
        var client = transport;

        Assert.Equal(new Uri("http://127.0.0.1:5000/exclaimerapi/"), transport.BaseAddress);
    }

    [Theory]
    [InlineData("..")]
    [InlineData("contoso/users")]
    [InlineData("  ")]
    public async Task R13_mailbox_count_refuses_an_id_that_could_name_another_route_before_anything_is_sent(string id)
    {
        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => _sdk.Client.GetMailboxCountAsync(id));

        Assert.Equal("SubscriptionId", error.FieldName);
        Assert.Empty(_api.Requests);
    }
}
