using System;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Emulator.Storage;

namespace Exclaimer.Reseller.Sdk.Tests.Support;

/// <summary>
/// An in-memory store whose writes can be made to fail, or followed by an action, by their number (1 = the first
/// write): to put a failure or a cancellation at an exact point between the engine's steps.
/// </summary>
internal sealed class ScriptedStore : ResellerStore
{
    private readonly InMemoryResellerStore _inner = new();
    private int _writes;

    /// <summary>Writes with these numbers fail with a <see cref="ResellerStoreException"/> and change nothing.</summary>
    public Func<int, bool> FailWrite { get; set; } = _ => false;

    /// <summary>Runs after a write has been saved, with its number.</summary>
    public Action<int> AfterWrite { get; set; } = _ => { };

    public int Writes => _writes;

    public override Task<TResult> ReadAsync<TResult>(Func<IResellerStoreView, TResult> read, CancellationToken cancellationToken) =>
        _inner.ReadAsync(read, cancellationToken);

    public override async Task<TResult> WriteAsync<TResult>(Func<IResellerStoreTransaction, TResult> write, CancellationToken cancellationToken)
    {
        var number = Interlocked.Increment(ref _writes);
        if (FailWrite(number))
        {
            throw new ResellerStoreException("StoreUnavailable", "scripted-store", $"Write {number} was made to fail.");
        }

        var result = await _inner.WriteAsync(write, cancellationToken).ConfigureAwait(false);
        AfterWrite(number);
        return result;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
