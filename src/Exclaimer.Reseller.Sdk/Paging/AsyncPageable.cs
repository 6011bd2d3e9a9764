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

    private sealed class FuncAsyncPageable : AsyncPageable<T>
    {
        private readonly Func<string?, int?, CancellationToken, Task<Page<T>>> _fetchPage;
        private readonly string _list;
        private readonly CancellationToken _cancellationToken;

        public FuncAsyncPageable(Func<string?, int?, CancellationToken, Task<Page<T>>> fetchPage, string list, CancellationToken cancellationToken)
        {
            _fetchPage = fetchPage;
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
            do
            {
                linked.Token.ThrowIfCancellationRequested();
                var page = await _fetchPage(token, pageSizeHint, linked.Token).ConfigureAwait(false);
                guard.Check(page);
                yield return page;
                token = page.ContinuationToken;
            }
            while (!string.IsNullOrEmpty(token));
        }
    }
}
