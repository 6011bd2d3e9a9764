using System;
using Exclaimer.Reseller.Sdk.Testing;

namespace Exclaimer.Reseller.Sdk.CloudApi.Tests.Support;

/// <summary>A <see cref="ResellerClient"/> over a <see cref="CloudApiTransport"/> pointed at a <see cref="FakeCloudApi"/>, with captured logs.</summary>
internal sealed class CloudApiClient : IDisposable
{
    public CloudApiClient(FakeCloudApi api, Action<CloudApiOptions>? adjust = null, int pageSize = 50)
    {
        Transport = new CloudApiTransport(api.Options(adjust), httpClient: null, Logs);
        Client = new ResellerClient(new ResellerClientOptions { Transport = Transport, PageSize = pageSize, LoggerFactory = Logs });
    }

    public CapturingLoggerFactory Logs { get; } = new();

    public CloudApiTransport Transport { get; }

    public ResellerClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        Transport.Dispose();
    }
}
