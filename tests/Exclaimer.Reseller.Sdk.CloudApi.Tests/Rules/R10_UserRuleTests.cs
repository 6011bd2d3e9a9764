using System;
using System.Linq;

namespace Exclaimer.Reseller.Sdk.CloudApi.Tests.Rules;

/// <summary>R10 over the Cloud API: the same outcomes and error codes as the local engine.</summary>
public sealed class R10_UserRuleTests : IDisposable
{
    private readonly FakeCloudApi _api = new();
    private readonly CloudApiClient _sdk;

    public R10_UserRuleTests()
    {
        _sdk = new CloudApiClient(_api);
        _api.Add("contoso", owner: "owner@contoso.example");
    }

    public void Dispose()
    {
        _sdk.Dispose();
        _api.Dispose();
    }

    [Fact]
    public async Task R10_the_owner_cannot_be_removed()
    {
        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => _sdk.Client.RemoveSubscriptionUserAsync("contoso", "owner@contoso.example"));

        Assert.Equal("OwnerCannotBeRemoved", error.ErrorCode);
        Assert.Equal("R10", error.Rule);
        Assert.Single(_api.Subscriptions.Single().Users);
    }

    [Fact]
    public async Task R10_the_owner_keeps_Admin_and_nothing_is_sent_to_take_it()
    {
        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => _sdk.Client.SetSubscriptionUserRolesAsync("contoso", "owner@contoso.example", new[] { SubscriptionRole.Editor }));

        Assert.Equal("OwnerMustKeepAdmin", error.ErrorCode);
        Assert.DoesNotContain(_api.Requests, r => r.Method == "PUT");
    }

    [Fact]
    public async Task R10_adding_an_address_already_on_the_subscription_is_a_conflict()
    {
        await _sdk.Client.AddSubscriptionUserAsync("contoso", "jan@contoso.example");

        var error = await Assert.ThrowsAsync<ResellerConflictException>(() => _sdk.Client.AddSubscriptionUserAsync("contoso", "JAN@contoso.example"));

        Assert.Equal("UserAlreadyExists", error.ErrorCode);
        Assert.Equal(2, _api.Subscriptions.Single().Users.Count);
    }

    [Fact]
    public async Task R10_removing_an_unknown_user_or_from_an_unknown_subscription_says_which()
    {
        var user = await Assert.ThrowsAsync<ResellerNotFoundException>(() => _sdk.Client.RemoveSubscriptionUserAsync("contoso", "nobody@contoso.example"));
        var subscription = await Assert.ThrowsAsync<ResellerNotFoundException>(() => _sdk.Client.RemoveSubscriptionUserAsync("nope", "nobody@contoso.example"));

        Assert.Equal("UserNotFound", user.ErrorCode);
        Assert.Equal("SubscriptionNotFound", subscription.ErrorCode);
    }

    [Fact]
    public async Task R10_roles_of_an_unknown_user_are_not_found()
    {
        var error = await Assert.ThrowsAsync<ResellerNotFoundException>(() => _sdk.Client.SetSubscriptionUserRolesAsync("contoso", "nobody@contoso.example", new[] { SubscriptionRole.Editor }));

        Assert.Equal("UserNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task R10_a_bad_address_or_role_is_refused_before_anything_is_sent()
    {
        var address = await Assert.ThrowsAsync<ResellerValidationException>(() => _sdk.Client.AddSubscriptionUserAsync("contoso", "not-an-address"));
        var role = await Assert.ThrowsAsync<ResellerValidationException>(() => _sdk.Client.AddSubscriptionUserAsync("contoso", "jan@contoso.example", new[] { SubscriptionRole.Unknown }));

        Assert.Equal("EmailAddress", address.FieldName);
        Assert.Equal("Role", role.FieldName);
        Assert.Empty(_api.Hits);
    }

    [Fact]
    public async Task R17_when_a_rename_fails_after_the_user_count_changed_the_count_is_set_back()
    {
        _api.Inject(new Fault { Method = "PUT", PathEndsWith = "/subscriptions/contoso", Status = 400, Body = "{\"Message\":\"Name refused\"}" });

        await Assert.ThrowsAsync<ResellerValidationException>(() => _sdk.Client.UpdateSubscriptionAsync("contoso", new UpdateSubscriptionOptions { UserCount = 80, CustomerName = "Contoso Group" }));

        Assert.Equal(25, _api.Subscriptions.Single().NumberOfUsers);
        Assert.Equal(2, _api.RequestsTo("PUT", "/1.0/subscriptions/contoso/mailbox-count").Count);
    }
}
