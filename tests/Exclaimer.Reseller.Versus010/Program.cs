// One process: seed a file store and an in-memory store with 10,000 subscriptions each, then time N of each operation
// and print the medians in microseconds, one line per operation: "<operation> <store> <median µs>".
using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk;
#if BASELINE
using Exclaimer.Reseller.Sdk.LocalEngine;
using Exclaimer.Reseller.Sdk.LocalEngine.Invitations;
using Exclaimer.Reseller.Sdk.Storage;
#else
using Exclaimer.Reseller.Emulator;
using Exclaimer.Reseller.Emulator.Invitations;
using Exclaimer.Reseller.Emulator.Storage;
#endif

var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
var operations = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 400;
var folder = Path.Combine(Path.GetTempPath(), "exclaimer-versus010", Guid.NewGuid().ToString("N"));
var random = new Random(42);
var created = 0;
try
{
    foreach (var (name, client) in new[] { ("file", Client(new JsonFileResellerStore(new JsonFileStoreOptions { DirectoryPath = folder }))), ("memory", Client(new InMemoryResellerStore())) })
    {
        for (var i = 0; i < count; i++)
        {
            await client.CreateSubscriptionAsync(new CreateSubscriptionOptions { SubscriptionId = "seed-" + i, Product = i % 3 == 0 ? Product.GoogleWorkspace : Product.Microsoft365, CustomerName = "Customer " + i, UserCount = 5 + (i % 200), Domain = $"customer{i}.example" });
            if (i % 10 == 0)
            {
                await client.SuspendSubscriptionAsync("seed-" + i);
            }
        }

        await Time("create", name, () => client.CreateSubscriptionAsync(new CreateSubscriptionOptions { SubscriptionId = "new-" + ++created, Product = Product.Microsoft365, CustomerName = "New customer", UserCount = 10, Domain = "new.example" }));
        await Time("update", name, () => client.UpdateSubscriptionAsync("seed-" + random.Next(count), new UpdateSubscriptionOptions { UserCount = random.Next(1, 500) }));
        await Time("get", name, () => client.GetSubscriptionAsync("seed-" + random.Next(count)));
        await Time("page", name, async () =>
        {
            await foreach (var page in client.GetSubscriptionsAsync(new SubscriptionQuery { CustomerName = "Customer 7*", Status = SubscriptionStatus.Active, InTrial = true }).AsPages(pageSizeHint: 50))
            {
                return page;
            }

            return null;
        });
    }
}
finally
{
    Directory.Delete(folder, recursive: true);
}

async Task Time<T>(string operation, string store, Func<Task<T>> call)
{
    for (var i = 0; i < 50; i++)
    {
        await call();
    }

    var samples = new double[operations];
    for (var i = 0; i < operations; i++)
    {
        var start = Stopwatch.GetTimestamp();
        await call();
        samples[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
    }

    Array.Sort(samples);
    Console.WriteLine($"{operation} {store} {samples[operations / 2]:0.0}");
}

static ResellerClient Client(ResellerStore store)
{
#if BASELINE
    return new ResellerClient(new ResellerClientOptions { Transport = new LocalTransport(new LocalEngineOptions { Store = store, InvitationSender = new InMemoryInvitationSender(), ResellerAdminEmail = "admin@reseller.example" }) });
#else
    return new ResellerEmulator(new EmulatorOptions { Store = store, InvitationSender = new InMemoryInvitationSender() }).CreateClient(options => options.ResellerAdminEmail = "admin@reseller.example");
#endif
}
