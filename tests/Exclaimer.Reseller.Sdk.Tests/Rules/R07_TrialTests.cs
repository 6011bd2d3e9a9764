using System;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk.Tests.Support;

namespace Exclaimer.Reseller.Sdk.Tests.Rules;

public sealed class R07_TrialTests : IDisposable
{
    private readonly TestEngine _engine = new();

    public void Dispose() => _engine.Dispose();

    [Fact]
    public async Task R7_a_new_subscription_starts_a_14_day_trial_by_the_clock()
    {
        _engine.Clock.Advance(TimeSpan.FromHours(5));

        var created = await _engine.CreateAsync(TestEngine.NewM365("trial"));

        Assert.True(created.InTrial);
        Assert.Equal(TestEngine.Now.AddHours(5), created.StartDate);
        Assert.Equal(TestEngine.Now.AddHours(5).AddDays(14), created.TrialEndDate);
    }

    [Fact]
    public async Task R7_SkipTrial_creates_a_full_subscription()
    {
        var options = TestEngine.NewM365("full");
        options.SkipTrial = true;

        var created = await _engine.CreateAsync(options);

        Assert.False(created.InTrial);
        Assert.Null(created.TrialEndDate);
    }

    [Fact]
    public async Task R7_a_trial_converts_to_full_and_converting_again_changes_nothing()
    {
        await _engine.CreateAsync(TestEngine.NewM365("trial"));

        var full = await _engine.Client.ActivateFullSubscriptionAsync("trial");
        var again = await _engine.Client.ActivateFullSubscriptionAsync("trial");

        Assert.False(full.InTrial);
        Assert.Null(full.TrialEndDate);
        Assert.Equal(full, again);
        Assert.Equal(full, await _engine.Client.GetSubscriptionAsync("trial"));
    }

    [Fact]
    public async Task R7_R16_reactivating_with_a_new_trial_restarts_14_days_from_now()
    {
        await _engine.CreateAsync(TestEngine.NewM365("trial"));
        await _engine.Client.SuspendSubscriptionAsync("trial");
        _engine.Clock.Advance(TimeSpan.FromDays(30));

        var reactivated = await _engine.Client.ReactivateSubscriptionAsync("trial", restartTrial: true);

        Assert.Equal(SubscriptionStatus.Active, reactivated.Status);
        Assert.True(reactivated.InTrial);
        Assert.Equal(TestEngine.Now.AddDays(44), reactivated.TrialEndDate);
    }
}
