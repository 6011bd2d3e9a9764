using System;
using System.IO;

namespace Exclaimer.Reseller.Sdk.Storage;

/// <summary>
/// The store's lock file (<c>store.lock</c>), held across processes: a writer exclusively, a reader shared (flock
/// on Unix, share modes on Windows). Opening throws <see cref="IOException"/> while another process holds it
/// in a way that excludes this one.
/// </summary>
internal static class StoreLock
{
    /// <summary>For a writer: exclusive, and created (readable by its owner only) when missing.</summary>
    public static FileStream OpenForWrite(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
        }
        catch (FileNotFoundException)
        {
            // The first write to this folder: create the lock below.
        }

        var created = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
        try
        {
            // The lock never holds content, so it is restricted right after it is made.
            OwnerOnly.Restrict(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _ = ex; // Another user's lock file in a shared folder: the lock still works.
        }

        return created;
    }

    /// <summary>For a reader: shared, and opened only for reading, so it works on a read-only file system. <see langword="null"/> when there is no lock file.</summary>
    public static FileStream? OpenForRead(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }
}
