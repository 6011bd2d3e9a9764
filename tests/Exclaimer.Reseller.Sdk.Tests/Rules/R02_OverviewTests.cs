using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Emulator.Storage;
using Exclaimer.Reseller.Sdk.Tests.Support;

namespace Exclaimer.Reseller.Sdk.Tests.Rules;

public sealed class R02_OverviewTests : IDisposable
{
    private readonly CountingStore _store = new();
    private readonly TestEngine _engine;

    public R02_OverviewTests()
    {
        _engine = new TestEngine(_store);
        var customers = new[] { "Contoso Ltd", "Contoso Bank", "Fabrikam BV", "Northwind", "contoso labs" };
        for (var i = 0; i < customers.Length; i++)
        {
            var options = i % 2 == 0 ? TestEngine.NewM365($"s{i}", customers[i], users: 10 + i) : TestEngine.NewWithAccess($"s{i}", customers[i]);
            options.SkipTrial = i == 3;
            _engine.CreateAsync(options).GetAwaiter().GetResult();
        }

        _engine.Client.SuspendSubscriptionAsync("s2").GetAwaiter().GetResult();
    }

    public void Dispose() => _engine.Dispose();

    [Fact]
    public async Task R2_the_overview_shows_customer_user_count_and_status_in_creation_order()
    {
        var all = await _engine.Client.GetSubscriptionsAsync().ToListAsync();

        Assert.Equal(new[] { "s0", "s1", "s2", "s3", "s4" }, all.Select(s => s.SubscriptionId));
        Assert.Equal("Contoso Ltd", all[0].CustomerName);
        Assert.Equal(10, all[0].UserCount);
        Assert.Equal(SubscriptionStatus.Suspended, all[2].Status);
    }

    [Theory]
    [InlineData("contoso*", new[] { "s0", "s1", "s4" })]
    [InlineData("*BANK", new[] { "s1" })]
    [InlineData("Contoso ???", new[] { "s0" })]
    [InlineData("northwind", new[] { "s3" })]
    [InlineData("North", new string[0])]
    [InlineData("[x]*", new string[0])]
    public async Task R2_filters_on_customer_name_with_wildcards(string pattern, string[] expected)
    {
        var found = await _engine.Client.GetSubscriptionsAsync(new SubscriptionQuery { CustomerName = pattern }).ToListAsync();

        Assert.Equal(expected, found.Select(s => s.SubscriptionId));
    }

    [Fact]
    public async Task R2_filters_on_status_product_and_trial_together()
    {
        var suspended = await _engine.Client.GetSubscriptionsAsync(new SubscriptionQuery { Status = SubscriptionStatus.Suspended }).ToListAsync();
        var google = await _engine.Client.GetSubscriptionsAsync(new SubscriptionQuery { Product = Product.GoogleWorkspace }).ToListAsync();
        var notInTrial = await _engine.Client.GetSubscriptionsAsync(new SubscriptionQuery { InTrial = false }).ToListAsync();
        var activeM365Trials = await _engine.Client.GetSubscriptionsAsync(new SubscriptionQuery { Status = SubscriptionStatus.Active, Product = Product.Microsoft365, InTrial = true }).ToListAsync();

        Assert.Equal(new[] { "s2" }, suspended.Select(s => s.SubscriptionId));
        Assert.Equal(new[] { "s1", "s3" }, google.Select(s => s.SubscriptionId));
        Assert.Equal(new[] { "s3" }, notInTrial.Select(s => s.SubscriptionId));
        Assert.Equal(new[] { "s0", "s4" }, activeM365Trials.Select(s => s.SubscriptionId));
    }

    [Fact]
    public async Task R2_lists_are_paged_and_a_page_token_resumes_where_it_left_off()
    {
        var first = await _engine.Client.GetSubscriptionsAsync().AsPages(pageSizeHint: 2).FirstAsync();
        var rest = await _engine.Client.GetSubscriptionsAsync().AsPages(first.ContinuationToken, pageSizeHint: 2).ToListAsync();

        Assert.Equal(new[] { "s0", "s1" }, first.Values.Select(s => s.SubscriptionId));
        Assert.Equal(new[] { "s2", "s3", "s4" }, rest.SelectMany(p => p.Values).Select(s => s.SubscriptionId));
        Assert.Equal(2, rest.Count);
    }

