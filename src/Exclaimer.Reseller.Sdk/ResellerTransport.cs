using System;
using System.Net.Http;

namespace Exclaimer.Reseller.Sdk;

/// <summary>
/// How a <see cref="ResellerClient"/>'s requests reach a server: over an <see cref="HttpClient"/> or an
/// <see cref="HttpMessageHandler"/> of the caller's (a proxy, a test double, the in-process emulator). It carries HTTP
/// requests and nothing else: every operation and every rule lives in the client and the server.
/// </summary>
/// <remarks>
/// Redirects are never followed (R18: .NET strips <c>Authorization</c> on a redirect but not the <c>ExAPIToken</c>
/// header). A handler of the .NET HTTP stack given here is set not to follow them; an <see cref="HttpClient"/> given here
/// cannot be changed, so if it follows a redirect on its own, the client refuses the answer with <c>RedirectRefused</c>.
/// </remarks>
public sealed class ResellerTransport : IDisposable
{
    private readonly Func<HttpClient> _client;
    private readonly IDisposable? _owned;

    /// <summary>Sends through <paramref name="httpClient"/>, which stays the caller's: it is not disposed, and its own
    /// <see cref="HttpClient.Timeout"/> applies on top of the client's attempt timeout.</summary>
    public ResellerTransport(HttpClient httpClient)
    {
        if (httpClient is null)
        {
            throw new ArgumentNullException(nameof(httpClient));
        }

        _client = () => httpClient;
    }

    /// <summary>Sends through <paramref name="handler"/>, e.g. the in-process emulator's.</summary>
    /// <param name="handler">The handler; a .NET <see cref="HttpClientHandler"/> or <c>SocketsHttpHandler</c> is set not to follow redirects.</param>
    /// <param name="disposeHandler">Whether disposing the transport disposes the handler.</param>
    public ResellerTransport(HttpMessageHandler handler, bool disposeHandler = true)
    {
        if (handler is null)
        {
            throw new ArgumentNullException(nameof(handler));
        }

        NeverFollowRedirects(handler);

        // The client's attempt timeout owns every timeout.
        var client = new HttpClient(handler, disposeHandler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _client = () => client;
        _owned = client;
    }

    private ResellerTransport(Func<HttpClient> source, IDisposable? owned)
    {
        _client = source;
        _owned = owned;
    }

    /// <summary>The client's own HTTP stack: no redirects, no automatic decompression, connections recycled for fresh DNS.</summary>
    internal static ResellerTransport CreateDefault()
    {
        // No automatic decompression, as with IHttpClientFactory's default handler: asking for gzip costs every call
        // (docs/benchmarks.md). To have large pages compressed, pass a transport whose handler decompresses.
#if NET
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false };
#else
        var handler = new HttpClientHandler { AllowAutoRedirect = false };
#endif
        return new ResellerTransport(handler, disposeHandler: true);
    }

    /// <summary>A transport over a source of clients such as <c>IHttpClientFactory</c>: a client per call, so pooled handlers rotate.</summary>
    internal static ResellerTransport FromSource(Func<HttpClient> source) => new(source, owned: null);

    /// <summary>The <see cref="HttpClient"/> for the next request.</summary>
    internal HttpClient Client => _client();

    /// <summary>Sets a .NET handler not to follow redirects; other handlers are checked on every answer instead.</summary>
    internal static void NeverFollowRedirects(HttpMessageHandler handler)
    {
        switch (handler)
        {
            case HttpClientHandler clientHandler:
                clientHandler.AllowAutoRedirect = false;
                break;
#if NET
            case SocketsHttpHandler socketsHandler:
                socketsHandler.AllowAutoRedirect = false;
                break;
#endif
            default:
                break;
        }
    }

    /// <summary>Releases the HTTP client the transport made.</summary>
    public void Dispose() => _owned?.Dispose();
}
