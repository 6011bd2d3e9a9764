using System;
using System.Linq;

namespace Exclaimer.Reseller.Sdk.CloudApi.Tests.Contract;

/// <summary>
/// The fewest round trips: ChangeSubscriptionAsync makes each change with the one request the contract needs, where the
/// methods that return the subscription read it back (docs/cloud-api.md gives the count for every call); the rules
/// stay the same (safe to repeat, refusals explained, input checked before anything is sent).
/// </summary>
public sealed class Bulk_FewestRoundTripsTests : IDisposable
{
    private readonly FakeCloudApi _api = new();
    private readonly CloudApiClient _sdk;

    public Bulk_FewestRoundTripsTests()
    {
        _sdk = new CloudApiClient(_api);
        _api.Add("contoso");
    }

    public void Dispose()
    {
        _sdk.Dispose();
        _api.Dispose();
    }

    [Fact]
    public async Task Bulk_each_change_without_the_read_back_is_one_request()
    {
        await _sdk.Client.ChangeSubscriptionAsync("contoso", SubscriptionChange.Suspend);
        await _sdk.Client.ChangeSubscriptionAsync("contoso", SubscriptionChange.Reactivate());
        await _sdk.Client.ChangeSubscriptionAsync("contoso", SubscriptionChange.ActivateFull);
        await _sdk.Client.ChangeSubscriptionAsync("contoso", SubscriptionChange.Details(new UpdateSubscriptionOptions { UserCount = 40 }));
        await _sdk.Client.ChangeSubscriptionAsync("contoso", SubscriptionChange.Cancel);

        Assert.Equal(
            new[]
            {
                "PUT /exclaimerapi/1.0/subscriptions/contoso/deactivate",
                "PUT /exclaimerapi/1.0/subscriptions/contoso/reactivate",
                "PUT /exclaimerapi/1.0/subscriptions/contoso/activate-full",
                "PUT /exclaimerapi/1.0/subscriptions/contoso/mailbox-count",
                "PUT /exclaimerapi/1.0/subscriptions/contoso/end",
            },
            _api.Hits);
        var held = _api.Subscriptions.Single();
        Assert.Equal(("Ended", false, 40), (held.Status, held.InTrial, held.NumberOfUsers));
    }

    [Fact]
    public async Task Bulk_the_forms_that_return_the_subscription_read_it_back_once()
    {
        var suspended = await _sdk.Client.SuspendSubscriptionAsync("contoso");

        Assert.Equal(SubscriptionStatus.Suspended, suspended.Status);
        Assert.Equal(new[] { "PUT /exclaimerapi/1.0/subscriptions/contoso/deactivate", "GET /exclaimerapi/1.0/subscriptions/contoso" }, _api.Hits);
    }

    [Fact]
    public async Task Bulk_a_repeated_change_without_the_read_back_is_still_done_and_a_real_refusal_still_fails()
    {
        await _sdk.Client.ChangeSubscriptionAsync("contoso", SubscriptionChange.Suspend);
        await _sdk.Client.ChangeSubscriptionAsync("contoso", SubscriptionChange.Suspend);
        await _sdk.Client.ChangeSubscriptionAsync("contoso", SubscriptionChange.Cancel);

        var refused = await Assert.ThrowsAsync<ResellerConflictException>(() => _sdk.Client.ChangeSubscriptionAsync("contoso", SubscriptionChange.Suspend));

        Assert.Equal(ResellerErrorCodes.InvalidSubscriptionState, refused.ErrorCode);
    }

    [Fact]
    public async Task Bulk_a_change_without_the_read_back_checks_its_input_before_anything_is_sent()
    {
        var error = await Assert.ThrowsAsync<ResellerValidationException>(() =>
            _sdk.Client.ChangeSubscriptionAsync("contoso", SubscriptionChange.Details(new UpdateSubscriptionOptions { UserCount = 0 })));

        Assert.Equal("UserCount", error.FieldName);
        Assert.Empty(_api.Hits);
    }
}
