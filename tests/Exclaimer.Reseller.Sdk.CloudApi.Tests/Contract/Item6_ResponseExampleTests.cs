using System;
using System.Linq;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Exclaimer.Reseller.Sdk.CloudApi.Tests.Contract;

/// <summary>Issue item 6: the response examples of openapi.json (carried into Fixtures/) parse into the public models.</summary>
public sealed class Item6_ResponseExampleTests : IDisposable
{
    private readonly FakeCloudApi _api = new();
    private readonly CloudApiClient _sdk;

    public Item6_ResponseExampleTests()
    {
        _sdk = new CloudApiClient(_api);
    }

    public void Dispose()
    {
        _sdk.Dispose();
        _api.Dispose();
    }

    [Fact]
    public async Task Item6_the_subscriptions_page_example_parses_with_every_documented_field()
    {
        Serve("/1.0/subscriptions", "subscriptions-page.json");

        var page = await _sdk.Client.GetSubscriptionsAsync().AsPages().FirstAsync();

        Assert.Equal("26145", page.ContinuationToken);
        var first = page.Values[0];
        Assert.Equal("Sub-IJZ-471", first.SubscriptionId);
        Assert.Equal("VIP Services", first.CustomerName);
        Assert.Equal("kkJKcWgGU54Ro43vKV58jkCKnZg8uL", first.OwnerUserId);
        Assert.Equal("U-DDX-332", first.CustomerId);
        Assert.Equal("R-UWM-842", first.ResellerId);
        Assert.Equal(new DateTimeOffset(2025, 9, 2, 7, 54, 59, TimeSpan.Zero), first.StartDate!.Value.AddTicks(-(first.StartDate.Value.Ticks % TimeSpan.TicksPerSecond)));
        Assert.Equal(100, first.UserCount);
        Assert.Equal(72, first.AggregatedUsers);
        Assert.Equal(29, first.ProcessedUsers);
        Assert.Equal(42, first.BillableUsers);
        Assert.Equal("GBP", first.Currency);
        Assert.Equal(SubscriptionStatus.Active, first.Status);
        Assert.Equal(Tier.Standard, first.Tier);
        Assert.Equal(Product.Microsoft365, first.Product);
        var second = page.Values[1];
        Assert.True(second.InTrial);
        Assert.NotNull(second.TrialEndDate);
        Assert.True(second.Nfr);
        Assert.Equal(Tier.Pro, second.Tier);
        Assert.Equal("EXCL-M-PRO-NFR", second.Sku);
    }

    [Fact]
    public async Task Item5_deprecated_tiers_and_SKUs_read_as_Unknown_not_as_errors()
    {
        Serve("/1.0/subscriptions", "subscriptions-page-deprecated-tiers.json");

        var page = await _sdk.Client.GetSubscriptionsAsync().AsPages().FirstAsync();

        Assert.Equal(Tier.Unknown, page.Values[0].Tier);
        Assert.Equal(Product.Microsoft365, page.Values[0].Product);
    }

    [Fact]
    public async Task Item6_the_single_subscription_example_parses()
    {
        Serve("/1.0/subscriptions/SUB-UUWE-610", "subscription.json");

        var subscription = await _sdk.Client.GetSubscriptionAsync("SUB-UUWE-610");

        Assert.Equal("SUB-UUWE-610", subscription.SubscriptionId);
        Assert.Equal(220, subscription.UserCount);
        Assert.True(subscription.InTrial);
        Assert.Equal(new DateTimeOffset(2025, 9, 12, 7, 54, 59, 817, TimeSpan.Zero), subscription.TrialEndDate!.Value.AddTicks(-(subscription.TrialEndDate.Value.Ticks % TimeSpan.TicksPerMillisecond)));
    }

    [Fact]
    public async Task Item6_the_users_example_parses_roles_and_user_ids()
    {
        _api.Add("SUB-SXU-409");
        Serve("/1.0/subscriptions/SUB-SXU-409/users", "subscription-users.json");

        var page = await _sdk.Client.GetSubscriptionUsersAsync("SUB-SXU-409").AsPages().FirstAsync();

        Assert.Equal("262145", page.ContinuationToken);
        Assert.Equal("finance.robert.davis@example.com", page.Values[1].EmailAddress);
        Assert.Equal("FIN-RD-005", page.Values[1].UserId);
        Assert.Equal(new[] { SubscriptionRole.Admin, SubscriptionRole.Editor }, page.Values[1].Roles);
    }

    [Fact]
    public async Task Item6_the_end_users_example_parses_into_customers()
    {
        Serve("/1.0/end-users", "end-users.json");

        var page = await _sdk.Client.GetCustomersAsync().AsPages().FirstAsync();

        Assert.Equal(new[] { "B-Taylor-01", "R-Collins", "S-Crown-01-A" }, page.Values.Select(c => c.CustomerId));
        Assert.Equal("GBR", page.Values[1].CountryCode);
    }

    [Fact]
    public async Task Item6_the_reference_examples_parse_with_products_and_tiers()
    {
        Serve("/1.0/reference/data-centers", "data-centers.json");
        Serve("/1.0/reference/skus", "skus.json");
        Serve("/1.0/reference/tiers", "tiers.json");

        var dataCenters = await _sdk.Client.GetDataCentersAsync();
        var skus = await _sdk.Client.GetSkusAsync();
        var tiers = await _sdk.Client.GetTiersAsync();

        Assert.Equal("IND", dataCenters.Single(d => d.Location == "UAE").Microsoft365Code);
        Assert.Null(dataCenters.Single(d => d.Location == "UAE").GoogleWorkspaceCode);
        Assert.Equal("EU", dataCenters.Single(d => d.Location == "Europe").GoogleWorkspaceCode);
        var sku = skus.Single(s => s.Code == "EXCL-G-STAND");
        Assert.Equal(Product.GoogleWorkspace, sku.Product);
        Assert.Equal(Tier.Standard, sku.Tier);
        Assert.Equal(new[] { Tier.Starter, Tier.Standard, Tier.Pro }, tiers.Select(t => t.Tier));
    }

