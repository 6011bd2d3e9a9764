using System;
using System.Collections.Generic;

namespace Exclaimer.Reseller.Emulator.Storage;

/// <summary>The in-memory shape both built-in stores keep: subscriptions in creation order, indexed by id, with running totals.</summary>
internal sealed class SubscriptionTable : IResellerStoreView, ICustomerUserTotals, IActiveSubscriptionCount
{
    private readonly List<StoredSubscription> _rows = new();
    private readonly Dictionary<string, int> _positions = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, long> _customerUsers = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<StoredSubscription> Subscriptions => _rows;

    public StoredSubscription? Find(string subscriptionId) =>
        _positions.TryGetValue(subscriptionId, out var position) ? _rows[position] : null;

    public long ActiveUsersOf(string endUserId) => _customerUsers.TryGetValue(endUserId, out var users) ? users : 0;

    public int ActiveCount { get; private set; }

    public void Put(StoredSubscription subscription)
    {
        if (_positions.TryGetValue(subscription.Id, out var position))
        {
            Count(_rows[position], -1);
            _rows[position] = subscription;
        }
        else
        {
            _positions.Add(subscription.Id, _rows.Count);
            _rows.Add(subscription);
        }

        Count(subscription, +1);
    }

    public void Clear()
    {
        _rows.Clear();
        _positions.Clear();
        _customerUsers.Clear();
        ActiveCount = 0;
    }

    private void Count(StoredSubscription record, int sign)
    {
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
