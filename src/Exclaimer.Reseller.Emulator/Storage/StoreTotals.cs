using System;

namespace Exclaimer.Reseller.Emulator.Storage;

/// <summary>
/// A view that keeps each customer's total of users over their current (not archived) subscriptions, so the engine's
/// overflow rule (R17) costs a lookup instead of a walk over every subscription. The built-in stores' views have it;
/// for another store the engine walks the subscriptions.
/// </summary>
internal interface ICustomerUserTotals
{
    /// <summary>The users across <paramref name="endUserId"/>'s subscriptions that are not archived.</summary>
    long ActiveUsersOf(string endUserId);
}

/// <summary>
/// A view that keeps how many subscriptions a list shows, so a page (R2) reports its total without a walk over every
/// subscription. The built-in stores' views have it; for another store the engine counts.
/// </summary>
internal interface ISubscriptionCounts
{
    /// <summary>The subscriptions a list shows: every one but those a claim moved away (R21).</summary>
    int ListedCount { get; }

    /// <summary>Of those, the ones whose status is Active.</summary>
    int ActiveCount { get; }
}

/// <summary>What one subscription adds to its customer's total.</summary>
internal static class CustomerUsers
{
    public static long Of(StoredSubscription? record, string endUserId) =>
        record is { IsMovedAway: false, Subscription: { } s } && !SubscriptionStates.IsArchived(s.Status) && string.Equals(s.EndUserId, endUserId, StringComparison.OrdinalIgnoreCase)
            ? s.NumberOfUsers
            : 0;
}
