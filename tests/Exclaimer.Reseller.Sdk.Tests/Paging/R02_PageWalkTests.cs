using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace Exclaimer.Reseller.Sdk.Tests.Paging;

/// <summary>R2: a paged list walks to its end and never loops, whatever the page source (a transport or a mock).</summary>
public sealed class R02_PageWalkTests
{
    [Fact]
    public async Task R02_a_page_source_that_hands_back_an_earlier_token_is_stopped()
    {
        var fetched = new List<string?>();
        var pageable = AsyncPageable<int>.Create((token, size, ct) =>
        {
            fetched.Add(token);
            var next = token switch { null => "a", "a" => "b", _ => "a" };
            return Task.FromResult(Page<int>.FromValues(new[] { fetched.Count }, next));
        });

        var error = await Assert.ThrowsAsync<ResellerException>(async () => await pageable.ToListAsync());

        Assert.Equal("InvalidResponse", error.ErrorCode);
        Assert.Equal(new string?[] { null, "a", "b" }, fetched);
    }

    [Fact]
    public async Task R02_resuming_from_a_token_that_comes_back_is_stopped_too()
    {
        var pageable = AsyncPageable<int>.Create((token, size, ct) => Task.FromResult(Page<int>.FromValues(new[] { 1 }, "resume")));

        var error = await Assert.ThrowsAsync<ResellerException>(async () => await pageable.AsPages("resume").ToListAsync());

        Assert.Equal("InvalidResponse", error.ErrorCode);
    }

    [Fact]
    public async Task R02_a_list_that_ends_is_walked_whole_and_pages_keep_their_order()
    {
        var pageable = AsyncPageable<int>.Create((token, size, ct) =>
        {
            var start = token is null ? 0 : int.Parse(token, System.Globalization.CultureInfo.InvariantCulture);
            var values = Enumerable.Range(start, Math.Min(3, 10 - start)).ToArray();
            var next = start + 3 < 10 ? (start + 3).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            return Task.FromResult(Page<int>.FromValues(values, next));
        });

        Assert.Equal(Enumerable.Range(0, 10), await pageable.ToListAsync());
    }
}
