using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Emulator.Storage;
using Exclaimer.Reseller.Sdk;
using Exclaimer.Reseller.Sdk.Tests.Support;

namespace Exclaimer.Reseller.Emulator.Tests.Storage;

/// <summary>
/// The file system the store lives on is read-only, fills up, or holds what a killed writer left: each ends in
/// the SDK's own clear error at once, with nothing half-written and no acknowledged write lost (R17).
/// </summary>
public sealed class R17_StoreFileSystemTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task R17_reading_a_store_whose_folder_does_not_exist_sees_it_empty_and_creates_nothing()
    {
        var folder = _folder.File("not-yet");
        using var engine = new TestEngine(Store(folder));

        Assert.Empty(await engine.Client.GetSubscriptionsAsync().ToListAsync());
        await Assert.ThrowsAsync<ResellerNotFoundException>(() => engine.Client.GetSubscriptionAsync("contoso"));

        Assert.False(Directory.Exists(folder));
        Assert.Empty(Directory.GetFileSystemEntries(_folder.Path));
    }

    [Fact]
    public async Task R17_reading_an_empty_store_folder_creates_no_lock_file_and_the_first_write_creates_the_store()
    {
        using var engine = new TestEngine(Store(_folder.Path));

        Assert.Empty(await engine.Client.GetSubscriptionsAsync().ToListAsync());
        Assert.Empty(Directory.GetFileSystemEntries(_folder.Path));

        await engine.CreateAsync(TestEngine.NewM365("contoso"));
        Assert.True(File.Exists(_folder.File(JsonFileResellerStore.LockFileName)));
        Assert.Single(await engine.Client.GetSubscriptionsAsync().ToListAsync());
    }

    [Fact]
    public async Task R17_temporary_files_a_killed_writer_left_are_removed_by_the_next_writer_and_nothing_else_is()
    {
        using (var engine = new TestEngine(Store(_folder.Path)))
        {
            await engine.CreateAsync(TestEngine.NewM365("contoso"));
        }

        // As WriteAtomically names them (and as format version 1 did), beside a file of the user's own.
        var leftovers = new[] { "subscriptions.json.Ab3dE9.tmp", "subscriptions.journal.x1Y2z3.tmp", "subscriptions.json.1a2b3c4d.tmp" };
        foreach (var name in leftovers)
        {
            File.WriteAllText(_folder.File(name), "half a snapshot");
        }

        File.WriteAllText(_folder.File("notes.tmp"), "mine");

        using var next = new TestEngine(Store(_folder.Path));
        Assert.Single(await next.Client.GetSubscriptionsAsync().ToListAsync());
        Assert.All(leftovers, name => Assert.True(File.Exists(_folder.File(name)), "a read removed " + name));

        await next.CreateAsync(TestEngine.NewM365("fabrikam"));
        Assert.Equal(new[] { "notes.tmp" }, Directory.GetFiles(_folder.Path, "*.tmp").Select(Path.GetFileName));
    }

    [MountFact]
    public async Task R17_a_store_on_a_read_only_file_system_can_be_read_and_a_write_fails_at_once_with_StoreReadOnly()
    {
        using var mount = TmpfsMount.On(_folder.Path, "size=1m");
        var folder = Path.Combine(mount.Path, "store");
        using (var setup = new TestEngine(Store(folder)))
        {
            await setup.CreateAsync(TestEngine.NewM365("contoso"));
            await setup.CreateAsync(TestEngine.NewM365("fabrikam"));
        }

        var before = Files(folder);
        mount.Remount("ro");

        // An infinite lock timeout: a store that took read-only for "locked" would wait until the guard below.
        using var store = new JsonFileResellerStore(new JsonFileStoreOptions { DirectoryPath = folder, LockTimeout = Timeout.InfiniteTimeSpan });
        using var engine = new TestEngine(store);
        Assert.Equal(new[] { "contoso", "fabrikam" }, (await engine.Client.GetSubscriptionsAsync().ToListAsync()).Select(s => s.SubscriptionId));
        Assert.Equal(25, (await engine.Client.GetSubscriptionAsync("contoso")).UserCount);

        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var error = await Assert.ThrowsAsync<ResellerStoreException>(() => engine.Client.UpdateSubscriptionAsync("contoso", new UpdateSubscriptionOptions { UserCount = 30 }, guard.Token));

        Assert.Equal("StoreReadOnly", error.ErrorCode);
        Assert.Contains("read-only", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("another process", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Files(folder));
    }

    [MountFact]
    public async Task R17_a_store_on_a_read_only_file_system_without_a_lock_file_can_still_be_read()
    {
        using var mount = TmpfsMount.On(_folder.Path, "size=1m");
        using (var setup = new TestEngine(Store(mount.Path)))
        {
            await setup.CreateAsync(TestEngine.NewM365("contoso"));
        }

        File.Delete(Path.Combine(mount.Path, JsonFileResellerStore.LockFileName));
        mount.Remount("ro");

        using var engine = new TestEngine(Store(mount.Path));
        Assert.Equal("contoso", (await engine.Client.GetSubscriptionAsync("contoso")).SubscriptionId);
        var error = await Assert.ThrowsAsync<ResellerStoreException>(() => engine.CreateAsync(TestEngine.NewM365("fabrikam")));
        Assert.Equal("StoreReadOnly", error.ErrorCode);
    }

    [MountFact]
    public async Task R17_the_first_write_of_a_store_on_a_read_only_file_system_fails_with_StoreReadOnly_and_a_read_sees_it_empty()
    {
        using var mount = TmpfsMount.On(_folder.Path, "ro");
        var folder = Path.Combine(mount.Path, "store");
        using var engine = new TestEngine(Store(folder));

        Assert.Empty(await engine.Client.GetSubscriptionsAsync().ToListAsync());
        var error = await Assert.ThrowsAsync<ResellerStoreException>(() => engine.CreateAsync(TestEngine.NewM365("contoso")));

        Assert.Equal("StoreReadOnly", error.ErrorCode);
        Assert.Equal(folder, error.Path);
    }

    [MountFact]
    public async Task R17_a_disk_that_fills_mid_write_gives_StoreFull_keeps_every_acknowledged_write_and_leaves_nothing_half_written()
    {
        using var mount = TmpfsMount.On(_folder.Path, "size=64k");

        // A low compaction threshold, so the disk also fills while a new snapshot is being written.
        var acknowledged = new List<string>();
        ResellerStoreException? error = null;
        using (var engine = new TestEngine(new JsonFileResellerStore(new JsonFileStoreOptions { DirectoryPath = mount.Path, CompactionThreshold = 8 })))
        {
            for (var i = 0; i < 1000 && error is null; i++)
            {
                try
                {
                    await engine.CreateAsync(TestEngine.NewM365($"s{i}", customer: "Customer " + new string('x', 10 + (i * 37 % 80))));
                    acknowledged.Add($"s{i}");
                }
                catch (ResellerStoreException ex)
                {
                    error = ex;
                }
            }
        }

        Assert.NotNull(error);
        Assert.Equal("StoreFull", error.ErrorCode);
        Assert.Contains("is full", error.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(Directory.GetFiles(mount.Path, "*.tmp"));
        Assert.Equal((byte)'\n', File.ReadAllBytes(Path.Combine(mount.Path, JsonFileResellerStore.JournalFileName))[^1]);

        using (var reopened = new TestEngine(Store(mount.Path)))
        {
            Assert.Equal(acknowledged, (await reopened.Client.GetSubscriptionsAsync().ToListAsync()).Select(s => s.SubscriptionId));
        }

        // Once there is room again, writing goes on from exactly there.
        mount.Remount("size=2m");
        using var after = new TestEngine(Store(mount.Path));
        await after.CreateAsync(TestEngine.NewM365("after"));
        Assert.Equal(acknowledged.Append("after"), (await after.Client.GetSubscriptionsAsync().ToListAsync()).Select(s => s.SubscriptionId));
    }

    private static Dictionary<string, byte[]> Files(string folder) =>
        Directory.GetFiles(folder).ToDictionary(path => Path.GetFileName(path), File.ReadAllBytes);

    private static JsonFileResellerStore Store(string folder) => new(new JsonFileStoreOptions { DirectoryPath = folder });
}
