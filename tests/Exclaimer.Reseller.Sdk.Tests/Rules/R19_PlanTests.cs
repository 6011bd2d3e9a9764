using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Exclaimer.Reseller.Emulator;
using Exclaimer.Reseller.Sdk.Tests.Support;

namespace Exclaimer.Reseller.Sdk.Tests.Rules;

/// <summary>R19: plan changes (tier, SKU, not-for-resale) over the emulator, and the history they leave.</summary>
public sealed class R19_PlanTests : IDisposable
{
    private readonly TestEngine _engine = new();

    public R19_PlanTests() => _engine.CreateAsync(TestEngine.NewM365("contoso")).GetAwaiter().GetResult();

    public void Dispose() => _engine.Dispose();

    [Fact]
    public async Task R19_a_tier_change_keeps_the_product_and_is_recorded_in_the_history_newest_first()
    {
        var pro = await _engine.Client.ChangeSubscriptionTierAsync("contoso", Tier.Pro);
        _engine.Clock.Advance(TimeSpan.FromDays(1));
        var starter = await _engine.Client.ChangeSubscriptionTierAsync("contoso", Tier.Starter);

        Assert.Equal((Tier.Pro, "EXCL-M-PRO"), (pro.Tier, pro.Sku));
        Assert.Equal((Tier.Starter, "EXCL-M-START", Product.Microsoft365), (starter.Tier, starter.Sku, starter.Product));
        var history = await _engine.Client.GetSubscriptionHistoryAsync("contoso");
        Assert.Equal(new[] { "Exclaimer Starter Edition for Office 365", "Exclaimer Pro Edition for Office 365" }, history.TierChanges.Select(c => c.Tier));
        Assert.Equal("Exclaimer Standard Edition for Office 365", history.TierChanges[1].PreviousTier);
        Assert.Equal(TestEngine.Now.AddDays(1), history.TierChanges[0].Date);
        Assert.Equal(new[] { ("EXCL-M-START", "EXCL-M-PRO"), ("EXCL-M-PRO", "EXCL-M-STAND") }, history.SkuChanges.Select(c => (c.Sku!, c.PreviousSku!)));
    }

    [Fact]
    public async Task R19_a_change_to_what_the_plan_already_is_changes_nothing_and_records_nothing()
    {
        await _engine.Client.ChangeSubscriptionTierAsync("contoso", Tier.Pro);

        await _engine.Client.ChangeSubscriptionTierAsync("contoso", Tier.Pro);
        await _engine.Client.ChangeSubscriptionSkuAsync("contoso", new ChangeSkuOptions { Sku = "EXCL-M-PRO" });

        var history = await _engine.Client.GetSubscriptionHistoryAsync("contoso");
        Assert.Single(history.TierChanges);
        Assert.Single(history.SkuChanges);
    }

    [Fact]
    public async Task R19_a_new_subscription_has_an_empty_history()
    {
        var history = await _engine.Client.GetSubscriptionHistoryAsync("contoso");

        Assert.Empty(history.TierChanges);
        Assert.Empty(history.SkuChanges);
    }

    [Fact]
    public async Task R19_a_SKU_change_cannot_switch_between_Microsoft_365_and_Google_Workspace()
    {
        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => _engine.Client.ChangeSubscriptionSkuAsync("contoso", new ChangeSkuOptions { Sku = "EXCL-G-STAND" }));

