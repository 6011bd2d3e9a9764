using System;
using Exclaimer.Reseller.Sdk.Spf;

namespace Exclaimer.Reseller.Sdk.Tests.Spf.Dns;

/// <summary>Checkers that ask only a test server, with timeouts short enough for tests and long enough for a busy machine.</summary>
internal static class TestChecker
{
    /// <summary>
    /// A query the server does not answer costs this much. Answered ones take milliseconds on loopback, but on a
    /// machine busy with parallel builds a process can wait most of a second for the CPU, so it is not shorter.
    /// </summary>
    public static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(2);

    public static SpfDnsOptions Options(TestDnsServer server)
    {
        var options = new SpfDnsOptions { QueryTimeout = QueryTimeout, Retries = 0, EvaluationTimeout = TimeSpan.FromSeconds(15) };
        options.NameServers.Add(new SpfNameServer(server.EndPoint.Address, server.EndPoint.Port));
        return options;
    }

    public static SpfChecker For(TestDnsServer server) => new(Options(server));
}
