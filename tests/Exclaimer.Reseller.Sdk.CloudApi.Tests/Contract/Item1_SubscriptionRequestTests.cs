using System;
using System.Linq;

namespace Exclaimer.Reseller.Sdk.CloudApi.Tests.Contract;

/// <summary>Issue item 1 and 6: every subscription operation sends exactly the request the Cloud API contract describes.</summary>
public sealed class Item1_SubscriptionRequestTests : IDisposable
{
    private readonly FakeCloudApi _api = new();
    private readonly CloudApiClient _sdk;

    public Item1_SubscriptionRequestTests()
    {
        _sdk = new CloudApiClient(_api);
    }

    public void Dispose()
    {
        _sdk.Dispose();
        _api.Dispose();
    }

    [Fact]
    public async Task R2_listing_asks_the_first_page_by_Page_and_PageSize_then_echoes_the_ContinuationToken()
    {
        for (var i = 0; i < 5; i++)
        {
            _api.Add("sub-" + i, "Customer " + i);
        }

        await foreach (var page in _sdk.Client.GetSubscriptionsAsync().AsPages(pageSizeHint: 2))
        {
            Assert.True(page.Values.Count <= 2);
        }

        var requests = _api.RequestsTo("GET", "/1.0/subscriptions");
        Assert.Equal(3, requests.Count);
        RequestAssert.Exact(requests[0], "GET", "/exclaimerapi/1.0/subscriptions", "Page=1&PageSize=2");
        RequestAssert.Exact(requests[1], "GET", "/exclaimerapi/1.0/subscriptions", "ContinuationToken=2002");
        RequestAssert.Exact(requests[2], "GET", "/exclaimerapi/1.0/subscriptions", "ContinuationToken=4002");
    }

    [Fact]
    public async Task R2_an_Active_status_filter_is_sent_as_ActiveOnly()
    {
        _api.Add("a", status: "Active");
        _api.Add("s", status: "Suspended");

        var active = await _sdk.Client.GetSubscriptionsAsync(new SubscriptionQuery { Status = SubscriptionStatus.Active }).ToListAsync();

        Assert.Equal(new[] { "a" }, active.Select(s => s.SubscriptionId));
        RequestAssert.Exact(_api.RequestsTo("GET", "/1.0/subscriptions").Single(), "GET", "/exclaimerapi/1.0/subscriptions", "Page=1&PageSize=50&ActiveOnly=true");
    }

    [Fact]
    public async Task R13_get_one_is_GET_1_0_subscriptions_id()
    {
        _api.Add("contoso-m365");

        var subscription = await _sdk.Client.GetSubscriptionAsync("contoso-m365");

        Assert.Equal("contoso-m365", subscription.SubscriptionId);
        RequestAssert.Exact(_api.Requests.Single(), "GET", "/exclaimerapi/1.0/subscriptions/contoso-m365");
    }

    [Fact]
    public async Task R3_R4_create_without_customer_access_is_POST_v2_with_the_default_tier_and_country_owned_by_the_reseller_admin_with_no_welcome_email()
    {
        var created = await _sdk.Client.CreateSubscriptionAsync(new CreateSubscriptionOptions
        {
            Product = Product.Microsoft365,
            CustomerName = "Contoso Ltd",
            UserCount = 25,
            SubscriptionId = "contoso-m365",
            Domain = "contoso.com",
        });

        var post = _api.RequestsTo("POST", "/v2.0/subscriptions").Single();
        RequestAssert.Exact(
            post,
            "POST",
            "/exclaimerapi/v2.0/subscriptions",
            body: "{\"SubscriptionID\":\"contoso-m365\",\"EmailAddress\":\"admin@reseller.example\",\"MailboxCount\":25,\"CountryCode\":\"GB\","
                + "\"SendWelcomeEmailToCustomer\":false,\"SubscriptionName\":\"Contoso Ltd\",\"SKU\":\"EXCL-M-STAND\","
                + "\"EndUser\":{\"Domain\":\"contoso.com\"},\"Reseller\":{\"Domain\":\"reseller.example\"}}");
        RequestAssert.Exact(_api.RequestsTo("GET", "/1.0/subscriptions/contoso-m365").Single(), "GET", "/exclaimerapi/1.0/subscriptions/contoso-m365");
        Assert.Equal("contoso-m365", created.SubscriptionId);
        Assert.Equal("owner-contoso-m365", created.OwnerUserId);
        Assert.True(created.InTrial);
        Assert.Equal("contoso.com", created.Domain);
        Assert.False(created.AllowCustomerEditing);
    }

