using System;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk.Tests.Support;

namespace Exclaimer.Reseller.Sdk.Tests.Rules;

public sealed class R13_ManageTests : IDisposable
{
    private readonly TestEngine _engine = new();

    public R13_ManageTests() => _engine.CreateAsync(TestEngine.NewM365("contoso", users: 25)).GetAwaiter().GetResult();

    public void Dispose() => _engine.Dispose();

    [Fact]
    public async Task R13_details_show_every_field_of_the_subscription()
    {
        var options = TestEngine.NewWithAccess("detailed");
        options.Domain = "Fabrikam.Example.";
        options.CountryCode = "NL";
        await _engine.CreateAsync(options);

        var details = await _engine.Client.GetSubscriptionAsync("DETAILED");

        Assert.Equal("detailed", details.SubscriptionId);
        Assert.Equal("fabrikam.example", details.Domain);
        Assert.Equal("fabrikam.example", details.CustomerId);
        Assert.Equal(DataCenter.EU, details.DataCenter);
        Assert.Equal("Anna de Vries", details.ContactName);
        Assert.NotNull(details.OwnerUserId);
        Assert.Equal(DeploymentOptions.None, details.Deployment);
    }

    [Fact]
    public async Task R13_the_user_count_and_name_change_and_other_fields_stay()
    {
        var before = await _engine.Client.GetSubscriptionAsync("contoso");

        var after = await _engine.Client.UpdateSubscriptionAsync("contoso", new UpdateSubscriptionOptions { UserCount = 40 });
        var renamed = await _engine.Client.UpdateSubscriptionAsync("contoso", new UpdateSubscriptionOptions { CustomerName = "Contoso Group" });

        Assert.Equal(40, after.UserCount);
        Assert.Equal(before with { UserCount = 40 }, after);
        Assert.Equal(after with { CustomerName = "Contoso Group" }, renamed);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public async Task R13_R17_a_user_count_below_one_is_refused(int count)
    {
        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => _engine.Client.UpdateSubscriptionAsync("contoso", new UpdateSubscriptionOptions { UserCount = count }));

        Assert.Equal("UserCount", error.FieldName);
        Assert.Equal(25, (await _engine.Client.GetSubscriptionAsync("contoso")).UserCount);
    }

    [Fact]
    public async Task R13_suspend_and_reactivate_are_safe_to_repeat()
    {
        var suspended = await _engine.Client.SuspendSubscriptionAsync("contoso");
        var again = await _engine.Client.SuspendSubscriptionAsync("contoso");
        var active = await _engine.Client.ReactivateSubscriptionAsync("contoso");
        var activeAgain = await _engine.Client.ReactivateSubscriptionAsync("contoso");

        Assert.Equal(SubscriptionStatus.Suspended, suspended.Status);
        Assert.Equal(suspended, again);
        Assert.Equal(SubscriptionStatus.Active, active.Status);
        Assert.True(active.InTrial);
        Assert.Equal(active, activeAgain);
    }

    [Fact]
    public async Task R13_an_unknown_subscription_is_not_found()
    {
        var error = await Assert.ThrowsAsync<ResellerNotFoundException>(() => _engine.Client.SuspendSubscriptionAsync("nope"));

        Assert.Equal("SubscriptionNotFound", error.ErrorCode);
        Assert.Equal(404, error.Status);
        Assert.Equal("nope", error.Target);
    }

    [Fact]
    public async Task R13_an_empty_subscription_id_names_the_field()
    {
        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => _engine.Client.GetSubscriptionAsync(" "));

        Assert.Equal("SubscriptionId", error.FieldName);
    }
}
