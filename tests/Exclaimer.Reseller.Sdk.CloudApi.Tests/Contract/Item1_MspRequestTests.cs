using System;
using System.Linq;
using System.Text.Json;

namespace Exclaimer.Reseller.Sdk.CloudApi.Tests.Contract;

/// <summary>Issue 11, items 1 and 6: the MSP operations (R24), request by request against the contract.</summary>
public sealed class Item1_MspRequestTests : IDisposable
{
    private readonly FakeCloudApi _api = new();
    private readonly CloudApiClient _sdk;

    public Item1_MspRequestTests()
    {
        _sdk = new CloudApiClient(_api);
        _api.Stub("GET", "/1.0/msp/subscriptions/MSP-SUB-001", 200, Fixtures.Read("msp-subscription.json"));
    }

    public void Dispose()
    {
        _sdk.Dispose();
        _api.Dispose();
    }

    [Fact]
    public async Task R24_an_MSP_create_is_POST_msp_subscriptions_with_a_Pro_SKU_and_the_contract_s_parts_then_one_GET()
    {
        _api.Stub("POST", "/1.0/msp/subscriptions", 200, Fixtures.Read("add-msp-subscription-specified.json"));

        var created = await _sdk.Client.CreateMspSubscriptionAsync(new CreateMspSubscriptionOptions
        {
            DataCenter = DataCenter.EU,
            SubscriptionId = "MSP-SUB-001",
            CustomerName = "Tech Solutions Subscription",
            Customer = new SetCustomerOptions { CustomerId = "EU-002", CompanyName = "Tech Solutions Ltd", CountryCode = "GB" },
            Reseller = new SetResellerOptions { ResellerId = "RES-001", CompanyName = "Partner Inc", CountryCode = "US" },
        });

        RequestAssert.Exact(
            _api.RequestsTo("POST", "/1.0/msp/subscriptions").Single(),
            "POST",
            "/exclaimerapi/1.0/msp/subscriptions",
            body: "{\"DataCenter\":\"EU\",\"SubscriptionID\":\"MSP-SUB-001\",\"SKU\":\"EXCL-M-PRO\",\"SubscriptionName\":\"Tech Solutions Subscription\","
                + "\"EndUser\":{\"EndUserID\":\"EU-002\",\"CompanyName\":\"Tech Solutions Ltd\",\"CountryCode\":\"GB\"},"
                + "\"Reseller\":{\"ResellerID\":\"RES-001\",\"CompanyName\":\"Partner Inc\",\"CountryCode\":\"US\"}}");
        RequestAssert.Exact(_api.RequestsTo("GET", "/1.0/msp/subscriptions/MSP-SUB-001").Single(), "GET", "/exclaimerapi/1.0/msp/subscriptions/MSP-SUB-001");
        Assert.Equal(new MspSubscription { SubscriptionId = "MSP-SUB-001", CustomerName = "Acme Corp Subscription", CustomerId = "EU-001", ResellerId = "RES-001", TotalMailboxes = 150 }, created);
    }

    [Fact]
    public async Task R24_an_MSP_create_always_sends_an_id_and_takes_its_name_from_the_customer()
    {
        _api.Stub("POST", "/1.0/msp/subscriptions", 200, Fixtures.Read("add-msp-subscription-auto-generated.json"));
        _api.Stub("GET", "/1.0/msp/subscriptions/98xjD6BGyE5yq3g8A9MCXNHudobRxX", 200, "{\"Subscription\":{\"SubscriptionID\":\"98xjD6BGyE5yq3g8A9MCXNHudobRxX\",\"Name\":\"Acme Corp\"}}");

        var created = await _sdk.Client.CreateMspSubscriptionAsync(new CreateMspSubscriptionOptions
        {
            DataCenter = DataCenter.US,
            Product = Product.GoogleWorkspace,
            Customer = new SetCustomerOptions { CustomerId = "EU-001", CompanyName = "Acme Corp", CountryCode = "GB" },
        });

        var body = JsonDocument.Parse(_api.RequestsTo("POST", "/1.0/msp/subscriptions").Single().Body!).RootElement;
        Assert.Matches("^[0-9a-f]{32}$", body.GetProperty("SubscriptionID").GetString());
        Assert.Equal("EXCL-G-PRO", body.GetProperty("SKU").GetString());
        Assert.Equal("Acme Corp", body.GetProperty("SubscriptionName").GetString());
        Assert.Equal("98xjD6BGyE5yq3g8A9MCXNHudobRxX", created.SubscriptionId);
    }

