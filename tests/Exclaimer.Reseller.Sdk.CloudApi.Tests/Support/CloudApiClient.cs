using System;
using Exclaimer.Reseller.Sdk.Testing;

namespace Exclaimer.Reseller.Sdk.CloudApi.Tests.Support;

/// <summary>A <see cref="ResellerClient"/> pointed at a <see cref="FakeCloudApi"/>, with captured logs.</summary>
internal sealed class CloudApiClient : IDisposable
{
    public CloudApiClient(FakeCloudApi api, Action<ResellerClientOptions>? adjust = null, int pageSize = 50)
    {
        Client = new ResellerClient(api.Options(options =>
        {
            options.PageSize = pageSize;
            options.LoggerFactory = Logs;
            adjust?.Invoke(options);
        }));
    }

    public CapturingLoggerFactory Logs { get; } = new();

    public ResellerClient Client { get; }

    public void Dispose() => Client.Dispose();
}
