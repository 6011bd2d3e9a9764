using System.Collections.Generic;

namespace Exclaimer.Reseller.Emulator.Storage;

/// <summary>A write's changes, kept aside until the store commits them, all together.</summary>
internal sealed class StoreTransaction : IResellerStoreTransaction, ICustomerUserTotals
{
    private readonly StoreTable _committed;
    private readonly PendingRows<StoredSubscription> _subscriptions;
    private readonly PendingRows<StoredEndUser> _endUsers;
    private readonly PendingRows<StoredReseller> _resellers;

    public StoreTransaction(StoreTable committed)
    {
        _committed = committed;
        _subscriptions = new(committed.SubscriptionRows, static s => s.Id);
        _endUsers = new(committed.EndUserRows, static e => e.EndUserId);
        _resellers = new(committed.ResellerRows, static r => r.ResellerId);
    }

    /// <summary>How many puts the write made, in every table.</summary>
    public int PutCount => _subscriptions.Puts.Count + _endUsers.Puts.Count + _resellers.Puts.Count;

    public IReadOnlyList<StoredSubscription> Subscriptions => _subscriptions.Rows;

    public IReadOnlyList<StoredEndUser> EndUsers => _endUsers.Rows;

    public IReadOnlyList<StoredReseller> Resellers => _resellers.Rows;

    public StoredSubscription? Find(string subscriptionId) => _subscriptions.Find(subscriptionId);

    /// <summary>The committed total, with this write's changes so far in place of what they replace.</summary>
    public long ActiveUsersOf(string endUserId)
    {
        var users = _committed.ActiveUsersOf(endUserId);
        foreach (var changed in _subscriptions.Changed)
        {
            users += CustomerUsers.Of(changed, endUserId) - CustomerUsers.Of(_committed.Find(changed.Id), endUserId);
        }

        return users;
    }

    public StoredEndUser? FindEndUser(string endUserId) => _endUsers.Find(endUserId);

    public StoredReseller? FindReseller(string resellerId) => _resellers.Find(resellerId);

    public void Put(StoredSubscription subscription) => _subscriptions.Put(subscription, "subscription");

    public void Put(StoredEndUser endUser) => _endUsers.Put(endUser, "end user");

    public void Put(StoredReseller reseller) => _resellers.Put(reseller, "reseller");

    /// <summary>The write as one journal entry: the puts of each table in the order they were made (the last of an id wins).</summary>
    public StoreChange ToChange() => new()
    {
        Subscriptions = _subscriptions.Puts.Count > 0 ? new List<StoredSubscription>(_subscriptions.Puts) : null,
        EndUsers = _endUsers.Puts.Count > 0 ? new List<StoredEndUser>(_endUsers.Puts) : null,
        Resellers = _resellers.Puts.Count > 0 ? new List<StoredReseller>(_resellers.Puts) : null,
    };

    public void CommitTo(StoreTable table) => table.Apply(ToChange());
}
