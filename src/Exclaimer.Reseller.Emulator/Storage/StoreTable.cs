using System.Collections.Generic;

namespace Exclaimer.Reseller.Emulator.Storage;

/// <summary>
/// The in-memory shape both built-in stores keep: subscriptions, end users and resellers, each in the order it was first
/// stored, indexed by id.
/// </summary>
internal sealed class StoreTable : IResellerStoreView
{
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

    public void Put(StoredSubscription subscription) => SubscriptionRows.Put(subscription);

    /// <summary>Applies one saved write, every record of it.</summary>
    public void Apply(StoreChange change)
    {
        change.Subscriptions?.ForEach(SubscriptionRows.Put);
        change.EndUsers?.ForEach(EndUserRows.Put);
        change.Resellers?.ForEach(ResellerRows.Put);
    }

    /// <summary>Loads a snapshot's records.</summary>
    public void Load(StoreSnapshot snapshot)
    {
        snapshot.Subscriptions.ForEach(SubscriptionRows.Put);
        snapshot.EndUsers?.ForEach(EndUserRows.Put);
        snapshot.Resellers?.ForEach(ResellerRows.Put);
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
    }
}
