using System;
using Exclaimer.Reseller.Sdk.Rules;
using Exclaimer.Reseller.Sdk.Serialization;
using Exclaimer.Reseller.Sdk.Spf;

namespace Exclaimer.Reseller.Sdk.Pipeline;

/// <summary>
/// A checked copy of <see cref="ResellerClientOptions"/>, taken once when the client is built, so later changes to the
/// options object cannot change a client in use. Every option error names the option and never echoes the token (R18).
/// </summary>
internal sealed class ClientSettings
{
    /// <summary>Timeouts a caller may set: short enough to be a mistake below, long enough to mean none above.</summary>
    private static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromDays(1);

    private const long MinResponseSize = 64 * 1024;
    private const long MaxResponseSizeLimit = 1024L * 1024 * 1024;

    private ClientSettings(ResellerClientOptions options)
    {
        ApiToken = options.ApiToken!;
        BaseAddress = BuildBaseAddress(options);
        ResellerAdminEmail = string.IsNullOrWhiteSpace(options.ResellerAdminEmail)
            ? null
            : SubscriptionRules.EmailAddress(options.ResellerAdminEmail!, nameof(ResellerClientOptions.ResellerAdminEmail), "R4");
        ResellerDomain = string.IsNullOrWhiteSpace(options.ResellerDomain)
            ? null
            : SubscriptionRules.Domain(options.ResellerDomain!, nameof(ResellerClientOptions.ResellerDomain));
        DefaultCountryCode = string.IsNullOrWhiteSpace(options.DefaultCountryCode)
            ? "GB"
            : CountryCodes.TryGetAlpha2(options.DefaultCountryCode, out _)
                ? options.DefaultCountryCode.Trim().ToUpperInvariant()
                : throw Invalid(nameof(ResellerClientOptions.DefaultCountryCode), "give an ISO 3166-1 country code such as GB");
        PortalUri = options.PortalUri ?? throw Invalid(nameof(ResellerClientOptions.PortalUri), "give the portal's address");
        PageSize = options.PageSize;
        PageConcurrency = options.PageConcurrency is >= 1 and <= ResellerClientOptions.MaxPageConcurrency
            ? options.PageConcurrency
            : throw Invalid(nameof(ResellerClientOptions.PageConcurrency), $"use 1 (one page at a time) to {ResellerClientOptions.MaxPageConcurrency}");
        MaxConcurrentRequests = options.MaxConcurrentRequests is >= 1 and <= ResellerClientOptions.MaxConcurrentRequestsLimit
            ? options.MaxConcurrentRequests
            : throw Invalid(nameof(ResellerClientOptions.MaxConcurrentRequests), $"use 1 to {ResellerClientOptions.MaxConcurrentRequestsLimit}");
        CloudApiCreateRules = options.CloudApiCreateRules;
        var retry = options.Retry;
        MaxRetries = retry.MaxRetries is >= 0 and <= 10
            ? retry.MaxRetries
            : throw Invalid("Retry.MaxRetries", "use 0 (no retries) to 10");
        BaseDelay = retry.BaseDelay >= TimeSpan.Zero && retry.BaseDelay <= MaxTimeout
            ? retry.BaseDelay
            : throw Invalid("Retry.BaseDelay", "use a delay between 0 and 1 day");
        MaxRetryAfter = retry.MaxRetryAfter >= TimeSpan.Zero && retry.MaxRetryAfter <= MaxTimeout
            ? retry.MaxRetryAfter
            : throw Invalid("Retry.MaxRetryAfter", "use a delay between 0 and 1 day");
        AttemptTimeout = Timeout(retry.AttemptTimeout, "Retry.AttemptTimeout");
        OverallTimeout = Timeout(retry.OverallTimeout, "Retry.OverallTimeout");
        TimeProvider = options.TimeProvider ?? TimeProvider.System;
        Dns = options.Dns.NameServers.Contains(null!)
            ? throw Invalid("Dns.NameServers", "remove the null entry")
            : options.Dns.Copy();
        MaxResponseSize = options.MaxResponseSize is >= MinResponseSize and <= MaxResponseSizeLimit
            ? options.MaxResponseSize
            : throw Invalid(nameof(ResellerClientOptions.MaxResponseSize), "use 65536 bytes (64 KB) to 1073741824 bytes (1 GiB)");
    }

    public string ApiToken { get; }

    /// <summary>The endpoint with its API segment, ending in '/', e.g. <c>https://cloudapi.exclaimer.com/exclaimerapi/</c>.</summary>
    public Uri BaseAddress { get; }

