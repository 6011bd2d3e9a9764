using System;
using System.Linq;

namespace Exclaimer.Reseller.Sdk.CloudApi.Tests.Rules;

/// <summary>R2 and issue item 2: lists stream over ContinuationToken pages; filters apply page by page; stopping early fetches no more.</summary>
public sealed class R2_PagingTests : IDisposable
{
    private readonly FakeCloudApi _api = new();
    private readonly CloudApiClient _sdk;

    public R2_PagingTests()
    {
        _sdk = new CloudApiClient(_api, pageSize: 3);
        _api.Add("c1", "Contoso Ltd", inTrial: true);
        _api.Add("f1", "Fabrikam BV", sku: "EXCL-G-STAND", inTrial: false);
        _api.Add("c2", "Contoso Group", status: "Suspended", inTrial: false);
        _api.Add("n1", "Northwind", status: "Ended", inTrial: false);
        _api.Add("f2", "Fabrikam NL", sku: "EXCL-G-PRO", inTrial: true);
        _api.Add("t1", "Tailspin", status: "Cancelled", inTrial: false);
        _api.Add("c3", "contoso BE", inTrial: false);
    }

    public void Dispose()
    {
        _sdk.Dispose();
        _api.Dispose();
    }

    [Theory]
    [InlineData("6&ActiveOnly=false")]
    [InlineData("6/../7")]
    [InlineData("")]
    public async Task R2_a_continuation_token_that_could_carry_another_parameter_is_refused_before_anything_is_sent(string token)
    {
        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => _sdk.Client.GetSubscriptionsAsync().AsPages(token).FirstAsync().AsTask());

        Assert.Equal("ContinuationToken", error.FieldName);
        Assert.Empty(_api.Hits);
    }

    [Fact]
    public async Task R2_every_current_subscription_streams_over_all_pages()
    {
        var all = await _sdk.Client.GetSubscriptionsAsync().ToListAsync();

        Assert.Equal(new[] { "c1", "f1", "c2", "f2", "c3" }, all.Select(s => s.SubscriptionId));
        Assert.Equal(3, _api.Hits.Count);
    }

    [Fact]
    public async Task R2_name_product_and_trial_filters_apply_page_by_page()
    {
        var contoso = await _sdk.Client.GetSubscriptionsAsync(new SubscriptionQuery { CustomerName = "contoso*" }).ToListAsync();
        var google = await _sdk.Client.GetSubscriptionsAsync(new SubscriptionQuery { Product = Product.GoogleWorkspace }).ToListAsync();
        var trials = await _sdk.Client.GetSubscriptionsAsync(new SubscriptionQuery { InTrial = true }).ToListAsync();
        var suspended = await _sdk.Client.GetSubscriptionsAsync(new SubscriptionQuery { Status = SubscriptionStatus.Suspended }).ToListAsync();

        Assert.Equal(new[] { "c1", "c2", "c3" }, contoso.Select(s => s.SubscriptionId));
        Assert.Equal(new[] { "f1", "f2" }, google.Select(s => s.SubscriptionId));
        Assert.Equal(new[] { "c1", "f2" }, trials.Select(s => s.SubscriptionId));
        Assert.Equal(new[] { "c2" }, suspended.Select(s => s.SubscriptionId));
    }

    [Fact]
    public async Task R16_the_archive_is_the_cancelled_and_ended_subscriptions_filtered_like_the_overview()
    {
        var archive = await _sdk.Client.GetArchivedSubscriptionsAsync().ToListAsync();
        var ended = await _sdk.Client.GetArchivedSubscriptionsAsync(new ArchiveQuery { Status = SubscriptionStatus.Ended }).ToListAsync();

        Assert.Equal(new[] { "n1", "t1" }, archive.Select(s => s.SubscriptionId));
        Assert.Equal(new[] { "n1" }, ended.Select(s => s.SubscriptionId));
        await Assert.ThrowsAsync<ResellerValidationException>(() => _sdk.Client.GetArchivedSubscriptionsAsync(new ArchiveQuery { Status = SubscriptionStatus.Active }).ToListAsync().AsTask());
    }

    [Fact]
    public async Task R2_a_caller_stopping_early_fetches_no_further_pages()
    {
        var taken = 0;
        await foreach (var subscription in _sdk.Client.GetSubscriptionsAsync())
        {
            if (++taken == 4)
            {
                break;
            }
        }

        Assert.Equal(2, _api.Hits.Count);
    }

    [Fact]
    public async Task R2_pages_can_be_walked_one_by_one_and_resumed_from_a_token()
    {
        var first = await _sdk.Client.GetSubscriptionsAsync().AsPages().FirstAsync();
        var resumed = await _sdk.Client.GetSubscriptionsAsync().AsPages(first.ContinuationToken).ToListAsync();

        Assert.Equal(new[] { "c1", "f1", "c2" }, first.Values.Select(s => s.SubscriptionId));
        Assert.Equal(new[] { "f2", "c3" }, resumed.SelectMany(p => p.Values).Select(s => s.SubscriptionId));
        Assert.Null(resumed.Last().ContinuationToken);
    }

    [Fact]
    public async Task R2_a_page_size_above_200_is_capped_at_the_Cloud_API_maximum()
    {
        await _sdk.Client.GetSubscriptionsAsync().AsPages(pageSizeHint: 1000).FirstAsync();

        Assert.Contains("PageSize=200", _api.Hits.Single(), StringComparison.Ordinal);
    }
}
