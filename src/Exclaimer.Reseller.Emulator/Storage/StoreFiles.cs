using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Exclaimer.Reseller.Emulator.Storage;

/// <summary>The snapshot file: every record as of the start of journal <see cref="Generation"/>.</summary>
internal sealed class StoreSnapshot
{
    public const string FormatName = "exclaimer-reseller-store";

    public string Format { get; set; } = FormatName;

    public int Version { get; set; } = StoreFormat.CurrentVersion;

    public long Generation { get; set; }

    public List<StoredSubscription> Subscriptions { get; set; } = new();

    /// <summary>Format version 3: the end users (absent when there are none, and in older versions).</summary>
    public List<StoredEndUser>? EndUsers { get; set; }

    /// <summary>Format version 3: the resellers (absent when there are none, and in older versions).</summary>
    public List<StoredReseller>? Resellers { get; set; }

    /// <summary>Format version 2 and later: the checksum of every byte before it (see <see cref="SnapshotFormat"/>). Written by hand, last.</summary>
    public string? Checksum { get; set; }
}

/// <summary>The journal's first line: which snapshot generation the changes after it apply to.</summary>
internal sealed class JournalHeader
{
    public const string FormatName = "exclaimer-reseller-journal";

    public string Format { get; set; } = FormatName;

    public int Version { get; set; } = StoreFormat.CurrentVersion;

    public long Generation { get; set; }
}

/// <summary>
/// One saved write, every record it put, so it is replayed entirely or not at all. A write of subscriptions only is a
/// journal line holding a JSON array of them, as in format versions 1 and 2; one that also puts end users or resellers
/// is an object with a member per table (format version 3).
/// </summary>
internal sealed class StoreChange
{
    public List<StoredSubscription>? Subscriptions { get; set; }

    public List<StoredEndUser>? EndUsers { get; set; }

    public List<StoredReseller>? Resellers { get; set; }

    [JsonIgnore]
    public int Count => (Subscriptions?.Count ?? 0) + (EndUsers?.Count ?? 0) + (Resellers?.Count ?? 0);

    [JsonIgnore]
    public bool OnlySubscriptions => EndUsers is null or { Count: 0 } && Resellers is null or { Count: 0 };
}

/// <summary>The store's format versions.</summary>
internal static class StoreFormat
{
    /// <summary>Version 1: no checksum on the snapshot or the journal header. Still read; upgraded by the first write.</summary>
    public const int Legacy = 1;

    /// <summary>Version 2: every byte that decides which writes count is under a checksum. Still read; upgraded by the first write.</summary>
    public const int Checksummed = 2;

    /// <summary>
    /// Version 3: version 2 plus the end user and reseller tables. An SDK that reads only version 2 refuses it as newer,
    /// rather than loading it without those tables and dropping them at its next compaction.
    /// </summary>
    public const int CurrentVersion = 3;

    /// <summary>A record read from a file is usable only with its subscription and id (JSON may say null).</summary>
    public static bool HasId(StoredSubscription? subscription) =>
        subscription?.Subscription is not null && !string.IsNullOrEmpty(subscription.Subscription.SubscriptionId);

    /// <summary>An end user read from a file is usable only with its id.</summary>
    public static bool HasId(StoredEndUser? endUser) => !string.IsNullOrEmpty(endUser?.EndUserId);

    /// <summary>A reseller read from a file is usable only with its id.</summary>
    public static bool HasId(StoredReseller? reseller) => !string.IsNullOrEmpty(reseller?.ResellerId);

    /// <summary>Every record of a change read from a file has its id, and there is at least one.</summary>
    public static bool IsComplete(StoreChange? change) =>
        change is not null && change.Count > 0
        && (change.Subscriptions?.TrueForAll(HasId) ?? true)
        && (change.EndUsers?.TrueForAll(HasId) ?? true)
        && (change.Resellers?.TrueForAll(HasId) ?? true);
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StoreSnapshot))]
[JsonSerializable(typeof(JournalHeader))]
[JsonSerializable(typeof(StoreChange))]
[JsonSerializable(typeof(List<StoredSubscription>))]
[JsonSerializable(typeof(StoredSubscription))]
[JsonSerializable(typeof(StoredEndUser))]
[JsonSerializable(typeof(StoredReseller))]
internal sealed partial class StoreJsonContext : JsonSerializerContext
{
}
