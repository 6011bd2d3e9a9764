using System;
using System.Collections.Generic;

namespace Exclaimer.Reseller.Emulator.Storage;

/// <summary>What <see cref="JsonFileResellerStore.RecoverAsync"/> found, kept and lost.</summary>
public sealed class StoreRecoveryReport
{
    internal StoreRecoveryReport(bool wasDamaged, string? damagedFilesDirectory, int subscriptionCount, int writesKept, int writesLost, IReadOnlyList<string> problems)
    {
        WasDamaged = wasDamaged;
        DamagedFilesDirectory = damagedFilesDirectory;
        SubscriptionCount = subscriptionCount;
        WritesKept = writesKept;
        WritesLost = writesLost;
        Problems = problems;
    }

    /// <summary>Whether the store was damaged. When <see langword="false"/>, nothing was changed.</summary>
    public bool WasDamaged { get; }

    /// <summary>
    /// The dated folder inside the store's folder that keeps the store's files exactly as they were before the
    /// rebuild; <see langword="null"/> when nothing was damaged.
    /// </summary>
    public string? DamagedFilesDirectory { get; }

    /// <summary>How many subscriptions the store holds now.</summary>
    public int SubscriptionCount { get; }

    /// <summary>How many writes saved in the journal since the last snapshot were read and kept.</summary>
    public int WritesKept { get; }

    /// <summary>
    /// How many writes saved in the journal could not be read, so are no longer in the store (they are still in
    /// the copy in <see cref="DamagedFilesDirectory"/>). Damage to the snapshot is described in <see cref="Problems"/>.
    /// </summary>
    public int WritesLost { get; }

    /// <summary>What was damaged and what that cost, one sentence each, for a person to read.</summary>
    public IReadOnlyList<string> Problems { get; }

    internal static StoreRecoveryReport Undamaged(int subscriptionCount) =>
        new(false, null, subscriptionCount, 0, 0, Array.Empty<string>());
}
