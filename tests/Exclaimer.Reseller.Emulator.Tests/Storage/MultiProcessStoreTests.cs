using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Emulator.Storage;
using Exclaimer.Reseller.Sdk;
using Exclaimer.Reseller.Sdk.Tests.Support;

namespace Exclaimer.Reseller.Emulator.Tests.Storage;

/// <summary>The file store shared by processes (two runbooks at once) and a writer killed mid-write (R17).</summary>
public sealed class MultiProcessStoreTests
{
    [Fact]
    public async Task R17_two_processes_making_200_changes_each_through_one_file_lose_none()
    {
        using var folder = new TempDirectory();
        using (var setup = new TestEngine(new JsonFileResellerStore(new JsonFileStoreOptions { DirectoryPath = folder.Path }), resellerAdminEmail: "owner@shared.example"))
        {
            await setup.CreateAsync(TestEngine.NewM365("shared"));
        }

        var first = StoreWorker.Start("add", folder.Path, "alpha", "200");
        var second = StoreWorker.Start("add", folder.Path, "beta", "200");
        var outputs = await Task.WhenAll(Finish(first), Finish(second));
        Assert.All(outputs, output => Assert.Contains("done", output, StringComparison.Ordinal));

        using var store = new JsonFileResellerStore(new JsonFileStoreOptions { DirectoryPath = folder.Path });
        var (ids, users) = await store.ReadAsync(
            view => (view.Subscriptions.Select(s => s.Id).ToHashSet(), view.Find("shared")!.Users.Select(u => u.Email).ToHashSet()),
            CancellationToken.None);
        foreach (var prefix in new[] { "alpha", "beta" })
        {
            for (var i = 0; i < 200; i++)
            {
                Assert.True(i % 2 == 0 ? ids.Contains($"{prefix}-{i}") : users.Contains($"{prefix}-{i}@shared.example"), $"{prefix} change {i} was lost");
            }
        }

        Assert.Equal(201, ids.Count);
        Assert.Equal(201, users.Count);
    }

    [Fact]
    public async Task R17_a_process_killed_mid_write_leaves_a_store_that_loads_the_old_or_the_new_state()
    {
        using var folder = new TempDirectory();
        using (var setup = new TestEngine(new JsonFileResellerStore(new JsonFileStoreOptions { DirectoryPath = folder.Path })))
        {
            await setup.CreateAsync(TestEngine.NewM365("churn", users: 1));
        }

        var random = new Random(7208);
        var lastSeen = 0;
        for (var round = 0; round < 8; round++)
        {
            // A low compaction threshold makes some kills land while the snapshot is being replaced.
            var worker = StoreWorker.Start("churn", folder.Path, "25");
            var committed = new List<int>();
            var reader = Task.Run(async () =>
            {
                while (await worker.StandardOutput.ReadLineAsync() is { } line)
                {
                    lock (committed)
                    {
                        committed.Add(int.Parse(line, System.Globalization.CultureInfo.InvariantCulture));
                    }
                }
            });

            var target = 5 + random.Next(40);
            await WaitUntil(() => { lock (committed) { return committed.Count >= target; } }, worker);
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
            await reader;

            using var store = new JsonFileResellerStore(new JsonFileStoreOptions { DirectoryPath = folder.Path });
            var count = await store.ReadAsync(view => view.Find("churn")!.Subscription.NumberOfUsers, CancellationToken.None);
            var lastCommitted = committed[^1];

            // The worker counts from 1 again each round; what loads is the last acknowledged write or the one in flight.
            Assert.True(count == lastCommitted || count == lastCommitted + 1, $"round {round}: loaded {count}, last acknowledged {lastCommitted}");
            lastSeen = count;

            // The next writer sweeps what a kill during a compaction left, and its write lands.
            await store.WriteAsync(
                transaction =>
                {
                    transaction.Put(new StoredSubscription { Subscription = new StoredSubscriptionDetails { SubscriptionId = "other", Name = "Other", NumberOfUsers = round } });
                    return true;
                },
                CancellationToken.None);
            Assert.Empty(System.IO.Directory.GetFiles(folder.Path, "*.tmp"));
            Assert.Equal(round, await store.ReadAsync(view => view.Find("other")!.Subscription.NumberOfUsers, CancellationToken.None));
        }

        Assert.True(lastSeen > 0);
    }

    private static async Task<string> Finish(System.Diagnostics.Process process)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, await error);
        return await output;
    }

    private static async Task WaitUntil(Func<bool> condition, System.Diagnostics.Process worker)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!condition())
        {
            if (worker.HasExited)
            {
                Assert.Fail("the worker stopped on its own: " + await worker.StandardError.ReadToEndAsync());
            }

            if (DateTime.UtcNow > deadline)
            {
                worker.Kill(entireProcessTree: true);
                Assert.Fail("the worker made no progress");
            }

            await Task.Delay(5);
        }
    }
}
