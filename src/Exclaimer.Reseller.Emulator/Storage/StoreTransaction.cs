using System.Collections.Generic;

namespace Exclaimer.Reseller.Emulator.Storage;

/// <summary>A write's changes, kept aside until the store commits them.</summary>
internal sealed class StoreTransaction : IResellerStoreTransaction, ICustomerUserTotals
{
    private readonly SubscriptionTable _committed;
    private readonly Dictionary<string, StoredSubscription> _pending = new(System.StringComparer.OrdinalIgnoreCase);
    private readonly List<StoredSubscription> _added = new();
    private readonly List<StoredSubscription> _puts = new();

    public StoreTransaction(SubscriptionTable committed) => _committed = committed;

    /// <summary>The puts in the order they were made; the last put of an id wins.</summary>
    public IReadOnlyList<StoredSubscription> Puts => _puts;

    public IReadOnlyList<StoredSubscription> Subscriptions
    {
        get
        {
            if (_pending.Count == 0)
            {
                return _committed.Subscriptions;
            }

            var all = new List<StoredSubscription>(_committed.Subscriptions.Count + _added.Count);
            foreach (var row in _committed.Subscriptions)
            {
                all.Add(_pending.TryGetValue(row.Id, out var changed) ? changed : row);
            }

            foreach (var row in _added)
            {
                all.Add(_pending[row.Id]);
            }

            return all;
        }
    }

    /// <summary>The committed total, with this write's changes so far in place of what they replace.</summary>
    public long ActiveUsersOf(string endUserId)
    {
        var users = _committed.ActiveUsersOf(endUserId);
        foreach (var changed in _pending.Values)
        {
            users += CustomerUsers.Of(changed, endUserId) - CustomerUsers.Of(_committed.Find(changed.Id), endUserId);
        }

        return users;
    }

    public StoredSubscription? Find(string subscriptionId) =>
        _pending.TryGetValue(subscriptionId, out var changed) ? changed : _committed.Find(subscriptionId);

    public void Put(StoredSubscription subscription)
    {
        if (subscription is null)
        {
            throw new System.ArgumentNullException(nameof(subscription));
        }

        if (string.IsNullOrEmpty(subscription.Id))
        {
            throw new System.ArgumentException("A stored subscription needs an id.", nameof(subscription));
        }

        if (!_pending.ContainsKey(subscription.Id) && _committed.Find(subscription.Id) is null)
        {
            _added.Add(subscription);
        }

        _pending[subscription.Id] = subscription;
        _puts.Add(subscription);
    }

    public void CommitTo(SubscriptionTable table)
    {
        foreach (var put in _puts)
        {
            table.Put(put);
        }
    }
}