    [Fact]
    public async Task R24_an_MSP_create_without_a_data_centre_or_a_name_is_refused_before_anything_is_sent()
    {
        var noDataCenter = await Assert.ThrowsAsync<ResellerValidationException>(() => _sdk.Client.CreateMspSubscriptionAsync(new CreateMspSubscriptionOptions { CustomerName = "X" }));
        var noName = await Assert.ThrowsAsync<ResellerValidationException>(() => _sdk.Client.CreateMspSubscriptionAsync(new CreateMspSubscriptionOptions { DataCenter = DataCenter.EU }));

        Assert.Equal("DataCenter", noDataCenter.FieldName);
        Assert.Equal("CustomerName", noName.FieldName);
        Assert.DoesNotContain(_api.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task R24_MSP_subscriptions_are_GET_msp_subscriptions_paged_with_usage_and_the_period_as_YYYY_MM_DD()
    {
        _api.Stub("GET", "/1.0/msp/subscriptions", 200, Fixtures.Read("msp-subscriptions-page.json"));

        var plain = await _sdk.Client.GetMspSubscriptionsAsync().AsPages().FirstAsync();
        var withUsage = await _sdk.Client.GetMspSubscriptionsAsync(new MspSubscriptionQuery { IncludeUsage = true, Period = new UsagePeriod(new DateTime(2025, 8, 1), new DateTime(2025, 8, 31)) }).AsPages().FirstAsync();

        var gets = _api.RequestsTo("GET", "/1.0/msp/subscriptions");
        RequestAssert.Exact(gets[0], "GET", "/exclaimerapi/1.0/msp/subscriptions", "Page=1&PageSize=50");
        RequestAssert.Exact(gets[1], "GET", "/exclaimerapi/1.0/msp/subscriptions", "Page=1&PageSize=50&IncludeUsage=true&DateFrom=2025-08-01&DateTo=2025-08-31");
        Assert.Equal(new[] { "MSP-SUB-001", "MSP-SUB-002" }, plain.Values.Select(s => s.SubscriptionId));
        Assert.Equal("Tech Solutions Subscription", withUsage.Values[1].CustomerName);
        Assert.Equal("EU-002", withUsage.Values[1].CustomerId);
        Assert.Equal("26145", plain.ContinuationToken);
    }

    [Fact]
    public async Task R24_a_usage_period_without_usage_is_refused_before_anything_is_sent()
    {
        var error = await Assert.ThrowsAsync<ResellerValidationException>(() =>
            _sdk.Client.GetMspSubscriptionAsync("MSP-SUB-001", new MspSubscriptionQuery { Period = UsagePeriod.MonthOf(new DateTime(2025, 8, 15)) }));

        Assert.Equal("Period", error.FieldName);
        Assert.Throws<ArgumentException>(() => new UsagePeriod(new DateTime(2025, 9, 1), new DateTime(2025, 8, 1)));
        Assert.Empty(_api.Requests);
    }

    [Fact]
    public async Task R24_one_MSP_subscription_is_GET_msp_subscriptions_id_with_its_usage_as_the_example()
    {
        var subscription = await _sdk.Client.GetMspSubscriptionAsync("MSP-SUB-001", new MspSubscriptionQuery { IncludeUsage = true });

        RequestAssert.Exact(_api.Requests.Single(), "GET", "/exclaimerapi/1.0/msp/subscriptions/MSP-SUB-001", "IncludeUsage=true");
        Assert.Equal(150, subscription.TotalMailboxes);
    }

    [Fact]
    public async Task R24_an_MSP_subscription_s_status_is_GET_status_and_the_example_parses()
    {
        _api.Stub("GET", "/1.0/msp/subscriptions/MSP-SUB-001/status", 200, Fixtures.Read("msp-subscription-status.json"));

        var status = await _sdk.Client.GetMspSubscriptionStatusAsync("MSP-SUB-001");

        RequestAssert.Exact(_api.Requests.Single(), "GET", "/exclaimerapi/1.0/msp/subscriptions/MSP-SUB-001/status");
        Assert.Equal(new MspSubscriptionStatus { Status = SubscriptionStatus.Active, Onboarded = true }, status);
    }

    [Fact]
    public async Task R24_senders_are_GET_senders_json_over_a_period_and_both_examples_parse()
    {
        _api.Stub("GET", "/1.0/msp/subscriptions/MSP-SUB-001/senders/json", 200, Fixtures.Read("msp-senders-basic-response.json"));
        _api.Stub("GET", "/1.0/msp/subscriptions/MSP-SUB-002/senders/json", 200, Fixtures.Read("msp-senders-empty-senders.json"));

        var senders = await _sdk.Client.GetMspSendersAsync("MSP-SUB-001", new UsagePeriod(new DateTime(2025, 8, 1), new DateTime(2025, 8, 31)));
        var none = await _sdk.Client.GetMspSendersAsync("MSP-SUB-002");

        RequestAssert.Exact(_api.Requests[0], "GET", "/exclaimerapi/1.0/msp/subscriptions/MSP-SUB-001/senders/json", "DateFrom=2025-08-01&DateTo=2025-08-31");
        RequestAssert.Exact(_api.Requests[1], "GET", "/exclaimerapi/1.0/msp/subscriptions/MSP-SUB-002/senders/json");
        Assert.Equal(
            new MspSender { UserId = "user-001", Sender = "john.doe@example.com", Total = 150, ImprintedServer = 50, ImprintedCloud = 60, ImprintedOnPremises = 40, Outlook = 100, Gmail = 50 },
            Assert.Single(senders));
        Assert.Empty(none);
    }

    [Fact]
    public async Task R24_a_partner_without_MSP_access_gets_Forbidden_saying_so()
    {
        _api.Stub("GET", "/1.0/msp/subscriptions", 403, "{\"Message\":\"Forbidden\"}");

        var error = await Assert.ThrowsAsync<ResellerAuthenticationException>(() => _sdk.Client.GetMspSubscriptionsAsync().ToListAsync().AsTask());

        Assert.Equal(ResellerErrorCodes.Forbidden, error.ErrorCode);
        Assert.Contains("Managed Service Provider", error.Message, StringComparison.Ordinal);
    }
}
