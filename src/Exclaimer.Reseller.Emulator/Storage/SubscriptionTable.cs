using System;
using System.Collections.Generic;

namespace Exclaimer.Reseller.Emulator.Storage;

/// <summary>The in-memory shape both built-in stores keep: subscriptions in creation order, indexed by id.</summary>
internal sealed class SubscriptionTable : IResellerStoreView
{
    private readonly List<StoredSubscription> _rows = new();
    private readonly Dictionary<string, int> _positions = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<StoredSubscription> Subscriptions => _rows;

    public StoredSubscription? Find(string subscriptionId) =>
        _positions.TryGetValue(subscriptionId, out var position) ? _rows[position] : null;

    public void Put(StoredSubscription subscription)
    {
        if (_positions.TryGetValue(subscription.Id, out var position))
        {
            _rows[position] = subscription;
        }
        else
        {
            _positions.Add(subscription.Id, _rows.Count);
            _rows.Add(subscription);
        }
    }

    public void Clear()
    {
        _rows.Clear();
        _positions.Clear();
    }
}
