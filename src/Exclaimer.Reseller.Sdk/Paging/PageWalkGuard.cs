using System;
using System.Collections.Generic;
using System.Globalization;

namespace Exclaimer.Reseller.Sdk;

/// <summary>
/// Stops a walk over pages once the server's continuation stops making progress (R2: no list can loop): a token
/// seen before (any earlier one, not only the last), a page without items that still says "more", or more items than
/// the server said it holds. Every walk uses one: the caller's lists and the walks the SDK makes inside other calls.
/// </summary>
internal sealed class PageWalkGuard
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly string _list;
    private long _items;

    /// <param name="list">What is listed, for the message: "subscriptions", "users of subscription 'x'".</param>
    /// <param name="startToken">The token the walk resumes from, if any: it must not come back either.</param>
    public PageWalkGuard(string list, string? startToken)
    {
        _list = list;
        if (!string.IsNullOrEmpty(startToken))
        {
            _seen.Add(startToken!);
        }
    }

    /// <summary>Checks one page; throws <see cref="ResellerException"/> <c>InvalidResponse</c> when the walk would not end.</summary>
    public void Check<T>(Page<T> page)
    {
        var items = page.ServerItemCount ?? page.Values.Count;
        _items += items;
        if (page.ServerTotal is { } total && _items > total)
        {
            throw Stuck($"the server sent {_items.ToString(CultureInfo.InvariantCulture)} items but said it holds {total.ToString(CultureInfo.InvariantCulture)}");
        }

        if (page.ContinuationToken is not { Length: > 0 } next)
        {
            return;
        }

        if (items == 0)
        {
            throw Stuck("a page without items still gave a continuation token");
        }

        if (!_seen.Add(next))
        {
            throw Stuck($"the continuation token '{Shorten(next)}' came back a second time");
        }
    }

    /// <summary>
    /// Checks a page fetched by number (the pages after the first, asked for concurrently): no more items than the server
    /// said it holds, and its token never one seen before, so following it at the end cannot loop. The number of such
    /// pages is bounded by the total the first page reported; returns <see langword="false"/> when the page is empty,
    /// which ends the walk: the list is shorter than it was, and the pages after an empty one are empty too.
    /// </summary>
    public bool CheckNumbered<T>(Page<T> page)
    {
        var items = page.ServerItemCount ?? page.Values.Count;
        _items += items;
        if (page.ServerTotal is { } total && _items > total)
        {
            throw Stuck($"the server sent {_items.ToString(CultureInfo.InvariantCulture)} items but said it holds {total.ToString(CultureInfo.InvariantCulture)}");
        }

        if (items == 0)
        {
            return false;
        }

        if (page.ContinuationToken is { Length: > 0 } next && !_seen.Add(next))
        {
            throw Stuck($"the continuation token '{Shorten(next)}' came back a second time");
        }

        return true;
    }

    /// <summary>The error for a page that is not the one asked for: handing it over would repeat or skip items.</summary>
    public ResellerException WrongPage(int asked, int answered) =>
        Stuck($"page {asked.ToString(CultureInfo.InvariantCulture)} was asked for and the server answered page {answered.ToString(CultureInfo.InvariantCulture)}");

    private static string Shorten(string token) => token.Length <= 40 ? token : token.Substring(0, 40) + "...";

    private ResellerException Stuck(string why) =>
        new(200, "InvalidResponse", $"The list of {_list} stopped making progress: {why}. It was stopped rather than walked forever; the items already returned are as the server sent them.");
}
