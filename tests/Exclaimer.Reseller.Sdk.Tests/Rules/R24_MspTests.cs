using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Exclaimer.Reseller.Emulator;
using Exclaimer.Reseller.Sdk.Tests.Support;

namespace Exclaimer.Reseller.Sdk.Tests.Rules;

/// <summary>
/// R24: the MSP operations over the emulator. They answer only when the emulator is told it serves an MSP
/// (<see cref="EmulatorOptions.PartnerKind"/>), 403 otherwise; MSP subscriptions are Pro and billed by usage.
/// </summary>
public sealed class R24_MspTests : IDisposable
{
    private readonly TestEngine _msp = new(partner: EmulatorPartnerKind.Msp);

    public void Dispose() => _msp.Dispose();

    [Fact]
    public async Task R24_every_MSP_operation_is_refused_with_403_for_a_partner_that_is_not_an_MSP()
    {
        using var reseller = new TestEngine();
        await reseller.CreateAsync(TestEngine.NewM365("contoso"));
        var client = reseller.Client;

        var calls = new Func<Task>[]
        {
            () => client.CreateMspSubscriptionAsync(new CreateMspSubscriptionOptions { DataCenter = DataCenter.EU, CustomerName = "Acme" }),
            () => client.GetMspSubscriptionsAsync().ToListAsync().AsTask(),
            () => client.GetMspSubscriptionAsync("contoso"),
            () => client.GetMspSubscriptionStatusAsync("contoso"),
            () => client.GetMspSendersAsync("contoso"),
        };
        foreach (var call in calls)
        {
            var error = await Assert.ThrowsAsync<ResellerAuthenticationException>(call);
            Assert.Equal((403, ResellerErrorCodes.Forbidden), (error.Status, error.ErrorCode));
        }

        Assert.Single(await client.GetSubscriptionsAsync().ToListAsync());
    }

    [Fact]
    public async Task R24_an_MSP_subscription_is_Pro_active_without_a_trial_and_billed_by_usage()
    {
        var created = await _msp.Client.CreateMspSubscriptionAsync(new CreateMspSubscriptionOptions
        {
            DataCenter = DataCenter.EU,
            SubscriptionId = "MSP-SUB-002",
            Product = Product.GoogleWorkspace,
            Customer = new SetCustomerOptions { CustomerId = "EU-002", CompanyName = "Tech Solutions Ltd", CountryCode = "GB" },
            Reseller = new SetResellerOptions { ResellerId = "RES-001", CompanyName = "Partner Inc", CountryCode = "US" },
        });

        Assert.Equal(new MspSubscription { SubscriptionId = "MSP-SUB-002", CustomerName = "Tech Solutions Ltd", CustomerId = "EU-002", ResellerId = "RES-001" }, created);
        var subscription = await _msp.Client.GetSubscriptionAsync("MSP-SUB-002");
        Assert.Equal((Product.GoogleWorkspace, Tier.Pro, "EXCL-G-PRO", SubscriptionStatus.Active, false, DataCenter.EU), (subscription.Product, subscription.Tier, subscription.Sku!, subscription.Status, subscription.InTrial, subscription.DataCenter!.Value));
        Assert.Contains(await _msp.Client.GetResellersAsync().ToListAsync(), r => r.ResellerId == "RES-001");
        Assert.Contains(await _msp.Client.GetCustomersAsync().ToListAsync(), c => c.CustomerId == "EU-002" && c.SubscriptionCount == 1);
    }

    [Fact]
    public async Task R24_R9_an_MSP_create_with_an_id_in_use_is_a_conflict_never_a_second_subscription()
    {
        await _msp.Client.CreateMspSubscriptionAsync(new CreateMspSubscriptionOptions { DataCenter = DataCenter.EU, SubscriptionId = "MSP-1", CustomerName = "One" });

        var error = await Assert.ThrowsAsync<ResellerConflictException>(() => _msp.Client.CreateMspSubscriptionAsync(new CreateMspSubscriptionOptions { DataCenter = DataCenter.US, SubscriptionId = "msp-1", CustomerName = "Two" }));

        Assert.Equal(ResellerErrorCodes.SubscriptionAlreadyExists, error.ErrorCode);
        Assert.Single(await _msp.Client.GetMspSubscriptionsAsync().ToListAsync());
    }