    [Fact]
    public async Task R2_one_page_at_a_time_a_caller_that_stops_early_fetches_no_further_pages()
    {
        using var sequential = _engine.Emulator.CreateClient(options => options.PageConcurrency = 1);
        var readsBefore = _store.Reads;
        await foreach (var subscription in sequential.GetSubscriptionsAsync().AsPages(pageSizeHint: 1))
        {
            Assert.Single(subscription.Values);
            break;
        }

        Assert.Equal(readsBefore + 1, _store.Reads);
    }

    [Fact]
    public async Task R2_a_caller_that_stops_early_leaves_no_request_running_and_at_most_PageConcurrency_pages_fetched_ahead()
    {
        var readsBefore = _store.Reads;
        await foreach (var subscription in _engine.Client.GetSubscriptionsAsync().AsPages(pageSizeHint: 1))
        {
            Assert.Single(subscription.Values);
            break;
        }

        var readsAtStop = _store.Reads;
        await Task.Delay(100);
        Assert.Equal(readsAtStop, _store.Reads);
        Assert.InRange(readsAtStop, readsBefore + 1, readsBefore + 1 + ResellerClientOptions.DefaultPageConcurrency);
    }

    [Fact]
    public async Task R2_one_page_at_a_time_a_new_subscription_during_paging_is_neither_skipped_nor_repeated()
    {
        using var sequential = _engine.Emulator.CreateClient(options => options.PageConcurrency = 1);
        var seen = new System.Collections.Generic.List<string>();
        await foreach (var page in sequential.GetSubscriptionsAsync().AsPages(pageSizeHint: 2))
        {
            seen.AddRange(page.Values.Select(s => s.SubscriptionId));
            if (seen.Count == 2)
            {
                await _engine.CreateAsync(TestEngine.NewM365("late"));
            }
        }

        Assert.Equal(new[] { "s0", "s1", "s2", "s3", "s4", "late" }, seen);
    }

    [Fact]
    public async Task R2_pages_fetched_concurrently_show_every_subscription_that_existed_once_and_a_new_one_at_most_once()
    {
        var seen = new System.Collections.Generic.List<string>();
        await foreach (var page in _engine.Client.GetSubscriptionsAsync().AsPages(pageSizeHint: 2))
        {
            seen.AddRange(page.Values.Select(s => s.SubscriptionId));
            if (seen.Count == 2)
            {
                await _engine.CreateAsync(TestEngine.NewM365("late"));
            }
        }

        // The later pages were asked for before "late" existed: the walk shows the list as each page was read.
        Assert.Equal(new[] { "s0", "s1", "s2", "s3", "s4" }, seen.Where(id => id != "late"));
        Assert.InRange(seen.Count(id => id == "late"), 0, 1);
    }

    [Fact]
    public async Task R2_a_tampered_continuation_token_names_the_field()
    {
        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => _engine.Client.GetSubscriptionsAsync().AsPages("not-a-token").FirstAsync().AsTask());

        Assert.Equal("ContinuationToken", error.FieldName);
    }

    [Fact]
    public async Task R2_customers_list_with_their_users_and_subscriptions()
    {
        await _engine.CreateAsync(TestEngine.NewM365("s0-second", "Contoso Ltd", users: 5));
        await _engine.Client.CancelSubscriptionAsync("s4");

        var customers = await _engine.Client.GetCustomersAsync().ToListAsync();

        var contoso = Assert.Single(customers, c => c.CompanyName == "Contoso Ltd");
        Assert.Equal(2, contoso.SubscriptionCount);
        Assert.Equal(15, contoso.UserCount);
        Assert.Equal(0, Assert.Single(customers, c => c.CompanyName == "contoso labs").SubscriptionCount);
        Assert.Equal(5, customers.Count);
    }

    [Fact]
    public async Task R2_a_cancelled_listing_stops_at_once()
    {
        using var cancel = new CancellationTokenSource();
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var subscription in _engine.Client.GetSubscriptionsAsync(cancellationToken: cancel.Token).AsPages(pageSizeHint: 1))
            {
                seen++;
                await cancel.CancelAsync();
            }
        });

        Assert.Equal(1, seen);
    }

    /// <summary>Counts the reads that reach the store, to prove paging fetches only what is used.</summary>
    private sealed class CountingStore : ResellerStore
    {
        private readonly InMemoryResellerStore _inner = new();
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public override Task<TResult> ReadAsync<TResult>(Func<IResellerStoreView, TResult> read, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            return _inner.ReadAsync(read, cancellationToken);
        }

        public override Task<TResult> WriteAsync<TResult>(Func<IResellerStoreTransaction, TResult> write, CancellationToken cancellationToken) =>
            _inner.WriteAsync(write, cancellationToken);
    }
}
