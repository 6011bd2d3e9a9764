using System;
using System.Linq;

namespace Exclaimer.Reseller.Sdk.CloudApi.Tests.Contract;

/// <summary>Issue 11, items 1 and 6: plan changes (R19), the owner (R20) and migration (R22), request by request against the contract.</summary>
public sealed class Item1_PlanRequestTests : IDisposable
{
    private readonly FakeCloudApi _api = new();
    private readonly CloudApiClient _sdk;

    public Item1_PlanRequestTests()
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
    public async Task R19_a_tier_change_is_PUT_change_tier_with_the_tier_code_then_one_GET()
    {
        _api.Stub("PUT", "/1.0/subscriptions/contoso/change-tier");

        var changed = await _sdk.Client.ChangeSubscriptionTierAsync("contoso", Tier.Pro);

        RequestAssert.Exact(_api.RequestsTo("PUT", "/1.0/subscriptions/contoso/change-tier").Single(), "PUT", "/exclaimerapi/1.0/subscriptions/contoso/change-tier", body: "{\"Tier\":\"ExclaimerPro\"}");
        Assert.Single(_api.RequestsTo("GET", "/1.0/subscriptions/contoso"));
        Assert.Equal("contoso", changed.SubscriptionId);
    }

    [Fact]
    public async Task R19_a_SKU_change_is_PUT_change_sku_and_an_NFR_SKU_carries_its_users_as_the_contract_example()
    {
        _api.Stub("PUT", "/1.0/subscriptions/contoso/change-sku");

        await _sdk.Client.ChangeSubscriptionSkuAsync("contoso", new ChangeSkuOptions { Sku = "EXCL-M-STAND" });
        await _sdk.Client.ChangeSubscriptionSkuAsync("contoso", new ChangeSkuOptions { Sku = "excl-m-pro-nfr", NfrUserCount = 25 });

        var puts = _api.RequestsTo("PUT", "/1.0/subscriptions/contoso/change-sku");
        RequestAssert.Exact(puts[0], "PUT", "/exclaimerapi/1.0/subscriptions/contoso/change-sku", body: "{\"SKU\":\"EXCL-M-STAND\"}");
        RequestAssert.Exact(puts[1], "PUT", "/exclaimerapi/1.0/subscriptions/contoso/change-sku", body: "{\"SKU\":\"EXCL-M-PRO-NFR\",\"NumberOfNFRUsers\":25}");
    }

    [Theory]
    [InlineData("EXCL-M-PRO-NFR", null, "NfrUserCount")]
    [InlineData("EXCL-M-PRO", 5, "NfrUserCount")]
    [InlineData("EXCL-X-PRO", null, "Sku")]
    [InlineData("", null, "Sku")]
    public async Task R19_a_SKU_change_that_breaks_a_rule_is_refused_before_anything_is_sent(string sku, int? nfrUsers, string field)
    {
        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => _sdk.Client.ChangeSubscriptionSkuAsync("contoso", new ChangeSkuOptions { Sku = sku, NfrUserCount = nfrUsers }));

