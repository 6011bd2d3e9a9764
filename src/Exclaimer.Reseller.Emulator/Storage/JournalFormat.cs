using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Exclaimer.Reseller.Emulator.Storage;

/// <summary>
/// The journal file (<c>subscriptions.journal</c>): a header line, then one line per write, each line
/// <c>&lt;crc32&gt; &lt;json&gt;\n</c>. Format version 1 had a bare JSON header without a checksum; it is still read.
/// An entry is a JSON array of subscriptions, or (format version 3, a write that also put end users or resellers) an
/// object with a member per table; both are read whatever the header's version.
/// </summary>
internal static class JournalFormat
{
    /// <summary>The header line of a version 2 journal for <paramref name="generation"/>, newline included.</summary>
    public static byte[] Header(long generation)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new JournalHeader { Generation = generation }, StoreJsonContext.Default.JournalHeader);
        var line = new MemoryStream(json.Length + StoreChecksum.Length + 2);
        WriteLine(line, json);
        return line.ToArray();
    }

    /// <summary>Reads a header line (without its newline) of version 1 or 2; anything else is <c>StoreCorrupt</c>.</summary>
    public static JournalHeader ParseHeader(ReadOnlySpan<byte> line, string path)
    {
        var legacy = line.Length > 0 && line[0] == (byte)'{';
        ReadOnlySpan<byte> json;
        if (legacy)
        {
            json = line;
        }
        else if (!TryUnframe(line, out json))
        {
            throw StoreErrors.Damaged(path, "its header line fails its checksum: a byte of it has changed since it was written");
        }

        JournalHeader? header;
        try
        {
            header = JsonSerializer.Deserialize(json, StoreJsonContext.Default.JournalHeader);
        }
        catch (JsonException ex)
        {
            throw StoreErrors.Damaged(path, $"its header line is not valid ({ex.Message})", ex);
        }

        if (header is null || header.Format != JournalHeader.FormatName || header.Generation < 0)
        {
            throw StoreErrors.Damaged(path, "its header line is not an Exclaimer reseller journal header");
        }

        if (header.Version > StoreFormat.CurrentVersion)
        {
            throw StoreErrors.Newer(path, header.Version);
        }

        // Version 1 headers are bare JSON and later ones are checksummed: any other pairing is damage.
        if (legacy ? header.Version != StoreFormat.Legacy : header.Version < StoreFormat.Checksummed)
        {
            throw StoreErrors.Damaged(path, $"its header line says format version {header.Version} but is not written as one");
        }

        return header;
    }

    /// <summary>Appends one write (every change it made, so it is replayed entirely or not at all) as a line.</summary>
    public static void WriteEntry(MemoryStream to, StoreChange change) =>
        WriteLine(
            to,
            change.OnlySubscriptions
                ? JsonSerializer.SerializeToUtf8Bytes(change.Subscriptions ?? new List<StoredSubscription>(), StoreJsonContext.Default.ListStoredSubscription)
                : JsonSerializer.SerializeToUtf8Bytes(change, StoreJsonContext.Default.StoreChange));

    /// <summary>Reads a complete entry line (without its newline); one that does not check out is <c>StoreCorrupt</c>.</summary>
    public static StoreChange ParseEntry(ReadOnlySpan<byte> line, long position, string path) =>
        TryParseEntry(line, out var changes, out var problem, out var inner)
            ? changes
            : throw StoreErrors.Damaged(path, $"the entry at byte {position} {problem}", inner);

    /// <summary>Like <see cref="ParseEntry"/>, but <see langword="false"/> instead of an error: for bytes that may be a write cut short.</summary>
    public static bool TryParseEntry(ReadOnlySpan<byte> line, [NotNullWhen(true)] out StoreChange? changes) =>
        TryParseEntry(line, out changes, out _, out _);

    private static bool TryParseEntry(ReadOnlySpan<byte> line, [NotNullWhen(true)] out StoreChange? changes, out string problem, out Exception? inner)
    {
        changes = null;
        inner = null;
        if (!TryUnframe(line, out var json))
        {
            problem = line.Length < StoreChecksum.Length + 2 || line[StoreChecksum.Length] != (byte)' ' ? "is malformed" : "fails its checksum";
            return false;
        }

        StoreChange? parsed;
        try
        {
            parsed = json.Length > 0 && json[0] == (byte)'{'
                ? JsonSerializer.Deserialize(json, StoreJsonContext.Default.StoreChange)
                : new StoreChange { Subscriptions = JsonSerializer.Deserialize(json, StoreJsonContext.Default.ListStoredSubscription) };
        }
        catch (JsonException ex)
        {
            problem = $"is not valid JSON ({ex.Message})";
            inner = ex;
            return false;
        }

        if (!StoreFormat.IsComplete(parsed))
        {
            problem = "has no record, or a record without its id";
            return false;
        }

        changes = parsed!;
        problem = string.Empty;
        return true;
    }

    /// <summary>Checks a line's checksum and returns the JSON after it.</summary>
    private static bool TryUnframe(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> json)
    {
        json = default;
        if (line.Length < StoreChecksum.Length + 2 || line[StoreChecksum.Length] != (byte)' ')
        {
            return false;
        }

        json = line.Slice(StoreChecksum.Length + 1);
        return StoreChecksum.Matches(json, line.Slice(0, StoreChecksum.Length));
    }

    private static void WriteLine(MemoryStream to, byte[] json)
    {
        var prefix = Encoding.ASCII.GetBytes(StoreChecksum.Of(json) + " ");
        to.Write(prefix, 0, prefix.Length);
        to.Write(json, 0, json.Length);
        to.WriteByte((byte)'\n');
    }
}