    [Fact]
    public async Task R24_MSP_subscriptions_list_with_their_usage_only_when_asked()
    {
        await _msp.Client.CreateMspSubscriptionAsync(new CreateMspSubscriptionOptions { DataCenter = DataCenter.EU, SubscriptionId = "MSP-1", CustomerName = "One" });
        await _msp.Client.CreateMspSubscriptionAsync(new CreateMspSubscriptionOptions { DataCenter = DataCenter.UK, SubscriptionId = "MSP-2", CustomerName = "Two" });
        await _msp.SetUsageAsync("MSP-2", serverSide: 40, clientSide: 55);

        var plain = await _msp.Client.GetMspSubscriptionsAsync().ToListAsync();
        var usage = await _msp.Client.GetMspSubscriptionsAsync(new MspSubscriptionQuery { IncludeUsage = true, Period = UsagePeriod.MonthOf(TestEngine.Now.UtcDateTime.AddMonths(-1)) }).ToListAsync();
        var one = await _msp.Client.GetMspSubscriptionAsync("MSP-2", new MspSubscriptionQuery { IncludeUsage = true });

        Assert.Equal(new[] { "MSP-1", "MSP-2" }, plain.Select(s => s.SubscriptionId));
        Assert.All(plain, s => Assert.Null(s.TotalMailboxes));
        Assert.Equal(new int?[] { 0, 55 }, usage.Select(s => s.TotalMailboxes));
        Assert.Equal(55, one.TotalMailboxes);
    }

    [Fact]
    public async Task R24_R11_an_MSP_subscription_is_onboarded_once_its_connection_is_made()
    {
        await _msp.Client.CreateMspSubscriptionAsync(new CreateMspSubscriptionOptions { DataCenter = DataCenter.EU, SubscriptionId = "MSP-1", CustomerName = "One" });

        var before = await _msp.Client.GetMspSubscriptionStatusAsync("MSP-1");
        await _msp.Client.StartSubscriptionAsync("MSP-1", DeploymentOptions.ServerSide);
        var after = await _msp.Client.GetMspSubscriptionStatusAsync("MSP-1");

        Assert.Equal(new MspSubscriptionStatus { Status = SubscriptionStatus.Active, Onboarded = false }, before);
        Assert.True(after.Onboarded);
    }

    [Fact]
    public async Task R24_senders_report_each_sender_s_usage()
    {
        await _msp.Client.CreateMspSubscriptionAsync(new CreateMspSubscriptionOptions { DataCenter = DataCenter.EU, SubscriptionId = "MSP-1", CustomerName = "One" });
        await _msp.SetUsageAsync("MSP-1", 1, 1, "[{\"UserId\":\"user-001\",\"Sender\":\"john.doe@example.com\",\"Total\":150,\"ImprintedServer\":50,\"ImprintedCloud\":60,\"ImprintedOnPremises\":40,\"Outlook\":100,\"Gmail\":50}]");

        var senders = await _msp.Client.GetMspSendersAsync("MSP-1", new UsagePeriod(new DateTime(2026, 10, 1), new DateTime(2026, 10, 31)));
        var none = await _msp.Client.GetMspSendersAsync("MSP-1");

        Assert.Equal(new MspSender { UserId = "user-001", Sender = "john.doe@example.com", Total = 150, ImprintedServer = 50, ImprintedCloud = 60, ImprintedOnPremises = 40, Outlook = 100, Gmail = 50 }, Assert.Single(senders));
        Assert.Single(none);
    }

    [Theory]
    [InlineData("1.0/msp/subscriptions?IncludeUsage=true&DateFrom=2026-10-01", "DateTo")]
    [InlineData("1.0/msp/subscriptions?DateFrom=2026-10-31&DateTo=2026-10-01", "DateFrom")]
    [InlineData("1.0/msp/subscriptions?DateFrom=01/10/2026&DateTo=2026-10-31", "DateFrom")]
    public async Task R24_a_date_range_is_both_dates_as_YYYY_MM_DD_the_first_not_after_the_second(string path, string field)
    {
        var (status, body) = await _msp.SendRawAsync(HttpMethod.Get, path);

        Assert.Equal(400, status);
        Assert.Contains(field, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R24_an_MSP_create_refuses_a_SKU_that_is_not_Pro()
    {
        var (status, body) = await _msp.SendRawAsync(HttpMethod.Post, "1.0/msp/subscriptions", "{\"DataCenter\":\"EU\",\"SubscriptionName\":\"X\",\"SKU\":\"EXCL-M-STAND\"}");
        var (missing, missingBody) = await _msp.SendRawAsync(HttpMethod.Post, "1.0/msp/subscriptions", "{\"SubscriptionName\":\"X\"}");

        Assert.Equal(400, status);
        Assert.Contains("SKU", body, StringComparison.Ordinal);
        Assert.Equal(400, missing);
        Assert.Contains("DataCenter", missingBody, StringComparison.Ordinal);
    }
}
