using System;
using System.Linq;
using System.Net.Http;
using System.Web;

namespace Exclaimer.Reseller.Sdk.CloudApi.Tests.Hostile;

/// <summary>
/// R2: no list can loop. Every walk over pages (subscriptions, archive, users, customers, and the walks the SDK makes
/// inside other calls) stops with InvalidResponse once the server's continuation stops making progress: a token seen
/// before (any earlier one), a page without items that still says "more", or more items than the server said it holds.
/// </summary>
public sealed class R02_NoLoopTests
{
    private const string Subscription = "{\"Subscription\":{\"SubscriptionID\":\"contoso\",\"Name\":\"Contoso\",\"UserID\":\"owner\",\"Status\":\"Active\",\"SKU\":\"EXCL-M-STAND\"}}";

    [Theory]
    [InlineData("1,2,1", "came back a second time")]
    [InlineData("1,2,3,2", "came back a second time")]
    [InlineData("1,1", "came back a second time")]
    public async Task R02_a_continuation_token_seen_before_stops_every_list(string tokens, string why)
    {
        foreach (var list in Lists)
        {
            var handler = Paging(tokens.Split(','), total: null, list.Items);
            using var client = handler.Client();

            var error = await Assert.ThrowsAsync<ResellerException>(() => list.Walk(client));

            Assert.Equal("InvalidResponse", error.ErrorCode);
            Assert.Contains(why, error.Message, StringComparison.Ordinal);
            Assert.InRange(handler.Requests.Count(r => r.Contains(list.Path, StringComparison.Ordinal)), 2, 5);
        }
    }

    [Fact]
    public async Task R02_more_items_than_the_server_said_it_holds_stops_the_list()
    {
        foreach (var list in Lists)
        {
            var handler = Paging(new[] { "1", "2", "3", "4" }, total: 3, list.Items);
            using var client = handler.Client();

            var error = await Assert.ThrowsAsync<ResellerException>(() => list.Walk(client));

            Assert.Equal("InvalidResponse", error.ErrorCode);
            Assert.Contains("said it holds 3", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task R02_an_empty_page_that_still_gives_a_token_stops_the_list()
    {
        var handler = new ScriptedHandler(request => ScriptedHandler.Json("{\"Subscriptions\":[],\"ContinuationToken\":" + (Token(request) + 1) + "}"));
        using var client = handler.Client();

        var error = await Assert.ThrowsAsync<ResellerException>(async () => await client.GetSubscriptionsAsync().ToListAsync());

        Assert.Equal("InvalidResponse", error.ErrorCode);
        Assert.Contains("without items", error.Message, StringComparison.Ordinal);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task R02_the_walk_inside_changing_a_users_roles_cannot_loop_either()
    {
        var handler = new ScriptedHandler(request => request.RequestUri!.AbsolutePath.EndsWith("/users", StringComparison.Ordinal)
            ? ScriptedHandler.Json("{\"Users\":[{\"Email\":\"someone@contoso.example\",\"UserID\":\"u1\",\"Roles\":[\"Admin\"]}],\"ContinuationToken\":7}")
            : ScriptedHandler.Json(Subscription));
        using var client = handler.Client();

        var error = await Assert.ThrowsAsync<ResellerException>(() => client.SetSubscriptionUserRolesAsync("contoso", "jan@contoso.example", new[] { SubscriptionRole.Editor }));

        Assert.Equal("InvalidResponse", error.ErrorCode);
        Assert.Contains("users of subscription 'contoso'", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, handler.Requests.Count(r => r.Contains("/users", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task R02_a_list_that_ends_normally_is_walked_whole()
    {
        var handler = Paging(new[] { "1", "2", "0" }, total: 6, "EndUsers");
        using var client = handler.Client();

        var all = await client.GetCustomersAsync().ToListAsync();

        Assert.Equal(6, all.Count);
    }

    private static readonly (string Path, string Items, Func<ResellerClient, Task> Walk)[] Lists =
    {
        ("/1.0/subscriptions?", "Subscriptions", client => client.GetSubscriptionsAsync().ToListAsync().AsTask()),
        ("/1.0/subscriptions?", "Subscriptions", client => client.GetArchivedSubscriptionsAsync().ToListAsync().AsTask()),
        ("/users?", "Users", client => client.GetSubscriptionUsersAsync("contoso").ToListAsync().AsTask()),
        ("/1.0/end-users?", "EndUsers", client => client.GetCustomersAsync().ToListAsync().AsTask()),
    };

    /// <summary>Pages of two items each; page n answers with the n-th token of <paramref name="tokens"/>.</summary>
    private static ScriptedHandler Paging(string[] tokens, int? total, string items)
    {
        var served = 0;
        return new ScriptedHandler(request =>
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/subscriptions/contoso", StringComparison.Ordinal))
            {
                return ScriptedHandler.Json(Subscription);
            }

            var next = tokens[Math.Min(served, tokens.Length - 1)];
            var a = served * 2;
            served++;
            var body = "{\"" + items + "\":[" + ItemJson(items, a) + "," + ItemJson(items, a + 1) + "]"
                + (total is { } t ? ",\"" + CountName(items) + "\":" + t : string.Empty)
                + ",\"ContinuationToken\":" + next + "}";
            return ScriptedHandler.Json(body);
        });
    }

    private static string CountName(string items) => items switch
    {
        "Subscriptions" => "SubscriptionCount",
        "Users" => "UserCount",
        _ => "EndUserCount",
    };

    private static string ItemJson(string items, int n) => items switch
    {
        "Subscriptions" => "{\"SubscriptionID\":\"s" + n + "\",\"Name\":\"Customer " + n + "\",\"Status\":\"" + (n % 2 == 0 ? "Active" : "Cancelled") + "\",\"SKU\":\"EXCL-M-STAND\"}",
        "Users" => "{\"Email\":\"user" + n + "@contoso.example\",\"UserID\":\"u" + n + "\",\"Roles\":[\"Editor\"]}",
        _ => "{\"EndUserID\":\"e" + n + "\",\"CompanyName\":\"Customer " + n + "\"}",
    };

    private static int Token(HttpRequestMessage request) =>
        int.TryParse(HttpUtility.ParseQueryString(request.RequestUri!.Query)["ContinuationToken"], out var token) ? token : 0;
}
