using System;
using System.IO;

namespace Exclaimer.Reseller.Emulator.Storage;

/// <summary>
/// Replaces a store file the crash-safe way: a temporary file in the same folder, readable by its owner only,
/// flushed to disk, renamed over the target, and the folder flushed so the rename survives a power cut. A reader
/// sees the old file or the new one, never a part. A failed write deletes its temporary file; one left by a
/// process that was killed is swept by the next writer.
/// </summary>
internal static class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        string? temporary = null;
        try
        {
            using (var stream = OwnerOnly.CreateTemporaryFile(path, out temporary))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

#if NET
            File.Move(temporary, path, overwrite: true);
#else
            if (File.Exists(path))
            {
                File.Replace(temporary, path, destinationBackupFileName: null);
            }
            else
            {
                File.Move(temporary, path);
            }
#endif
            temporary = null;
            SyncFolder(Path.GetDirectoryName(path)!);
        }
        finally
        {
            if (temporary is not null)
            {
                TryDelete(temporary);
            }
        }
    }

    /// <summary>
    /// Deletes the temporary files of <paramref name="fileNames"/> in <paramref name="folder"/>. Only a writer
    /// holding the store's lock may call this: temporary files are only made under that lock, so no live writer
    /// owns one.
    /// </summary>
    public static void SweepTemporaries(string folder, params string[] fileNames)
    {
        foreach (var name in fileNames)
        {
            foreach (var temporary in Directory.GetFiles(folder, name + ".*.tmp"))
            {
                TryDelete(temporary);
            }
        }
    }

    private static void SyncFolder(string folder)
    {
        if (!UnixLibC.IsAvailable)
        {
            return; // Windows (NTFS) journals its renames itself; a folder cannot be flushed from .NET there.
        }

        try
        {
            UnixLibC.SyncDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The file itself is already on disk; only the rename's durability across a power cut is at stake.
            _ = ex;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _ = ex;
        }
    }
}
