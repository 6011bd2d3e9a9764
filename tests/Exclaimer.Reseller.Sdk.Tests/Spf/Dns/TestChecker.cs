using System;
using Exclaimer.Reseller.Sdk.Spf;
using Exclaimer.Reseller.Tests.Dns;

namespace Exclaimer.Reseller.Sdk.Tests.Spf.Dns;

/// <summary>Checkers that ask only a test server, with timeouts short enough for tests and long enough for a busy machine.</summary>
internal static class TestChecker
{
    /// <summary>
    /// A query the server does not answer costs this much. Answered ones take milliseconds on loopback, but on a
    /// machine busy with parallel builds a process can wait most of a second for the CPU, so it is not shorter.
    /// </summary>
    public static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(2);

    public static SpfDnsOptions Options(TestDnsServer server) => Ask(new SpfDnsOptions(), server);

    /// <summary>Points <paramref name="options"/> (a checker's, or a client's <c>Dns</c>) at the test server only.</summary>
    public static SpfDnsOptions Ask(SpfDnsOptions options, TestDnsServer server)
    {
        options.QueryTimeout = QueryTimeout;
        options.Retries = 0;
        options.EvaluationTimeout = TimeSpan.FromSeconds(15);
        options.NameServers.Clear();
        options.NameServers.Add(NameServer(server));
        return options;
    }

    public static SpfNameServer NameServer(TestDnsServer server) => new(server.EndPoint.Address, server.EndPoint.Port);

    public static SpfChecker For(TestDnsServer server) => new(Options(server));
}
