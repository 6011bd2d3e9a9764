using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Emulator.Storage;
using Exclaimer.Reseller.Sdk;
using Exclaimer.Reseller.Sdk.Tests.Support;

namespace Exclaimer.Reseller.Emulator.Tests.Storage;

/// <summary>
/// The store's end user and reseller tables (R22) and format version 3 (R17): stores written by format 2 (and 0.1.0's
/// format 1) open with nothing lost; the new tables survive a reopen, a compaction and a recovery; a write that puts a
/// subscription and an end user together is one journal line, replayed entirely or not at all.
/// </summary>
public sealed class R22_StoreTablesTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Snapshot => _folder.File(JsonFileResellerStore.SnapshotFileName);

    private string Journal => _folder.File(JsonFileResellerStore.JournalFileName);

    [Fact]
    public async Task R17_a_store_written_by_format_version_2_opens_with_nothing_lost_and_its_first_write_makes_it_version_3()
    {
        var fixture = Path.Combine(AppContext.BaseDirectory, "Storage", "Fixtures", "FormatVersion2");
        File.Copy(Path.Combine(fixture, JsonFileResellerStore.SnapshotFileName), Snapshot);
        File.Copy(Path.Combine(fixture, JsonFileResellerStore.JournalFileName), Journal);

        using (var engine = NewEngine())
        {
            var current = await engine.Client.GetSubscriptionsAsync().ToListAsync();
            var archived = await engine.Client.GetArchivedSubscriptionsAsync().ToListAsync();
            Assert.Equal(new[] { "v2-contoso", "v2-fabrikam", "v2-northwind", "v2-contoso-2" }, current.Select(s => s.SubscriptionId));
            Assert.Equal("v2-tailspin", Assert.Single(archived).SubscriptionId);
            Assert.Equal(DeploymentOptions.ServerSide | DeploymentOptions.ClientSide, current[0].Deployment);
            Assert.Equal(SubscriptionStatus.Suspended, current[2].Status);
            Assert.Equal(InvitationStatus.Pending, current[1].InvitationStatus);
            Assert.Equal(2, (await engine.Client.GetSubscriptionUsersAsync("v2-contoso").ToListAsync()).Count);
            var contoso = (await engine.Client.GetCustomersAsync().ToListAsync()).First();
            Assert.Equal(("contoso-ltd.example", 2, 35), (contoso.CustomerId, contoso.SubscriptionCount!.Value, contoso.UserCount!.Value));

            await engine.Client.SetResellerAsync(new SetResellerOptions { ResellerId = "R-1", CompanyName = "One", CountryCode = "GB" });
        }

        Assert.Contains("\"Version\":3", File.ReadAllText(Snapshot), StringComparison.Ordinal);
        using var reopened = NewEngine();
        Assert.Equal(5, (await reopened.Client.GetSubscriptionsAsync().ToListAsync()).Count + (await reopened.Client.GetArchivedSubscriptionsAsync().ToListAsync()).Count);
        Assert.Equal("R-1", Assert.Single(await reopened.Client.GetResellersAsync().ToListAsync()).ResellerId);
    }

    [Fact]
    public async Task R22_end_users_and_resellers_survive_a_reopen_from_the_journal_and_from_a_compacted_snapshot()
    {
        using (var engine = NewEngine(compactionThreshold: 3))
        {
            for (var i = 0; i < 5; i++)
            {
                await engine.Client.SetCustomerAsync(new SetCustomerOptions { CustomerId = $"C-{i}", CompanyName = $"Customer {i}", CountryCode = "NL" });
                await engine.Client.SetResellerAsync(new SetResellerOptions { ResellerId = $"R-{i}", CompanyName = $"Reseller {i}", CountryCode = "DE" });
            }
        }

        Assert.Contains("\"EndUsers\":[", File.ReadAllText(Snapshot), StringComparison.Ordinal);
        Assert.Contains("\"Resellers\":[", File.ReadAllText(Journal), StringComparison.Ordinal);
        using var reopened = NewEngine();
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"C-{i}"), (await reopened.Client.GetCustomersAsync().ToListAsync()).Select(c => c.CustomerId));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"R-{i}"), (await reopened.Client.GetResellersAsync().ToListAsync()).Select(r => r.ResellerId));
    }

    [Fact]
    public async Task R17_a_write_of_a_subscription_and_an_end_user_together_is_one_journal_line_and_a_subscription_alone_stays_a_version_2_line()
    {
        using (var engine = NewEngine())
        {
            await engine.CreateAsync(TestEngine.NewM365("contoso"));
            var transfer = await engine.Client.InitiateSubscriptionTransferAsync("contoso");
            await engine.Client.ClaimSubscriptionTransferAsync(new ClaimTransferOptions
            {
                TransferToken = transfer.TransferToken,
                SubscriptionId = "contoso",
                Customer = new SetCustomerOptions { CustomerId = "U-1", CompanyName = "Users Ltd", CountryCode = "GB" },
            });
        }

        var lines = File.ReadAllLines(Journal);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("[{\"Subscription\":", lines[1].Substring(9), StringComparison.Ordinal);
        var claim = lines[3].Substring(9);
        Assert.StartsWith("{\"Subscriptions\":[", claim, StringComparison.Ordinal);
        Assert.Contains("\"EndUsers\":[", claim, StringComparison.Ordinal);
        using var reopened = NewEngine();
        Assert.Equal("U-1", (await reopened.Client.GetSubscriptionAsync("contoso")).CustomerId);
    }

    [Fact]
    public async Task R17_recovery_keeps_the_end_users_and_resellers_of_the_snapshot_and_of_every_journal_line_that_checks_out()
    {
        // Compaction at 3: a snapshot of C-0, R-0 and C-2; then s0 and C-1 in the journal.
        using (var engine = NewEngine(compactionThreshold: 3))
        {
            await engine.Client.SetCustomerAsync(new SetCustomerOptions { CustomerId = "C-0", CompanyName = "Zero", CountryCode = "GB" });
            await engine.Client.SetResellerAsync(new SetResellerOptions { ResellerId = "R-0", CompanyName = "Zero", CountryCode = "GB" });
            await engine.Client.SetCustomerAsync(new SetCustomerOptions { CustomerId = "C-2", CompanyName = "Two", CountryCode = "GB" });
            await engine.CreateAsync(TestEngine.NewM365("s0"));
            await engine.Client.SetCustomerAsync(new SetCustomerOptions { CustomerId = "C-1", CompanyName = "One", CountryCode = "GB" });
        }

        Assert.Equal(3, File.ReadAllLines(Journal).Length);

        var lines = File.ReadAllLines(Journal);
        var damaged = lines.Select((line, i) => i == 1 ? line.Replace("s0", "x0", StringComparison.Ordinal) : line).ToArray();
        File.WriteAllText(Journal, string.Join('\n', damaged) + "\n");

        using var store = new JsonFileResellerStore(new JsonFileStoreOptions { DirectoryPath = _folder.Path });
        var report = await store.RecoverAsync();

        Assert.True(report.WasDamaged);
        Assert.Equal(1, report.WritesLost);
        var (endUsers, resellers) = await store.ReadAsync(view => (view.EndUsers.Select(e => e.EndUserId).ToArray(), view.Resellers.Select(r => r.ResellerId).ToArray()), CancellationToken.None);
        Assert.Equal(new[] { "C-0", "C-2", "C-1" }, endUsers);
        Assert.Equal(new[] { "R-0" }, resellers);
    }

    [Fact]
    public async Task R17_a_store_transaction_saves_every_table_it_put_or_none()
    {
        using var store = new JsonFileResellerStore(new JsonFileStoreOptions { DirectoryPath = _folder.Path });

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.WriteAsync<bool>(
            transaction =>
            {
                transaction.Put(new StoredEndUser { EndUserId = "C-1", CompanyName = "One" });
                transaction.Put(new StoredReseller { ResellerId = "R-1", CompanyName = "One" });
                Assert.NotNull(transaction.FindEndUser("c-1"));
                throw new InvalidOperationException("refused");
            },
            CancellationToken.None));

        var counts = await store.ReadAsync(view => (view.EndUsers.Count, view.Resellers.Count), CancellationToken.None);
        Assert.Equal((0, 0), counts);
        Assert.Throws<ArgumentException>(() => new InMemoryResellerStore().WriteAsync<bool>(t => { t.Put(new StoredReseller()); return true; }, CancellationToken.None).GetAwaiter().GetResult());
    }

    private TestEngine NewEngine(int compactionThreshold = 1000) =>
        new(new JsonFileResellerStore(new JsonFileStoreOptions { DirectoryPath = _folder.Path, CompactionThreshold = compactionThreshold }));
}
