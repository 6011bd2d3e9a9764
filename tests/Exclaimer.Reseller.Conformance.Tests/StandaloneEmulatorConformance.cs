using System;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.Conformance.Tests;

/// <summary>The standalone emulator, started once for the class and seeded through the client over a loopback port.</summary>
public sealed class StandaloneEmulatorFixture : IAsyncLifetime
{
    public StandaloneEmulator Server { get; private set; } = null!;

    public ResellerClient Client { get; private set; } = null!;

    public ResellerClient WrongToken { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await StandaloneEmulator.StartAsync("--token", ConformanceData.Token);
        Client = new ResellerClient(new ResellerClientOptions { ApiToken = ConformanceData.Token, Endpoint = Server.Endpoint, ResellerAdminEmail = ConformanceData.AdminEmail });
        WrongToken = new ResellerClient(new ResellerClientOptions { ApiToken = "not-the-token", Endpoint = Server.Endpoint, Retry = { MaxRetries = 0 } });
        await ConformanceData.SeedAsync(Client);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        WrongToken.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>The conformance suite against <c>exclaimer-emulator</c> on a free loopback port.</summary>
public sealed class StandaloneEmulatorConformance : ConformanceTests, IClassFixture<StandaloneEmulatorFixture>
{
    private readonly StandaloneEmulatorFixture _fixture;

    public StandaloneEmulatorConformance(StandaloneEmulatorFixture fixture) => _fixture = fixture;

    protected override ResellerClient Client => _fixture.Client;

    protected override ResellerClient ClientWithWrongToken => _fixture.WrongToken;
}
