using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Exclaimer.Reseller.Emulator.Storage;

/// <summary>The snapshot file: every subscription as of the start of journal <see cref="Generation"/>.</summary>
internal sealed class StoreSnapshot
{
    public const string FormatName = "exclaimer-reseller-store";

    public string Format { get; set; } = FormatName;

    public int Version { get; set; } = StoreFormat.CurrentVersion;

    public long Generation { get; set; }

    public List<StoredSubscription> Subscriptions { get; set; } = new();

    /// <summary>Format version 2: the checksum of every byte before it (see <see cref="SnapshotFormat"/>). Written by hand, last.</summary>
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

/// <summary>The store's format versions.</summary>
internal static class StoreFormat
{
    /// <summary>Version 1: no checksum on the snapshot or the journal header. Still read; upgraded by the first write.</summary>
    public const int Legacy = 1;

    /// <summary>Version 2: every byte that decides which writes count is under a checksum.</summary>
    public const int CurrentVersion = 2;

    /// <summary>A record read from a file is usable only with its subscription and id (JSON may say null).</summary>
    public static bool HasId(StoredSubscription? subscription) =>
        subscription?.Subscription is not null && !string.IsNullOrEmpty(subscription.Subscription.SubscriptionId);
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StoreSnapshot))]
[JsonSerializable(typeof(JournalHeader))]
[JsonSerializable(typeof(List<StoredSubscription>))]
[JsonSerializable(typeof(StoredSubscription))]
internal sealed partial class StoreJsonContext : JsonSerializerContext
{
}
