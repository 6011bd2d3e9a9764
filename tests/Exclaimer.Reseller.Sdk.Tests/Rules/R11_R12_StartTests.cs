using System;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk.Tests.Support;

namespace Exclaimer.Reseller.Sdk.Tests.Rules;

public sealed class R11_R12_StartTests : IDisposable
{
    private readonly TestEngine _engine = new();

    public void Dispose() => _engine.Dispose();

    [Theory]
    [InlineData(DeploymentOptions.ServerSide)]
    [InlineData(DeploymentOptions.ClientSide)]
    [InlineData(DeploymentOptions.ExchangeOnPremises)]
    [InlineData(DeploymentOptions.ServerSide | DeploymentOptions.ClientSide)]
    [InlineData(DeploymentOptions.ServerSide | DeploymentOptions.ClientSide | DeploymentOptions.ExchangeOnPremises)]
    public async Task R11_a_Microsoft365_subscription_starts_with_any_one_combination_or_all_three(DeploymentOptions deployment)
    {
        var created = await _engine.CreateAsync(TestEngine.NewM365("m365"));
        Assert.False(created.IsConfigured);

        var start = await _engine.Client.StartSubscriptionAsync("m365", deployment);

        Assert.True(start.Configured);
        Assert.False(start.WasAlreadyConfigured);
        Assert.Equal(deployment, start.Deployment);
        Assert.Equal(deployment, (await _engine.Client.GetSubscriptionAsync("m365")).Deployment);
    }

    [Fact]
    public async Task R11_starting_needs_at_least_one_deployment_option()
    {
        await _engine.CreateAsync(TestEngine.NewM365("m365"));

        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => _engine.Client.StartSubscriptionAsync("m365", DeploymentOptions.None));

        Assert.Equal("Deployment", error.FieldName);
        Assert.Equal("R11", error.Rule);
        Assert.False((await _engine.Client.GetSubscriptionAsync("m365")).IsConfigured);
    }

    [Fact]
    public async Task R11_Exchange_on_premises_is_refused_for_Google_Workspace()
    {
        await _engine.CreateAsync(TestEngine.NewWithAccess("google"));

        var error = await Assert.ThrowsAsync<ResellerValidationException>(() =>
            _engine.Client.StartSubscriptionAsync("google", DeploymentOptions.ServerSide | DeploymentOptions.ExchangeOnPremises));

        Assert.Equal("ExchangeOnPremises", error.FieldName);
        Assert.Contains("Microsoft 365", error.Message, StringComparison.Ordinal);
        Assert.False((await _engine.Client.GetSubscriptionAsync("google")).IsConfigured);
        Assert.True((await _engine.Client.StartSubscriptionAsync("google", DeploymentOptions.ServerSide | DeploymentOptions.ClientSide)).Configured);
    }

    [Fact]
    public async Task R12_starting_a_configured_subscription_configures_nothing_and_returns_its_home_page()
    {
        await _engine.CreateAsync(TestEngine.NewM365("m365"));
        await _engine.Client.StartSubscriptionAsync("m365", DeploymentOptions.ServerSide);

        var again = await _engine.Client.StartSubscriptionAsync("m365", DeploymentOptions.ClientSide | DeploymentOptions.ExchangeOnPremises);

        Assert.True(again.WasAlreadyConfigured);
        Assert.False(again.Configured);
        Assert.Equal(DeploymentOptions.ServerSide, again.Deployment);
        Assert.Equal(DeploymentOptions.ServerSide, (await _engine.Client.GetSubscriptionAsync("m365")).Deployment);
        Assert.Equal("https://portal.exclaimer.com/subscriptions/m365/home", again.HomePage.ToString());
    }

    [Fact]
    public async Task R11_a_suspended_or_archived_subscription_cannot_be_started()
    {
        await _engine.CreateAsync(TestEngine.NewM365("m365"));
        await _engine.Client.SuspendSubscriptionAsync("m365");

        var error = await Assert.ThrowsAsync<ResellerConflictException>(() => _engine.Client.StartSubscriptionAsync("m365", DeploymentOptions.ServerSide));

        Assert.Equal("InvalidSubscriptionState", error.ErrorCode);
        Assert.Contains("Suspended", error.Message, StringComparison.Ordinal);
    }
}
