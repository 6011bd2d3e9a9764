using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Exclaimer.Reseller.Sdk;

/// <summary>
/// A list that is fetched a page at a time (R2). Enumerate it with <c>await foreach</c> to get every item,
/// fetching the next page only when the previous one is used up; a caller that stops early fetches no
/// further pages. Use <see cref="AsPages"/> to walk it page by page, or to resume from a continuation token.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public abstract class AsyncPageable<T> : IAsyncEnumerable<T>
{
    /// <summary>For mocking.</summary>
    protected AsyncPageable()
    {
    }

    /// <summary>Walks the list page by page.</summary>
    /// <param name="continuationToken">A token from an earlier page, to resume after it; <see langword="null"/> to start at the first page.</param>
    /// <param name="pageSizeHint">How many items a page should hold; the transport may cap it (the Cloud API: 200).</param>
    public abstract IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null);

    /// <inheritdoc />
    public virtual async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var page in AsPages().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in page.Values)
            {
                yield return item;
            }
        }
    }

    /// <summary>Builds a pageable from a function that fetches one page, for transports and mocks.</summary>
    /// <param name="fetchPage">Fetches the page after a continuation token (<see langword="null"/> for the first) with a page size hint.</param>
    /// <param name="cancellationToken">Cancels every page fetch.</param>
    public static AsyncPageable<T> Create(
        Func<string?, int?, CancellationToken, Task<Page<T>>> fetchPage,
        CancellationToken cancellationToken = default)
    {
        if (fetchPage is null)
        {
            throw new ArgumentNullException(nameof(fetchPage));
        }

        return new FuncAsyncPageable(fetchPage, typeof(T).Name.ToLowerInvariant() + " items", cancellationToken);
    }

    /// <summary>A pageable whose walks are guarded against a server that never lets them end (R2).</summary>
    internal static AsyncPageable<T> Create(
        Func<string?, int?, CancellationToken, Task<Page<T>>> fetchPage,
        string list,
        CancellationToken cancellationToken) =>
        new FuncAsyncPageable(fetchPage, list, cancellationToken);

    /// <summary>
    /// A guarded pageable that, when the first page reports the list's total and its page number, fetches the pages
    /// after it by number, <paramref name="pageConcurrency"/> at a time, and hands them over in order (R2).
    /// </summary>
    internal static AsyncPageable<T> Create(
        Func<string?, int?, CancellationToken, Task<Page<T>>> fetchPage,
        Func<int, int, CancellationToken, Task<Page<T>>> fetchNumberedPage,
        int pageConcurrency,
        string list,
        CancellationToken cancellationToken) =>
        new FuncAsyncPageable(fetchPage, list, cancellationToken, fetchNumberedPage, pageConcurrency);

    private sealed class FuncAsyncPageable : AsyncPageable<T>
    {
        private readonly Func<string?, int?, CancellationToken, Task<Page<T>>> _fetchPage;
        private readonly Func<int, int, CancellationToken, Task<Page<T>>>? _fetchNumberedPage;
        private readonly int _pageConcurrency;
        private readonly string _list;
        private readonly CancellationToken _cancellationToken;

        public FuncAsyncPageable(
            Func<string?, int?, CancellationToken, Task<Page<T>>> fetchPage,
            string list,
            CancellationToken cancellationToken,
            Func<int, int, CancellationToken, Task<Page<T>>>? fetchNumberedPage = null,
            int pageConcurrency = 1)
        {
            _fetchPage = fetchPage;
            _fetchNumberedPage = fetchNumberedPage;
            _pageConcurrency = pageConcurrency;
            _list = list;
            _cancellationToken = cancellationToken;
        }

        public override IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null) =>
            Walk(continuationToken, pageSizeHint);

        private async IAsyncEnumerable<Page<T>> Walk(
            string? continuationToken,
            int? pageSizeHint,
            [EnumeratorCancellation] CancellationToken enumeratorToken = default)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(_cancellationToken, enumeratorToken);
            var guard = new PageWalkGuard(_list, continuationToken);
            var token = continuationToken;
            var first = true;
            do
            {
                linked.Token.ThrowIfCancellationRequested();
                var page = await _fetchPage(token, pageSizeHint, linked.Token).ConfigureAwait(false);
                guard.Check(page);
                token = page.ContinuationToken;
                var isFirst = first;
                first = false;
                if (!isFirst || token is null || NumberedPages(page) is not { } numbered)
                {
                    yield return page;
                    continue;
                }

                // The server said how many there are and answers pages by number: the rest go concurrently, started
                // once the caller asks for the second page. A caller who reads only the first (a portal's first screen,
                // Select-Object -First) sends one request, not one per page in the window.
                yield return page;

                // A caller who cancelled while reading the first page starts nothing more.
                linked.Token.ThrowIfCancellationRequested();
                var pages = new ConcurrentPages<T>(_fetchNumberedPage!, numbered.Size, numbered.Count, _pageConcurrency, guard, linked.Token);
                await using (pages.ConfigureAwait(false))
                {
                    Page<T>? last = null;
                    while (true)
                    {
                        // A page already fetched is not handed over once the caller has cancelled.
                        linked.Token.ThrowIfCancellationRequested();
                        if (await pages.NextAsync().ConfigureAwait(false) is not { } next)
                        {
                            break;
                        }

                        last = next;
                        yield return next;
                    }

                    // The list grew while it was walked: its last planned page is full and still says "more", so the
                    // rest follow its token (guarded as ever). A walk that ended at an empty page is over.
                    token = pages.Handed == numbered.Count - 1 && last is { } end && (end.ServerItemCount ?? end.Values.Count) >= numbered.Size
                        ? end.ContinuationToken
                        : null;
                }
            }
            while (!string.IsNullOrEmpty(token));
        }

        /// <summary>
        /// The page size and number of pages to fetch by number after <paramref name="firstPage"/>, or <see langword="null"/>
        /// to follow continuation tokens: concurrency is off, or the server did not report the total, the page number 1 or
        /// the page size.
        /// </summary>
        private (int Size, int Count)? NumberedPages(Page<T> firstPage)
        {
            if (_fetchNumberedPage is null || _pageConcurrency < 2
                || firstPage.ServerTotal is not { } total || firstPage.ServerPage != 1 || firstPage.ServerPageSize is not { } size || size < 1)
            {
                return null;
            }

            var count = (int)Math.Min(int.MaxValue, ((long)total + size - 1) / size);
            return count > 1 ? (size, count) : null;
        }
    }
}
