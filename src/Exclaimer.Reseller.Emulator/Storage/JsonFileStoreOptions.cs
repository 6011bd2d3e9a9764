using System;

namespace Exclaimer.Reseller.Emulator.Storage;

/// <summary>Configures a <see cref="JsonFileResellerStore"/>.</summary>
public sealed class JsonFileStoreOptions
{
    /// <summary>
    /// The store's folder. When <see langword="null"/>: the folder named by the
    /// <c>EXCLAIMER_RESELLER_STORE</c> environment variable, else the per-user default
    /// (see <see cref="JsonFileResellerStore.DefaultDirectory"/>).
    /// </summary>
    public string? DirectoryPath { get; set; }

    /// <summary>How long to wait for another process (or thread) that holds the store; default 30 seconds.</summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The journal is folded into a new snapshot once it holds this many changes, or as many changes as the
    /// snapshot holds subscriptions if that is more, so the cost of rewriting the snapshot stays spread over
    /// many writes; default 1,000.
    /// </summary>
    public int CompactionThreshold { get; set; } = 1000;
}
