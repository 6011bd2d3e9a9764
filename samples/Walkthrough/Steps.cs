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

    /// <summary>
    /// Proposes the SPF record (R14). The proposal is counted against DNS as it is, so a machine that cannot reach
    /// Microsoft's and Exclaimer's records gets the reason, not a count that might be wrong.
    /// </summary>
    public static async Task ProposeSpfAsync(ResellerClient client, string subscriptionId, SpfRecordOptions options)
    {
        try
        {
            var spf = await client.UpdateSpfRecordAsync(subscriptionId, options);
            Console.WriteLine($"SPF for {spf.Domain}: {spf.ProposedRecord} ({spf.DnsLookupCount} DNS lookups{(spf.Changed ? string.Empty : ", unchanged")})");
        }
        catch (ResellerException refused) when (refused.ErrorCode is ResellerErrorCodes.SpfDnsLookupFailed or ResellerErrorCodes.SpfRecordRefused)
        {
            Console.WriteLine($"SPF for {options.Domain}: not proposed ({refused.ErrorCode}): {refused.Message}");
        }
    }
}
