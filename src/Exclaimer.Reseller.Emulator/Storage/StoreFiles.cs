using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Exclaimer.Reseller.Emulator.Storage;

/// <summary>The snapshot file: every subscription as of the start of journal <see cref="Generation"/>.</summary>
internal sealed class StoreSnapshot
{
    public const string FormatName = "exclaimer-reseller-store";

    public string Format { get; set; } = FormatName;

    public int Version { get; set; } = 1;

    public long Generation { get; set; }

    public List<StoredSubscription> Subscriptions { get; set; } = new();
}

/// <summary>The journal's first line: which snapshot generation the changes after it apply to.</summary>
internal sealed class JournalHeader
{
    public const string FormatName = "exclaimer-reseller-journal";

    public string Format { get; set; } = FormatName;

    public int Version { get; set; } = 1;

    public long Generation { get; set; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StoreSnapshot))]
[JsonSerializable(typeof(JournalHeader))]
[JsonSerializable(typeof(List<StoredSubscription>))]
internal sealed partial class StoreJsonContext : JsonSerializerContext
{
}
