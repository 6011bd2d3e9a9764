using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;

namespace Exclaimer.Reseller.Tests.Dns;

/// <summary>
/// A DNS server on loopback, UDP and TCP on one free port picked at start, serving a <see cref="TestZone"/>
/// over the real wire protocol (ARSoft.Tools.Net's server). Queries for a timed-out name are never answered.
/// </summary>
internal sealed class TestDnsServer : IDisposable
{
    /// <summary>How long the transports wait on a client that has connected but not sent its query.</summary>
    private const int TransportTimeoutMilliseconds = 5000;

    private readonly TestZone _zone;
    private readonly DnsServer _server;
    private readonly CancellationTokenSource _stopping = new();

    private TestDnsServer(TestZone zone, DnsServer server, IPEndPoint endPoint)
    {
        _zone = zone;
        _server = server;
        EndPoint = endPoint;
        _server.QueryReceived += OnQueryReceivedAsync;
    }

    /// <summary>Where the server listens, UDP and TCP.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>Every query received, as <c>protocol name type</c>, e.g. <c>Udp example.com TXT</c>.</summary>
    public ConcurrentQueue<string> Queries { get; } = new();

    /// <summary>Starts a server on a free loopback port.</summary>
    /// <param name="zone">The records to serve; changes after the start are served too.</param>
    public static TestDnsServer Start(TestZone zone)
    {
        // A port free for TCP may be taken for UDP (or by a parallel test in between), so try a few.
        for (int attempt = 1; ; attempt++)
        {
            var endPoint = new IPEndPoint(IPAddress.Loopback, FreeTcpPort());
            var server = new DnsServer(
                new UdpServerTransport(endPoint, TransportTimeoutMilliseconds),
                new TcpServerTransport(endPoint, TransportTimeoutMilliseconds, keepAlive: 1000));
            var testServer = new TestDnsServer(zone, server, endPoint);
            try
            {
                server.Start();
                return testServer;
            }
            catch (SocketException) when (attempt < 10)
            {
                testServer.Dispose();
            }
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        try
        {
            _server.Stop();
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or AggregateException)
        {
            // A transport that never bound has nothing to close.
        }

        _stopping.Dispose();
    }

    private static int FreeTcpPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private async Task OnQueryReceivedAsync(object sender, QueryReceivedEventArgs e)
    {
        if (e.Query is not DnsMessage query || query.Questions.Count != 1)
        {
            return;
        }

        DnsQuestion question = query.Questions[0];
        string name = string.Join(".", question.Name.Labels);
        string type = question.RecordType == RecordType.Aaaa ? "AAAA" : question.RecordType.ToString().ToUpperInvariant();
        Queries.Enqueue($"{e.TransportProtocol} {name} {type}");

        TestAnswer answer = _zone.Answer(name, type);
        if (answer.IsTimeout)
        {
            // Never answer: the client's query timeout is what ends the wait.
            try
            {
                await Task.Delay(Timeout.Infinite, _stopping.Token);
            }
            catch (OperationCanceledException)
            {
            }

            return;
        }

        if (answer.Delay > TimeSpan.Zero)
        {
            await Task.Delay(answer.Delay);
        }

        DnsMessage response = query.CreateResponseInstance();
        response.IsAuthoritiveAnswer = true;
        response.ReturnCode = answer.IsServerFailure ? ReturnCode.ServerFailure : answer.IsNameError ? ReturnCode.NxDomain : ReturnCode.NoError;
        foreach (var record in answer.Records)
        {
            response.AnswerRecords.Add(ToDnsRecord(question.Name, record));
        }

        e.Response = response;
    }

    private static DnsRecordBase ToDnsRecord(DomainName owner, TestRecord record)
    {
        const int ttl = 60;
        return record.Type switch
        {
            "A" => new ARecord(owner, ttl, IPAddress.Parse(record.Data[0])),
            "AAAA" => new AaaaRecord(owner, ttl, IPAddress.Parse(record.Data[0])),
            "MX" => new MxRecord(owner, ttl, ushort.Parse(record.Data[0], System.Globalization.CultureInfo.InvariantCulture), Name(record.Data[1])),
            "PTR" => new PtrRecord(owner, ttl, Name(record.Data[0])),

            // TXT as raw RDATA, each string UTF-8 encoded and length-prefixed, so the non-ASCII and control
            // characters the suite publishes reach the client byte for byte (its driver encodes them so too).
            _ /* TXT */ => new UnknownRecord(owner, RecordType.Txt, RecordClass.INet, ttl, TxtData(record.Data)),
        };
    }

    /// <summary>A name from its text, split on dots only, so labels such as <c>foo:bar/baz</c> stay as written.</summary>
    private static DomainName Name(string text)
    {
        string trimmed = text.TrimEnd('.');
        return trimmed.Length == 0 ? DomainName.Root : new DomainName(trimmed.Split('.'));
    }

    /// <summary>
    /// The RDATA of a TXT record; a string longer than one character-string (255 octets) is split, as a
    /// publisher would (RFC 7208 section 3.3). Answers over 512 octets are truncated on UDP, so the client retries over TCP.
    /// </summary>
    private static byte[] TxtData(System.Collections.Generic.IReadOnlyList<string> strings) =>
        strings.SelectMany(s => Encoding.UTF8.GetBytes(s).Chunk(255).DefaultIfEmpty(Array.Empty<byte>()))
            .SelectMany(chunk => new[] { (byte)chunk.Length }.Concat(chunk))
            .ToArray();
}
