using System;
using System.Linq;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk.Tests.Support;

namespace Exclaimer.Reseller.Sdk.Tests.Rules;

public sealed class R15_R16_ArchiveTests : IDisposable
{
    private readonly TestEngine _engine = new();

    public void Dispose() => _engine.Dispose();

    [Fact]
    public async Task R15_cancelling_archives_and_deletes_nothing()
    {
        var created = await _engine.CreateAsync(TestEngine.NewM365("contoso"));
        await _engine.Client.AddSubscriptionUserAsync("contoso", "jan@contoso.example");
        _engine.Clock.Advance(TimeSpan.FromDays(3));

        var cancelled = await _engine.Client.CancelSubscriptionAsync("contoso");

        Assert.Equal(SubscriptionStatus.Cancelled, cancelled.Status);
        Assert.True(cancelled.IsArchived);
        Assert.Equal(TestEngine.Now.AddDays(3), cancelled.ArchivedDate);
        // As the Cloud API documents it, TrialEndDate is given only for trials that are active or suspended.
        Assert.Equal(created with { Status = SubscriptionStatus.Cancelled, ArchivedDate = cancelled.ArchivedDate, TrialEndDate = null }, cancelled);
        Assert.Empty(await _engine.Client.GetSubscriptionsAsync().ToListAsync());
        Assert.Equal(cancelled, Assert.Single(await _engine.Client.GetArchivedSubscriptionsAsync().ToListAsync()));
        Assert.Equal(2, (await _engine.Client.GetSubscriptionUsersAsync("contoso").ToListAsync()).Count);
    }

    [Fact]
    public async Task R15_cancelling_twice_is_safe_and_keeps_the_first_archive_date()
    {
        await _engine.CreateAsync(TestEngine.NewM365("contoso"));
        var first = await _engine.Client.CancelSubscriptionAsync("contoso");
        _engine.Clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(first, await _engine.Client.CancelSubscriptionAsync("contoso"));
    }

    [Fact]
    public async Task R15_R16_an_archived_subscription_cannot_be_changed_until_reactivated()
    {
        await _engine.CreateAsync(TestEngine.NewM365("contoso"));
        await _engine.Client.CancelSubscriptionAsync("contoso");

        var error = await Assert.ThrowsAsync<ResellerConflictException>(() => _engine.Client.UpdateSubscriptionAsync("contoso", new UpdateSubscriptionOptions { UserCount = 3 }));
        Assert.Contains("reactivate", error.Message, StringComparison.Ordinal);

        var reactivated = await _engine.Client.ReactivateSubscriptionAsync("contoso");
        Assert.Equal(SubscriptionStatus.Active, reactivated.Status);
        Assert.Null(reactivated.ArchivedDate);
        Assert.Single(await _engine.Client.GetSubscriptionsAsync().ToListAsync());
        Assert.Empty(await _engine.Client.GetArchivedSubscriptionsAsync().ToListAsync());
    }

    [Fact]
    public async Task R16_the_archive_filters_by_name_product_and_status_and_pages()
    {
        for (var i = 0; i < 12; i++)
        {
            var options = i % 2 == 0 ? TestEngine.NewM365($"m{i}", customer: $"Contoso {i}") : TestEngine.NewWithAccess($"g{i}", customer: $"Fabrikam {i}");
            await _engine.CreateAsync(options);
            await _engine.Client.CancelSubscriptionAsync(options.SubscriptionId!);
        }

        await _engine.CreateAsync(TestEngine.NewM365("live", customer: "Contoso Live"));

        var contoso = await _engine.Client.GetArchivedSubscriptionsAsync(new ArchiveQuery { CustomerName = "contoso*" }).ToListAsync();
        var google = await _engine.Client.GetArchivedSubscriptionsAsync(new ArchiveQuery { Product = Product.GoogleWorkspace }).ToListAsync();
        var pages = await _engine.Client.GetArchivedSubscriptionsAsync().AsPages(pageSizeHint: 5).ToListAsync();

        Assert.Equal(6, contoso.Count);
        Assert.All(contoso, s => Assert.StartsWith("Contoso ", s.CustomerName, StringComparison.Ordinal));
        Assert.Equal(6, google.Count);
        Assert.Empty(await _engine.Client.GetArchivedSubscriptionsAsync(new ArchiveQuery { Status = SubscriptionStatus.Ended }).ToListAsync());
        Assert.Equal(new[] { 5, 5, 2 }, pages.Select(p => p.Values.Count));
    }

    [Fact]
    public async Task R16_asking_the_overview_for_cancelled_points_to_the_archive()
    {
        var error = await Assert.ThrowsAsync<ResellerValidationException>(() =>
            _engine.Client.GetSubscriptionsAsync(new SubscriptionQuery { Status = SubscriptionStatus.Cancelled }).ToListAsync().AsTask());

        Assert.Equal("Status", error.FieldName);
        Assert.Contains("archive", error.Message, StringComparison.Ordinal);
    }
}
