using System;
using System.Threading.Tasks;

namespace Exclaimer.Reseller.Sdk.CloudApi.Tests.Rules;

/// <summary>
/// R17: bad input fails the returned task, naming the field, before anything is sent; the call itself never throws, so
/// code that starts several calls and awaits them together sees each failure in its own task.
/// </summary>
public sealed class R17_BadInputInTheTaskTests
{
    public static TheoryData<string, Func<ResellerClient, Task>> Calls => new()
    {
        { "ChangeSubscriptionTier", client => client.ChangeSubscriptionTierAsync("", Tier.Standard) },
        { "ChangeSubscriptionSku", client => client.ChangeSubscriptionSkuAsync("", new ChangeSkuOptions { Sku = "EXCL-M-STAND" }) },
        { "CancelSubscriptionTransfer", client => client.CancelSubscriptionTransferAsync("") },
        { "GetSubscription", client => client.GetSubscriptionAsync("") },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task R17_a_bad_id_fails_the_task_and_the_call_does_not_throw(string operation, Func<ResellerClient, Task> call)
    {
        var handler = new ScriptedHandler(_ => throw new InvalidOperationException("nothing may be sent"));
        using var client = handler.Client();

        Task task;
        try
        {
            task = call(client);
        }
        catch (Exception thrown)
        {
            throw new Xunit.Sdk.XunitException($"{operation} threw at the call instead of failing its task: {thrown}");
        }

        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => task);
        Assert.Equal("SubscriptionId", error.FieldName);
        Assert.Empty(handler.Requests);
    }
}