        Assert.Equal(field, error.FieldName);
        Assert.Equal("R19", error.Rule);
        Assert.Empty(_api.Requests);
    }

    [Fact]
    public async Task R19_a_refused_SKU_change_to_the_other_product_is_explained_from_the_subscription()
    {
        _api.Stub("PUT", "/1.0/subscriptions/contoso/change-sku", 400, "{\"Message\":\"Cannot change product.\"}");

        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => _sdk.Client.ChangeSubscriptionSkuAsync("contoso", new ChangeSkuOptions { Sku = "EXCL-G-PRO" }));

        Assert.Equal(ResellerErrorCodes.ProductChangeNotAllowed, error.ErrorCode);
        Assert.Contains("Cannot change product.", error.ErrorBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R19_not_for_resale_is_PUT_nfr_with_its_users_on_and_without_them_off()
    {
        _api.Stub("PUT", "/1.0/subscriptions/contoso/nfr");

        await _sdk.Client.ChangeSubscriptionNfrAsync("contoso", new NfrOptions { NotForResale = true, NfrUserCount = 25 });
        await _sdk.Client.ChangeSubscriptionNfrAsync("contoso", new NfrOptions { NotForResale = false });

        var puts = _api.RequestsTo("PUT", "/1.0/subscriptions/contoso/nfr");
        RequestAssert.Exact(puts[0], "PUT", "/exclaimerapi/1.0/subscriptions/contoso/nfr", body: "{\"NFR\":true,\"NumberOfNFRUsers\":25}");
        RequestAssert.Exact(puts[1], "PUT", "/exclaimerapi/1.0/subscriptions/contoso/nfr", body: "{\"NFR\":false}");
        var off = await Assert.ThrowsAsync<ResellerValidationException>(() => _sdk.Client.ChangeSubscriptionNfrAsync("contoso", new NfrOptions { NotForResale = false, NfrUserCount = 3 }));
        Assert.Equal("NfrUserCount", off.FieldName);
    }

    [Fact]
    public async Task R19_history_is_GET_history_and_the_example_parses_newest_first()
    {
        _api.Stub("GET", "/1.0/subscriptions/contoso/history", 200, Fixtures.Read("subscription-history.json"));

        var history = await _sdk.Client.GetSubscriptionHistoryAsync("contoso");

        RequestAssert.Exact(_api.Requests.Single(), "GET", "/exclaimerapi/1.0/subscriptions/contoso/history");
        Assert.Equal("Exclaimer Pro Edition for Office 365", history.TierChanges[0].Tier);
        Assert.Equal("Exclaimer Standard Edition for Office 365", history.TierChanges[0].PreviousTier);
        Assert.Equal(new DateTimeOffset(2025, 9, 2, 7, 54, 59, TimeSpan.Zero), history.TierChanges[0].Date!.Value.AddTicks(-(history.TierChanges[0].Date!.Value.Ticks % TimeSpan.TicksPerSecond)));
        Assert.Equal(new[] { "EXCL-M-START", "EXCL-M-START-NFR" }, history.SkuChanges.Select(c => c.Sku));
        Assert.Equal("EXCL-M-START-NFR", history.SkuChanges[0].PreviousSku);
    }

    [Fact]
    public async Task R20_the_owner_changes_with_POST_change_owner_by_address_or_by_user_id_as_the_contract_examples()
    {
        _api.Stub("POST", "/1.0/subscriptions/contoso/change-owner");

        await _sdk.Client.ChangeSubscriptionOwnerAsync("contoso", new ChangeOwnerOptions { EmailAddress = "helen.kirby@example.com" });
        await _sdk.Client.ChangeSubscriptionOwnerAsync("contoso", new ChangeOwnerOptions { UserId = "U7301-JJP-06" });

        var posts = _api.RequestsTo("POST", "/1.0/subscriptions/contoso/change-owner");
        RequestAssert.Exact(posts[0], "POST", "/exclaimerapi/1.0/subscriptions/contoso/change-owner", body: "{\"EmailAddress\":\"helen.kirby@example.com\"}");
        RequestAssert.Exact(posts[1], "POST", "/exclaimerapi/1.0/subscriptions/contoso/change-owner", body: "{\"UserID\":\"U7301-JJP-06\"}");
        var both = await Assert.ThrowsAsync<ResellerValidationException>(() => _sdk.Client.ChangeSubscriptionOwnerAsync("contoso", new ChangeOwnerOptions { EmailAddress = "a@b.example", UserId = "u1" }));
        Assert.Equal("R20", both.Rule);
        Assert.Equal(2, posts.Count);
    }

    [Fact]
    public async Task R20_a_refused_owner_change_to_a_user_without_Admin_is_explained_from_the_users()
    {
        await _sdk.Client.AddSubscriptionUserAsync("contoso", "ed@contoso.example", new[] { SubscriptionRole.Editor });
        _api.Stub("POST", "/1.0/subscriptions/contoso/change-owner", 400, "{\"Message\":\"The new owner must have the Admin role.\"}");

        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => _sdk.Client.ChangeSubscriptionOwnerAsync("contoso", new ChangeOwnerOptions { EmailAddress = "ed@contoso.example" }));
        var stranger = await Assert.ThrowsAsync<ResellerNotFoundException>(() => _sdk.Client.ChangeSubscriptionOwnerAsync("contoso", new ChangeOwnerOptions { EmailAddress = "nobody@contoso.example" }));

        Assert.Equal(ResellerErrorCodes.OwnerMustBeAdmin, error.ErrorCode);
        Assert.Equal(ResellerErrorCodes.UserNotFound, stranger.ErrorCode);
    }

    [Fact]
    public async Task R22_migration_is_POST_migrate_leaving_out_what_stays_and_sending_empty_to_remove_as_the_contract_examples()
    {
        _api.Stub("POST", "/1.0/subscriptions/contoso/migrate");

        await _sdk.Client.MigrateSubscriptionAsync("contoso", new MigrateSubscriptionOptions { ResellerId = "Jacobi Holdings" });
        await _sdk.Client.MigrateSubscriptionAsync("contoso", new MigrateSubscriptionOptions { ResellerId = "Jacobi Holdings", CustomerId = "Jean Jones" });
        await _sdk.Client.MigrateSubscriptionAsync("contoso", new MigrateSubscriptionOptions { ResellerId = string.Empty });

        var posts = _api.RequestsTo("POST", "/1.0/subscriptions/contoso/migrate");
        RequestAssert.Exact(posts[0], "POST", "/exclaimerapi/1.0/subscriptions/contoso/migrate", body: "{\"ResellerID\":\"Jacobi Holdings\"}");
        RequestAssert.Exact(posts[1], "POST", "/exclaimerapi/1.0/subscriptions/contoso/migrate", body: "{\"ResellerID\":\"Jacobi Holdings\",\"EndUserID\":\"Jean Jones\"}");
        RequestAssert.Exact(posts[2], "POST", "/exclaimerapi/1.0/subscriptions/contoso/migrate", body: "{\"ResellerID\":\"\"}");
        await Assert.ThrowsAsync<ResellerValidationException>(() => _sdk.Client.MigrateSubscriptionAsync("contoso", new MigrateSubscriptionOptions()));
        Assert.Equal(3, _api.RequestsTo("POST", "/1.0/subscriptions/contoso/migrate").Count);
    }

    [Fact]
    public async Task R22_a_migration_to_a_reseller_that_does_not_exist_is_ResellerNotFound()
    {
        _api.Stub("POST", "/1.0/subscriptions/contoso/migrate", 404, "{\"Message\":\"Reseller not found.\"}");

        var error = await Assert.ThrowsAsync<ResellerNotFoundException>(() => _sdk.Client.MigrateSubscriptionAsync("contoso", new MigrateSubscriptionOptions { ResellerId = "R-404" }));

        Assert.Equal(ResellerErrorCodes.ResellerNotFound, error.ErrorCode);
        Assert.Equal("contoso", error.Target);
    }
}
