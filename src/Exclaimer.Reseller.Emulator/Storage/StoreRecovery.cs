using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;

using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.Emulator.Storage;

/// <summary>
/// Rebuilds a damaged file store from what can still be read. The caller holds the store's write lock. The files
/// are first copied, byte for byte, into a dated folder and flushed; only then are they replaced, each by a
/// rename, so a crash at any point leaves either the damaged store (recover again) or the rebuilt one.
/// </summary>
internal static class StoreRecovery
{
    public static StoreRecoveryReport Rebuild(string folder, string snapshotPath, string journalPath, DateTime utcNow)
    {
        var snapshotBytes = File.Exists(snapshotPath) ? File.ReadAllBytes(snapshotPath) : null;
        var journalBytes = File.Exists(journalPath) ? File.ReadAllBytes(journalPath) : null;
        var table = new StoreTable();
        var problems = new List<string>();

        var snapshotGeneration = ReadSnapshot(snapshotBytes, snapshotPath, journalBytes is not null, table, problems);
        var journal = ReplayJournal(journalBytes, journalPath, snapshotGeneration, table, problems);

        var backup = CreateBackupFolder(folder, utcNow);
        if (snapshotBytes is not null)
        {
            AtomicFile.Write(Path.Combine(backup, JsonFileResellerStore.SnapshotFileName), stream => stream.Write(snapshotBytes, 0, snapshotBytes.Length));
        }

        if (journalBytes is not null)
        {
            AtomicFile.Write(Path.Combine(backup, JsonFileResellerStore.JournalFileName), stream => stream.Write(journalBytes, 0, journalBytes.Length));
        }

        // A generation above both old ones: an old journal left beside the new snapshot is then only a stale one.
        var generation = Math.Max(snapshotGeneration ?? 0, journal.Generation ?? 0) + 1;
        var rebuilt = table.ToSnapshot(generation);
        var header = JournalFormat.Header(generation);
        AtomicFile.Write(snapshotPath, stream => SnapshotFormat.Write(stream, rebuilt));
        AtomicFile.Write(journalPath, stream => stream.Write(header, 0, header.Length));

        return new StoreRecoveryReport(true, backup, table.Subscriptions.Count, journal.Kept, journal.Lost, problems);
    }

    /// <summary>Puts the snapshot's subscriptions, or those still readable, into <paramref name="table"/>; returns its generation if known.</summary>
    private static long? ReadSnapshot(byte[]? bytes, string path, bool journalExists, StoreTable table, List<string> problems)
    {
        var name = Path.GetFileName(path);
        if (bytes is null)
        {
            if (journalExists)
            {
                problems.Add($"{name} is missing: the store was rebuilt from the journal alone, so subscriptions not changed since the last snapshot are lost.");
            }

            return null;
        }

        try
        {
            var snapshot = SnapshotFormat.Parse(bytes, path);
            table.Load(snapshot);
            return snapshot.Generation;
        }
        catch (NewerFormatException)
        {
            throw; // Never rebuild what a newer SDK wrote: this one cannot know what it holds.
        }
        catch (ResellerStoreException)
        {
            // Read what still parses below.
        }

        var (generation, subscriptions, complete) = ReadLeniently(bytes, table);
        problems.Add(complete
            ? $"{name} fails its checksum: its {subscriptions.Count} subscriptions were kept as they read, and one of them may hold the changed byte; compare with the copy kept."
            : $"{name} is damaged part way: the {subscriptions.Count} subscriptions before the damage were kept, and those after it are lost from the store.");
        return generation;
    }

