using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Emulator.Storage;
using Exclaimer.Reseller.Sdk.Tests.Support;

namespace Exclaimer.Reseller.Sdk.Tests.Rules;

public sealed class R17_NoPartialStateTests
{
    [Fact]
    public async Task R17_refused_input_leaves_the_store_files_byte_for_byte_as_they_were()
    {
        using var folder = new TempDirectory();
        using var store = new JsonFileResellerStore(new JsonFileStoreOptions { DirectoryPath = folder.Path });
        using var engine = new TestEngine(store);
        await engine.CreateAsync(TestEngine.NewM365("contoso"));
        var before = Snapshot(folder.Path);

        var badEmail = TestEngine.NewWithAccess("bad");
        badEmail.ContactEmail = "nope";
        await Assert.ThrowsAsync<ResellerValidationException>(() => engine.CreateAsync(badEmail));
        await Assert.ThrowsAsync<ResellerConflictException>(() => engine.CreateAsync(TestEngine.NewM365("contoso")));
        await Assert.ThrowsAsync<ResellerValidationException>(() => engine.Client.RemoveSubscriptionUserAsync("contoso", "admin@reseller.example"));
        await Assert.ThrowsAsync<ResellerValidationException>(() => engine.Client.StartSubscriptionAsync("contoso", DeploymentOptions.None));

        Assert.Equal(before, Snapshot(folder.Path));
    }

    [Fact]
    public async Task R17_a_write_that_fails_half_way_saves_none_of_its_changes()
    {
        using var folder = new TempDirectory();
        using var store = new JsonFileResellerStore(new JsonFileStoreOptions { DirectoryPath = folder.Path });
        using var engine = new TestEngine(store);
        var original = await engine.CreateAsync(TestEngine.NewM365("contoso"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.WriteAsync<bool>(
            transaction =>
            {
                var record = transaction.Find("contoso")!;
                transaction.Put(record with { Subscription = record.Subscription with { NumberOfUsers = 999 } });
                transaction.Put(new StoredSubscription { Subscription = new StoredSubscriptionDetails { SubscriptionId = "half" } });
                throw new InvalidOperationException("the second half failed");
            },
            CancellationToken.None));

        using var reopened = new JsonFileResellerStore(new JsonFileStoreOptions { DirectoryPath = folder.Path });
        Assert.Equal(original.UserCount, await reopened.ReadAsync(view => view.Find("contoso")!.Subscription.NumberOfUsers, CancellationToken.None));
        Assert.Null(await reopened.ReadAsync(view => view.Find("half"), CancellationToken.None));
        Assert.Equal(original, await engine.Client.GetSubscriptionAsync("contoso"));
    }

    private static string Snapshot(string folder) =>
        string.Join("\n", Directory.GetFiles(folder).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)).OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => Path.GetFileName(f) + ":" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))));
}
