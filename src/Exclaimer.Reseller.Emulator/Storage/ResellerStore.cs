using System;
using System.Threading;
using System.Threading.Tasks;

namespace Exclaimer.Reseller.Emulator.Storage;

/// <summary>
/// Where the emulator keeps its records: subscriptions, and the partner's end users and resellers (R22). A store gives
/// each read a consistent view of the latest data, and runs each write as one atomic step: the write sees the latest
/// data (also what other processes saved), and either all of its changes are saved or none are (R17).
/// </summary>
public abstract class ResellerStore : IDisposable
{
    /// <summary>Runs <paramref name="read"/> against the latest data.</summary>
    public abstract Task<TResult> ReadAsync<TResult>(Func<IResellerStoreView, TResult> read, CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="write"/> against the latest data and saves what it put. If it throws, nothing is saved
    /// and the exception reaches the caller. No other write, in this process or another, runs at the same time.
    /// </summary>
    public abstract Task<TResult> WriteAsync<TResult>(Func<IResellerStoreTransaction, TResult> write, CancellationToken cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what the store holds.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}
