using System;
using System.Collections.Generic;

namespace Exclaimer.Reseller.Sdk;

/// <summary>One page of a list (R2): its items and the token that fetches the next page.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class Page<T>
{
    private Page(IReadOnlyList<T> values, string? continuationToken)
    {
        Values = values;
        ContinuationToken = continuationToken;
    }

    /// <summary>The items on this page.</summary>
    public IReadOnlyList<T> Values { get; }

    /// <summary>Pass this to fetch the next page; <see langword="null"/> on the last page.</summary>
    public string? ContinuationToken { get; }

    /// <summary>How many items the server sent for this page, before any filter the client applied; <see langword="null"/> when it is <see cref="Values"/>' count.</summary>
    internal int? ServerItemCount { get; private set; }

    /// <summary>How many items the server said the whole list holds, when it said (<c>SubscriptionCount</c> and the like).</summary>
    internal int? ServerTotal { get; private set; }

    /// <summary>The page number the server said this page is (the contract's <c>Page</c>), when it said.</summary>
    internal int? ServerPage { get; private set; }

    /// <summary>The page size the server said it used (the contract's <c>PageSize</c>), when it said.</summary>
    internal int? ServerPageSize { get; private set; }

    /// <summary>Builds a page, for transports and for tests that mock the client.</summary>
    public static Page<T> FromValues(IReadOnlyList<T> values, string? continuationToken)
    {
        if (values is null)
        {
            throw new ArgumentNullException(nameof(values));
        }

        return new Page<T>(values, continuationToken);
    }

    /// <summary>A page as a server sent it, with what the walk needs to tell it keeps making progress.</summary>
    internal static Page<T> FromServer(IReadOnlyList<T> values, string? continuationToken, int serverItemCount, int? serverTotal, int? serverPage = null, int? serverPageSize = null) =>
        new(values, continuationToken) { ServerItemCount = serverItemCount, ServerTotal = serverTotal, ServerPage = serverPage, ServerPageSize = serverPageSize };
}
