using System;

namespace Exclaimer.Reseller.Sdk;

/// <summary>
/// The local engine's store cannot be used: a file is corrupt or unreadable (it is left untouched), the store
/// is read-only or its disk is full, or it stayed locked by another process for too long. Nothing was written.
/// </summary>
public class ResellerStoreException : ResellerException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errorCode">
    /// A stable code: <c>StoreCorrupt</c> (a file cannot be trusted; see <c>JsonFileResellerStore.RecoverAsync</c>),
    /// <c>StoreReadOnly</c> (the store can be read but not written: a read-only file system, or no permission),
    /// <c>StoreFull</c> (its disk is full), <c>StoreLocked</c> (another process held it too long) or
    /// <c>StoreUnavailable</c> (any other failure to read or write it).
    /// </param>
    /// <param name="path">The file or folder concerned.</param>
    /// <param name="message">What is wrong and what to do.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ResellerStoreException(string errorCode, string path, string message, Exception? innerException = null)
        : base(0, errorCode, message, innerException)
    {
        Path = path;
    }

    /// <summary>The file or folder concerned.</summary>
    public string Path { get; }

    /// <summary>A file written by a newer SDK: a recovery must leave it alone, since this version cannot know what it holds.</summary>
    internal bool IsNewerFormat { get; init; }
}
