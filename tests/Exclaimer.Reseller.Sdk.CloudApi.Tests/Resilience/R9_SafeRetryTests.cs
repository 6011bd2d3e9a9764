using System;
using System.Linq;

namespace Exclaimer.Reseller.Sdk.CloudApi.Tests.Resilience;

/// <summary>Issue item 3 with R9 and R10: calls that are not idempotent are made safe before they are retried.</summary>
public sealed class R9_SafeRetryTests : IDisposable
{
    private readonly FakeCloudApi _api = new();
    private readonly CloudApiClient _sdk;

    public R9_SafeRetryTests()
    {
        _sdk = new CloudApiClient(_api);
    }

    public void Dispose()
    {
        _sdk.Dispose();
        _api.Dispose();
    }

    [Fact]
    public async Task R9_create_retried_after_a_lost_response_makes_exactly_one_subscription()
    {
        _api.Inject(new Fault { Method = "POST", PathEndsWith = "/v2.0/subscriptions", DropAfterProcessing = true });

        var created = await _sdk.Client.CreateSubscriptionAsync(NewContoso("contoso-m365"));

        Assert.Equal("contoso-m365", created.SubscriptionId);
        Assert.Single(_api.Subscriptions);
        Assert.Equal(2, _api.Hits.Count(h => h.StartsWith("POST", StringComparison.Ordinal)));
        Assert.Contains(_sdk.Logs.Lines, l => l.Contains("earlier attempt whose answer was lost", StringComparison.Ordinal));
    }

    [Fact]
    public async Task R9_create_without_an_id_retried_after_a_lost_response_still_makes_exactly_one()
    {
        _api.Inject(new Fault { Method = "POST", PathEndsWith = "/v2.0/subscriptions", DropAfterProcessing = true });
        var options = NewContoso("ignored");
        options.SubscriptionId = null;

        var created = await _sdk.Client.CreateSubscriptionAsync(options);

        Assert.Equal(created.SubscriptionId, Assert.Single(_api.Subscriptions).Id);
    }

    [Fact]
    public async Task R9_create_with_an_id_that_exists_is_a_conflict_and_nothing_is_created()
    {
        _api.Add("contoso-m365", "Someone Else Ltd");

        var error = await Assert.ThrowsAsync<ResellerConflictException>(() => _sdk.Client.CreateSubscriptionAsync(NewContoso("contoso-m365")));

        Assert.Equal("SubscriptionAlreadyExists", error.ErrorCode);
        Assert.Equal("contoso-m365", error.Target);
        Assert.Contains("Someone Else Ltd", error.Message, StringComparison.Ordinal);
        Assert.Single(_api.Subscriptions);
    }

    [Fact]
    public async Task R9_a_rerun_of_the_same_create_is_a_conflict_never_a_second_subscription()
    {
        await _sdk.Client.CreateSubscriptionAsync(NewContoso("contoso-m365"));

        var error = await Assert.ThrowsAsync<ResellerConflictException>(() => _sdk.Client.CreateSubscriptionAsync(NewContoso("contoso-m365")));

        Assert.Equal("SubscriptionAlreadyExists", error.ErrorCode);
        Assert.Single(_api.Subscriptions);
    }

    [Fact]
    public async Task R9_a_retry_that_finds_someone_else_s_subscription_under_the_id_is_a_conflict()
    {
        _api.Add("contoso-m365", "Someone Else Ltd");
        _api.Inject(new Fault { Method = "POST", PathEndsWith = "/v2.0/subscriptions", DropBeforeProcessing = true });

        var error = await Assert.ThrowsAsync<ResellerConflictException>(() => _sdk.Client.CreateSubscriptionAsync(NewContoso("contoso-m365")));

        Assert.Equal("SubscriptionAlreadyExists", error.ErrorCode);
        Assert.Single(_api.Subscriptions);
    }

    [Fact]
    public async Task R10_adding_a_user_retried_after_a_lost_response_adds_them_once()
    {
        _api.Add("contoso");
        _api.Inject(new Fault { Method = "POST", PathEndsWith = "/contoso/users", DropAfterProcessing = true });

        var added = await _sdk.Client.AddSubscriptionUserAsync("contoso", "jan@contoso.example");

        var users = _api.Subscriptions.Single().Users;
        Assert.Equal(2, users.Count);
        Assert.Equal(users.Single(u => u.Email == "jan@contoso.example").UserId, added.UserId);
    }

    [Fact]
    public async Task R10_removing_a_user_retried_after_a_lost_response_counts_as_done()
    {
        _api.Add("contoso").Users.Add(new FakeUser("jan@contoso.example", "jan", new() { "Editor" }));
        _api.Inject(new Fault { Method = "DELETE", PathEndsWith = "/users/jan@contoso.example", DropAfterProcessing = true });

        await _sdk.Client.RemoveSubscriptionUserAsync("contoso", "jan@contoso.example");

        Assert.Single(_api.Subscriptions.Single().Users);
    }

    [Fact]
    public async Task R13_a_suspend_retried_after_a_lost_response_returns_the_suspended_subscription()
    {
        _api.Add("contoso");
        _api.Inject(new Fault { Method = "PUT", PathEndsWith = "/contoso/deactivate", DropAfterProcessing = true });

        var suspended = await _sdk.Client.SuspendSubscriptionAsync("contoso");

        Assert.Equal(SubscriptionStatus.Suspended, suspended.Status);
    }

    private static CreateSubscriptionOptions NewContoso(string id) =>
        new()
        {
            Product = Product.Microsoft365,
            CustomerName = "Contoso Ltd",
            UserCount = 25,
            SubscriptionId = id,
            Domain = "contoso.com",
        };
}
