using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using DnsClient;
using DnsClient.Protocol;

namespace Exclaimer.Reseller.Sdk.Spf;

/// <summary>
/// The DNS queries SPF needs (TXT, A, AAAA, MX, PTR), through DnsClient, with the configured servers, timeout and
/// retries, no cache (a check sees DNS as it is), and TCP when an answer is too big for UDP.
/// </summary>
internal sealed class SpfDns
{
    private readonly Lazy<LookupClient> _client;

    public SpfDns(SpfDnsOptions options)
    {
        // Made on first use, so creating a checker never touches the network configuration.
        _client = new Lazy<LookupClient>(() => CreateClient(options), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The TXT records of a name, each one's strings joined without spaces (RFC 7208 section 3.3).</summary>
    public Task<SpfDnsAnswer<string>> TxtAsync(string name, CancellationToken cancellationToken) =>
        QueryAsync(name, QueryType.TXT, answers => answers.OfType<TxtRecord>().Select(txt => string.Concat(txt.Text)), cancellationToken);

    /// <summary>The A (IPv4) or AAAA (IPv6) records of a name.</summary>
    public Task<SpfDnsAnswer<IPAddress>> AddressesAsync(string name, AddressFamily family, CancellationToken cancellationToken) =>
        family == AddressFamily.InterNetworkV6
            ? QueryAsync(name, QueryType.AAAA, answers => answers.OfType<AaaaRecord>().Select(aaaa => aaaa.Address), cancellationToken)
            : QueryAsync(name, QueryType.A, answers => answers.OfType<ARecord>().Select(a => a.Address), cancellationToken);

    /// <summary>The exchanges of a name's MX records, without the trailing dot; a null MX (<c>.</c>) gives an empty name.</summary>
    public Task<SpfDnsAnswer<string>> MxAsync(string name, CancellationToken cancellationToken) =>
        QueryAsync(name, QueryType.MX, answers => answers.OfType<MxRecord>().Select(mx => WithoutRoot(mx.Exchange.Value)), cancellationToken);

    /// <summary>The names an address's PTR records give, without the trailing dot.</summary>
    public Task<SpfDnsAnswer<string>> PtrAsync(IPAddress address, CancellationToken cancellationToken) =>
        QueryAsync(SpfAddress.ReverseName(address), QueryType.PTR, answers => answers.OfType<PtrRecord>().Select(ptr => WithoutRoot(ptr.PtrDomainName.Value)), cancellationToken);

    private static LookupClient CreateClient(SpfDnsOptions options)
    {
        NameServer[] servers = options.NameServers.Count > 0
            ? options.NameServers.Select(server => new NameServer(server.Address, server.Port)).ToArray()

            // The machine's resolvers (resolv.conf on Linux and macOS, the adapters' settings on Windows);
            // never a public resolver the user did not choose.
            : NameServer.ResolveNameServers(skipIPv6SiteLocal: true, fallbackToGooglePublicDns: false).ToArray();
        if (servers.Length == 0)
        {
            throw new InvalidOperationException("This machine has no DNS server configured; give one in SpfDnsOptions.NameServers.");
        }

        return new LookupClient(new LookupClientOptions(servers)
        {
            Timeout = options.QueryTimeout,
            Retries = options.Retries,
            UseCache = false,
            UseTcpFallback = true,
            ThrowDnsErrors = false,
            ContinueOnDnsError = true,

            // An answer without records is an answer (a void lookup), not a reason to ask the next server.
            ContinueOnEmptyResponse = false,
            UseRandomNameServer = false,
            Recursion = true,
        });
    }

    private async Task<SpfDnsAnswer<T>> QueryAsync<T>(
        string name,
        QueryType type,
        Func<IEnumerable<DnsResourceRecord>, IEnumerable<T>> select,
        CancellationToken cancellationToken)
    {
        // A name DNS cannot carry (an empty label, a label over 63 octets) names nothing: RFC 7208 section 4.3
        // treats it as non-existent, and sending it would put a different name on the wire.
        if (!SpfDomainName.IsQueryable(name))
        {
            return SpfDnsAnswer<T>.NameError();
        }

        IDnsQueryResponse response;
        try
        {
            response = await WithCancellation(_client.Value.QueryAsync(name, type, QueryClass.IN, cancellationToken), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (DnsResponseException ex) when (ex.Code == DnsResponseCode.ConnectionTimeout)
        {
            return SpfDnsAnswer<T>.Failed($"the {type} query for {name} timed out");
        }
        catch (Exception ex) when (ex is DnsResponseException or SocketException or TimeoutException or DnsResponseParseException)
        {
            return SpfDnsAnswer<T>.Failed($"the {type} query for {name} failed: {ex.Message}");
        }
        catch (ArgumentException)
        {
            // DnsClient refused the name (e.g. characters an IDN conversion rejects): nothing by that name can exist.
            return SpfDnsAnswer<T>.NameError();
        }

        return response.Header.ResponseCode switch
        {
            DnsHeaderResponseCode.NoError => SpfDnsAnswer<T>.Answered(select(response.Answers).ToList()),
            DnsHeaderResponseCode.NotExistentDomain => SpfDnsAnswer<T>.NameError(),
            var code => SpfDnsAnswer<T>.Failed($"the {type} query for {name} was answered {code}"),
        };
    }

    private static string WithoutRoot(string name) => SpfDomainName.WithoutTrailingDot(name);

    /// <summary>Ends the wait when the token fires even if the library does not notice it, so a check never hangs.</summary>
    private static async Task<TResult> WithCancellation<TResult>(Task<TResult> task, CancellationToken cancellationToken)
    {
#if NET
        return await task.WaitAsync(cancellationToken).ConfigureAwait(false);
#else
        // The abandoned query may still fail later; observing it keeps that from being an unobserved exception.
        _ = task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        var cancelled = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(() => cancelled.TrySetCanceled(cancellationToken)))
        {
            return await (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false)).ConfigureAwait(false);
        }
#endif
    }
}