    [Fact]
    public async Task R5_R6_R7_create_with_customer_access_is_owned_by_the_contact_who_gets_the_welcome_email()
    {
        var created = await _sdk.Client.CreateSubscriptionAsync(new CreateSubscriptionOptions
        {
            Product = Product.GoogleWorkspace,
            Tier = Tier.Pro,
            CustomerName = "Fabrikam BV",
            UserCount = 10,
            SubscriptionId = "fabrikam",
            Domain = "fabrikam.example",
            CountryCode = "NL",
            DataCenter = DataCenter.EU,
            AllowCustomerEditing = true,
            ContactName = "Anna de Vries",
            ContactEmail = "anna@fabrikam.example",
            SkipTrial = true,
        });

        RequestAssert.Exact(
            _api.RequestsTo("POST", "/v2.0/subscriptions").Single(),
            "POST",
            "/exclaimerapi/v2.0/subscriptions",
            body: "{\"SubscriptionID\":\"fabrikam\",\"EmailAddress\":\"anna@fabrikam.example\",\"MailboxCount\":10,\"CountryCode\":\"NL\",\"DataCenter\":\"EU\","
                + "\"SendWelcomeEmailToCustomer\":true,\"SubscriptionName\":\"Fabrikam BV\",\"SKU\":\"EXCL-G-PRO\","
                + "\"EndUser\":{\"Domain\":\"fabrikam.example\",\"FirstName\":\"Anna\",\"LastName\":\"de Vries\",\"EmailAddress\":\"anna@fabrikam.example\"},"
                + "\"Reseller\":{\"Domain\":\"reseller.example\"},\"SkipTrial\":true}");
        Assert.False(created.InTrial);
        Assert.Equal(Product.GoogleWorkspace, created.Product);
        Assert.Equal(DataCenter.EU, created.DataCenter);
        Assert.Equal("anna@fabrikam.example", created.ContactEmail);
    }

    [Fact]
    public async Task R9_create_without_an_id_still_sends_a_generated_SubscriptionID()
    {
        var created = await _sdk.Client.CreateSubscriptionAsync(new CreateSubscriptionOptions
        {
            Product = Product.Microsoft365,
            CustomerName = "Contoso Ltd",
            UserCount = 25,
            Domain = "contoso.com",
        });

        var sent = System.Text.Json.JsonDocument.Parse(_api.RequestsTo("POST", "/v2.0/subscriptions").Single().Body!).RootElement.GetProperty("SubscriptionID").GetString();
        Assert.Equal(32, sent!.Length);
        Assert.Equal(sent, created.SubscriptionId);
    }

    [Fact]
    public async Task R13_a_new_user_count_is_PUT_mailbox_count_and_a_new_name_is_PUT_subscription_then_read_back()
    {
        _api.Add("contoso", users: 25);

        var updated = await _sdk.Client.UpdateSubscriptionAsync("contoso", new UpdateSubscriptionOptions { UserCount = 40, CustomerName = "Contoso Group" });

        Assert.Equal(40, updated.UserCount);
        Assert.Equal("Contoso Group", updated.CustomerName);
        RequestAssert.Exact(_api.RequestsTo("PUT", "/1.0/subscriptions/contoso/mailbox-count").Single(), "PUT", "/exclaimerapi/1.0/subscriptions/contoso/mailbox-count", body: "{\"MailboxCount\":40}");
        RequestAssert.Exact(_api.RequestsTo("PUT", "/1.0/subscriptions/contoso").Single(), "PUT", "/exclaimerapi/1.0/subscriptions/contoso", body: "{\"SubscriptionName\":\"Contoso Group\"}");
        Assert.Equal(2, _api.RequestsTo("GET", "/1.0/subscriptions/contoso").Count);
    }

