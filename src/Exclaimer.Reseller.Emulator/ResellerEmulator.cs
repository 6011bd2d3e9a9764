using System;
using System.IO;
using System.Net.Http;
using Exclaimer.Reseller.Emulator.Engine;
using Exclaimer.Reseller.Emulator.Http;
using Exclaimer.Reseller.Emulator.Invitations;
using Exclaimer.Reseller.Emulator.Storage;
using Exclaimer.Reseller.Sdk;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Exclaimer.Reseller.Emulator;

/// <summary>
/// The Exclaimer Cloud API emulator: the server side of the same contract the SDK's client speaks, stateful, with every
/// server rule of the reseller portal (R1-R18) over a pluggable <see cref="ResellerStore"/>. Run it in-process through
/// <see cref="Handler"/> (no socket, no port) or standalone with the <c>exclaimer-emulator</c> tool.
/// </summary>
/// <example>
/// <code>
/// // The embedded default: the JSON file store in its default folder, invitations in the outbox beside it.
/// using var client = ResellerEmulator.CreateEmbeddedClient();
/// await client.CreateSubscriptionAsync(new CreateSubscriptionOptions { ... });
/// </code>
/// </example>
public sealed class ResellerEmulator : IDisposable
{
    /// <summary>
    /// The name of the <see cref="System.Diagnostics.ActivitySource"/> the emulator traces on: a span per request it
    /// answers (kind Server), below the client's HTTP attempt when it runs in-process. With OpenTelemetry:
    /// <c>.AddSource(ResellerEmulator.ActivitySourceName)</c>.
    /// </summary>
    public const string ActivitySourceName = "Exclaimer.Reseller.Emulator";

    /// <summary>The address the in-process client uses; the handler answers whatever the host.</summary>
    public static readonly Uri InProcessEndpoint = new("http://localhost/", UriKind.Absolute);

    private static readonly char[] NotInSegments = { '/', '?', '#' };

    private readonly ResellerStore? _ownedStore;
    private readonly EmulatorHandler _handler;

    /// <summary>Creates the emulator. With default options: the JSON file store in its default folder and an outbox beside it.</summary>
    /// <exception cref="ArgumentException">A store other than the built-in ones was given without an invitation sender, or the partner settings do not fit together.</exception>
    public ResellerEmulator(EmulatorOptions? options = null)
    {
        options ??= new EmulatorOptions();
        var store = options.Store;
        if (store is null)
        {
            store = new JsonFileResellerStore();
            _ownedStore = store;
        }

        var sender = options.InvitationSender ?? store switch
        {
            JsonFileResellerStore files => new OutboxInvitationSender(Path.Combine(files.DirectoryPath, "outbox")),
            InMemoryResellerStore => new InMemoryInvitationSender(),

            // Another store is a real deployment: invitations must not silently go nowhere (R6).
            _ => throw new ArgumentException("EmulatorOptions.InvitationSender is required with a store other than the built-in ones: say how invitations are delivered.", nameof(options)),
        };
        var log = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Exclaimer.Reseller.Emulator");
        var segment = (options.ApiSegment ?? string.Empty).Trim().Trim('/');
        if (segment.Length == 0 || segment.IndexOfAny(NotInSegments) >= 0)
        {
            throw new ArgumentException("EmulatorOptions.ApiSegment must be one path segment, e.g. exclaimerapi.", nameof(options));
        }

        var partner = PartnerSettings.From(options);
        var engine = new ResellerEngine(store, sender, options.TimeProvider ?? TimeProvider.System, options.PortalUri, log, partner);
        _handler = new EmulatorHandler(new ContractRoutes(engine), options.ApiToken, segment, log);
        Store = store;
        InvitationSender = sender;
        ApiSegment = segment;
        ApiToken = options.ApiToken;
    }

    /// <summary>The store the emulator uses.</summary>
    public ResellerStore Store { get; }

    /// <summary>Where the emulator's invitations go.</summary>
    public InvitationSender InvitationSender { get; }

    /// <summary>The path segment the contract is served under.</summary>
    public string ApiSegment { get; }

    /// <summary>The in-process server: give it to an <see cref="HttpClient"/>, or to the SDK as a <see cref="ResellerTransport"/>.</summary>
    public HttpMessageHandler Handler => _handler;

    /// <summary>The token the emulator requires, if any.</summary>
    internal string? ApiToken { get; }

    /// <summary>
    /// The embedded default: a client over an in-process emulator on the JSON file store in <paramref name="storeDirectory"/>
    /// (or its default folder), with invitations in the outbox beside it. No server, no token. Disposing the client
    /// disposes the emulator and its store.
    /// </summary>
    /// <param name="storeDirectory">The store's folder; <see langword="null"/> for <see cref="JsonFileResellerStore.DefaultDirectory"/>.</param>
    /// <param name="configure">Sets client options, e.g. <see cref="ResellerClientOptions.ResellerAdminEmail"/>.</param>
    public static ResellerClient CreateEmbeddedClient(string? storeDirectory = null, Action<ResellerClientOptions>? configure = null)
    {
        var emulator = new ResellerEmulator(new EmulatorOptions { Store = new JsonFileResellerStore(new JsonFileStoreOptions { DirectoryPath = storeDirectory }) });
        try
        {
            return emulator.CreateClient(configure, ownsEmulator: true);
        }
        catch
        {
            emulator.Dispose();
            emulator.Store.Dispose();
            throw;
        }
    }

    /// <summary>A client that talks to this emulator in-process. The emulator stays the caller's to dispose.</summary>
    /// <param name="configure">Sets client options, e.g. <see cref="ResellerClientOptions.ResellerAdminEmail"/> or retries.</param>
    public ResellerClient CreateClient(Action<ResellerClientOptions>? configure = null) => CreateClient(configure, ownsEmulator: false);

    /// <inheritdoc />
    public void Dispose()
    {
        _handler.Dispose();
        _ownedStore?.Dispose();
    }

    private EmulatorClient CreateClient(Action<ResellerClientOptions>? configure, bool ownsEmulator)
    {
        var options = new ResellerClientOptions
        {
            Endpoint = InProcessEndpoint,
            ApiSegment = ApiSegment,
            // Any token does when none is required; a random one, so redacting it never blanks a word of a message.
            ApiToken = ApiToken ?? "emulator-" + Guid.NewGuid().ToString("N"),

            // The emulator, like the portal, takes a subscription without a domain or an owner (docs/emulator.md).
            CloudApiCreateRules = false,
            Transport = new ResellerTransport(_handler, disposeHandler: false),
        };
        configure?.Invoke(options);
        return new EmulatorClient(options, ownsEmulator ? this : null);
    }

    /// <summary>A client that releases what it was built on: its transport, and the emulator when it owns it.</summary>
    private sealed class EmulatorClient : ResellerClient
    {
        private readonly ResellerTransport _transport;
        private readonly ResellerEmulator? _emulator;

        public EmulatorClient(ResellerClientOptions options, ResellerEmulator? emulator)
            : base(options)
        {
            _transport = options.Transport!;
            _emulator = emulator;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _transport.Dispose();
                if (_emulator is not null)
                {
                    _emulator.Dispose();
                    _emulator.Store.Dispose();
                }
            }

            base.Dispose(disposing);
        }
    }
}
