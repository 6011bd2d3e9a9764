using System;
using System.Globalization;
using System.Threading.Tasks;
using Exclaimer.Reseller.Emulator;
using Exclaimer.Reseller.Emulator.Storage;
using Exclaimer.Reseller.Sdk;

// Usage:
//   add <storeDir> <prefix> <count>   makes <count> changes: even ones create "<prefix>-<i>",
//                                     odd ones add "<prefix>-<i>@shared.example" to subscription "shared".
//   churn <storeDir> <compactEvery>   sets the user count of "churn" to 1, 2, 3... forever, printing each
//                                     committed value, until the process is killed.
var command = args[0];
var store = new JsonFileResellerStore(new JsonFileStoreOptions
{
    DirectoryPath = args[1],
    CompactionThreshold = command == "churn" ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1000,
});
using var emulator = new ResellerEmulator(new EmulatorOptions { Store = store });
using var client = emulator.CreateClient(options => options.ResellerAdminEmail = "owner@shared.example");

if (command == "add")
{
    var prefix = args[2];
    var count = int.Parse(args[3], CultureInfo.InvariantCulture);
    for (var i = 0; i < count; i++)
    {
        if (i % 2 == 0)
        {
            await client.CreateSubscriptionAsync(new CreateSubscriptionOptions
            {
                Product = Product.Microsoft365,
                CustomerName = $"{prefix} customer {i}",
                UserCount = i + 1,
                SubscriptionId = $"{prefix}-{i}",
                Domain = "shared.example",
            });
        }
        else
        {
            await client.AddSubscriptionUserAsync("shared", $"{prefix}-{i}@shared.example");
        }
    }

    Console.WriteLine("done");
    return 0;
}

if (command == "churn")
{
    for (var i = 1; ; i++)
    {
        // A customer name that grows and shrinks makes journal lines of varying length.
        await client.UpdateSubscriptionAsync("churn", new UpdateSubscriptionOptions { UserCount = i, CustomerName = "Churn " + new string('x', i % 90) });
        Console.WriteLine(i.ToString(CultureInfo.InvariantCulture));
        await Console.Out.FlushAsync();
    }
}

Console.Error.WriteLine($"Unknown command '{command}'.");
return 2;