    [Fact]
    public async Task R7_activate_full_is_PUT_activate_full_without_a_body_then_read_back()
    {
        _api.Add("contoso", inTrial: true);

        var full = await _sdk.Client.ActivateFullSubscriptionAsync("contoso");

        Assert.False(full.InTrial);
        RequestAssert.Exact(_api.RequestsTo("PUT", "/1.0/subscriptions/contoso/activate-full").Single(), "PUT", "/exclaimerapi/1.0/subscriptions/contoso/activate-full");
        Assert.Single(_api.RequestsTo("GET", "/1.0/subscriptions/contoso"));
    }

    [Fact]
    public async Task R13_suspend_is_PUT_deactivate_then_read_back()
    {
        _api.Add("contoso");

        var suspended = await _sdk.Client.SuspendSubscriptionAsync("contoso");

        Assert.Equal(SubscriptionStatus.Suspended, suspended.Status);
        RequestAssert.Exact(_api.RequestsTo("PUT", "/1.0/subscriptions/contoso/deactivate").Single(), "PUT", "/exclaimerapi/1.0/subscriptions/contoso/deactivate");
    }

    [Fact]
    public async Task R16_reactivate_is_PUT_reactivate_with_InTrial()
    {
        _api.Add("contoso", status: "Ended", inTrial: false);

        var reactivated = await _sdk.Client.ReactivateSubscriptionAsync("contoso", restartTrial: true);

        Assert.Equal(SubscriptionStatus.Active, reactivated.Status);
        Assert.True(reactivated.InTrial);
        RequestAssert.Exact(_api.RequestsTo("PUT", "/1.0/subscriptions/contoso/reactivate").Single(), "PUT", "/exclaimerapi/1.0/subscriptions/contoso/reactivate", body: "{\"InTrial\":true}");
    }

    [Fact]
    public async Task R15_cancel_is_PUT_end_and_the_subscription_moves_to_the_archive()
    {
        _api.Add("contoso");
        _api.Add("other");

        var cancelled = await _sdk.Client.CancelSubscriptionAsync("contoso");
        var archive = await _sdk.Client.GetArchivedSubscriptionsAsync().ToListAsync();
        var current = await _sdk.Client.GetSubscriptionsAsync().ToListAsync();

        Assert.True(cancelled.IsArchived);
        Assert.Equal(new[] { "contoso" }, archive.Select(s => s.SubscriptionId));
        Assert.Equal(new[] { "other" }, current.Select(s => s.SubscriptionId));
        RequestAssert.Exact(_api.RequestsTo("PUT", "/1.0/subscriptions/contoso/end").Single(), "PUT", "/exclaimerapi/1.0/subscriptions/contoso/end");
    }

    [Fact]
    public async Task R15_cancelling_again_is_safe_and_returns_the_archived_subscription()
    {
        _api.Add("contoso", status: "Ended", inTrial: false);

        var again = await _sdk.Client.CancelSubscriptionAsync("contoso");

        Assert.Equal(SubscriptionStatus.Ended, again.Status);
    }

    [Fact]
    public async Task R13_a_refused_state_change_is_not_hidden_when_the_subscription_is_not_where_the_caller_wanted()
    {
        _api.Add("contoso", status: "Ended", inTrial: false);

        var error = await Assert.ThrowsAsync<ResellerConflictException>(() => _sdk.Client.SuspendSubscriptionAsync("contoso"));

        // The refusal is explained from the subscription's state, the server's own words kept beside it.
        Assert.Equal(ResellerErrorCodes.InvalidSubscriptionState, error.ErrorCode);
        Assert.Contains("is Ended", error.Message, StringComparison.Ordinal);
        Assert.Contains("Only an active subscription", error.ErrorBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Item1_a_partner_segment_replaces_exclaimerapi_in_every_path()
    {
        using var api = new FakeCloudApi("yourcompany");
        using var sdk = new CloudApiClient(api, o => o.ApiSegment = "yourcompany");
        api.Add("contoso");

        await sdk.Client.GetSubscriptionAsync("contoso");

        Assert.Equal("/yourcompany/1.0/subscriptions/contoso", api.Requests.Single().AbsolutePath);
    }

    [Fact]
    public async Task Item1_ids_are_escaped_in_paths()
    {
        _api.Add("a#b?c");

        var subscription = await _sdk.Client.GetSubscriptionAsync("a#b?c");

        Assert.Equal("a#b?c", subscription.SubscriptionId);
    }
}
