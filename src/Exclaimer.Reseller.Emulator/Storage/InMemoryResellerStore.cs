using System;
using System.Threading;
using System.Threading.Tasks;

namespace Exclaimer.Reseller.Emulator.Storage;

/// <summary>
/// A store that keeps everything in memory, for tests and for integrators who persist elsewhere. Thread-safe;
/// its data lives as long as the instance.
/// </summary>
public sealed class InMemoryResellerStore : ResellerStore
{
    private readonly StoreTable _table = new();
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <inheritdoc />
    public override async Task<TResult> ReadAsync<TResult>(Func<IResellerStoreView, TResult> read, CancellationToken cancellationToken)
    {
        if (read is null)
        {
            throw new ArgumentNullException(nameof(read));
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return read(_table);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public override async Task<TResult> WriteAsync<TResult>(Func<IResellerStoreTransaction, TResult> write, CancellationToken cancellationToken)
    {
        if (write is null)
        {
            throw new ArgumentNullException(nameof(write));
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = new StoreTransaction(_table);
            var result = write(transaction);
            transaction.CommitTo(_table);
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gate.Dispose();
        }

        base.Dispose(disposing);
    }
}
