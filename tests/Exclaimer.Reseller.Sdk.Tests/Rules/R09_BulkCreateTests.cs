using System;
using System.Linq;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk.Tests.Support;

namespace Exclaimer.Reseller.Sdk.Tests.Rules;

/// <summary>R9 under bulk work: many creates at once through RunBulkAsync make each subscription once, and a taken id is one conflict.</summary>
public sealed class R09_BulkCreateTests : IDisposable
{
    private readonly TestEngine _engine = new();

    public void Dispose() => _engine.Dispose();

    [Fact]
    public async Task R9_two_hundred_creates_eight_at_a_time_make_each_subscription_exactly_once()
    {
        var rows = Enumerable.Range(1, 200).Select(i => TestEngine.NewM365($"bulk-{i:d3}", $"Bulk Customer {i:d3}")).ToList();

        var results = await _engine.Client.RunBulkAsync(rows, (client, row, ct) => client.CreateSubscriptionAsync(row, ct), maxConcurrency: 8).ToListAsync();

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.Message));
        var listed = await _engine.Client.GetSubscriptionsAsync().ToListAsync();
        Assert.Equal(rows.Select(r => r.SubscriptionId).OrderBy(id => id), listed.Select(s => s.SubscriptionId).OrderBy(id => id));
    }

    [Fact]
    public async Task R9_the_same_id_twice_in_one_run_is_created_once_and_the_other_is_a_conflict()
    {
        var rows = new[] { TestEngine.NewM365("twice", "First"), TestEngine.NewM365("other", "Other"), TestEngine.NewM365("twice", "Second") };

        var results = await _engine.Client.RunBulkAsync(rows, (client, row, ct) => client.CreateSubscriptionAsync(row, ct)).ToListAsync();

        Assert.Equal(2, results.Count(r => r.Succeeded));
        var conflict = Assert.IsType<ResellerConflictException>(Assert.Single(results, r => !r.Succeeded).Error);
        Assert.Equal(ResellerErrorCodes.SubscriptionAlreadyExists, conflict.ErrorCode);
        Assert.Equal(2, (await _engine.Client.GetSubscriptionsAsync().ToListAsync()).Count);
    }
}
