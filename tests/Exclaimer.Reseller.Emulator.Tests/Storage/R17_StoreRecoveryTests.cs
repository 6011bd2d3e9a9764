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
/// A corrupt store has a way back that loses nothing more than the damage did (R17): the files are kept as they
/// were in a dated folder, and the store is rebuilt from everything that can still be read.
/// </summary>
public sealed class R17_StoreRecoveryTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Snapshot => _folder.File(JsonFileResellerStore.SnapshotFileName);

    private string Journal => _folder.File(JsonFileResellerStore.JournalFileName);

    [Fact]
    public async Task R17_recovering_from_a_damaged_journal_line_keeps_the_files_as_they_were_and_every_other_write()
    {
        await CreateStore();
        var lines = File.ReadAllLines(Journal);
        File.WriteAllText(Journal, string.Join('\n', lines[0], lines[1].Replace("\"s3\"", "\"x3\"", StringComparison.Ordinal), lines[2]) + "\n");
        var damagedSnapshot = File.ReadAllBytes(Snapshot);
        var damagedJournal = File.ReadAllBytes(Journal);

        using var store = NewStore();
        var report = await store.RecoverAsync();

        Assert.True(report.WasDamaged);
        Assert.Equal(1, report.WritesKept);
        Assert.Equal(1, report.WritesLost);
        Assert.Equal(4, report.SubscriptionCount);
        Assert.Contains(report.Problems, problem => problem.Contains("fail their checksum", StringComparison.Ordinal));
        Assert.Equal(_folder.Path, Path.GetDirectoryName(report.DamagedFilesDirectory));
        Assert.Matches("^damaged-[0-9]{8}T[0-9]{6}Z$", Path.GetFileName(report.DamagedFilesDirectory));
        Assert.Equal(damagedSnapshot, File.ReadAllBytes(Path.Combine(report.DamagedFilesDirectory!, JsonFileResellerStore.SnapshotFileName)));
        Assert.Equal(damagedJournal, File.ReadAllBytes(Path.Combine(report.DamagedFilesDirectory!, JsonFileResellerStore.JournalFileName)));

        using var engine = new TestEngine(NewStore());
        await engine.CreateAsync(TestEngine.NewM365("after"));
        Assert.Equal(new[] { "s0", "s1", "s2", "s4", "after" }, await Ids(engine));
    }

    [Fact]
    public async Task R17_recovering_from_a_truncated_snapshot_keeps_the_subscriptions_before_the_damage_and_the_journal()
    {
        await CreateStore();
        var snapshot = File.ReadAllText(Snapshot);
        File.WriteAllText(Snapshot, snapshot.AsSpan(0, snapshot.IndexOf("{\"Subscription\":{\"SubscriptionID\":\"s2\"", StringComparison.Ordinal) + 30));

        using var store = NewStore();
        var error = await Assert.ThrowsAsync<ResellerStoreException>(() => store.ReadAsync(view => view.Subscriptions.Count, CancellationToken.None));
        Assert.Contains("RecoverAsync", error.Message, StringComparison.Ordinal);
        var report = await store.RecoverAsync();

        Assert.Equal(2, report.WritesKept);
        Assert.Contains(report.Problems, problem => problem.Contains("the 2 subscriptions before the damage were kept", StringComparison.Ordinal));
        Assert.Equal(new[] { "s0", "s1", "s3", "s4" }, await store.ReadAsync(view => view.Subscriptions.Select(s => s.Id).ToArray(), CancellationToken.None));
    }

    [Fact]
    public async Task R17_recovering_from_a_snapshot_that_fails_its_checksum_but_parses_keeps_all_it_holds_and_says_what_may_be_wrong()
    {
        await CreateStore();
        File.WriteAllText(Snapshot, File.ReadAllText(Snapshot).Replace("\"NumberOfUsers\":11", "\"NumberOfUsers\":91", StringComparison.Ordinal));

        using var store = NewStore();
        var report = await store.RecoverAsync();

        Assert.Equal(5, report.SubscriptionCount);
        Assert.Contains(report.Problems, problem => problem.Contains("may hold the changed byte", StringComparison.Ordinal));
        Assert.Equal(91, await store.ReadAsync(view => view.Find("s1")!.Subscription.NumberOfUsers, CancellationToken.None));
    }

    [Fact]
    public async Task R17_recovering_from_a_damaged_journal_header_replays_its_changes()
    {
        await CreateStore();
        var journal = File.ReadAllBytes(Journal);
        journal[3] ^= 0x01;
        File.WriteAllBytes(Journal, journal);

        using var engine = new TestEngine(NewStore());
        await Assert.ThrowsAsync<ResellerStoreException>(() => engine.Client.GetSubscriptionAsync("s4"));
        var report = await ((JsonFileResellerStore)engine.Store).RecoverAsync();

        Assert.Equal(2, report.WritesKept);
        Assert.Equal(0, report.WritesLost);
        Assert.Equal(new[] { "s0", "s1", "s2", "s3", "s4" }, await Ids(engine));
    }

    [Fact]
    public async Task R17_recovering_a_store_that_loads_changes_nothing()
    {
        await CreateStore();
        var snapshotBefore = File.ReadAllBytes(Snapshot);
        var journalBefore = File.ReadAllBytes(Journal);

        using var store = NewStore();
        var report = await store.RecoverAsync();

        Assert.False(report.WasDamaged);
        Assert.Null(report.DamagedFilesDirectory);
        Assert.Equal(5, report.SubscriptionCount);
        Assert.Equal(snapshotBefore, File.ReadAllBytes(Snapshot));
        Assert.Equal(journalBefore, File.ReadAllBytes(Journal));
        Assert.Empty(Directory.GetDirectories(_folder.Path));
    }

    [Fact]
    public async Task R17_a_second_recovery_never_overwrites_the_copies_the_first_one_kept()
    {
        await CreateStore();
        var lines = File.ReadAllLines(Journal);
        File.WriteAllText(Journal, string.Join('\n', lines[0], lines[1] + "x", lines[2]) + "\n");

        using var store = NewStore();
        var first = await store.RecoverAsync();
        var firstCopies = Directory.GetFiles(first.DamagedFilesDirectory!).Select(File.ReadAllBytes).ToArray();
        File.WriteAllText(Snapshot, File.ReadAllText(Snapshot).Replace("\"NumberOfUsers\":11", "\"NumberOfUsers\":12", StringComparison.Ordinal));
        var second = await store.RecoverAsync();

        Assert.True(second.WasDamaged);
        Assert.NotEqual(first.DamagedFilesDirectory, second.DamagedFilesDirectory);
        Assert.Equal(2, Directory.GetDirectories(_folder.Path, "damaged-*").Length);
        Assert.Equal(firstCopies, Directory.GetFiles(first.DamagedFilesDirectory!).Select(File.ReadAllBytes).ToArray());
        Assert.Equal(4, second.SubscriptionCount);
    }

    private async Task CreateStore()
    {
        // Compaction at 3 changes: a snapshot of s0 to s2, then s3 and s4 in the journal.
        using var engine = new TestEngine(new JsonFileResellerStore(new JsonFileStoreOptions { DirectoryPath = _folder.Path, CompactionThreshold = 3 }));
        for (var i = 0; i < 5; i++)
        {
            await engine.CreateAsync(TestEngine.NewM365($"s{i}", users: 10 + i));
        }
    }

    private static async Task<string[]> Ids(TestEngine engine) =>
        (await engine.Client.GetSubscriptionsAsync().ToListAsync()).Select(s => s.SubscriptionId).ToArray();

    private JsonFileResellerStore NewStore() => new(new JsonFileStoreOptions { DirectoryPath = _folder.Path });
}
