using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Exclaimer.Reseller.Sdk;

/// <content>Bulk work: many operations at once, with a limit, over the client's one connection pool and throttle.</content>
public partial class ResellerClient
{
    /// <summary>The default of <see cref="RunBulkAsync{TInput, TResult}"/>'s <c>maxConcurrency</c>.</summary>
    public const int DefaultBulkConcurrency = 8;

    /// <summary>The most operations <see cref="RunBulkAsync{TInput, TResult}"/> runs at once.</summary>
    public const int MaxBulkConcurrency = 64;

    /// <summary>
    /// Runs <paramref name="operation"/> for each input, up to <paramref name="maxConcurrency"/> at a time, and streams
    /// each input's outcome as it finishes. Every operation goes through this client, so they share its connection pool
    /// and its one throttle: <see cref="ResellerClientOptions.MaxConcurrentRequests"/>, and a 429 on any of them slows
    /// them all (see <see cref="ResellerClientOptions.MaxConcurrentRequests"/>).
    /// </summary>
    /// <remarks>
    /// <para>One input that fails does not stop the others: its <see cref="BulkResult{TInput, TResult}.Error"/> says why
    /// (a <see cref="ResellerException"/> or <see cref="ArgumentException"/>). Any other exception, and cancellation,
    /// end the run. The inputs are read as the run needs them, so a long stream is never held in memory; at most
    /// <paramref name="maxConcurrency"/> results wait to be read.</para>
    /// <para>Results come in the order the inputs finish, not the order given: <see cref="BulkResult{TInput, TResult}.Index"/>
    /// is the input's position. Stopping the enumeration early (<c>break</c>) or cancelling cancels the operations in
    /// flight and waits for them to end, so none is left running; each create carries its own id, so running the same
    /// inputs again makes nothing twice (R9).</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// await foreach (var outcome in client.RunBulkAsync(rows, (c, row, ct) => c.CreateSubscriptionAsync(row, ct), maxConcurrency: 8))
    /// {
    ///     Console.WriteLine(outcome.Succeeded ? $"created {outcome.Value!.SubscriptionId}" : $"row {outcome.Index}: {outcome.Error!.Message}");
    /// }
    /// </code>
    /// </example>
    /// <typeparam name="TInput">The input type.</typeparam>
    /// <typeparam name="TResult">What the operation returns.</typeparam>
    /// <param name="inputs">The inputs, read one at a time as a slot frees up.</param>
    /// <param name="operation">The work for one input: this client, the input and the run's cancellation token.</param>
    /// <param name="maxConcurrency">How many operations run at once: 1 to <see cref="MaxBulkConcurrency"/>, default <see cref="DefaultBulkConcurrency"/>.</param>
    /// <param name="cancellationToken">Cancels the run and every operation in flight.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxConcurrency"/> is out of range.</exception>
    public virtual IAsyncEnumerable<BulkResult<TInput, TResult>> RunBulkAsync<TInput, TResult>(
        IEnumerable<TInput> inputs,
        Func<ResellerClient, TInput, CancellationToken, Task<TResult>> operation,
        int maxConcurrency = DefaultBulkConcurrency,
        CancellationToken cancellationToken = default)
    {
        if (inputs is null)
        {
            throw new ArgumentNullException(nameof(inputs));
        }

        if (operation is null)
        {
            throw new ArgumentNullException(nameof(operation));
        }

        if (maxConcurrency is < 1 or > MaxBulkConcurrency)
        {
            throw new ArgumentOutOfRangeException(nameof(maxConcurrency), maxConcurrency, $"Use 1 to {MaxBulkConcurrency} operations at once.");
        }

        return RunBulk(inputs, operation, maxConcurrency, cancellationToken);
    }

    private async IAsyncEnumerable<BulkResult<TInput, TResult>> RunBulk<TInput, TResult>(
        IEnumerable<TInput> inputs,
        Func<ResellerClient, TInput, CancellationToken, Task<TResult>> operation,
        int maxConcurrency,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = new List<Task<BulkResult<TInput, TResult>>>(maxConcurrency);
        using var source = inputs.GetEnumerator();
        var index = 0;
        var more = true;
        try
        {
            while (true)
            {
                while (more && running.Count < maxConcurrency)
                {
                    stop.Token.ThrowIfCancellationRequested();
                    if (!(more = source.MoveNext()))
                    {
                        break;
                    }

                    running.Add(RunOneAsync(index++, source.Current, operation, stop.Token));
                }

                if (running.Count == 0)
                {
                    yield break;
                }

                var finished = await Task.WhenAny(running).ConfigureAwait(false);
                running.Remove(finished);

                // Rethrows what ends the run (cancellation, a bug); an input's own failure is in its result.
                yield return await finished.ConfigureAwait(false);
            }
        }
        finally
        {
            stop.Cancel();
            foreach (var pending in running)
            {
                try
                {
                    await pending.ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // Cancelled because the run ended: nobody reads this outcome any more.
                }
            }
        }
    }

    private async Task<BulkResult<TInput, TResult>> RunOneAsync<TInput, TResult>(
        int index,
        TInput input,
        Func<ResellerClient, TInput, CancellationToken, Task<TResult>> operation,
        CancellationToken cancellationToken)
    {
        // Off the caller's thread at once: an operation that does work before its first await must not hold up the others.
        await Task.Yield();
        try
        {
            return new BulkResult<TInput, TResult>(index, input, await operation(this, input, cancellationToken).ConfigureAwait(false), null);
        }
        catch (Exception ex) when (ex is ResellerException or ArgumentException)
        {
            return new BulkResult<TInput, TResult>(index, input, default, ex);
        }
    }
}
