using System;
using System.Threading.Tasks;
using Exclaimer.Reseller.Emulator;
using Exclaimer.Reseller.Emulator.Storage;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.Conformance.Tests;

/// <summary>The conformance suite against the emulator in-process (its <c>HttpMessageHandler</c>, no socket), seeded per test.</summary>
public sealed class InProcessEmulatorConformance : ConformanceTests, IAsyncLifetime
{
    private readonly ResellerEmulator _emulator = new(new EmulatorOptions { Store = new InMemoryResellerStore(), ApiToken = ConformanceData.Token });
    private readonly ResellerClient _client;
    private readonly ResellerClient _wrongToken;

    public InProcessEmulatorConformance()
    {
        _client = _emulator.CreateClient(options => options.ResellerAdminEmail = ConformanceData.AdminEmail);
        _wrongToken = _emulator.CreateClient(options => options.ApiToken = "not-the-token");
    }

    protected override ResellerClient Client => _client;

    protected override ResellerClient ClientWithWrongToken => _wrongToken;

    public Task InitializeAsync() => ConformanceData.SeedAsync(_client);

    public Task DisposeAsync()
    {
        _client.Dispose();
        _wrongToken.Dispose();
        _emulator.Dispose();
        _emulator.Store.Dispose();
        return Task.CompletedTask;
    }
}
