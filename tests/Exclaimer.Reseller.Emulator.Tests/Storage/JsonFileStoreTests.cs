using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Emulator.Storage;
using Exclaimer.Reseller.Sdk;
using Exclaimer.Reseller.Sdk.Tests.Support;

namespace Exclaimer.Reseller.Emulator.Tests.Storage;

/// <summary>The embedded default store: durable, crash-safe, and never overwriting what it cannot read (R17).</summary>
public sealed class JsonFileStoreTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Snapshot => _folder.File(JsonFileResellerStore.SnapshotFileName);

    private string Journal => _folder.File(JsonFileResellerStore.JournalFileName);

    [Fact]
    public async Task R17_what_is_written_is_there_after_reopening_including_users_and_invitations()
    {
        Subscription created;
        using (var engine = NewEngine())
        {
            created = await engine.CreateAsync(TestEngine.NewWithAccess("fabrikam"));
            await engine.Client.AddSubscriptionUserAsync("fabrikam", "ed@fabrikam.example", new[] { SubscriptionRole.Editor });
            await engine.Client.StartSubscriptionAsync("fabrikam", DeploymentOptions.ServerSide);
        }

        using var reopened = NewEngine();
        var loaded = await reopened.Client.GetSubscriptionAsync("fabrikam");
        Assert.Equal(created with { Deployment = DeploymentOptions.ServerSide }, loaded);
        var users = await reopened.Client.GetSubscriptionUsersAsync("fabrikam").ToListAsync();
        Assert.Equal(new[] { SubscriptionRole.Editor }, users[1].Roles);
        Assert.Equal(2, (await reopened.Client.ResendInvitationAsync("fabrikam")).SendCount);
    }

    [Fact]
    public async Task R17_compaction_folds_the_journal_into_the_snapshot_and_keeps_every_change()
    {
        using (var engine = NewEngine(compactionThreshold: 10))
        {
            for (var i = 0; i < 35; i++)
            {
                await engine.CreateAsync(TestEngine.NewM365($"s{i}", users: i + 1));
            }
        }

        // Folded at 10 changes (snapshot of 10) and at 20 (10 more, as many as the snapshot): 15 entries remain.
        Assert.Equal(1 + 15, File.ReadAllLines(Journal).Length);
        Assert.EndsWith(" {\"Format\":\"exclaimer-reseller-journal\",\"Version\":3,\"Generation\":2}", File.ReadAllLines(Journal)[0], StringComparison.Ordinal);
        Assert.Contains("\"s34\"", File.ReadAllText(Snapshot) + File.ReadAllText(Journal), StringComparison.Ordinal);
        using var reopened = NewEngine();
        var all = await reopened.Client.GetSubscriptionsAsync().ToListAsync();
        Assert.Equal(Enumerable.Range(0, 35).Select(i => $"s{i}"), all.Select(s => s.SubscriptionId));
        Assert.Equal(35, all[^1].UserCount);
        Assert.Empty(Directory.GetFiles(_folder.Path, "*.tmp"));
    }

    [Fact]
    public async Task R17_a_torn_last_journal_line_is_ignored_and_the_next_write_goes_after_the_last_complete_one()
    {
        using (var engine = NewEngine())
        {
            await engine.CreateAsync(TestEngine.NewM365("kept"));
        }

        // A writer died half way through its line: the bytes are there, the newline is not.
        var torn = Encoding.UTF8.GetBytes("0badc0de [{\"Subscription\":{\"SubscriptionID\":\"torn\"");
        using (var journal = new FileStream(Journal, FileMode.Append))
        {
            journal.Write(torn);
        }

        using var reopened = NewEngine();
        await Assert.ThrowsAsync<ResellerNotFoundException>(() => reopened.Client.GetSubscriptionAsync("torn"));
        await reopened.CreateAsync(TestEngine.NewM365("after"));
        using var third = NewEngine();
        Assert.Equal(new[] { "kept", "after" }, (await third.Client.GetSubscriptionsAsync().ToListAsync()).Select(s => s.SubscriptionId));
    }

    [Fact]
    public async Task R17_a_write_of_several_changes_cut_short_by_a_crash_loads_with_none_of_them()
    {
        using (var engine = NewEngine())
        {
            await engine.CreateAsync(TestEngine.NewM365("kept", users: 5));
        }

        using (var store = new JsonFileResellerStore(new JsonFileStoreOptions { DirectoryPath = _folder.Path }))
        {
            await store.WriteAsync(
                transaction =>
                {
                    var kept = transaction.Find("kept")!;
                    transaction.Put(kept with { Subscription = kept.Subscription with { NumberOfUsers = 6 } });
                    transaction.Put(new StoredSubscription { Subscription = new StoredSubscriptionDetails { SubscriptionId = "second", Name = "Second" } });
                    return true;
                },
                CancellationToken.None);
        }

        // The process died while that write was on its way to disk: its line is there only in part.
        var journal = File.ReadAllBytes(Journal);
        File.WriteAllBytes(Journal, journal.AsSpan(0, journal.Length - 40).ToArray());

        using var reopened = NewEngine();
        Assert.Equal(5, (await reopened.Client.GetSubscriptionAsync("kept")).UserCount);
        await Assert.ThrowsAsync<ResellerNotFoundException>(() => reopened.Client.GetSubscriptionAsync("second"));
    }

    [Fact]
    public void A_lock_timeout_that_is_not_positive_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new JsonFileResellerStore(new JsonFileStoreOptions { DirectoryPath = _folder.Path, LockTimeout = TimeSpan.Zero }));
        Assert.NotNull(new JsonFileResellerStore(new JsonFileStoreOptions { DirectoryPath = _folder.Path, LockTimeout = Timeout.InfiniteTimeSpan }));
    }

    [Fact]
    public async Task R17_a_truncated_snapshot_is_a_clear_error_and_stays_on_disk_untouched()
    {
        using (var engine = NewEngine(compactionThreshold: 3))
        {
            for (var i = 0; i < 5; i++)
            {
                await engine.CreateAsync(TestEngine.NewM365($"s{i}"));
            }
        }

        var full = File.ReadAllBytes(Snapshot);
        File.WriteAllBytes(Snapshot, full.AsSpan(0, full.Length / 2).ToArray());
        var truncated = File.ReadAllBytes(Snapshot);
        var journalBefore = File.ReadAllBytes(Journal);

        using var engineAfter = NewEngine();
        var readError = await Assert.ThrowsAsync<ResellerStoreException>(() => engineAfter.Client.GetSubscriptionAsync("s0"));
        var writeError = await Assert.ThrowsAsync<ResellerStoreException>(() => engineAfter.CreateAsync(TestEngine.NewM365("new")));

        Assert.Equal("StoreCorrupt", readError.ErrorCode);
        Assert.Equal(Snapshot, readError.Path);
        Assert.Contains(Snapshot, readError.Message, StringComparison.Ordinal);
        Assert.Contains("left untouched", readError.Message, StringComparison.Ordinal);
        Assert.Equal("StoreCorrupt", writeError.ErrorCode);
        Assert.Equal(truncated, File.ReadAllBytes(Snapshot));
        Assert.Equal(journalBefore, File.ReadAllBytes(Journal));
    }

    [Fact]
    public async Task R17_a_journal_entry_that_fails_its_checksum_is_corruption_and_nothing_is_written()
    {
        using (var engine = NewEngine())
        {
            await engine.CreateAsync(TestEngine.NewM365("first", users: 10));
            await engine.CreateAsync(TestEngine.NewM365("second"));
        }

        var text = File.ReadAllText(Journal);
        File.WriteAllText(Journal, text.Replace("\"NumberOfUsers\":10", "\"NumberOfUsers\":99", StringComparison.Ordinal));
        var tampered = File.ReadAllBytes(Journal);

        using var reopened = NewEngine();
        var error = await Assert.ThrowsAsync<ResellerStoreException>(() => reopened.CreateAsync(TestEngine.NewM365("third")));

        Assert.Contains("checksum", error.Message, StringComparison.Ordinal);
        Assert.Equal(tampered, File.ReadAllBytes(Journal));
    }

    [Fact]
    public async Task R17_a_store_written_by_a_newer_format_is_refused_not_overwritten_nor_recovered()
    {
        File.WriteAllText(Snapshot, "{\"Format\":\"exclaimer-reseller-store\",\"Version\":4,\"Generation\":1,\"Subscriptions\":[]}");
        var newer = File.ReadAllBytes(Snapshot);

        using var engine = NewEngine();
        var error = await Assert.ThrowsAsync<ResellerStoreException>(() => engine.CreateAsync(TestEngine.NewM365("x")));
        using var store = new JsonFileResellerStore(new JsonFileStoreOptions { DirectoryPath = _folder.Path });
        var recovery = await Assert.ThrowsAnyAsync<ResellerStoreException>(() => store.RecoverAsync());

        Assert.Equal("StoreCorrupt", error.ErrorCode);
        Assert.Contains("newer version", error.Message, StringComparison.Ordinal);
        Assert.Contains("newer version", recovery.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Journal));
        Assert.Equal(newer, File.ReadAllBytes(Snapshot));
        Assert.Empty(Directory.GetDirectories(_folder.Path));
    }

    [Fact]
    public async Task R17_two_store_instances_in_one_process_writing_at_once_lose_no_update()
    {
        using (var setup = NewEngine())
        {
            await setup.CreateAsync(TestEngine.NewM365("shared"));
        }

        using var a = NewEngine();
        using var b = NewEngine();
        await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
            (i % 2 == 0 ? a : b).Client.AddSubscriptionUserAsync("shared", $"user{i}@shared.example")));

        using var check = NewEngine();
        Assert.Equal(61, (await check.Client.GetSubscriptionUsersAsync("shared").ToListAsync()).Count);
    }

    [Fact]
    public async Task R17_a_store_held_by_another_process_too_long_gives_StoreLocked()
    {
        using var held = new FileStream(_folder.File(JsonFileResellerStore.LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        using var store = new JsonFileResellerStore(new JsonFileStoreOptions { DirectoryPath = _folder.Path, LockTimeout = TimeSpan.FromMilliseconds(200) });

        var error = await Assert.ThrowsAsync<ResellerStoreException>(() => store.ReadAsync(view => view.Subscriptions.Count, CancellationToken.None));

        Assert.Equal("StoreLocked", error.ErrorCode);
    }

    [Fact]
    public void The_default_folder_is_per_user_and_the_environment_variable_overrides_it()
    {
        var previous = Environment.GetEnvironmentVariable(JsonFileResellerStore.DirectoryEnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(JsonFileResellerStore.DirectoryEnvironmentVariable, null);
            var localData = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            Assert.Equal(Path.Combine(localData, "Exclaimer", "Reseller"), JsonFileResellerStore.DefaultDirectory);

            Environment.SetEnvironmentVariable(JsonFileResellerStore.DirectoryEnvironmentVariable, _folder.Path);
            Assert.Equal(_folder.Path, new JsonFileResellerStore().DirectoryPath);

            var explicitPath = _folder.File("explicit");
            Assert.Equal(explicitPath, new JsonFileResellerStore(new JsonFileStoreOptions { DirectoryPath = explicitPath }).DirectoryPath);
        }
        finally
        {
            Environment.SetEnvironmentVariable(JsonFileResellerStore.DirectoryEnvironmentVariable, previous);
        }
    }

    private TestEngine NewEngine(int compactionThreshold = 1000) =>
        new(new JsonFileResellerStore(new JsonFileStoreOptions { DirectoryPath = _folder.Path, CompactionThreshold = compactionThreshold }));
}
