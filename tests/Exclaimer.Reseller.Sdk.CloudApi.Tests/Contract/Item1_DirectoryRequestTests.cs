using System;
using System.Linq;
using System.Text.Json;

namespace Exclaimer.Reseller.Sdk.CloudApi.Tests.Contract;

/// <summary>Issue 11, items 1 and 6: customers, resellers and users across subscriptions (R22, R10), request by request.</summary>
public sealed class Item1_DirectoryRequestTests : IDisposable
{
    private readonly FakeCloudApi _api = new();
    private readonly CloudApiClient _sdk;

    public Item1_DirectoryRequestTests()
    {
        _sdk = new CloudApiClient(_api);
    }

    public void Dispose()
    {
        _sdk.Dispose();
        _api.Dispose();
    }

    [Fact]
    public async Task R22_a_customer_is_added_or_updated_with_PUT_end_users_as_the_contract_example()
    {
        _api.Stub("PUT", "/1.0/end-users");

        var customer = await _sdk.Client.SetCustomerAsync(new SetCustomerOptions { CustomerId = "Brown", CompanyName = "Cloud Solutions Ltd", CountryCode = "gbr" });

        RequestAssert.Exact(_api.Requests.Single(), "PUT", "/exclaimerapi/1.0/end-users", body: "{\"EndUserID\":\"Brown\",\"CompanyName\":\"Cloud Solutions Ltd\",\"CountryCode\":\"GBR\"}");
        Assert.Equal(new Customer { CustomerId = "Brown", CompanyName = "Cloud Solutions Ltd", CountryCode = "GBR" }, customer);
    }

    [Fact]
    public async Task R22_a_reseller_is_added_or_updated_with_PUT_resellers_as_the_contract_example()
    {
        _api.Stub("PUT", "/1.0/resellers");

        var reseller = await _sdk.Client.SetResellerAsync(new SetResellerOptions { ResellerId = "Email Services", CompanyName = "The Spencer Group", CountryCode = "GB" });

        RequestAssert.Exact(_api.Requests.Single(), "PUT", "/exclaimerapi/1.0/resellers", body: "{\"ResellerID\":\"Email Services\",\"CompanyName\":\"The Spencer Group\",\"CountryCode\":\"GB\"}");
        Assert.Equal("GBR", reseller.CountryCode);
    }

    [Theory]
    [InlineData(null, "Kings Ltd", "DE", "CustomerId")]
    [InlineData("K-1", " ", "DE", "CompanyName")]
    [InlineData("K-1", "Kings Ltd", "UK", "CountryCode")]
    public async Task R22_a_customer_without_every_field_is_refused_before_anything_is_sent(string? id, string name, string country, string field)
    {
        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => _sdk.Client.SetCustomerAsync(new SetCustomerOptions { CustomerId = id, CompanyName = name, CountryCode = country }));

        Assert.Equal(field, error.FieldName);
        Assert.Equal("R22", error.Rule);
        Assert.Empty(_api.Requests);
    }

    [Fact]
    public async Task R22_resellers_are_GET_resellers_paged_and_the_example_parses()
    {
        _api.Stub("GET", "/1.0/resellers", 200, Fixtures.Read("resellers.json"));

        var page = await _sdk.Client.GetResellersAsync().AsPages(pageSizeHint: 3).FirstAsync();

        RequestAssert.Exact(_api.Requests.Single(), "GET", "/exclaimerapi/1.0/resellers", "Page=1&PageSize=3");
        Assert.Equal(new[] { "FINTECH-01-D", "ENT-11-U", "ED-85-T" }, page.Values.Select(r => r.ResellerId));
        Assert.Equal("Lang & Co", page.Values[1].CompanyName);
        Assert.Equal("GBR", page.Values[1].CountryCode);
        Assert.Equal("26145", page.ContinuationToken);
    }

    [Fact]
    public async Task R10_every_user_across_subscriptions_is_GET_subscriptions_users_and_the_example_parses()
    {
        _api.Stub("GET", "/1.0/subscriptions/users", 200, Fixtures.Read("all-subscription-users.json"));

        var page = await _sdk.Client.GetAllSubscriptionUsersAsync().AsPages(pageSizeHint: 2).FirstAsync();

        RequestAssert.Exact(_api.Requests.Single(), "GET", "/exclaimerapi/1.0/subscriptions/users", "Page=1&PageSize=2");
        var joan = page.Values[1];
        Assert.Equal("joan.jones@example.com", joan.EmailAddress);
        Assert.Equal(new[] { "SA-189036-S001", "TK-549109-S001", "TK-549109-S002" }, joan.Subscriptions.Select(s => s.SubscriptionId));
        Assert.Equal("TK-549109-U002", joan.Subscriptions[2].UserId);
        Assert.Equal(new[] { SubscriptionRole.Editor }, joan.Subscriptions[2].Roles);
        Assert.Equal("262145", page.ContinuationToken);
    }

    [Fact]
    public async Task R10_a_user_added_without_the_welcome_email_says_so_and_otherwise_leaves_the_server_s_default()
    {
        _api.Add("contoso");

        await _sdk.Client.AddSubscriptionUserAsync("contoso", new AddSubscriptionUserOptions { EmailAddress = "quiet@contoso.example", SendWelcomeEmail = false, UserId = "S-JF-093" }, default);
        await _sdk.Client.AddSubscriptionUserAsync("contoso", new AddSubscriptionUserOptions { EmailAddress = "loud@contoso.example", Roles = new[] { SubscriptionRole.Admin, SubscriptionRole.Editor } }, default);

        var posts = _api.RequestsTo("POST", "/1.0/subscriptions/contoso/users");
        RequestAssert.Exact(posts[0], "POST", "/exclaimerapi/1.0/subscriptions/contoso/users", body: "{\"UserID\":\"S-JF-093\",\"EmailAddress\":\"quiet@contoso.example\",\"Roles\":[\"Admin\"],\"SendWelcomeEmailToCustomer\":false}");
        Assert.False(JsonDocument.Parse(posts[1].Body!).RootElement.TryGetProperty("SendWelcomeEmailToCustomer", out _));
        var badId = await Assert.ThrowsAsync<ResellerValidationException>(() => _sdk.Client.AddSubscriptionUserAsync("contoso", new AddSubscriptionUserOptions { EmailAddress = "x@contoso.example", UserId = "has space" }, default));
        Assert.Equal("UserId", badId.FieldName);
        Assert.Equal(2, _api.RequestsTo("POST", "/1.0/subscriptions/contoso/users").Count);
    }
}
