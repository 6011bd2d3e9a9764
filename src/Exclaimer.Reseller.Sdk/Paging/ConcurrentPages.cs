using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Exclaimer.Reseller.Sdk;

/// <summary>
/// Fetches pages 2 to N of a list by number, a few at a time, and hands them over in order (R2): a window of at most
/// <c>concurrency</c> requests, refilled as the oldest is handed over, so the list holds at most that many pages more
/// than the one being read. When the caller stops, or a page fails, the requests still in flight are cancelled and
/// awaited: none is left running.
/// </summary>
internal static class ConcurrentPages
{
    public static async IAsyncEnumerable<Page<T>> WalkAsync<T>(
        Func<int, int, CancellationToken, Task<Page<T>>> fetchPage,
        int pageSize,
        int count,
        int concurrency,
        PageWalkGuard guard,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var window = new Queue<(int Number, Task<Page<T>> Fetch)>(concurrency);
        var next = 2;
        try
        {
            while (next <= count && window.Count < concurrency)
            {
                window.Enqueue((next, fetchPage(next, pageSize, stop.Token)));
                next++;
            }

            while (window.Count > 0)
            {
                var (number, fetch) = window.Dequeue();
                var page = await fetch.ConfigureAwait(false);
                if (page.ServerPage is { } answered && answered != number)
                {
                    throw guard.WrongPage(number, answered);
                }

                if (!guard.CheckNumbered(page))
                {
                    // An empty page: the list is shorter than its total said; the pages after it are empty too.
                    yield break;
                }

                if (next <= count)
                {
                    // Refilled before the page is handed over, so the network stays busy while the caller reads it.
                    window.Enqueue((next, fetchPage(next, pageSize, stop.Token)));
                    next++;
                }

                yield return page;
            }
        }
        finally
        {
            stop.Cancel();
            foreach (var (_, pending) in window)
            {
                try
                {
                    await pending.ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // Cancelled, or failed after the walk ended: nobody is waiting for this page any more.
                }
            }
        }
    }
}
