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

    /// <summary>Builds a page, for transports and for tests that mock the client.</summary>
    public static Page<T> FromValues(IReadOnlyList<T> values, string? continuationToken)
    {
        if (values is null)
        {
            throw new ArgumentNullException(nameof(values));
        }

        return new Page<T>(values, continuationToken);
    }
}
