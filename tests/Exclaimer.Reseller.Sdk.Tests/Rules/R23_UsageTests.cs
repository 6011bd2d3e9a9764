using System;
using System.Linq;
using System.Threading.Tasks;
using Exclaimer.Reseller.Emulator;
using Exclaimer.Reseller.Sdk.Tests.Support;

namespace Exclaimer.Reseller.Sdk.Tests.Rules;

/// <summary>
/// R23: mailbox usage against what is licensed, over the emulator (told what mail it has seen through its usage
/// extension): the counts, the overage, the licensing floor of new accounts, and an Elite MSP's allocation.
/// </summary>
public sealed class R23_UsageTests : IDisposable
{
    private readonly TestEngine _engine = new();

    public R23_UsageTests()
    {
        _engine.CreateAsync(TestEngine.NewM365("contoso", "Contoso Ltd", 20)).GetAwaiter().GetResult();
        _engine.CreateAsync(TestEngine.NewM365("fabrikam", "Fabrikam BV", 30)).GetAwaiter().GetResult();
    }

    public void Dispose() => _engine.Dispose();

    [Fact]
    public async Task R23_the_mailbox_count_reports_what_was_seen_server_side_and_client_side()
    {
        var before = await _engine.Client.GetMailboxCountAsync("contoso");
        await _engine.SetUsageAsync("contoso", serverSide: 18, clientSide: 23);

        var after = await _engine.Client.GetMailboxCountAsync("contoso");

        Assert.Equal(new CloudApiMailboxCount(), before);
        Assert.Equal(new CloudApiMailboxCount { ServerSide = 18, ClientSide = 23 }, after);
    }

    [Fact]
    public async Task R23_usage_against_licence_reports_every_subscription_with_its_overage()
    {
        await _engine.SetUsageAsync("contoso", serverSide: 18, clientSide: 23);
        await _engine.SetUsageAsync("fabrikam", serverSide: 12, clientSide: 0);

        var report = await _engine.Client.GetSubscriptionUsageAsync().ToListAsync();

        Assert.Equal(new[] { "contoso", "fabrikam" }, report.Select(u => u.SubscriptionId));
        Assert.Equal((20, 18, 23, 23, 3), (report[0].LicensedUsers, report[0].ServerSideMailboxes, report[0].ClientSideMailboxes, report[0].MailboxesSeen, report[0].Overage));
        Assert.Equal(0, report[1].Overage);
        Assert.Equal("contoso-ltd.example", report[0].Domain);
        Assert.Equal(3, (await _engine.Client.GetSubscriptionAsync("contoso")).Overage);
        Assert.Null((await _engine.Client.GetSubscriptionAsync("fabrikam")).Overage);
    }

    [Fact]
    public async Task R23_only_subscriptions_over_their_licence_are_listed_with_OverageOnly()
    {
        await _engine.SetUsageAsync("fabrikam", serverSide: 31, clientSide: 0);

        var over = await _engine.Client.GetSubscriptionsAsync(new SubscriptionQuery { OverageOnly = true }).ToListAsync();
        var report = await _engine.Client.GetSubscriptionUsageAsync(new SubscriptionQuery { OverageOnly = true }).ToListAsync();

        Assert.Equal("fabrikam", Assert.Single(over).SubscriptionId);
        Assert.Equal(1, Assert.Single(report).Overage);
    }

    [Fact]
    public async Task R23_the_licensed_count_cannot_go_below_the_mailboxes_imprinted_in_the_last_30_days()
    {
        await _engine.SetUsageAsync("contoso", serverSide: 15, clientSide: 19);

        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => _engine.Client.UpdateSubscriptionAsync("contoso", new UpdateSubscriptionOptions { UserCount = 14 }));
        var atTheFloor = await _engine.Client.UpdateSubscriptionAsync("contoso", new UpdateSubscriptionOptions { UserCount = 15 });

        Assert.Equal("UserCount", error.FieldName);
        Assert.Contains("15 mailboxes imprinted", error.Message, StringComparison.Ordinal);
        Assert.Equal(15, atTheFloor.UserCount);
    }

    [Fact]
    public async Task R23_the_mailbox_allocation_is_refused_to_a_partner_not_on_the_Elite_programme()
    {
        var error = await Assert.ThrowsAsync<ResellerAuthenticationException>(() => _engine.Client.GetMailboxAllocationAsync());

        Assert.Equal((403, ResellerErrorCodes.Forbidden), (error.Status, error.ErrorCode));
        Assert.Contains("Elite", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R23_an_Elite_MSP_licenses_within_its_allocation_and_sees_what_is_left()
    {
        using var elite = new TestEngine(partner: EmulatorPartnerKind.Msp, mailboxAllocation: 100);
        var first = TestEngine.NewM365("first", "First Ltd", 60);
        first.Tier = Tier.Pro;
        var second = TestEngine.NewM365("second", "Second Ltd", 50);
        second.Tier = Tier.Pro;
        await elite.CreateAsync(first);

        var tooMany = await Assert.ThrowsAsync<ResellerValidationException>(() => elite.CreateAsync(second));
        second.UserCount = 40;
        await elite.CreateAsync(second);
        var raise = await Assert.ThrowsAsync<ResellerValidationException>(() => elite.Client.UpdateSubscriptionAsync("first", new UpdateSubscriptionOptions { UserCount = 61 }));
        var allocation = await elite.Client.GetMailboxAllocationAsync();

        Assert.Equal("UserCount", tooMany.FieldName);
        Assert.Contains("allocation", raise.Message, StringComparison.Ordinal);
        Assert.Equal(new MailboxAllocation { Allocation = 100, Allocated = 100, Remaining = 0 }, allocation);
        await elite.Client.CancelSubscriptionAsync("second");
        Assert.Equal(40, (await elite.Client.GetMailboxAllocationAsync()).Remaining);
    }

    [Fact]
    public void R23_R24_an_allocation_is_for_an_MSP_partner_only()
    {
        var error = Assert.Throws<ArgumentException>(() => new ResellerEmulator(new EmulatorOptions { Store = new Emulator.Storage.InMemoryResellerStore(), MailboxAllocation = 10 }));

        Assert.Contains("PartnerKind", error.Message, StringComparison.Ordinal);
    }
}
