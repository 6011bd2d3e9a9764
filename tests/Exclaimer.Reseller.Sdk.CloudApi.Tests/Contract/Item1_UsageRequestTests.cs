using System;
using System.Linq;
using System.Text.Json;

namespace Exclaimer.Reseller.Sdk.CloudApi.Tests.Contract;

/// <summary>
/// Issue 11, items 1, 2 and 5: the mailbox allocation, usage against licence (R23), what a create gains (R3, R7, R9) and
/// the subscription list's server-side filters, request by request.
/// </summary>
public sealed class Item1_UsageRequestTests : IDisposable
{
    private readonly FakeCloudApi _api = new();
    private readonly CloudApiClient _sdk;

    public Item1_UsageRequestTests()
    {
        _sdk = new CloudApiClient(_api);
    }

    public void Dispose()
    {
        _sdk.Dispose();
        _api.Dispose();
    }

    [Fact]
    public async Task R23_the_mailbox_allocation_is_GET_mailbox_allocation_and_the_example_parses()
    {
        _api.Stub("GET", "/1.0/mailbox-allocation", 200, Fixtures.Read("mailbox-allocation.json"));

        var allocation = await _sdk.Client.GetMailboxAllocationAsync();

        RequestAssert.Exact(_api.Requests.Single(), "GET", "/exclaimerapi/1.0/mailbox-allocation");
        Assert.Equal(new MailboxAllocation { Allocation = 10000, Allocated = 7000, Remaining = 3000 }, allocation);
    }

    [Fact]
    public async Task R23_usage_against_licence_is_one_list_page_and_one_mailbox_count_per_subscription_on_it()
    {
        _api.Add("contoso", users: 20);
        _api.Add("fabrikam", users: 25);

        var usage = await _sdk.Client.GetSubscriptionUsageAsync().ToListAsync();

        Assert.Equal(3, _api.Requests.Count);
        RequestAssert.Exact(_api.Requests[0], "GET", "/exclaimerapi/1.0/subscriptions", "Page=1&PageSize=50");
        // The counts are asked for at once, so they may reach the server in either order.
        Assert.Equal(new[] { "/exclaimerapi/1.0/subscriptions/contoso/mailbox-count", "/exclaimerapi/1.0/subscriptions/fabrikam/mailbox-count" }, _api.Requests.Skip(1).Select(r => r.AbsolutePath).Order(StringComparer.Ordinal));

        // The fake's mailbox count is the contract example: 23 server-side, 29 client-side.
        Assert.Equal(new[] { 9, 4 }, usage.Select(u => u.Overage));
        Assert.Equal(29, usage[0].MailboxesSeen);
        Assert.Equal(20, usage[0].LicensedUsers);
    }

    [Fact]
    public async Task R3_R7_R9_a_create_sends_the_currency_the_trial_length_the_owner_s_id_and_the_billing_group_as_the_Complete_example()
    {
        _api.Stub("POST", "/v2.0/subscriptions", 200, "{\"SubscriptionID\":\"Subscription-JJE-619\",\"UserID\":\"John-A-Smith\"}");
        _api.Add("Subscription-JJE-619", "The Company Ltd", "EXCL-M-PRO", 100);

        await _sdk.Client.CreateSubscriptionAsync(new CreateSubscriptionOptions
        {
            Product = Product.Microsoft365,
            Tier = Tier.Pro,
            CustomerName = "The Company Ltd",
            UserCount = 100,
            SubscriptionId = "Subscription-JJE-619",
            Domain = "thecompany.com",
            CountryCode = "GB",
            Currency = "gbp",
            TrialDays = 28,
            OwnerUserId = "John-A-Smith",
            BillingGroup = "UK-Division",
        });

        var body = JsonDocument.Parse(_api.RequestsTo("POST", "/v2.0/subscriptions").Single().Body!).RootElement;
        Assert.Equal("John-A-Smith", body.GetProperty("UserID").GetString());
        Assert.Equal("GBP", body.GetProperty("CurrencyCode").GetString());
        Assert.Equal(28, body.GetProperty("TrialDays").GetInt32());
        Assert.Equal("UK-Division", body.GetProperty("BillingGroup").GetString());
        Assert.False(body.TryGetProperty("SkipTrial", out _));
    }

    [Theory]
    [InlineData("JPY", null, false, null, "Currency", "R3")]
    [InlineData(null, 0, false, null, "TrialDays", "R7")]
    [InlineData(null, 366, false, null, "TrialDays", "R7")]
    [InlineData(null, 30, true, null, "TrialDays", "R7")]
    [InlineData(null, null, false, "no spaces", "OwnerUserId", "R9")]
    public async Task R3_R7_R9_a_create_whose_new_fields_break_a_rule_is_refused_before_anything_is_sent(string? currency, int? trialDays, bool skipTrial, string? ownerUserId, string field, string rule)
    {
        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => _sdk.Client.CreateSubscriptionAsync(new CreateSubscriptionOptions
        {
            Product = Product.Microsoft365,
            CustomerName = "Contoso Ltd",
            UserCount = 5,
            Domain = "contoso.com",
            Currency = currency,
            TrialDays = trialDays,
            SkipTrial = skipTrial,
            OwnerUserId = ownerUserId,
        }));

        Assert.Equal(field, error.FieldName);
        Assert.Equal(rule, error.Rule);
        Assert.Empty(_api.Requests);
    }

    [Fact]
    public async Task R2_R22_R23_overage_and_reseller_filters_are_sent_to_the_server_and_checked_on_each_page()
    {
        _api.Add("contoso");

        await _sdk.Client.GetSubscriptionsAsync(new SubscriptionQuery { Status = SubscriptionStatus.Active, OverageOnly = true, ResellerId = "R 1&2" }).ToListAsync();

        RequestAssert.Exact(_api.Requests.Single(), "GET", "/exclaimerapi/1.0/subscriptions", "Page=1&PageSize=50&ActiveOnly=true&OverageOnly=true&ResellerID=R%201%262");
    }

    [Theory]
    [InlineData("Domain")]
    [InlineData("DataCenter")]
    public async Task R2_filters_on_what_the_Cloud_API_does_not_report_say_so_rather_than_return_nothing(string field)
    {
        _api.Add("contoso");
        var query = field == "Domain" ? new SubscriptionQuery { Domain = "*.example" } : new SubscriptionQuery { DataCenter = DataCenter.EU };

        var error = await Assert.ThrowsAsync<ResellerException>(() => _sdk.Client.GetSubscriptionsAsync(query).ToListAsync().AsTask());

        Assert.Equal(ResellerErrorCodes.NotSupportedByCloudApi, error.ErrorCode);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R7_trials_ending_before_a_date_are_the_trials_whose_end_is_earlier()
    {
        _api.Add("trial", inTrial: true);
        _api.Add("full", inTrial: false);

        var before = await _sdk.Client.GetSubscriptionsAsync(new SubscriptionQuery { TrialEndsBefore = new DateTimeOffset(2025, 9, 17, 0, 0, 0, TimeSpan.Zero) }).ToListAsync();
        var after = await _sdk.Client.GetSubscriptionsAsync(new SubscriptionQuery { TrialEndsBefore = new DateTimeOffset(2025, 9, 16, 0, 0, 0, TimeSpan.Zero) }).ToListAsync();

        Assert.Equal("trial", Assert.Single(before).SubscriptionId);
        Assert.Empty(after);
    }
}
