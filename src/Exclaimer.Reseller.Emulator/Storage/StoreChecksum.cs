using System;
using System.Globalization;
using System.IO.Hashing;
using System.Text;

namespace Exclaimer.Reseller.Emulator.Storage;

/// <summary>The CRC-32 the store puts on each journal line, the journal header and the snapshot: 8 lowercase hex digits.</summary>
internal static class StoreChecksum
{
    public const int Length = 8;

    public static string Of(ReadOnlySpan<byte> data) => Crc32.HashToUInt32(data).ToString("x8", CultureInfo.InvariantCulture);

    /// <summary>Exact match: a changed digit, even only its case, is a changed byte.</summary>
    public static bool Matches(ReadOnlySpan<byte> data, ReadOnlySpan<byte> expected)
    {
        if (expected.Length != Length)
        {
            return false;
        }

        var actual = Encoding.ASCII.GetBytes(Of(data));
        return expected.SequenceEqual(actual);
    }
}
