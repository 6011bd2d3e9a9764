using System;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.Samples.Walkthrough;

/// <summary>Steps that a re-run meets again: each reports what exists instead of failing.</summary>
internal static class Steps
{
    public static async Task<Subscription> CreateAsync(ResellerClient client, CreateSubscriptionOptions options)
    {
        try
        {
            var created = await client.CreateSubscriptionAsync(options);
            Console.WriteLine($"Created {created.SubscriptionId} for {created.CustomerName}: {created.Product}, {created.UserCount} users, trial until {created.TrialEndDate:yyyy-MM-dd}, data centre {created.DataCenter}");
            return created;
        }
        catch (ResellerConflictException conflict) when (conflict.ErrorCode == ResellerErrorCodes.SubscriptionAlreadyExists)
        {
            var existing = await client.GetSubscriptionAsync(options.SubscriptionId!);
            Console.WriteLine($"Exists  {existing.SubscriptionId} for {existing.CustomerName} ({existing.Status}); nothing created (R9)");
            return existing;
        }
    }

    public static async Task AddUserAsync(ResellerClient client, string subscriptionId, string emailAddress)
    {
        try
        {
            var user = await client.AddSubscriptionUserAsync(subscriptionId, emailAddress);
            Console.WriteLine($"Added {user.EmailAddress} to {subscriptionId} as {string.Join(", ", user.Roles)}");
        }
        catch (ResellerConflictException conflict) when (conflict.ErrorCode == ResellerErrorCodes.UserAlreadyExists)
        {
            Console.WriteLine($"User {emailAddress} is already on {subscriptionId}");
        }
    }
}
