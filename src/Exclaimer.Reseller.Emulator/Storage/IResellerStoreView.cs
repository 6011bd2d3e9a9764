using System.Collections.Generic;

namespace Exclaimer.Reseller.Emulator.Storage;

/// <summary>A consistent view of a store's subscriptions while a read or a write runs.</summary>
public interface IResellerStoreView
{
    /// <summary>Every subscription in the order it was created; positions never change, because nothing is ever deleted (R15).</summary>
    IReadOnlyList<StoredSubscription> Subscriptions { get; }

    /// <summary>The subscription with this id (ids compare case-insensitively), or <see langword="null"/>.</summary>
    StoredSubscription? Find(string subscriptionId);
}
