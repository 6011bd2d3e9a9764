namespace Exclaimer.Reseller.Emulator.Storage;

/// <summary>A write in progress: the view includes the changes made so far.</summary>
public interface IResellerStoreTransaction : IResellerStoreView
{
    /// <summary>Adds a subscription, or replaces the one with the same id. Nothing is saved until the write commits.</summary>
    void Put(StoredSubscription subscription);
}
