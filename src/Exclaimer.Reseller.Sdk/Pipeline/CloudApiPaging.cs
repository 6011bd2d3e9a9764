using System;
using System.Collections.Generic;
using System.Globalization;
using Exclaimer.Reseller.Sdk.Serialization;

namespace Exclaimer.Reseller.Sdk.Pipeline;

/// <summary>
/// Paging over the Cloud API's <c>ContinuationToken</c> (R2). The first page asks <c>Page=1&amp;PageSize=n</c>,
/// because a <c>ContinuationToken</c> of 0 would give the default 50 items; every later page echoes the returned
/// token, which carries the page size, until the API stops returning one.
/// </summary>
internal static class CloudApiPaging
{
    public static string Query(string? continuationToken, int pageSize)
    {
        if (continuationToken is null)
        {
            return "Page=1&PageSize=" + pageSize.ToString(CultureInfo.InvariantCulture);
        }

        // The token is opaque but the API's are numbers; refuse anything that could smuggle in another parameter.
        if (continuationToken.Length > 100 || !UrlToken.IsValid(continuationToken))
        {
            throw ResellerValidationException.Invalid("ContinuationToken", "R2", "pass back a token from an earlier page unchanged");
        }

        return "ContinuationToken=" + continuationToken;
    }

    /// <summary>A page asked for by number, to fetch the pages after the first concurrently (the list reported its total).</summary>
    public static string NumberedQuery(int page, int pageSize) =>
        "Page=" + page.ToString(CultureInfo.InvariantCulture) + "&PageSize=" + pageSize.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The token for the next page, or <see langword="null"/> at the end (none, or 0). A token that does not move is
    /// passed on as it is: the walk's <see cref="PageWalkGuard"/> stops it as a loop rather than taking it for the end.
    /// </summary>
    public static string? Next(string? received) =>
        string.IsNullOrEmpty(received) || received == "0" ? null : received;

    /// <summary>
    /// Checks a page's items before anything is handed to the caller: no more than asked for, none null, each with
    /// what the SDK needs (<paramref name="complete"/>). A server that breaks this is <c>InvalidResponse</c>, never a
    /// <see cref="NullReferenceException"/> or a null in the caller's hands.
    /// </summary>
    public static IReadOnlyList<TItem> Items<TItem>(CloudApiRequest request, List<TItem>? items, int pageSize, Func<TItem, bool> complete, string needs)
        where TItem : class
    {
        if (items is null)
        {
            return Array.Empty<TItem>();
        }

        if (items.Count > pageSize)
        {
            throw CloudApiErrors.InvalidResponse(request, 200, $"the page holds {items.Count.ToString(CultureInfo.InvariantCulture)} items where {pageSize.ToString(CultureInfo.InvariantCulture)} were asked for", null, null, null);
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } item || !complete(item))
            {
                throw CloudApiErrors.InvalidResponse(request, 200, $"item {(i + 1).ToString(CultureInfo.InvariantCulture)} of the page is {(items[i] is null ? "null" : "missing its " + needs)}", null, null, null);
            }
        }

        return items;
    }
}
