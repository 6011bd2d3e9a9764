using System.Collections.Generic;

namespace Exclaimer.Reseller.Emulator.Storage;

/// <summary>A consistent view of a store's records while a read or a write runs: subscriptions, end users and resellers.</summary>
public interface IResellerStoreView
{
    /// <summary>Every subscription in the order it was created; positions never change, because nothing is ever deleted (R15).</summary>
    IReadOnlyList<StoredSubscription> Subscriptions { get; }

    /// <summary>The subscription with this id (ids compare case-insensitively), or <see langword="null"/>.</summary>
    StoredSubscription? Find(string subscriptionId);

    /// <summary>Every end user (the partner's customers) in the order it was first stored; nothing is ever deleted.</summary>
    IReadOnlyList<StoredEndUser> EndUsers { get; }

    /// <summary>The end user with this id (compared case-insensitively), or <see langword="null"/>.</summary>
    StoredEndUser? FindEndUser(string endUserId);

    /// <summary>Every reseller in the order it was first stored; nothing is ever deleted.</summary>
    IReadOnlyList<StoredReseller> Resellers { get; }

    /// <summary>The reseller with this id (compared case-insensitively), or <see langword="null"/>.</summary>
    StoredReseller? FindReseller(string resellerId);
}