    [Fact]
    public async Task Item6_the_create_and_mailbox_count_and_status_examples_parse()
    {
        _api.Add("contoso");
        Serve("/1.0/subscriptions/contoso/mailbox-count", "mailbox-count.json");
        Serve("/1.0/status", "status.json");

        var mailboxes = await _sdk.Client.GetMailboxCountAsync("contoso");
        var time = await _sdk.Client.GetServerTimeAsync();

        Assert.Equal(23, mailboxes.ServerSide);
        Assert.Equal(29, mailboxes.ClientSide);

        // The Status example has no zone: it is UTC, whatever the machine's zone.
        Assert.Equal(new DateTimeOffset(2025, 9, 2, 7, 54, 59, TimeSpan.Zero), time);
    }

    [Fact]
    public async Task Item6_the_create_response_example_gives_the_subscription_id_to_read_back()
    {
        Serve("/v2.0/subscriptions", "add-subscription-specified.json", "POST");
        _api.Add("Subscription-JSY-612", "Contoso Ltd");

        var created = await _sdk.Client.CreateSubscriptionAsync(new CreateSubscriptionOptions
        {
            Product = Product.Microsoft365,
            CustomerName = "Contoso Ltd",
            UserCount = 25,
            SubscriptionId = "Subscription-JSY-612",
            Domain = "contoso.com",
        });

        Assert.Equal("Subscription-JSY-612", created.SubscriptionId);
    }

    [Fact]
    public async Task Item1_camelCase_responses_are_accepted_too()
    {
        _api.Server.Given(Request.Create().WithPath("/exclaimerapi/1.0/subscriptions/camel").UsingGet()).AtPriority(1)
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json")
                .WithBody("{\"subscription\":{\"subscriptionId\":\"camel\",\"name\":\"Camel Ltd\",\"numberOfUsers\":7,\"status\":\"suspended\",\"tier\":\"exclaimerPro\",\"sku\":\"EXCL-G-PRO\"}}"));

        var subscription = await _sdk.Client.GetSubscriptionAsync("camel");

        Assert.Equal("Camel Ltd", subscription.CustomerName);
        Assert.Equal(7, subscription.UserCount);
        Assert.Equal(SubscriptionStatus.Suspended, subscription.Status);
        Assert.Equal(Tier.Pro, subscription.Tier);
        Assert.Equal(Product.GoogleWorkspace, subscription.Product);
    }

    [Fact]
    public async Task Item6_every_field_of_the_Subscription_schema_reaches_the_model()
    {
        // All twenty fields of the schema, so a field the wire type forgets to map fails here.
        _api.Server.Given(Request.Create().WithPath("/exclaimerapi/1.0/subscriptions/full").UsingGet()).AtPriority(1)
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(
                "{\"Subscription\":{\"SubscriptionID\":\"full\",\"Name\":\"Full Ltd\",\"UserID\":\"owner-1\",\"EndUserID\":\"E-1\","
                + "\"ResellerID\":\"R-1\",\"StartDate\":\"2025-09-02T07:54:59Z\",\"NumberOfUsers\":40,\"AggregatedUsers\":41,"
                + "\"ProcessedUsers\":42,\"Currency\":\"EUR\",\"Status\":\"Suspended\",\"InTrial\":false,"
                + "\"TrialEndDate\":\"2025-09-16T07:54:59Z\",\"BillableUsers\":43,\"Overage\":3,\"Tier\":\"ExclaimerPro\","
                + "\"NFR\":true,\"NFRDetails\":{\"NumberOfUsers\":5,\"DateApplied\":\"2025-10-01T00:00:00Z\"},"
                + "\"SKU\":\"EXCL-G-PRO-NFR\",\"PendingTransfer\":true}}"));

        var subscription = await _sdk.Client.GetSubscriptionAsync("full");

        Assert.Equal(
            new Subscription
            {
                SubscriptionId = "full",
                CustomerName = "Full Ltd",
                OwnerUserId = "owner-1",
                CustomerId = "E-1",
                ResellerId = "R-1",
                StartDate = new DateTimeOffset(2025, 9, 2, 7, 54, 59, TimeSpan.Zero),
                UserCount = 40,
                AggregatedUsers = 41,
                ProcessedUsers = 42,
                Currency = "EUR",
                Status = SubscriptionStatus.Suspended,
                InTrial = false,
                TrialEndDate = new DateTimeOffset(2025, 9, 16, 7, 54, 59, TimeSpan.Zero),
                BillableUsers = 43,
                Overage = 3,
                Tier = Tier.Pro,
                Nfr = true,
                NfrDetails = new SubscriptionNfrDetails { NumberOfUsers = 5, DateApplied = new DateTimeOffset(2025, 10, 1, 0, 0, 0, TimeSpan.Zero) },
                Sku = "EXCL-G-PRO-NFR",
                PendingTransfer = true,
            },
            subscription);
    }

    private void Serve(string path, string fixture, string method = "GET") =>
        _api.Server.Given(Request.Create().WithPath("/exclaimerapi" + path).UsingMethod(method)).AtPriority(1)
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(Fixtures.Read(fixture)));
}
