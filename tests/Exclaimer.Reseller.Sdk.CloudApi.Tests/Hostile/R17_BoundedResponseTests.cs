using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;

namespace Exclaimer.Reseller.Sdk.CloudApi.Tests.Hostile;

/// <summary>
/// R17: every response is bounded. A body past ResellerClientOptions.MaxResponseSize, or one that never ends, fails as the
/// SDK's own ResponseTooLarge error; a page with more items than asked, a null item or an item without the fields the
/// SDK needs is InvalidResponse, never a NullReferenceException or a null in the caller's hands.
/// </summary>
public sealed class R17_BoundedResponseTests
{
    private const long Limit = 64 * 1024;

    [Fact]
    public async Task R17_a_body_announced_past_the_limit_is_refused_before_it_is_read()
    {
        var body = new NeverEndingJson();
        var handler = new ScriptedHandler(_ =>
        {
            var content = new StreamContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            content.Headers.ContentLength = Limit * 100;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });
        using var client = handler.Client(o => o.MaxResponseSize = Limit);

        var error = await Assert.ThrowsAsync<ResellerException>(() => client.GetSubscriptionAsync("contoso"));

        Assert.Equal("ResponseTooLarge", error.ErrorCode);
        Assert.Contains("MaxResponseSize", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, body.BytesRead);
    }

    [Fact]
    public async Task R17_a_body_that_never_ends_fails_once_the_limit_is_read_and_is_not_retried()
    {
        var body = new NeverEndingJson();
        var handler = new ScriptedHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = Json(body) });
        using var client = handler.Client(o =>
        {
            o.MaxResponseSize = Limit;
            o.Retry.MaxRetries = 3;
            o.Retry.BaseDelay = TimeSpan.Zero;
        });

        var error = await Assert.ThrowsAsync<ResellerException>(async () =>
        {
            await foreach (var unused in client.GetSubscriptionsAsync())
            {
            }
        });

        Assert.Equal("ResponseTooLarge", error.ErrorCode);
        Assert.InRange(body.BytesRead, Limit, Limit + (256 * 1024));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public void R17_the_limit_is_an_option_with_a_documented_default_and_bounds()
    {
        Assert.Equal(16L * 1024 * 1024, new ResellerClientOptions().MaxResponseSize);
        var tooSmall = Assert.Throws<ArgumentException>(() => new ResellerClient(new ResellerClientOptions { ApiToken = "t", MaxResponseSize = 1000 }));
        Assert.Contains("MaxResponseSize", tooSmall.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BrokenPages => new()
    {
        { "{\"Subscriptions\":[" + Item("a") + "," + Item("b") + "," + Item("c") + "],\"SubscriptionCount\":3}", "3 items where 2 were asked for" },
        { "{\"Subscriptions\":[" + Item("a") + ",null]}", "item 2 of the page is null" },
        { "{\"Subscriptions\":[{\"Name\":\"No id\",\"Status\":\"Active\"}]}", "missing its SubscriptionID" },
        { "{\"Subscriptions\":[{\"SubscriptionID\":\"\",\"Name\":\"Empty id\"}]}", "missing its SubscriptionID" },
    };

    [Theory]
    [MemberData(nameof(BrokenPages))]
    public async Task R17_a_page_with_too_many_null_or_incomplete_items_is_InvalidResponse(string page, string why)
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Json(page));
        using var client = handler.Client();

        var error = await Assert.ThrowsAsync<ResellerException>(async () =>
        {
            await foreach (var unused in client.GetSubscriptionsAsync())
            {
            }
        });

        Assert.Equal("InvalidResponse", error.ErrorCode);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"Users\":[{\"UserID\":\"u1\",\"Roles\":[\"Admin\"]}]}", "missing its Email")]
    [InlineData("{\"Users\":[null]}", "is null")]
    public async Task R17_a_users_page_with_incomplete_items_is_InvalidResponse(string page, string why)
    {
        var handler = new ScriptedHandler(request => request.RequestUri!.AbsolutePath.EndsWith("/users", StringComparison.Ordinal)
            ? ScriptedHandler.Json(page)
            : ScriptedHandler.Json("{\"Subscription\":" + Item("contoso") + "}"));
        using var client = handler.Client();

        var error = await Assert.ThrowsAsync<ResellerException>(async () =>
        {
            await foreach (var unused in client.GetSubscriptionUsersAsync("contoso"))
            {
            }
        });

        Assert.Equal("InvalidResponse", error.ErrorCode);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"EndUsers\":[{\"CompanyName\":\"No id\"}]}", "missing its EndUserID")]
    [InlineData("{\"EndUsers\":[null]}", "is null")]
    public async Task R17_a_customers_page_with_incomplete_items_is_InvalidResponse(string page, string why)
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Json(page));
        using var client = handler.Client();

        var error = await Assert.ThrowsAsync<ResellerException>(async () =>
        {
            await foreach (var unused in client.GetCustomersAsync())
            {
            }
        });

        Assert.Equal("InvalidResponse", error.ErrorCode);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R17_a_subscription_without_its_id_is_InvalidResponse()
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Json("{\"Subscription\":{\"Name\":\"Contoso\"}}"));
        using var client = handler.Client();

        var error = await Assert.ThrowsAsync<ResellerException>(() => client.GetSubscriptionAsync("contoso"));

        Assert.Equal("InvalidResponse", error.ErrorCode);
        Assert.Contains("no SubscriptionID", error.Message, StringComparison.Ordinal);
    }

    private static string Item(string id) => "{\"SubscriptionID\":\"" + id + "\",\"Name\":\"Customer " + id + "\",\"NumberOfUsers\":1,\"Status\":\"Active\",\"SKU\":\"EXCL-M-STAND\"}";

    private static StreamContent Json(Stream body)
    {
        var content = new StreamContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>A JSON array that never closes, served as fast as it is read, counting what was read.</summary>
    private sealed class NeverEndingJson : Stream
    {
        private static readonly byte[] Start = Encoding.UTF8.GetBytes("{\"Subscriptions\":[");
        private static readonly byte[] Filler = Encoding.UTF8.GetBytes("                                                                ");

        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var source = BytesRead == 0 ? Start : Filler;
            var n = Math.Min(count, source.Length);
            Array.Copy(source, 0, buffer, offset, n);
            BytesRead += n;
            return n;
        }

        public override System.Threading.Tasks.Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            System.Threading.Tasks.Task.FromResult(Read(buffer, offset, count));

        public override System.Threading.Tasks.ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var source = BytesRead == 0 ? Start : Filler;
            var n = Math.Min(buffer.Length, source.Length);
            source.AsSpan(0, n).CopyTo(buffer.Span);
            BytesRead += n;
            return new System.Threading.Tasks.ValueTask<int>(n);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
