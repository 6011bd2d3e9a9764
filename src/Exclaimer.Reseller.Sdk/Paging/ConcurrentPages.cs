using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Exclaimer.Reseller.Sdk;

/// <summary>
/// Fetches pages 2 to N of a list by number, a few at a time, and hands them over in order (R2): a window of at most
/// <c>concurrency</c> requests, started when the caller asks for the page after the first and refilled as the oldest is
/// handed over, so the list holds at most that many pages more than the one being read. When the caller stops, or a
/// page fails, the requests still in flight are cancelled and awaited: none is left running.
/// </summary>
internal sealed class ConcurrentPages<T> : IAsyncDisposable
{
    private readonly Func<int, int, CancellationToken, Task<Page<T>>> _fetchPage;
    private readonly int _pageSize;
    private readonly int _count;
    private readonly PageWalkGuard _guard;
    private readonly CancellationTokenSource _stop;
    private readonly Queue<(int Number, Task<Page<T>> Fetch)> _window;
    private int _next = 2;

    /// <summary>Starts fetching pages 2 to <paramref name="count"/>, <paramref name="concurrency"/> at a time.</summary>
    public ConcurrentPages(Func<int, int, CancellationToken, Task<Page<T>>> fetchPage, int pageSize, int count, int concurrency, PageWalkGuard guard, CancellationToken cancellationToken)
    {
        _fetchPage = fetchPage;
        _pageSize = pageSize;
        _count = count;
        _guard = guard;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _window = new Queue<(int, Task<Page<T>>)>(concurrency);
        while (_next <= count && _window.Count < concurrency)
        {
            StartNext();
        }
    }

    /// <summary>How many pages were handed over.</summary>
    public int Handed { get; private set; }

    /// <summary>
    /// The next page in order, or <see langword="null"/> at the end: the last page planned, or an empty page (the list is
    /// shorter than its total said, and the pages after an empty one are empty too).
    /// </summary>
    public async Task<Page<T>?> NextAsync()
    {
        if (_window.Count == 0)
        {
            return null;
        }

        var (number, fetch) = _window.Dequeue();
        var page = await fetch.ConfigureAwait(false);
        if (page.ServerPage is { } answered && answered != number)
        {
            throw _guard.WrongPage(number, answered);
        }

        if (!_guard.CheckNumbered(page))
        {
            return null;
        }

        if (_next <= _count)
        {
            // Refilled before the page is handed over, so the network stays busy while the caller reads it.
            StartNext();
        }

        Handed++;
        return page;
    }

    /// <summary>Cancels the pages still in flight and waits for them to end.</summary>
    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        while (_window.Count > 0)
        {
            try
            {
                await _window.Dequeue().Fetch.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Cancelled, or failed after the walk ended: nobody is waiting for this page any more.
            }
        }

        _stop.Dispose();
    }

    private void StartNext()
    {
        _window.Enqueue((_next, _fetchPage(_next, _pageSize, _stop.Token)));
        _next++;
    }
}
