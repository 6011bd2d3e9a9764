namespace Exclaimer.Reseller.Emulator.Storage;

/// <summary>A write in progress: the view includes the changes made so far. Nothing is saved until the write commits, and then all of it is.</summary>
public interface IResellerStoreTransaction : IResellerStoreView
{
    /// <summary>Adds a subscription, or replaces the one with the same id.</summary>
    void Put(StoredSubscription subscription);

    /// <summary>Adds an end user, or replaces the one with the same id.</summary>
    void Put(StoredEndUser endUser);

    /// <summary>Adds a reseller, or replaces the one with the same id.</summary>
    void Put(StoredReseller reseller);
}
