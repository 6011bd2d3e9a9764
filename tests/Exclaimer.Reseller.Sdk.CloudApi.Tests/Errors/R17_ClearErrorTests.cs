using System;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;

namespace Exclaimer.Reseller.Sdk.CloudApi.Tests.Errors;

/// <summary>
/// R17: errors that say what happened. A connection failure keeps its root cause ("connection refused", "name not
/// resolved"); an endpoint given with its API segment is used as it is, never doubled.
/// </summary>
public sealed class R17_ClearErrorTests
{
    [Fact]
    public async Task R17_a_refused_connection_says_so()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var transport = new ResellerClient(new ResellerClientOptions { ApiToken = "t", Endpoint = new Uri($"http://127.0.0.1:{port}/"), Retry = { MaxRetries = 0 } });
        var client = transport;

        var error = await Assert.ThrowsAsync<ResellerException>(() => client.GetSubscriptionAsync("contoso"));

        Assert.Equal("ConnectionFailed", error.ErrorCode);
        Assert.Contains("refused", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task R17_a_name_that_does_not_resolve_says_so()
    {
        var handler = new ThrowingHandler(new HttpRequestException("Name or service not known (cloudapi.invalid:443)", new SocketException((int)SocketError.HostNotFound)));
        using var transport = new ResellerClient(new ResellerClientOptions { ApiToken = "t", Endpoint = new Uri("https://cloudapi.invalid/"), Retry = { MaxRetries = 0 }, Transport = new ResellerTransport(new HttpClient(handler)) });
        var client = transport;

        var error = await Assert.ThrowsAsync<ResellerException>(() => client.GetSubscriptionAsync("contoso"));

        Assert.Equal("ConnectionFailed", error.ErrorCode);
        Assert.Contains(new SocketException((int)SocketError.HostNotFound).Message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/exclaimerapi", "http://127.0.0.1:5000/exclaimerapi/")]
    [InlineData("http://127.0.0.1:5000/exclaimerapi/", "http://127.0.0.1:5000/exclaimerapi/")]
    [InlineData("http://127.0.0.1:5000/ExclaimerAPI", "http://127.0.0.1:5000/ExclaimerAPI/")]
    [InlineData("http://127.0.0.1:5000/", "http://127.0.0.1:5000/exclaimerapi/")]
    [InlineData("http://127.0.0.1:5000/gateway", "http://127.0.0.1:5000/gateway/exclaimerapi/")]
    public void R17_an_endpoint_with_its_api_segment_is_never_doubled(string endpoint, string expected)
    {
        using var transport = new ResellerClient(new ResellerClientOptions { ApiToken = "t", Endpoint = new Uri(endpoint) });

        Assert.Equal(expected, transport.BaseAddress.AbsoluteUri);
    }

    private sealed class ThrowingHandler : HttpMessageHandler
    {
        private readonly Exception _failure;

        public ThrowingHandler(Exception failure) => _failure = failure;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromException<HttpResponseMessage>(_failure);
    }
}