    /// <summary>
    /// The generation and every record that parses, up to the first that does not; the records go into
    /// <paramref name="table"/>, and the subscriptions among them are returned to be counted.
    /// </summary>
    private static (long? Generation, List<StoredSubscription> Subscriptions, bool Complete) ReadLeniently(byte[] bytes, StoreTable table)
    {
        var subscriptions = new List<StoredSubscription>();
        long? generation = null;
        var complete = false;
        var reader = new Utf8JsonReader(bytes, isFinalBlock: true, state: default);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return (null, subscriptions, false);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var property = reader.GetString();
                reader.Read();
                if (property == nameof(StoreSnapshot.Generation) && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value) && value >= 0)
                {
                    generation = value;
                }
                else if (property == nameof(StoreSnapshot.Subscriptions) && reader.TokenType == JsonTokenType.StartArray)
                {
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        var subscription = JsonSerializer.Deserialize(ref reader, StoreJsonContext.Default.StoredSubscription);
                        if (StoreFormat.HasId(subscription))
                        {
                            subscriptions.Add(subscription!);
                            table.Put(subscription!);
                        }
                    }
                }
                else if (property == nameof(StoreSnapshot.EndUsers) && reader.TokenType == JsonTokenType.StartArray)
                {
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        var endUser = JsonSerializer.Deserialize(ref reader, StoreJsonContext.Default.StoredEndUser);
                        if (StoreFormat.HasId(endUser))
                        {
                            table.EndUserRows.Put(endUser!);
                        }
                    }
                }
                else if (property == nameof(StoreSnapshot.Resellers) && reader.TokenType == JsonTokenType.StartArray)
                {
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        var reseller = JsonSerializer.Deserialize(ref reader, StoreJsonContext.Default.StoredReseller);
                        if (StoreFormat.HasId(reseller))
                        {
                            table.ResellerRows.Put(reseller!);
                        }
                    }
                }
                else
                {
                    reader.Skip();
                }
            }

            complete = reader.TokenType == JsonTokenType.EndObject;
        }
        catch (JsonException)
        {
            // The damage: what was read before it is kept.
        }

        return (generation, subscriptions, complete);
    }

    /// <summary>Replays every journal line that passes its checksum onto <paramref name="table"/>, in order.</summary>
    private static (long? Generation, int Kept, int Lost) ReplayJournal(byte[]? bytes, string path, long? snapshotGeneration, StoreTable table, List<string> problems)
    {
        var name = Path.GetFileName(path);
        if (bytes is null)
        {
            if (snapshotGeneration is not null)
            {
                problems.Add($"{name} is missing: changes saved after the last snapshot are lost, if there were any.");
            }

            return (null, 0, 0);
        }

        var headerEnd = Array.IndexOf(bytes, (byte)'\n');
        if (headerEnd < 0)
        {
            problems.Add($"{name} has no complete header line, so it holds no change that can be read.");
            return (null, 0, 0);
        }

        JournalHeader? header = null;
        try
        {
            header = JournalFormat.ParseHeader(new ReadOnlySpan<byte>(bytes, 0, headerEnd), path);
        }
        catch (NewerFormatException)
        {
            throw;
        }
        catch (ResellerStoreException)
        {
            // Replaying a journal that turns out to be the one already folded into the snapshot changes nothing:
            // each of its lines is a whole record, and the snapshot holds the last of each.
            problems.Add($"{name} has a damaged header line; its changes were replayed onto the snapshot.");
        }

        if (header is not null && snapshotGeneration is long current && header.Generation < current)
        {
            return (header.Generation, 0, 0); // Already folded into the snapshot by a compaction that stopped before replacing it.
        }

        if (header is not null && snapshotGeneration is long older && header.Generation > older)
        {
            problems.Add(string.Format(CultureInfo.InvariantCulture, "{0} follows a newer snapshot (generation {1}) than the one there (generation {2}): its changes were replayed onto the older one, so a subscription changed between the two but not since shows its older state.", name, header.Generation, older));
        }

        var kept = 0;
        var lost = 0;
        var start = headerEnd + 1;
        for (var i = start; i <= bytes.Length; i++)
        {
            var last = i == bytes.Length;
            if (!last && bytes[i] != (byte)'\n')
            {
                continue;
            }

            var line = new ReadOnlySpan<byte>(bytes, start, i - start);
            start = i + 1;
            if (line.Length == 0)
            {
                continue;
            }

            // The last line may lack its newline (a write cut short), or end in a damaged one.
            if (JournalFormat.TryParseEntry(line, out var changes) || (last && JournalFormat.TryParseEntry(line.Slice(0, line.Length - 1), out changes)))
            {
                table.Apply(changes!);
                kept++;
            }
            else if (last)
            {
                problems.Add($"{name} ends in a write that never finished, so it was never acknowledged; it was left out.");
            }
            else
            {
                lost++;
            }
        }

        if (lost > 0)
        {
            problems.Add(string.Format(CultureInfo.InvariantCulture, "{0}: {1} saved write(s) fail their checksum and were left out; the other writes were kept.", name, lost));
        }

        return (header?.Generation, kept, lost);
    }

    private static string CreateBackupFolder(string folder, DateTime utcNow)
    {
        var stem = Path.Combine(folder, "damaged-" + utcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        var path = stem;
        for (var n = 2; Directory.Exists(path); n++)
        {
            path = stem + "-" + n.ToString(CultureInfo.InvariantCulture);
        }

        OwnerOnly.CreateDirectory(path);
        return path;
    }
}
