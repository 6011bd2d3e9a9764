using System;
using System.Collections.Concurrent;
using Exclaimer.Reseller.Tests.Dns;

namespace Exclaimer.Reseller.Sdk.Tests.Spf.Dns;

/// <summary>One loopback DNS server per suite scenario, started when first needed: scenarios reuse names with other records.</summary>
public sealed class SuiteDnsServers : IDisposable
{
    private readonly ConcurrentDictionary<int, Lazy<TestDnsServer>> _servers = new();

    internal TestDnsServer For(SpfSuiteScenario scenario) =>
        _servers.GetOrAdd(scenario.Index, _ => new Lazy<TestDnsServer>(() => TestDnsServer.Start(scenario.Zone))).Value;

    public void Dispose()
    {
        foreach (var server in _servers.Values)
        {
            if (server.IsValueCreated)
            {
                server.Value.Dispose();
            }
        }
    }
}
