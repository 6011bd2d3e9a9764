using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.Conformance.Tests;

/// <summary>The contract's example subscriptions (openapi.json, GET /1.0/subscriptions), which every server is seeded with.</summary>
internal static class ConformanceData
{
    public static readonly (string Id, string Name, int Users) First = ("Sub-IJZ-471", "VIP Services", 100);

    public static readonly (string Id, string Name, int Users) Second = ("Abc-2-6522", "S-DT-BN-096", 50);

    /// <summary>What the create test makes.</summary>
    public static readonly (string Id, string Name, int Users) Created = ("Conformance-Created-1", "Conformance Ltd", 5);

    public static readonly (string Id, string Name, int Users)[] Subscriptions = { First, Second };

    public const string Token = "conformance-token-7H3k";

    public const string AdminEmail = "finance.harry.miles@example.com";

    /// <summary>Seeds an emulator through the client, as any caller would.</summary>
    public static async Task SeedAsync(ResellerClient client)
    {
        foreach (var (id, name, users) in Subscriptions)
        {
            await client.CreateSubscriptionAsync(new CreateSubscriptionOptions
            {
                SubscriptionId = id,
                Product = Product.Microsoft365,
                CustomerName = name,
                UserCount = users,
                Domain = id.ToLowerInvariant() + ".example",
                Tier = id == Second.Id ? Tier.Pro : Tier.Standard,
            });
        }

        await client.AddSubscriptionUserAsync(First.Id, "finance.robert.davis@example.com", new[] { SubscriptionRole.Admin, SubscriptionRole.Editor });
    }
}
