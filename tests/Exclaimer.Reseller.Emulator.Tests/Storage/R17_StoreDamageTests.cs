using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Emulator.Storage;
using Exclaimer.Reseller.Sdk;
using Exclaimer.Reseller.Sdk.Tests.Support;

namespace Exclaimer.Reseller.Emulator.Tests.Storage;

/// <summary>
/// A damaged store file never silently costs an acknowledged write (R17): every byte that decides which writes
/// count is under a checksum, so damage anywhere is StoreCorrupt naming the file, and nothing is written over it.
/// </summary>
public sealed class R17_StoreDamageTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Snapshot => _folder.File(JsonFileResellerStore.SnapshotFileName);

    private string Journal => _folder.File(JsonFileResellerStore.JournalFileName);

    [Fact]
    public async Task R17_a_changed_byte_anywhere_in_the_snapshot_or_the_journal_is_StoreCorrupt_and_no_write_goes_over_it()
    {
        await CreateStoreWithSnapshotAndJournal();

        foreach (var file in new[] { Snapshot, Journal })
        {
            var original = File.ReadAllBytes(file);
            for (var position = 0; position < original.Length; position++)
            {
                var damaged = (byte[])original.Clone();
                damaged[position] ^= 0x01;
                File.WriteAllBytes(file, damaged);

                using var store = new JsonFileResellerStore(new JsonFileStoreOptions { DirectoryPath = _folder.Path });
                var read = await Assert.ThrowsAsync<ResellerStoreException>(() => store.ReadAsync(view => view.Subscriptions.Count, CancellationToken.None));
                var write = await Assert.ThrowsAsync<ResellerStoreException>(() => store.WriteAsync(Put("new"), CancellationToken.None));

                var where = $"{Path.GetFileName(file)} byte {position} ('{(char)original[position]}')";
                Assert.True(read.ErrorCode == "StoreCorrupt", $"{where}: {read.ErrorCode} {read.Message}");
                Assert.True(read.Path == file, $"{where}: blamed {read.Path}");
                Assert.Equal("StoreCorrupt", write.ErrorCode);
                Assert.True(damaged.AsSpan().SequenceEqual(File.ReadAllBytes(file)), $"{where}: the damaged file was written over");
            }

            File.WriteAllBytes(file, original);
        }
    }

    [Fact]
    public async Task R17_a_journal_header_whose_generation_changed_is_StoreCorrupt_not_a_silent_return_to_the_snapshot()
    {
        await CreateStoreWithSnapshotAndJournal();
        var lines = File.ReadAllText(Journal);

        // Generation 1 to 0: read without its checksum, the journal would look already folded in and be skipped.
        File.WriteAllText(Journal, lines.Replace("\"Generation\":1}", "\"Generation\":0}", StringComparison.Ordinal));
        var damaged = File.ReadAllBytes(Journal);

        using var engine = NewEngine();
        var error = await Assert.ThrowsAsync<ResellerStoreException>(() => engine.CreateAsync(TestEngine.NewM365("next")));

        Assert.Equal("StoreCorrupt", error.ErrorCode);
        Assert.Equal(Journal, error.Path);
        Assert.Contains("header line fails its checksum", error.Message, StringComparison.Ordinal);
        Assert.Equal(damaged, File.ReadAllBytes(Journal));
    }

    [Fact]
    public async Task R17_a_snapshot_changed_so_that_it_still_parses_is_StoreCorrupt()
    {
        await CreateStoreWithSnapshotAndJournal();
        var text = File.ReadAllText(Snapshot);
        Assert.Contains("\"NumberOfUsers\":11", text, StringComparison.Ordinal);
        File.WriteAllText(Snapshot, text.Replace("\"NumberOfUsers\":11", "\"NumberOfUsers\":91", StringComparison.Ordinal));

        using var engine = NewEngine();
        var error = await Assert.ThrowsAsync<ResellerStoreException>(() => engine.Client.GetSubscriptionAsync("s1"));

        Assert.Equal("StoreCorrupt", error.ErrorCode);
        Assert.Equal(Snapshot, error.Path);
        Assert.Contains("fails its checksum", error.Message, StringComparison.Ordinal);
        Assert.Contains("RecoverAsync", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R17_a_journal_that_disappeared_behind_a_snapshot_with_data_is_StoreCorrupt_not_an_older_state()
    {
        await CreateStoreWithSnapshotAndJournal();
        File.Delete(Journal);

        using var engine = NewEngine();
        var error = await Assert.ThrowsAsync<ResellerStoreException>(() => engine.CreateAsync(TestEngine.NewM365("next")));

        Assert.Equal("StoreCorrupt", error.ErrorCode);
        Assert.Equal(Journal, error.Path);
        Assert.False(File.Exists(Journal));
    }

    [Fact]
    public async Task R17_a_saved_write_whose_newline_was_lost_is_kept_and_the_next_write_goes_after_it()
    {
        await CreateStoreWithSnapshotAndJournal();
        var journal = File.ReadAllBytes(Journal);
        Assert.Equal((byte)'\n', journal[^1]);
        File.WriteAllBytes(Journal, journal.AsSpan(0, journal.Length - 1).ToArray());

        using (var engine = NewEngine())
        {
            Assert.Equal(5, (await engine.Client.GetSubscriptionsAsync().ToListAsync()).Count);
            await engine.CreateAsync(TestEngine.NewM365("after"));
        }

        using var reopened = NewEngine();
        Assert.Equal(new[] { "s0", "s1", "s2", "s3", "s4", "after" }, (await reopened.Client.GetSubscriptionsAsync().ToListAsync()).Select(s => s.SubscriptionId));
    }

    [Fact]
    public async Task R17_a_store_written_by_format_version_1_opens_and_its_first_write_makes_every_byte_checksummed()
    {
        CopyFormatVersion1Fixture();

        using (var engine = NewEngine())
        {
            var all = await engine.Client.GetSubscriptionsAsync().ToListAsync();
            Assert.Equal(new[] { "v1-0", "v1-1", "v1-2", "v1-3", "v1-4" }, all.Select(s => s.SubscriptionId));
            Assert.Equal(2, (await engine.Client.GetSubscriptionUsersAsync("v1-0").ToListAsync()).Count);
            await engine.CreateAsync(TestEngine.NewM365("v2-0"));
        }

        Assert.Contains("\"Version\":3", File.ReadAllText(Snapshot), StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{8} \\{\"Format\":\"exclaimer-reseller-journal\",\"Version\":3,", File.ReadAllLines(Journal)[0]);
        using var reopened = NewEngine();
        Assert.Equal(6, (await reopened.Client.GetSubscriptionsAsync().ToListAsync()).Count);
        Assert.Equal(2, (await reopened.Client.GetSubscriptionUsersAsync("v1-0").ToListAsync()).Count);
    }

    [Fact]
    public async Task R17_an_SDK_that_reads_only_format_version_1_or_2_sees_a_new_store_as_newer_and_so_never_overwrites_it()
    {
        await CreateStoreWithSnapshotAndJournal();

        // What versions 1 and 2 check before using a snapshot: the format name, then a version they know (1; 1 or 2). A
        // version-2 SDK would load a version-3 store without its end users and resellers and drop them at its next compaction.
        using var snapshot = JsonDocument.Parse(File.ReadAllBytes(Snapshot));
        Assert.Equal("exclaimer-reseller-store", snapshot.RootElement.GetProperty("Format").GetString());
        Assert.Equal(3, snapshot.RootElement.GetProperty("Version").GetInt32());

        // And its journal header is a bare JSON object, which the new header line is not.
        var header = File.ReadAllLines(Journal)[0];
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(header).Dispose());
    }

    private async Task CreateStoreWithSnapshotAndJournal()
    {
        // Compaction at 3 changes: a snapshot of s0 to s2 (generation 1), then s3 and s4 in the journal.
        using var engine = NewEngine(compactionThreshold: 3);
        for (var i = 0; i < 5; i++)
        {
            await engine.CreateAsync(TestEngine.NewM365($"s{i}", users: 10 + i));
        }

        Assert.Equal(3, File.ReadAllLines(Journal).Length);
    }

    private void CopyFormatVersion1Fixture()
    {
        var fixture = Path.Combine(AppContext.BaseDirectory, "Storage", "Fixtures", "FormatVersion1");
        File.Copy(Path.Combine(fixture, JsonFileResellerStore.SnapshotFileName), Snapshot);
        File.Copy(Path.Combine(fixture, JsonFileResellerStore.JournalFileName), Journal);
        Assert.StartsWith("{\"Format\":\"exclaimer-reseller-journal\",\"Version\":1,", File.ReadAllText(Journal), StringComparison.Ordinal);
    }

    private static Func<IResellerStoreTransaction, bool> Put(string id) => transaction =>
    {
        transaction.Put(new StoredSubscription { Subscription = new StoredSubscriptionDetails { SubscriptionId = id, Name = "New" } });
        return true;
    };

    private TestEngine NewEngine(int compactionThreshold = 1000) =>
        new(new JsonFileResellerStore(new JsonFileStoreOptions { DirectoryPath = _folder.Path, CompactionThreshold = compactionThreshold }));
}
