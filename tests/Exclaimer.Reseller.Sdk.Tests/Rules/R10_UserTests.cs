using System;
using System.Linq;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk.Tests.Support;

namespace Exclaimer.Reseller.Sdk.Tests.Rules;

public sealed class R10_UserTests : IDisposable
{
    private readonly TestEngine _engine = new();

    public R10_UserTests() => _engine.CreateAsync(TestEngine.NewM365("contoso")).GetAwaiter().GetResult();

    public void Dispose() => _engine.Dispose();

    [Fact]
    public async Task R10_a_user_added_without_roles_is_an_Admin()
    {
        var added = await _engine.Client.AddSubscriptionUserAsync("contoso", "Jan@Contoso.example");

        Assert.Equal(new[] { SubscriptionRole.Admin }, added.Roles);
        Assert.False(added.IsOwner);
        Assert.Equal("contoso", added.SubscriptionId);
        var users = await _engine.Client.GetSubscriptionUsersAsync("contoso").ToListAsync();
        Assert.Equal(new[] { "admin@reseller.example", "Jan@Contoso.example" }, users.Select(u => u.EmailAddress));
    }

    [Fact]
    public async Task R10_a_user_can_be_added_as_Editor_or_with_both_roles()
    {
        var editor = await _engine.Client.AddSubscriptionUserAsync("contoso", "ed@contoso.example", new[] { SubscriptionRole.Editor });
        var both = await _engine.Client.AddSubscriptionUserAsync("contoso", "both@contoso.example", new[] { SubscriptionRole.Editor, SubscriptionRole.Admin, SubscriptionRole.Editor });

        Assert.Equal(new[] { SubscriptionRole.Editor }, editor.Roles);
        Assert.Equal(new[] { SubscriptionRole.Admin, SubscriptionRole.Editor }, both.Roles);
    }

    [Fact]
    public async Task R10_adding_the_same_address_twice_is_a_conflict()
    {
        await _engine.Client.AddSubscriptionUserAsync("contoso", "jan@contoso.example");

        var error = await Assert.ThrowsAsync<ResellerConflictException>(() => _engine.Client.AddSubscriptionUserAsync("contoso", "JAN@contoso.example"));

        Assert.Equal("UserAlreadyExists", error.ErrorCode);
        Assert.Equal(2, (await _engine.Client.GetSubscriptionUsersAsync("contoso").ToListAsync()).Count);
    }

    [Fact]
    public async Task R10_a_user_is_removed_by_email_address()
    {
        await _engine.Client.AddSubscriptionUserAsync("contoso", "jan@contoso.example");

        await _engine.Client.RemoveSubscriptionUserAsync("contoso", "JAN@contoso.example");

        var users = await _engine.Client.GetSubscriptionUsersAsync("contoso").ToListAsync();
        Assert.DoesNotContain(users, u => u.EmailAddress.Equals("jan@contoso.example", StringComparison.OrdinalIgnoreCase));
        await Assert.ThrowsAsync<ResellerNotFoundException>(() => _engine.Client.RemoveSubscriptionUserAsync("contoso", "jan@contoso.example"));
    }

    [Fact]
    public async Task R10_the_owner_cannot_be_removed()
    {
        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => _engine.Client.RemoveSubscriptionUserAsync("contoso", "admin@reseller.example"));

        Assert.Equal("OwnerCannotBeRemoved", error.ErrorCode);
        Assert.Equal("R10", error.Rule);
        Assert.Single(await _engine.Client.GetSubscriptionUsersAsync("contoso").ToListAsync());
    }

    [Fact]
    public async Task R10_the_owner_always_keeps_Admin()
    {
        var error = await Assert.ThrowsAsync<ResellerValidationException>(() =>
            _engine.Client.SetSubscriptionUserRolesAsync("contoso", "admin@reseller.example", new[] { SubscriptionRole.Editor }));

        Assert.Equal("OwnerMustKeepAdmin", error.ErrorCode);
        var owner = Assert.Single(await _engine.Client.GetSubscriptionUsersAsync("contoso").ToListAsync());
        Assert.Equal(new[] { SubscriptionRole.Admin }, owner.Roles);

        var widened = await _engine.Client.SetSubscriptionUserRolesAsync("contoso", "admin@reseller.example", new[] { SubscriptionRole.Admin, SubscriptionRole.Editor });
        Assert.Equal(new[] { SubscriptionRole.Admin, SubscriptionRole.Editor }, widened.Roles);
    }

    [Fact]
    public async Task R10_R17_a_malformed_address_names_the_field_and_changes_nothing()
    {
        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => _engine.Client.AddSubscriptionUserAsync("contoso", "jan at contoso"));

        Assert.Equal("EmailAddress", error.FieldName);
        Assert.Single(await _engine.Client.GetSubscriptionUsersAsync("contoso").ToListAsync());
    }

    [Fact]
    public async Task R10_users_list_a_page_at_a_time()
    {
        for (var i = 0; i < 12; i++)
        {
            await _engine.Client.AddSubscriptionUserAsync("contoso", $"user{i}@contoso.example");
        }

        var pages = await _engine.Client.GetSubscriptionUsersAsync("contoso").AsPages(pageSizeHint: 5).ToListAsync();

        Assert.Equal(new[] { 5, 5, 3 }, pages.Select(p => p.Values.Count));
        Assert.Null(pages[^1].ContinuationToken);
    }
}
