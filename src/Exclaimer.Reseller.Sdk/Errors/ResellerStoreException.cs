using System;

namespace Exclaimer.Reseller.Sdk;

/// <summary>
/// The emulator's store cannot be used: a file is corrupt or unreadable (it is left untouched), the store is read-only
/// or its disk is full, or it stayed locked by another process for too long. Nothing was written. Raised by the
/// emulator's stores, and by the client when the emulator reports its store's fault.
/// </summary>
public class ResellerStoreException : ResellerException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errorCode">A stable code: <c>StoreCorrupt</c>, <c>StoreReadOnly</c>, <c>StoreFull</c>, <c>StoreLocked</c> or <c>StoreUnavailable</c>.</param>
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
}
