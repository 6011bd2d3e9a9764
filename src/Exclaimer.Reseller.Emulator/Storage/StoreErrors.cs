using System;
using System.IO;

using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.Emulator.Storage;

/// <summary>
/// The file store's errors, each a <see cref="ResellerStoreException"/> that names the file or folder and says
/// what to do. None carries store content, so none can carry a secret (R18).
/// </summary>
internal static class StoreErrors
{
    public const string Corrupt = "StoreCorrupt";
    public const string Locked = "StoreLocked";
    public const string Unavailable = "StoreUnavailable";
    public const string ReadOnly = "StoreReadOnly";
    public const string Full = "StoreFull";

    /// <summary>The file system is mounted read-only (EROFS on Linux and macOS, a write-protected disk on Windows).</summary>
    public static bool IsReadOnlyFileSystem(Exception exception) =>
        exception is IOException { HResult: 30 or unchecked((int)0x80070013) };

    /// <summary>The disk (or the user's quota) is full: ENOSPC, EDQUOT (122 on Linux, 69 on macOS), or their Windows codes.</summary>
    public static bool IsDiskFull(Exception exception) =>
        exception is IOException { HResult: 28 or 122 or 69 or unchecked((int)0x80070070) or unchecked((int)0x80070027) };

    /// <summary>A write the file system refused: read-only, full, or otherwise unavailable. <paramref name="outcome"/> says what was (not) saved.</summary>
    public static ResellerStoreException WriteFailed(string folder, string path, Exception exception, string outcome)
    {
        if (IsReadOnlyFileSystem(exception))
        {
            return new(ReadOnly, folder, $"The store '{folder}' is on a read-only file system: it can be read, but not changed. {outcome}", exception);
        }

        if (exception is UnauthorizedAccessException)
        {
            return new(ReadOnly, path, $"The store '{folder}' is read-only for this user: '{path}' cannot be written ({exception.Message}). It can be read, but not changed. {outcome}", exception);
        }

        if (IsDiskFull(exception))
        {
            return new(Full, path, $"The disk that holds the store '{folder}' is full: '{path}' cannot be written. Free some space and try again. {outcome}", exception);
        }

        return new(Unavailable, path, $"The store file '{path}' cannot be written: {exception.Message} {outcome}", exception);
    }

    public static ResellerStoreException Unreadable(string path, Exception inner) =>
        new(Unavailable, path, $"The store file '{path}' cannot be read: {inner.Message}", inner);

    public static ResellerStoreException LockedFor(string folder, TimeSpan timeout, Exception? inner) =>
        new(Locked, folder, $"The store '{folder}' stayed locked by another process for {timeout.TotalSeconds:0.#} seconds. Try again when it has finished.", inner);

    /// <summary>A file that cannot be trusted: left as it is, with the way to recover what can still be read.</summary>
    public static ResellerStoreException Damaged(string path, string reason, Exception? inner = null) =>
        new(Corrupt, path, $"The store file '{path}' cannot be loaded: {reason}. It has been left untouched. To keep everything that can still be read, run JsonFileResellerStore.RecoverAsync (or Repair-ResellerStore, or exclaimer-emulator --recover) on the store '{Path.GetDirectoryName(path)}': it copies its files as they are into a dated folder inside it, then rebuilds the store from what can be read. Or restore the folder from a backup.", inner);

    /// <summary>A file from a newer SDK: never rewritten, not even by a recovery, since this version cannot know what it holds.</summary>
    public static ResellerStoreException Newer(string path, int version) =>
        new NewerFormatException(path, $"The store file '{path}' cannot be loaded: it was written by a newer version of the emulator (format version {version}). It has been left untouched; use that version or a later one.");
}

/// <summary>A store file from a newer version (<c>StoreCorrupt</c> to callers): a recovery must leave it alone.</summary>
internal sealed class NewerFormatException : ResellerStoreException
{
    public NewerFormatException(string path, string message)
        : base(ResellerErrorCodes.StoreCorrupt, path, message)
    {
    }
}
