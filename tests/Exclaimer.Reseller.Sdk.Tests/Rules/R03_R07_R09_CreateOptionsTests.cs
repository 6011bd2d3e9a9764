using System;
using System.Linq;
using System.Threading.Tasks;
using Exclaimer.Reseller.Emulator;
using Exclaimer.Reseller.Sdk.Tests.Support;

namespace Exclaimer.Reseller.Sdk.Tests.Rules;

/// <summary>
/// What a create gains (issue 11, item 2) over the emulator: the billing currency, which never changes (R3), the trial's
/// length (R7) and the owner's user id (R9); a reseller outside the Marketplace must name itself.
/// </summary>
public sealed class R03_R07_R09_CreateOptionsTests : IDisposable
{
    private readonly TestEngine _engine = new();

    public void Dispose() => _engine.Dispose();

    [Fact]
    public async Task R3_the_billing_currency_is_GBP_unless_given_and_cannot_be_changed_afterwards()
    {
        var pounds = await _engine.CreateAsync(TestEngine.NewM365("pounds"));
        var euros = TestEngine.NewM365("euros", "Euros GmbH");
        euros.Currency = "eur";
        var created = await _engine.CreateAsync(euros);

        var (status, body) = await _engine.SendRawAsync(System.Net.Http.HttpMethod.Put, "1.0/subscriptions/euros", "{\"SubscriptionName\":\"Euros AG\",\"CurrencyCode\":\"USD\"}");

        Assert.Equal("GBP", pounds.Currency);
        Assert.Equal("EUR", created.Currency);
        Assert.Equal(400, status);
        Assert.Contains("CurrencyCode", body, StringComparison.Ordinal);
        Assert.Equal("EUR", (await _engine.Client.GetSubscriptionAsync("euros")).Currency);
    }

    [Fact]
    public async Task R7_a_create_may_choose_its_trial_s_length()
    {
        var options = TestEngine.NewM365("long-trial");
        options.TrialDays = 30;

        var created = await _engine.CreateAsync(options);
        var standard = await _engine.CreateAsync(TestEngine.NewM365("standard-trial", "Other Ltd"));

        Assert.Equal(TestEngine.Now.AddDays(30), created.TrialEndDate);
        Assert.Equal(TestEngine.Now.AddDays(14), standard.TrialEndDate);
    }

    [Fact]
    public async Task R9_the_owner_gets_the_user_id_the_create_gave()
    {
        var options = TestEngine.NewM365("owned");
        options.OwnerUserId = "John-A-Smith";

        var created = await _engine.CreateAsync(options);

        Assert.Equal("John-A-Smith", created.OwnerUserId);
        var owner = Assert.Single(await _engine.Client.GetSubscriptionUsersAsync("owned").ToListAsync());
        Assert.Equal(("John-A-Smith", true), (owner.UserId!, owner.IsOwner));
    }

    [Fact]
    public async Task R3_a_reseller_outside_the_Marketplace_names_itself_on_every_create()
    {
        using var reseller = new TestEngine(partner: EmulatorPartnerKind.Reseller);
        using var named = reseller.Emulator.CreateClient(options =>
        {
            options.ResellerAdminEmail = "admin@reseller.example";
            options.ResellerDomain = "reseller.example";
        });

        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => reseller.CreateAsync(TestEngine.NewM365("anonymous")));
        var created = await named.CreateSubscriptionAsync(TestEngine.NewM365("named"));

        Assert.Equal("ResellerDomain", error.FieldName);
        Assert.Equal("named", created.SubscriptionId);
    }

    [Fact]
    public async Task R10_a_user_can_be_added_without_the_welcome_email()
    {
        await _engine.CreateAsync(TestEngine.NewM365("contoso"));

        var quiet = await _engine.Client.AddSubscriptionUserAsync("contoso", new AddSubscriptionUserOptions { EmailAddress = "quiet@contoso.example", SendWelcomeEmail = false, UserId = "Q-1" }, default);

        Assert.Equal("Q-1", quiet.UserId);
        Assert.Equal(new[] { SubscriptionRole.Admin }, quiet.Roles);
        Assert.Contains(await _engine.Client.GetSubscriptionUsersAsync("contoso").ToListAsync(), u => u.UserId == "Q-1");
    }

    [Fact]
    public async Task R2_R7_trials_ending_before_a_date_and_filters_by_domain_and_data_centre()
    {
        var soon = TestEngine.NewM365("soon", "Soon Ltd");
        soon.TrialDays = 3;
        soon.DataCenter = DataCenter.US;
        await _engine.CreateAsync(soon);
        await _engine.CreateAsync(TestEngine.NewM365("later", "Later Ltd"));
        var full = TestEngine.NewM365("full", "Full Ltd");
        full.SkipTrial = true;
        await _engine.CreateAsync(full);

        var endingThisWeek = await _engine.Client.GetSubscriptionsAsync(new SubscriptionQuery { TrialEndsBefore = TestEngine.Now.AddDays(7) }).ToListAsync();
        var byDomain = await _engine.Client.GetSubscriptionsAsync(new SubscriptionQuery { Domain = "L*.EXAMPLE" }).ToListAsync();
        var inUs = await _engine.Client.GetSubscriptionsAsync(new SubscriptionQuery { DataCenter = DataCenter.US }).ToListAsync();

        Assert.Equal("soon", Assert.Single(endingThisWeek).SubscriptionId);
        Assert.Equal("later", Assert.Single(byDomain).SubscriptionId);
        Assert.Equal("soon", Assert.Single(inUs).SubscriptionId);
    }
}
