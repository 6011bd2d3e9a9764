using System;
using System.Globalization;
using Exclaimer.Reseller.Sdk.Spf;
using Microsoft.Extensions.Logging;

namespace Exclaimer.Reseller.Sdk;

/// <summary>
/// Configures a <see cref="ResellerClient"/>: which server answers (the Exclaimer Cloud API, live or sandbox, or another
/// endpoint such as the emulator), with which token, for which reseller account, and how hard to try.
/// <see cref="ApiToken"/> is required. For the embedded emulator, use <c>ResellerEmulator.CreateEmbeddedClient()</c> from the
/// <c>Exclaimer.Reseller.Emulator</c> package, which fills these in.
/// </summary>
/// <example>
/// <code>
/// using var client = new ResellerClient(new ResellerClientOptions
/// {
///     ApiToken = Environment.GetEnvironmentVariable("EXCLAIMER_API_TOKEN"),
///     Environment = CloudApiEnvironment.Sandbox,
///     ResellerAdminEmail = "signatures@reseller.example",
///     ResellerDomain = "reseller.example",
/// });
/// </code>
/// </example>
public class ResellerClientOptions
{
    /// <summary>The largest page the client asks for; the Cloud API serves at most 200 items a page.</summary>
    public const int MaxPageSize = 200;

    /// <summary>The path segment every partner uses unless Exclaimer gave them their own.</summary>
    public const string DefaultApiSegment = "exclaimerapi";

    /// <summary>The default of <see cref="MaxResponseSize"/>: 16 MiB, some 100 times a full page of 200 subscriptions.</summary>
    public const long DefaultMaxResponseSize = 16L * 1024 * 1024;

    /// <summary>The live Cloud API host.</summary>
    public static readonly Uri LiveEndpoint = new("https://cloudapi.exclaimer.com/", UriKind.Absolute);

    /// <summary>The sandbox Cloud API host.</summary>
    public static readonly Uri SandboxEndpoint = new("https://sandbox-cloudapi.exclaimer.com/", UriKind.Absolute);

    /// <summary>The most pages <see cref="PageConcurrency"/> allows at a time.</summary>
    public const int MaxPageConcurrency = 16;

    /// <summary>The most requests <see cref="MaxConcurrentRequests"/> allows in flight.</summary>
    public const int MaxConcurrentRequestsLimit = 256;

    /// <summary>The default of <see cref="PageConcurrency"/>.</summary>
    public const int DefaultPageConcurrency = 4;

    /// <summary>The default of <see cref="MaxConcurrentRequests"/>.</summary>
    public const int DefaultMaxConcurrentRequests = 16;

    private int _pageSize = 50;

    /// <summary>
    /// The reseller's Cloud API token, sent as the <c>ExAPIToken</c> header on every call (R1). Required: a client without
    /// one has no server to talk to. It is a secret: it never appears in <see cref="ToString"/>, logs or errors (R18).
    /// </summary>
    public string? ApiToken { get; set; }

    /// <summary>Live (the default) or Sandbox. Ignored when <see cref="Endpoint"/> is set.</summary>
    public CloudApiEnvironment Environment { get; set; } = CloudApiEnvironment.Live;

    /// <summary>
    /// Overrides the host picked by <see cref="Environment"/>, e.g. the standalone emulator or a test server. HTTPS is
    /// required, except for loopback addresses (<c>localhost</c>, <c>127.0.0.1</c>, <c>[::1]</c>). An address that already
    /// ends with <see cref="ApiSegment"/> (<c>http://127.0.0.1:5000/exclaimerapi</c>) is used as it is, never doubled.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>
    /// The first path segment: <c>exclaimerapi</c> unless Exclaimer gave you a custom one (e.g. <c>yourcompany</c>,
    /// giving <c>https://cloudapi.exclaimer.com/yourcompany/1.0/subscriptions</c>).
    /// </summary>
    public string ApiSegment { get; set; } = DefaultApiSegment;

    /// <summary>
    /// How requests reach the server: an <see cref="System.Net.Http.HttpClient"/> or <see cref="System.Net.Http.HttpMessageHandler"/>
    /// of yours (a proxy, a test double, the in-process emulator). <see langword="null"/>: the client's own HTTP stack.
    /// </summary>
    public ResellerTransport? Transport { get; set; }

    /// <summary>Retries and timeouts.</summary>
    public ResellerRetryOptions Retry { get; } = new();

    /// <summary>
    /// The DNS servers and timeouts of the SPF step (R14): <see cref="ResellerClient.UpdateSpfRecordAsync"/> reads the
    /// domain's record and counts the proposal's lookups against DNS as it is. Default: the machine's own resolvers, a
    /// 3-second query timeout, one retry, 20 seconds for a whole lookup. <see cref="SpfRecordOptions.NameServers"/>
    /// overrides the servers for one call.
    /// </summary>
    public SpfDnsOptions Dns { get; } = new();

