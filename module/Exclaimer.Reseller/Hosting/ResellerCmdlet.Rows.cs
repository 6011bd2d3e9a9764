using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Hosting;

/// <content>
/// Rows in flight: a row's SDK call runs while the next rows are read, up to the command's throttle limit. Everything
/// PowerShell sees stays on the pipeline thread: prompts before a row's call starts, and each row's output, error
/// and progress when the pipeline thread next looks (the next row, or the end), in the order the rows finish.
/// </content>
public abstract partial class ResellerCmdlet
{
    // How long a stopped command waits for its cancelled calls to end before it lets go of them.
    private static readonly TimeSpan AbandonWait = TimeSpan.FromSeconds(5);

    private readonly List<RowInFlight> _rowsInFlight = new();
    private object? _currentTarget;

    /// <summary>How many rows' calls may be in flight at once; 1 runs each call to completion before the next row.</summary>
    private protected virtual int RowsAtOnce => 1;

    /// <summary>How many rows' calls are in flight now.</summary>
    private protected int RowsInFlight => _rowsInFlight.Count;

    /// <summary>
    /// Runs the row's SDK call, then <paramref name="then"/> with its result on the pipeline thread. Call it inside
    /// <see cref="ForItem"/>, after ShouldProcess: with <see cref="RowsAtOnce"/> above 1 the call is started and the
    /// command goes on to the next row; its result, or its error (with the row's target, as <see cref="ForItem"/>
    /// writes it), is written once it finishes. Rows about the same subscription run one after another, in input order.
    /// </summary>
    /// <param name="subscriptionId">The subscription the row changes, or <see langword="null"/> for a new one without an id.</param>
    /// <param name="call">The SDK call.</param>
    /// <param name="then">Writes the result (WriteResult, warnings); runs on the pipeline thread.</param>
    private protected void CallThen<T>(string? subscriptionId, Func<ResellerClient, CancellationToken, Task<T>> call, Action<T>? then)
    {
        if (RowsAtOnce <= 1)
        {
            var value = Call(call);
            then?.Invoke(value);
            return;
        }

        var key = subscriptionId?.Trim();
        while (key is not null && IsInFlight(key))
        {
            // Two rows about one subscription never run at once: the later waits, as it would one row at a time.
            WaitForARow();
        }

        while (_rowsInFlight.Count >= RowsAtOnce)
        {
            WaitForARow();
        }

        if (_stopping.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }

        var client = Client;
        var task = call(client, _stopping.Token);
        _rowsInFlight.Add(new RowInFlight(task, _currentTarget, key, () =>
        {
            var value = task.GetAwaiter().GetResult();
            then?.Invoke(value);
        }));
    }

    /// <summary>As <see cref="CallThen{T}"/>, for a call that returns nothing.</summary>
    private protected void CallThen(string? subscriptionId, Func<ResellerClient, CancellationToken, Task> call, Action? then = null) =>
        CallThen<bool>(
            subscriptionId,
            async (client, token) =>
            {
                await call(client, token).ConfigureAwait(false);
                return true;
            },
            then is null ? null : _ => then());

    /// <summary>Writes the outcome of every row that has finished, without waiting for the others.</summary>
    private protected void WriteFinishedRows()
    {
        if (_rowsInFlight.Count == 0)
        {
            return;
        }

        foreach (var row in _rowsInFlight.ToArray())
        {
            if (row.Task.IsCompleted)
            {
                WriteOutcome(row);
            }
        }
    }

    /// <summary>Waits for every row in flight, writing each outcome as it finishes.</summary>
    private void FinishRowsInFlight()
    {
        while (_rowsInFlight.Count > 0)
        {
            WaitForARow();
        }
    }

    /// <summary>Cancels the rows in flight and waits a moment for their calls to end; their outcomes are not written.</summary>
    private void AbandonRowsInFlight()
    {
        if (_rowsInFlight.Count == 0)
        {
            return;
        }

        var tasks = new Task[_rowsInFlight.Count];
        for (var i = 0; i < tasks.Length; i++)
        {
            tasks[i] = _rowsInFlight[i].Task;
        }

        _rowsInFlight.Clear();
        try
        {
            _stopping.Cancel();
            Task.WaitAll(tasks, AbandonWait);
        }
        catch (AggregateException)
        {
            // Cancelled or failed: the command is ending, and nobody reads these outcomes.
        }
        catch (ObjectDisposedException)
        {
            // Already disposed: the calls were cancelled then.
        }
    }

    /// <summary>Blocks the pipeline thread until a row finishes (or Ctrl+C), then writes what has finished.</summary>
    private void WaitForARow()
    {
        var tasks = new Task[_rowsInFlight.Count];
        for (var i = 0; i < tasks.Length; i++)
        {
            tasks[i] = _rowsInFlight[i].Task;
        }

        try
        {
            Task.WaitAny(tasks, _stopping.Token);
        }
        catch (OperationCanceledException)
        {
            AbandonRowsInFlight();
            throw new PipelineStoppedException();
        }

        WriteFinishedRows();
    }

    private bool IsInFlight(string key)
    {
        foreach (var row in _rowsInFlight)
        {
            if (string.Equals(row.Key, key, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Writes one finished row's result or error, as <see cref="ForItem"/> would have, and counts it as done.</summary>
    private void WriteOutcome(RowInFlight row)
    {
        _rowsInFlight.Remove(row);
        try
        {
            try
            {
                row.Write();
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (Exception exception) when (exception is ResellerException or ArgumentException)
            {
                WriteItemError(exception, row.Target);
            }

            _progress?.Finished(_rowsInFlight.Count);
        }
        catch
        {
            // Ctrl+C, a failure that stops the command, -ErrorAction Stop or a downstream Select-Object -First: the rows
            // still in flight are cancelled, as Ctrl+C cancels them, and none is left running.
            AbandonRowsInFlight();
            throw;
        }
    }

    /// <summary>One row whose call was started: its task, its target for errors, the subscription it changes, and how its result is written.</summary>
    private sealed class RowInFlight
    {
        private readonly Action _write;

        public RowInFlight(Task task, object? target, string? key, Action write)
        {
            Task = task;
            Target = target;
            Key = key;
            _write = write;
        }

        public Task Task { get; }

        public object? Target { get; }

        public string? Key { get; }

        /// <summary>Writes the result, or throws the call's error; on the pipeline thread.</summary>
        public void Write() => _write();
    }
}
