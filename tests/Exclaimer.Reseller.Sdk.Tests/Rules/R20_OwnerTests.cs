using System;
using System.Linq;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk.Tests.Support;

namespace Exclaimer.Reseller.Sdk.Tests.Rules;

/// <summary>R20: the owner changes only to an existing Admin of the subscription; the owner rules (R10) move with it.</summary>
public sealed class R20_OwnerTests : IDisposable
{
    private readonly TestEngine _engine = new();

    public R20_OwnerTests()
    {
        _engine.CreateAsync(TestEngine.NewM365("contoso")).GetAwaiter().GetResult();
        _engine.Client.AddSubscriptionUserAsync("contoso", "anna@contoso.example").GetAwaiter().GetResult();
        _engine.Client.AddSubscriptionUserAsync("contoso", "ed@contoso.example", new[] { SubscriptionRole.Editor }).GetAwaiter().GetResult();
    }

    public void Dispose() => _engine.Dispose();

    [Fact]
    public async Task R20_an_Admin_becomes_the_owner_and_the_owner_rules_move_with_it()
    {
        var anna = (await _engine.Client.GetSubscriptionUsersAsync("contoso").ToListAsync()).Single(u => u.EmailAddress == "anna@contoso.example");

        var changed = await _engine.Client.ChangeSubscriptionOwnerAsync("contoso", new ChangeOwnerOptions { EmailAddress = "ANNA@contoso.example" });

        Assert.Equal(anna.UserId, changed.OwnerUserId);
        var users = await _engine.Client.GetSubscriptionUsersAsync("contoso").ToListAsync();
        Assert.Equal(new[] { "anna@contoso.example" }, users.Where(u => u.IsOwner).Select(u => u.EmailAddress));

        // The old owner is an ordinary user now, so can go; the new one cannot (R10).
        await _engine.Client.RemoveSubscriptionUserAsync("contoso", "admin@reseller.example");
        var keep = await Assert.ThrowsAsync<ResellerValidationException>(() => _engine.Client.RemoveSubscriptionUserAsync("contoso", "anna@contoso.example"));
        Assert.Equal(ResellerErrorCodes.OwnerCannotBeRemoved, keep.ErrorCode);
    }

    [Fact]
    public async Task R20_the_owner_can_be_named_by_user_id_and_naming_the_owner_again_changes_nothing()
    {
        var anna = (await _engine.Client.GetSubscriptionUsersAsync("contoso").ToListAsync()).Single(u => u.EmailAddress == "anna@contoso.example");

        var once = await _engine.Client.ChangeSubscriptionOwnerAsync("contoso", new ChangeOwnerOptions { UserId = anna.UserId });
        var twice = await _engine.Client.ChangeSubscriptionOwnerAsync("contoso", new ChangeOwnerOptions { UserId = anna.UserId });

        Assert.Equal(once, twice);
        Assert.Equal(anna.UserId, twice.OwnerUserId);
    }

    [Fact]
    public async Task R20_a_user_without_Admin_cannot_become_the_owner_until_given_it()
    {
        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => _engine.Client.ChangeSubscriptionOwnerAsync("contoso", new ChangeOwnerOptions { EmailAddress = "ed@contoso.example" }));
        var owner = (await _engine.Client.GetSubscriptionAsync("contoso")).OwnerUserId;

        Assert.Equal(ResellerErrorCodes.OwnerMustBeAdmin, error.ErrorCode);
        Assert.Equal("R20", error.Rule);
        await _engine.Client.SetSubscriptionUserRolesAsync("contoso", "ed@contoso.example", new[] { SubscriptionRole.Admin, SubscriptionRole.Editor });
        var changed = await _engine.Client.ChangeSubscriptionOwnerAsync("contoso", new ChangeOwnerOptions { EmailAddress = "ed@contoso.example" });
        Assert.NotEqual(owner, changed.OwnerUserId);
    }

    [Fact]
    public async Task R20_someone_who_is_not_a_user_cannot_become_the_owner()
    {
        var error = await Assert.ThrowsAsync<ResellerNotFoundException>(() => _engine.Client.ChangeSubscriptionOwnerAsync("contoso", new ChangeOwnerOptions { EmailAddress = "nobody@contoso.example" }));

        Assert.Equal(ResellerErrorCodes.UserNotFound, error.ErrorCode);
    }

    [Fact]
    public async Task R20_neither_or_both_of_address_and_user_id_is_refused_before_anything_is_sent()
    {
        var neither = await Assert.ThrowsAsync<ResellerValidationException>(() => _engine.Client.ChangeSubscriptionOwnerAsync("contoso", new ChangeOwnerOptions()));
        var both = await Assert.ThrowsAsync<ResellerValidationException>(() => _engine.Client.ChangeSubscriptionOwnerAsync("contoso", new ChangeOwnerOptions { EmailAddress = "anna@contoso.example", UserId = "u-1" }));

        Assert.Equal(ResellerErrorCodes.MissingField, neither.ErrorCode);
        Assert.Equal("UserId", both.FieldName);
    }
}
