using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Exclaimer.Reseller.Emulator;
using Exclaimer.Reseller.Emulator.Storage;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.Sdk.Benchmarks;

/// <summary>
/// The client through the in-process emulator on the JSON file store (the embedded default) with 1,000 and 10,000
/// subscriptions, each operation against the same operation on the in-memory store as its baseline, in the same
/// process. The file store's extra cost is the lock, reading what other processes appended, and one flushed append;
/// the in-memory case is the client, the HTTP exchange in-process and the emulator's rules with next to no store.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[SameProcessJob(warmupCount: 3, iterationCount: 15)]
public class EmulatorBenchmarks
{
    private readonly Random _random = new(42);
    private string _folder = string.Empty;
    private ResellerClient _file = null!;
    private ResellerClient _memory = null!;
    private int _created;

    /// <summary>How many subscriptions the store holds before the run.</summary>
    [Params(1_000, 10_000)]
    public int Subscriptions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "exclaimer-reseller-bench", Guid.NewGuid().ToString("N"));
        _file = Client(new JsonFileResellerStore(new JsonFileStoreOptions { DirectoryPath = _folder }));
        _memory = Client(new InMemoryResellerStore());
        Seed(_file).GetAwaiter().GetResult();
        Seed(_memory).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _file.Dispose();
        _memory.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Create")]
    public Task<Subscription> Create_InMemory() => _memory.CreateSubscriptionAsync(NewSubscription());

    [Benchmark, BenchmarkCategory("Create")]
    public Task<Subscription> Create_FileStore() => _file.CreateSubscriptionAsync(NewSubscription());

    [Benchmark(Baseline = true), BenchmarkCategory("Get")]
    public Task<Subscription> Get_InMemory() => _memory.GetSubscriptionAsync(RandomId());

    [Benchmark, BenchmarkCategory("Get")]
    public Task<Subscription> Get_FileStore() => _file.GetSubscriptionAsync(RandomId());

    [Benchmark(Baseline = true), BenchmarkCategory("Update")]
    public Task<Subscription> Update_InMemory() => _memory.UpdateSubscriptionAsync(RandomId(), new UpdateSubscriptionOptions { UserCount = _random.Next(1, 500) });

    [Benchmark, BenchmarkCategory("Update")]
    public Task<Subscription> Update_FileStore() => _file.UpdateSubscriptionAsync(RandomId(), new UpdateSubscriptionOptions { UserCount = _random.Next(1, 500) });

    /// <summary>The first page of a filtered overview: one page is handed over, however large the store.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("ListFilterPage")]
    public Task<Page<Subscription>> ListFilterPage_InMemory() => FirstPage(_memory);

    [Benchmark, BenchmarkCategory("ListFilterPage")]
    public Task<Page<Subscription>> ListFilterPage_FileStore() => FirstPage(_file);

    private static async Task<Page<Subscription>> FirstPage(ResellerClient client)
    {
        var query = new SubscriptionQuery { CustomerName = "Customer 7*", Status = SubscriptionStatus.Active, InTrial = true };
        await foreach (var page in client.GetSubscriptionsAsync(query).AsPages(pageSizeHint: 50))
        {
            return page;
        }

        throw new InvalidOperationException("The overview is empty.");
    }

    private static ResellerClient Client(ResellerStore store) =>
        new ResellerEmulator(new EmulatorOptions { Store = store, InvitationSender = new Exclaimer.Reseller.Emulator.Invitations.InMemoryInvitationSender() })
            .CreateClient(options => options.ResellerAdminEmail = "admin@reseller.example");

    private async Task Seed(ResellerClient client)
    {
        // Seeded through the client, in the shape a real reseller's store has: every tenth one suspended.
        for (var i = 0; i < Subscriptions; i++)
        {
            var created = await client.CreateSubscriptionAsync(new CreateSubscriptionOptions
            {
                SubscriptionId = "seed-" + i,
                Product = i % 3 == 0 ? Product.GoogleWorkspace : Product.Microsoft365,
                CustomerName = "Customer " + i,
                UserCount = 5 + (i % 200),
                Domain = $"customer{i}.example",
            });
            if (i % 10 == 0)
            {
                await client.SuspendSubscriptionAsync(created.SubscriptionId);
            }
        }
    }

    private string RandomId() => "seed-" + _random.Next(Subscriptions);

    private CreateSubscriptionOptions NewSubscription() => new()
    {
        SubscriptionId = "new-" + Interlocked.Increment(ref _created),
        Product = Product.Microsoft365,
        CustomerName = "New customer",
        UserCount = 10,
        Domain = "new.example",
    };
}