    public string? ResellerAdminEmail { get; }

    public string? ResellerDomain { get; }

    public string DefaultCountryCode { get; }

    public Uri PortalUri { get; }

    public int PageSize { get; }

    /// <summary>How many pages of one list are fetched at a time when the server reports the list's total.</summary>
    public int PageConcurrency { get; }

    /// <summary>The most requests the client has in flight at once.</summary>
    public int MaxConcurrentRequests { get; }

    /// <summary>Whether a create must carry the domain and an owner, as the Cloud API requires.</summary>
    public bool CloudApiCreateRules { get; }

    public int MaxRetries { get; }

    public TimeSpan BaseDelay { get; }

    public TimeSpan MaxRetryAfter { get; }

    /// <summary>The per-attempt timeout; <see langword="null"/> for none.</summary>
    public TimeSpan? AttemptTimeout { get; }

    /// <summary>The whole-call timeout; <see langword="null"/> for none.</summary>
    public TimeSpan? OverallTimeout { get; }

    public TimeProvider TimeProvider { get; }

    /// <summary>The SPF step's DNS servers and timeouts (R14), a copy.</summary>
    public SpfDnsOptions Dns { get; }

    /// <summary>The largest response body read, in bytes.</summary>
    public long MaxResponseSize { get; }

    public static ClientSettings From(ResellerClientOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        if (string.IsNullOrWhiteSpace(options.ApiToken))
        {
            // No silent stand-in: a client must be told which server it talks to. Never echo the value (R18).
            throw new ArgumentException(
                "No server was chosen: ResellerClientOptions.ApiToken is required. For the Exclaimer Cloud API, set ApiToken "
                + "(and Environment = Sandbox, or Endpoint); for the emulator, build the client with ResellerEmulator.CreateEmbeddedClient() "
                + "(package Exclaimer.Reseller.Emulator), or point Endpoint at a running exclaimer-emulator.",
                nameof(options));
        }

        return new ClientSettings(options);
    }

    private static Uri BuildBaseAddress(ResellerClientOptions options)
    {
        var host = options.Endpoint ?? (options.Environment switch
        {
            CloudApiEnvironment.Live => ResellerClientOptions.LiveEndpoint,
            CloudApiEnvironment.Sandbox => ResellerClientOptions.SandboxEndpoint,
            _ => throw Invalid(nameof(ResellerClientOptions.Environment), "use Live or Sandbox"),
        });

        if (!host.IsAbsoluteUri || (host.Scheme != Uri.UriSchemeHttps && host.Scheme != Uri.UriSchemeHttp))
        {
            throw Invalid(nameof(ResellerClientOptions.Endpoint), "give an absolute https:// address");
        }

        // The token travels in a header: over plain HTTP anyone on the path could read it (R18).
        if (host.Scheme == Uri.UriSchemeHttp && !host.IsLoopback)
        {
            throw Invalid(nameof(ResellerClientOptions.Endpoint), $"'{host.Host}' must be called over https://; plain http:// is allowed only for loopback addresses such as a local emulator");
        }

        var segment = (options.ApiSegment ?? string.Empty).Trim().Trim('/');
        if (!UrlToken.IsValid(segment))
        {
            throw Invalid(nameof(ResellerClientOptions.ApiSegment), "give the path segment Exclaimer gave you, e.g. exclaimerapi (" + UrlToken.Allowed + ")");
        }

        var path = host.GetComponents(UriComponents.Path, UriFormat.UriEscaped).Trim('/');
        var root = host.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped);
        if (path.Length > 0 && LastSegment(path).Equals(segment, StringComparison.OrdinalIgnoreCase))
        {
            // The endpoint was given with its API segment (as the docs write it): never doubled.
            return new Uri(root + "/" + path + "/", UriKind.Absolute);
        }

        return new Uri(root + "/" + (path.Length == 0 ? string.Empty : path + "/") + segment + "/", UriKind.Absolute);
    }

    private static string LastSegment(string path) => path.Substring(path.LastIndexOf('/') + 1);

    private static TimeSpan? Timeout(TimeSpan value, string name)
    {
        if (value == TimeSpan.Zero || value == System.Threading.Timeout.InfiniteTimeSpan)
        {
            return null;
        }

        return value >= MinTimeout && value <= MaxTimeout
            ? value
            : throw Invalid(name, "use a time between 10 milliseconds and 1 day, or 0 for none");
    }

    private static ArgumentException Invalid(string property, string why) =>
        new($"ResellerClientOptions.{property} is not valid: {why}.");
}
