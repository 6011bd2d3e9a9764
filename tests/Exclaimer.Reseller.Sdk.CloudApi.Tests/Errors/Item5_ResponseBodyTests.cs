using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;

namespace Exclaimer.Reseller.Sdk.CloudApi.Tests.Errors;

/// <summary>
/// Issue item 5: a body read whole into a buffer is judged by what arrived, not by its headers. A byte order mark,
/// a body longer than its Content-Length (a handler that decompressed but kept the header) and a body cut short
/// each behave as the streaming reader would: parsed, parsed, and retried as a broken connection.
/// </summary>
public sealed class Item5_ResponseBodyTests
{
    private const string Subscription = "{\"Subscription\":{\"SubscriptionID\":\"contoso\",\"Name\":\"Contoso Ltd\",\"NumberOfUsers\":12,\"Status\":\"Active\"}}";

    [Fact]
    public async Task Item5_a_body_with_a_byte_order_mark_parses()
    {
        var body = Encoding.UTF8.GetPreamble();
        using var sdk = Client(new StubHandler(Concat(body, Encoding.UTF8.GetBytes(Subscription)), contentLength: null));

        var subscription = await sdk.GetSubscriptionAsync("contoso");

        Assert.Equal("Contoso Ltd", subscription.CustomerName);
    }

    [Fact]
    public async Task Item5_a_body_longer_than_its_Content_Length_is_read_whole()
    {
        var body = Encoding.UTF8.GetBytes(Subscription);
        using var sdk = Client(new StubHandler(body, contentLength: 20));

        var subscription = await sdk.GetSubscriptionAsync("contoso");

        Assert.Equal(12, subscription.UserCount);
    }

    [Fact]
    public async Task Item5_a_body_cut_short_of_its_Content_Length_is_retried_then_a_ConnectionFailed_error()
    {
        var body = Encoding.UTF8.GetBytes(Subscription);
        var handler = new StubHandler(body, contentLength: body.Length + 50);
        using var sdk = Client(handler);

        var error = await Assert.ThrowsAsync<ResellerException>(() => sdk.GetSubscriptionAsync("contoso"));

        Assert.Equal("ConnectionFailed", error.ErrorCode);
        Assert.Equal(2, handler.Calls);
        Assert.Contains("2 attempts", error.Message, StringComparison.Ordinal);
    }

    private static ResellerClient Client(HttpMessageHandler handler)
    {
        var transport = new ResellerClient(new ResellerClientOptions {
                ApiToken = "token",
                Endpoint = new Uri("http://127.0.0.1:9/"),
                Retry = { MaxRetries = 1, BaseDelay = TimeSpan.Zero }, Transport = new ResellerTransport(new HttpClient(handler)) });
        return transport;
    }

    private static byte[] Concat(byte[] first, byte[] second)
    {
        var all = new byte[first.Length + second.Length];
        first.CopyTo(all, 0);
        second.CopyTo(all, first.Length);
        return all;
    }

    /// <summary>Answers every request with the same body and, when given, a Content-Length that need not be true.</summary>
    private sealed class StubHandler(byte[] body, long? contentLength) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            var content = new ByteArrayContent(body);
            content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
            content.Headers.ContentLength = contentLength ?? body.Length;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        }
    }
}