        Assert.Equal(ResellerErrorCodes.ProductChangeNotAllowed, error.ErrorCode);
        Assert.Equal("R19", error.Rule);
        Assert.Equal("EXCL-M-STAND", (await _engine.Client.GetSubscriptionAsync("contoso")).Sku);
        Assert.Empty((await _engine.Client.GetSubscriptionHistoryAsync("contoso")).SkuChanges);
    }

    [Fact]
    public async Task R19_an_NFR_SKU_needs_a_number_of_NFR_users_on_the_server_too()
    {
        // What the client refuses before sending, the emulator refuses for any client.
        var (missing, missingBody) = await _engine.SendRawAsync(HttpMethod.Put, "1.0/subscriptions/contoso/change-sku", "{\"SKU\":\"EXCL-M-PRO-NFR\"}");
        var (unwanted, _) = await _engine.SendRawAsync(HttpMethod.Put, "1.0/subscriptions/contoso/change-sku", "{\"SKU\":\"EXCL-M-PRO\",\"NumberOfNFRUsers\":3}");

        Assert.Equal(400, missing);
        Assert.Contains("NumberOfNFRUsers", missingBody, StringComparison.Ordinal);
        Assert.Equal(400, unwanted);
        Assert.Equal("EXCL-M-STAND", (await _engine.Client.GetSubscriptionAsync("contoso")).Sku);
    }

    [Fact]
    public async Task R19_an_NFR_SKU_with_its_users_makes_the_subscription_not_for_resale()
    {
        var nfr = await _engine.Client.ChangeSubscriptionSkuAsync("contoso", new ChangeSkuOptions { Sku = SubscriptionSku.For(Product.Microsoft365, Tier.Pro, notForResale: true), NfrUserCount = 25 });

        Assert.Equal("EXCL-M-PRO-NFR", nfr.Sku);
        Assert.True(nfr.Nfr);
        Assert.Equal(new SubscriptionNfrDetails { NumberOfUsers = 25, DateApplied = TestEngine.Now }, nfr.NfrDetails);
        Assert.Equal(Tier.Pro, nfr.Tier);
    }

    [Fact]
    public async Task R19_not_for_resale_turns_on_and_off_and_the_SKU_follows()
    {
        var on = await _engine.Client.ChangeSubscriptionNfrAsync("contoso", new NfrOptions { NotForResale = true, NfrUserCount = 5 });
        var off = await _engine.Client.ChangeSubscriptionNfrAsync("contoso", new NfrOptions { NotForResale = false });
        var again = await _engine.Client.ChangeSubscriptionNfrAsync("contoso", new NfrOptions { NotForResale = false });

        Assert.Equal(("EXCL-M-STAND-NFR", (bool?)true, 5), (on.Sku!, on.Nfr, on.NfrDetails!.NumberOfUsers!.Value));
        Assert.Equal(("EXCL-M-STAND", (bool?)false), (off.Sku!, off.Nfr));
        Assert.Null(off.NfrDetails);
        Assert.Equal(off, again);
        Assert.Equal(new[] { "EXCL-M-STAND", "EXCL-M-STAND-NFR" }, (await _engine.Client.GetSubscriptionHistoryAsync("contoso")).SkuChanges.Select(c => c.Sku));
    }

    [Fact]
    public async Task R19_R16_an_archived_subscription_changes_no_plan_until_reactivated()
    {
        await _engine.Client.CancelSubscriptionAsync("contoso");

        var error = await Assert.ThrowsAsync<ResellerConflictException>(() => _engine.Client.ChangeSubscriptionTierAsync("contoso", Tier.Pro));

        Assert.Equal(ResellerErrorCodes.InvalidSubscriptionState, error.ErrorCode);
        Assert.Equal(Tier.Standard, (await _engine.Client.GetSubscriptionAsync("contoso")).Tier);
    }

    [Fact]
    public async Task R19_R24_an_MSP_partner_s_subscriptions_stay_Pro()
    {
        using var msp = new TestEngine(partner: EmulatorPartnerKind.Msp);
        var standard = TestEngine.NewM365("standard");
        var pro = TestEngine.NewM365("pro");
        pro.Tier = Tier.Pro;

        var refused = await Assert.ThrowsAsync<ResellerValidationException>(() => msp.CreateAsync(standard));
        await msp.CreateAsync(pro);
        var lower = await Assert.ThrowsAsync<ResellerValidationException>(() => msp.Client.ChangeSubscriptionTierAsync("pro", Tier.Standard));

        Assert.Equal("Product", refused.FieldName);
        Assert.Equal("Tier", lower.FieldName);
        Assert.Equal(Tier.Pro, (await msp.Client.GetSubscriptionAsync("pro")).Tier);
    }
}
