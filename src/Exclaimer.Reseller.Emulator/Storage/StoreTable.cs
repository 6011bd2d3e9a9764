using System;
using System.Collections.Generic;

namespace Exclaimer.Reseller.Emulator.Storage;

/// <summary>
/// The in-memory shape both built-in stores keep: subscriptions, end users and resellers, each in the order it was first
/// stored, indexed by id, with running totals over the subscriptions (<see cref="ISubscriptionCounts"/>,
/// <see cref="ICustomerUserTotals"/>) kept as each is put.
/// </summary>
internal sealed class StoreTable : IResellerStoreView, ICustomerUserTotals, ISubscriptionCounts
{
    private readonly Dictionary<string, long> _customerUsers = new(StringComparer.OrdinalIgnoreCase);

    public StoreRows<StoredSubscription> SubscriptionRows { get; } = new(static s => s.Id);

    public StoreRows<StoredEndUser> EndUserRows { get; } = new(static e => e.EndUserId);

    public StoreRows<StoredReseller> ResellerRows { get; } = new(static r => r.ResellerId);

    public IReadOnlyList<StoredSubscription> Subscriptions => SubscriptionRows.Rows;

    public IReadOnlyList<StoredEndUser> EndUsers => EndUserRows.Rows;

    public IReadOnlyList<StoredReseller> Resellers => ResellerRows.Rows;

    /// <summary>Every record of every table.</summary>
    public int Count => SubscriptionRows.Rows.Count + EndUserRows.Rows.Count + ResellerRows.Rows.Count;

    public StoredSubscription? Find(string subscriptionId) => SubscriptionRows.Find(subscriptionId);

    public StoredEndUser? FindEndUser(string endUserId) => EndUserRows.Find(endUserId);

    public StoredReseller? FindReseller(string resellerId) => ResellerRows.Find(resellerId);

    public int ListedCount { get; private set; }

    public int ActiveCount { get; private set; }

    public long ActiveUsersOf(string endUserId) => _customerUsers.TryGetValue(endUserId, out var users) ? users : 0;

    public void Put(StoredSubscription subscription)
    {
        if (SubscriptionRows.Put(subscription) is { } replaced)
        {
            Tally(replaced, -1);
        }

        Tally(subscription, +1);
    }

    /// <summary>Applies one saved write, every record of it.</summary>
    public void Apply(StoreChange change)
    {
        change.Subscriptions?.ForEach(Put);
        change.EndUsers?.ForEach(row => EndUserRows.Put(row));
        change.Resellers?.ForEach(row => ResellerRows.Put(row));
    }

    /// <summary>Loads a snapshot's records.</summary>
    public void Load(StoreSnapshot snapshot)
    {
        snapshot.Subscriptions.ForEach(Put);
        snapshot.EndUsers?.ForEach(row => EndUserRows.Put(row));
        snapshot.Resellers?.ForEach(row => ResellerRows.Put(row));
    }

    /// <summary>A snapshot of every record, for <paramref name="generation"/>.</summary>
    public StoreSnapshot ToSnapshot(long generation)
    {
        var snapshot = new StoreSnapshot { Generation = generation };
        snapshot.Subscriptions.AddRange(Subscriptions);
        if (EndUsers.Count > 0)
        {
            snapshot.EndUsers = new List<StoredEndUser>(EndUsers);
        }

        if (Resellers.Count > 0)
        {
            snapshot.Resellers = new List<StoredReseller>(Resellers);
        }

        return snapshot;
    }

    public void Clear()
    {
        SubscriptionRows.Clear();
        EndUserRows.Clear();
        ResellerRows.Clear();
        _customerUsers.Clear();
        ListedCount = 0;
        ActiveCount = 0;
    }

    private void Tally(StoredSubscription record, int sign)
    {
        if (record.IsMovedAway)
        {
            return;
        }

        ListedCount += sign;
        if (SubscriptionStates.IsActive(record.Subscription.Status))
        {
            ActiveCount += sign;
        }

        if (record.Subscription.EndUserId is { } customer && CustomerUsers.Of(record, customer) is var users and > 0)
        {
            _customerUsers[customer] = ActiveUsersOf(customer) + (sign * users);
        }
    }
}
