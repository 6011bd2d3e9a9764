using System;
using System.Globalization;

namespace Exclaimer.Reseller.Sdk.CloudApi;

/// <summary>
/// Configures a <see cref="CloudApiTransport"/>: which Exclaimer Cloud API to call, with which token, and how
/// hard to try. Only <see cref="ApiToken"/> is required; <see cref="ResellerAdminEmail"/> and
/// <see cref="ResellerDomain"/> are needed to create subscriptions without customer access.
/// </summary>
/// <example>
/// <code>
/// var transport = new CloudApiTransport(new CloudApiOptions
/// {
///     ApiToken = Environment.GetEnvironmentVariable("EXCLAIMER_API_TOKEN"),
///     Environment = CloudApiEnvironment.Sandbox,
///     ResellerAdminEmail = "signatures@reseller.example",
///     ResellerDomain = "reseller.example",
/// });
/// using var client = new ResellerClient(new ResellerClientOptions { Transport = transport });
/// </code>
/// </example>
public sealed class CloudApiOptions
{
    /// <summary>The live Cloud API host.</summary>
    public static readonly Uri LiveEndpoint = new("https://cloudapi.exclaimer.com/", UriKind.Absolute);

    /// <summary>The sandbox Cloud API host.</summary>
    public static readonly Uri SandboxEndpoint = new("https://sandbox-cloudapi.exclaimer.com/", UriKind.Absolute);

    /// <summary>The path segment every partner uses unless Exclaimer gave them their own.</summary>
    public const string DefaultApiSegment = "exclaimerapi";

    /// <summary>
    /// The reseller's Cloud API token, sent as the <c>ExAPIToken</c> header on every call (R1). Required.
    /// It is a secret: it never appears in <see cref="ToString"/>, logs or error messages (R18).
    /// </summary>
    public string? ApiToken { get; set; }

    /// <summary>Live (the default) or Sandbox. Ignored when <see cref="Endpoint"/> is set.</summary>
    public CloudApiEnvironment Environment { get; set; } = CloudApiEnvironment.Live;

    /// <summary>
    /// Overrides the host picked by <see cref="Environment"/>, e.g. a local test server. HTTPS is required,
    /// except for loopback addresses (<c>localhost</c>, <c>127.0.0.1</c>, <c>[::1]</c>). An address that already ends
    /// with <see cref="ApiSegment"/> (<c>http://127.0.0.1:5000/exclaimerapi</c>) is used as it is, never doubled.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>
    /// The first path segment: <c>exclaimerapi</c> unless Exclaimer gave you a custom one (e.g. <c>yourcompany</c>,
    /// giving <c>https://cloudapi.exclaimer.com/yourcompany/1.0/subscriptions</c>).
    /// </summary>
    public string ApiSegment { get; set; } = DefaultApiSegment;

    /// <summary>
    /// The reseller's admin address. The Cloud API needs an owner for every subscription; a subscription without
    /// customer access (R4) is owned by this address and the customer gets no email. Required to create such
    /// subscriptions.
    /// </summary>
    public string? ResellerAdminEmail { get; set; }

    /// <summary>
    /// The reseller's own mail domain, sent as the Cloud API's <c>Reseller.Domain</c> on every create. Required by
    /// the Cloud API for non-Marketplace partners; Marketplace partners may leave it out.
    /// </summary>
    public string? ResellerDomain { get; set; }

    /// <summary>The country sent when a new subscription gives none (R3). Default <c>GB</c>, as for the local engine.</summary>
    public string DefaultCountryCode { get; set; } = "GB";

    /// <summary>
    /// The portal that starting a subscription points at (R12): over the Cloud API the connection to Microsoft 365
    /// or Google Workspace is an interactive consent there.
    /// </summary>
    public Uri PortalUri { get; set; } = new("https://portal.exclaimer.com/", UriKind.Absolute);

    /// <summary>
    /// How many times a call that failed transiently (408, 429, 5xx, a connection error, an attempt timeout) is
    /// retried, with jittered exponential backoff. 0 turns retries off. Default 3; at most 10.
    /// </summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's median delay; each further retry roughly doubles it. Default 1 second.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest <c>Retry-After</c> the client waits for. When the Cloud API asks for a longer wait, the call fails
    /// at once with <see cref="ResellerThrottledException"/> carrying the requested delay. Default 60 seconds.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long one attempt (request and response body) may take before it is abandoned and retried. Default 30
    /// seconds; <see cref="TimeSpan.Zero"/> or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long one call may take across all its attempts and retry delays. Default 2 minutes;
    /// <see cref="TimeSpan.Zero"/> or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none. Each attempt's
    /// timeout is cut to what is left of it, and a retry whose wait would end past it is not made: the call fails
    /// with the <c>Timeout</c> error at once instead of sleeping into it.
    /// </summary>
    public TimeSpan OverallTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The default of <see cref="MaxResponseSize"/>: 16 MiB, some 100 times a full page of 200 subscriptions.</summary>
    public const long DefaultMaxResponseSize = 16L * 1024 * 1024;

    /// <summary>
    /// The largest response body the client reads, in bytes. A body past it, or one that never ends, fails with
    /// <c>ResponseTooLarge</c> instead of filling memory. Default <see cref="DefaultMaxResponseSize"/> (16 MiB; a page
    /// of 200 subscriptions is about 150 KB); from 64 KB to 1 GiB.
    /// </summary>
    public long MaxResponseSize { get; set; } = DefaultMaxResponseSize;

    /// <summary>The clock for retry delays and timeouts; replace it in tests. Default: the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Describes the options without the token (R18).</summary>
    public override string ToString() =>
        string.Format(
            CultureInfo.InvariantCulture,
            "CloudApiOptions {{ Environment = {0}, Endpoint = {1}, ApiSegment = {2}, ApiToken = {3}, MaxRetries = {4} }}",
            Environment,
            Endpoint is null ? "(by environment)" : Endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped),
            ApiSegment,
            string.IsNullOrEmpty(ApiToken) ? "(not set)" : "***",
            MaxRetries);
}
