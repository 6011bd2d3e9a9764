using System;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Exclaimer.Reseller.Emulator.Storage;

/// <summary>
/// The snapshot file (<c>subscriptions.json</c>). Format version 2 (and 3, which adds the end user and reseller
/// tables) is one JSON object whose last member is
/// <c>"Checksum":"&lt;crc32&gt;"</c>, the checksum of every byte before that member, so a changed byte anywhere
/// (the generation, a subscription, the checksum itself) fails the check. It stays plain JSON with
/// <c>Format</c> and <c>Version</c> where version 1 had them, so an SDK that reads only version 1 refuses it as
/// newer and never overwrites it. Version 1 (no checksum) is still read.
/// </summary>
internal static class SnapshotFormat
{
    private static readonly byte[] ChecksumStart = Encoding.ASCII.GetBytes(",\"Checksum\":\"");
    private static readonly byte[] ChecksumEnd = Encoding.ASCII.GetBytes("\"}");

    /// <summary>The bytes after the checksummed part: <c>,"Checksum":"xxxxxxxx"}</c>.</summary>
    private static int TrailerLength => ChecksumStart.Length + StoreChecksum.Length + ChecksumEnd.Length;

    /// <summary>Writes a snapshot in the current format version.</summary>
    public static void Write(Stream stream, StoreSnapshot snapshot)
    {
        snapshot.Version = StoreFormat.CurrentVersion;
        snapshot.Checksum = null;
        var json = JsonSerializer.SerializeToUtf8Bytes(snapshot, StoreJsonContext.Default.StoreSnapshot);

        // Everything but the closing brace is checksummed; the checksum member then closes the object.
        var body = json.Length - 1;
        var checksum = Encoding.ASCII.GetBytes(StoreChecksum.Of(new ReadOnlySpan<byte>(json, 0, body)));
        stream.Write(json, 0, body);
        stream.Write(ChecksumStart, 0, ChecksumStart.Length);
        stream.Write(checksum, 0, checksum.Length);
        stream.Write(ChecksumEnd, 0, ChecksumEnd.Length);
    }

    /// <summary>Reads a snapshot of version 1, 2 or 3; anything else, or a byte out of place, is <c>StoreCorrupt</c>.</summary>
    public static StoreSnapshot Parse(byte[] bytes, string path)
    {
        // Checked before the JSON: a changed byte is reported as what it is, even where it still parses.
        var hasChecksum = TryGetChecksum(bytes, out var body, out var checksum);
        if (hasChecksum && !StoreChecksum.Matches(body, checksum))
        {
            throw StoreErrors.Damaged(path, "it fails its checksum: a byte of it has changed since it was written");
        }

        StoreSnapshot? snapshot;
        try
        {
            snapshot = JsonSerializer.Deserialize(bytes, StoreJsonContext.Default.StoreSnapshot);
        }
        catch (JsonException ex)
        {
            throw StoreErrors.Damaged(path, $"it is not complete, valid JSON ({ex.Message})", ex);
        }

        if (snapshot is null || snapshot.Format != StoreSnapshot.FormatName || snapshot.Subscriptions is null || snapshot.Version < StoreFormat.Legacy)
        {
            throw StoreErrors.Damaged(path, "it is not an Exclaimer reseller store snapshot");
        }

        if (snapshot.Version > StoreFormat.CurrentVersion)
        {
            throw StoreErrors.Newer(path, snapshot.Version);
        }

        // Version 2 and later always end with their checksum, and version 1 never has one: either mismatch is a changed byte.
        if (snapshot.Version >= StoreFormat.Checksummed && !hasChecksum)
        {
            throw StoreErrors.Damaged(path, "its checksum is missing or damaged");
        }

        if (snapshot.Version == StoreFormat.Legacy && snapshot.Checksum is not null)
        {
            throw StoreErrors.Damaged(path, "it has a checksum but says it is format version 1");
        }

        if (snapshot.Generation < 0 || snapshot.Subscriptions.Exists(s => !StoreFormat.HasId(s))
            || (snapshot.EndUsers?.Exists(e => !StoreFormat.HasId(e)) ?? false) || (snapshot.Resellers?.Exists(r => !StoreFormat.HasId(r)) ?? false))
        {
            throw StoreErrors.Damaged(path, "it holds a record without an id, or a negative generation");
        }

        return snapshot;
    }

    /// <summary>Splits off a well-formed checksum trailer, if the file ends with one.</summary>
    private static bool TryGetChecksum(byte[] bytes, out ReadOnlySpan<byte> body, out ReadOnlySpan<byte> checksum)
    {
        body = default;
        checksum = default;
        if (bytes.Length < TrailerLength + 1)
        {
            return false;
        }

        var trailer = new ReadOnlySpan<byte>(bytes, bytes.Length - TrailerLength, TrailerLength);
        if (!trailer.StartsWith(ChecksumStart) || !trailer.EndsWith(ChecksumEnd))
        {
            return false;
        }

        body = new ReadOnlySpan<byte>(bytes, 0, bytes.Length - TrailerLength);
        checksum = trailer.Slice(ChecksumStart.Length, StoreChecksum.Length);
        return true;
    }
}
