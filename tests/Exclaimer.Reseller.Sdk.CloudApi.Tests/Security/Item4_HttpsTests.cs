using System;

namespace Exclaimer.Reseller.Sdk.CloudApi.Tests.Security;

/// <summary>Issue item 4: HTTPS is required, except for loopback addresses so local test servers work.</summary>
public sealed class Item4_HttpsTests
{
    [Theory]
    [InlineData("http://cloudapi.exclaimer.com")]
    [InlineData("http://10.0.0.5:8080")]
    [InlineData("ftp://cloudapi.exclaimer.com")]
    public void Item4_plain_http_to_a_remote_host_is_refused(string endpoint)
    {
        var error = Assert.Throws<ArgumentException>(() => new ResellerClient(new ResellerClientOptions { ApiToken = "t", Endpoint = new Uri(endpoint) }));

        Assert.Contains("ResellerClientOptions.Endpoint", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:5000/exclaimerapi/")]
    [InlineData("http://localhost:5000/", "http://localhost:5000/exclaimerapi/")]
    [InlineData("http://[::1]:5000", "http://[::1]:5000/exclaimerapi/")]
    [InlineData("https://proxy.example.com/exclaimer/", "https://proxy.example.com/exclaimer/exclaimerapi/")]
    public void Item4_https_and_loopback_http_are_accepted(string endpoint, string expected)
    {
        using var transport = new ResellerClient(new ResellerClientOptions { ApiToken = "t", Endpoint = new Uri(endpoint) });

        Assert.Equal(new Uri(expected), transport.BaseAddress);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("seg ment")]
    public void Item1_a_bad_api_segment_is_refused(string segment)
    {
        var error = Assert.Throws<ArgumentException>(() => new ResellerClient(new ResellerClientOptions { ApiToken = "t", ApiSegment = segment }));

        Assert.Contains("ApiSegment", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Item3_retry_settings_out_of_range_are_refused_with_their_name()
    {
        Assert.Contains("MaxRetries", Assert.Throws<ArgumentException>(() => new ResellerClient(new ResellerClientOptions { ApiToken = "t", Retry = { MaxRetries = -1 } })).Message, StringComparison.Ordinal);
        Assert.Contains("AttemptTimeout", Assert.Throws<ArgumentException>(() => new ResellerClient(new ResellerClientOptions { ApiToken = "t", Retry = { AttemptTimeout = TimeSpan.FromMilliseconds(1) } })).Message, StringComparison.Ordinal);
    }
}