    /// <summary>
    /// The largest response body the client reads, in bytes. A body past it, or one that never ends, fails with
    /// <c>ResponseTooLarge</c> instead of filling memory. Default <see cref="DefaultMaxResponseSize"/> (16 MiB; a page
    /// of 200 subscriptions is about 150 KB); from 64 KB to 1 GiB.
    /// </summary>
    public long MaxResponseSize { get; set; } = DefaultMaxResponseSize;

    /// <summary>How many items a page holds when the caller gives no hint; 1 to <see cref="MaxPageSize"/>, default 50.</summary>
    public int PageSize
    {
        get => _pageSize;
        set => _pageSize = value is >= 1 and <= MaxPageSize
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"PageSize must be between 1 and {MaxPageSize}.");
    }

    /// <summary>
    /// How many pages of one list are fetched at a time (R2), when the server reports the list's total
    /// (<c>SubscriptionCount</c>, <c>UserCount</c>, <c>EndUserCount</c>) and answers <c>Page</c>: after the first page, the
    /// following ones are asked for by number, this many at a time, and handed over in order. Without a total the list
    /// follows continuation tokens one page after another. Default <see cref="DefaultPageConcurrency"/> (4); 1 for one
    /// page at a time; at most <see cref="MaxPageConcurrency"/>. A list holds at most this many pages more than the one
    /// being read; a caller who reads only the first page sends one request, and one who stops early leaves no request
    /// running. It also bounds the mailbox counts <see cref="ResellerClient.GetSubscriptionUsageAsync"/> asks for at
    /// once for a page.
    /// </summary>
    public int PageConcurrency { get; set; } = DefaultPageConcurrency;

    /// <summary>
    /// The most requests this client has in flight at once, over all its calls; more wait their turn, oldest first.
    /// It is the client's one throttle: a 429 on any call pauses every call of the client (<c>Retry-After</c>, or a
    /// backoff from <see cref="ResellerRetryOptions.BaseDelay"/>), then lets one request through at a time until one
    /// gets through. Default <see cref="DefaultMaxConcurrentRequests"/> (16); from 1 to <see cref="MaxConcurrentRequestsLimit"/>.
    /// </summary>
    public int MaxConcurrentRequests { get; set; } = DefaultMaxConcurrentRequests;

    /// <summary>
    /// The reseller's admin address. Every subscription needs an owner; one without customer access (R4) is owned by
    /// this address and the customer gets no email. Required to create such subscriptions.
    /// </summary>
    public string? ResellerAdminEmail { get; set; }

    /// <summary>
    /// The reseller's own mail domain, sent as the Cloud API's <c>Reseller.Domain</c> on every create. Required by the
    /// Cloud API for non-Marketplace partners; Marketplace partners may leave it out.
    /// </summary>
    public string? ResellerDomain { get; set; }

    /// <summary>
    /// Whether a create is checked, before it is sent, for what the Exclaimer Cloud API requires beyond the rulebook: the
    /// customer's <see cref="CreateSubscriptionOptions.Domain"/> (its <c>EndUser.Domain</c>) and an owner
    /// (<see cref="ResellerAdminEmail"/> for a subscription without customer access). Default <see langword="true"/>.
    /// The embedded emulator's client turns it off: the emulator, like the portal, takes a subscription without them
    /// (docs/emulator.md); against the Cloud API leave it on, or the API refuses the create itself.
    /// </summary>
    public bool CloudApiCreateRules { get; set; } = true;

    /// <summary>The country sent when a new subscription gives none (R3). Default <c>GB</c>, as the Cloud API's default currency is GBP.</summary>
    public string DefaultCountryCode { get; set; } = "GB";

    /// <summary>
    /// The portal that starting a subscription points at (R12): on the Cloud API the connection to Microsoft 365 or
    /// Google Workspace is an interactive consent there.
    /// </summary>
    public Uri PortalUri { get; set; } = new("https://portal.exclaimer.com/", UriKind.Absolute);

    /// <summary>Receives the client's log. Secrets are never logged (R18).</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The clock for retry delays and timeouts; replace it in tests. Default: the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Describes the options without the token (R18).</summary>
    public override string ToString() =>
        string.Format(
            CultureInfo.InvariantCulture,
            "ResellerClientOptions {{ Environment = {0}, Endpoint = {1}, ApiSegment = {2}, ApiToken = {3}, MaxRetries = {4} }}",
            Environment,
            Endpoint is null ? "(by environment)" : Endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped),
            ApiSegment,
            string.IsNullOrEmpty(ApiToken) ? "(not set)" : "***",
            Retry.MaxRetries);
}
