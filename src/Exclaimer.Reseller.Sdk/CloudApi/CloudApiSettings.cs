using System;
using System.Linq;
using Exclaimer.Reseller.Sdk.LocalEngine;
using Exclaimer.Reseller.Sdk.Serialization;

namespace Exclaimer.Reseller.Sdk.CloudApi;

/// <summary>
/// A checked copy of <see cref="CloudApiOptions"/>, taken once when the transport is built, so later changes
/// to the options object cannot change a transport in use.
/// </summary>
internal sealed class CloudApiSettings
{
    /// <summary>Timeouts a caller may set: short enough to be a mistake below, long enough to mean none above.</summary>
    private static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromDays(1);

    private const long MinResponseSize = 64 * 1024;
    private const long MaxResponseSizeLimit = 1024L * 1024 * 1024;

    private CloudApiSettings(CloudApiOptions options)
    {
        ApiToken = options.ApiToken!;
        BaseAddress = BuildBaseAddress(options);
        ResellerAdminEmail = string.IsNullOrWhiteSpace(options.ResellerAdminEmail)
            ? null
            : SubscriptionRules.EmailAddress(options.ResellerAdminEmail!, nameof(CloudApiOptions.ResellerAdminEmail), "R4");
        ResellerDomain = string.IsNullOrWhiteSpace(options.ResellerDomain)
            ? null
            : SubscriptionRules.Domain(options.ResellerDomain!, nameof(CloudApiOptions.ResellerDomain));
        DefaultCountryCode = string.IsNullOrWhiteSpace(options.DefaultCountryCode) ? "GB" : options.DefaultCountryCode.Trim();
        PortalUri = options.PortalUri ?? throw Invalid(nameof(CloudApiOptions.PortalUri), "give the portal's address");
        MaxRetries = options.MaxRetries is >= 0 and <= 10
            ? options.MaxRetries
            : throw Invalid(nameof(CloudApiOptions.MaxRetries), "use 0 (no retries) to 10");
        BaseDelay = options.BaseDelay >= TimeSpan.Zero && options.BaseDelay <= MaxTimeout
            ? options.BaseDelay
            : throw Invalid(nameof(CloudApiOptions.BaseDelay), "use a delay between 0 and 1 day");
        MaxRetryAfter = options.MaxRetryAfter >= TimeSpan.Zero && options.MaxRetryAfter <= MaxTimeout
            ? options.MaxRetryAfter
            : throw Invalid(nameof(CloudApiOptions.MaxRetryAfter), "use a delay between 0 and 1 day");
        AttemptTimeout = Timeout(options.AttemptTimeout, nameof(CloudApiOptions.AttemptTimeout));
        OverallTimeout = Timeout(options.OverallTimeout, nameof(CloudApiOptions.OverallTimeout));
        TimeProvider = options.TimeProvider ?? TimeProvider.System;
        MaxResponseSize = options.MaxResponseSize is >= MinResponseSize and <= MaxResponseSizeLimit
            ? options.MaxResponseSize
            : throw Invalid(nameof(CloudApiOptions.MaxResponseSize), "use 65536 bytes (64 KB) to 1073741824 bytes (1 GiB)");
    }

    /// <summary>The largest response body read, in bytes.</summary>
    public long MaxResponseSize { get; }

    public string ApiToken { get; }

    /// <summary>The endpoint with its API segment, ending in '/', e.g. <c>https://cloudapi.exclaimer.com/exclaimerapi/</c>.</summary>
    public Uri BaseAddress { get; }

    public string? ResellerAdminEmail { get; }

    public string? ResellerDomain { get; }

    public string DefaultCountryCode { get; }

    public Uri PortalUri { get; }

    public int MaxRetries { get; }

    public TimeSpan BaseDelay { get; }

    public TimeSpan MaxRetryAfter { get; }

    /// <summary>The per-attempt timeout; <see langword="null"/> for none.</summary>
    public TimeSpan? AttemptTimeout { get; }

    /// <summary>The whole-call timeout; <see langword="null"/> for none.</summary>
    public TimeSpan? OverallTimeout { get; }

    public TimeProvider TimeProvider { get; }

    public static CloudApiSettings From(CloudApiOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        if (string.IsNullOrWhiteSpace(options.ApiToken))
        {
            // Never echo the value, even a malformed one (R18).
            throw Invalid(nameof(CloudApiOptions.ApiToken), "give the Exclaimer Cloud API token (sent as the ExAPIToken header)");
        }

        return new CloudApiSettings(options);
    }

    private static Uri BuildBaseAddress(CloudApiOptions options)
    {
        var host = options.Endpoint ?? (options.Environment switch
        {
            CloudApiEnvironment.Live => CloudApiOptions.LiveEndpoint,
            CloudApiEnvironment.Sandbox => CloudApiOptions.SandboxEndpoint,
            _ => throw Invalid(nameof(CloudApiOptions.Environment), "use Live or Sandbox"),
        });

        if (!host.IsAbsoluteUri || (host.Scheme != Uri.UriSchemeHttps && host.Scheme != Uri.UriSchemeHttp))
        {
            throw Invalid(nameof(CloudApiOptions.Endpoint), "give an absolute https:// address");
        }

        // The token travels in a header: over plain HTTP anyone on the path could read it (R18).
        if (host.Scheme == Uri.UriSchemeHttp && !host.IsLoopback)
        {
            throw Invalid(nameof(CloudApiOptions.Endpoint), $"'{host.Host}' must be called over https://; plain http:// is allowed only for loopback addresses such as a local test server");
        }

        var segment = (options.ApiSegment ?? string.Empty).Trim().Trim('/');
        if (!UrlToken.IsValid(segment))
        {
            throw Invalid(nameof(CloudApiOptions.ApiSegment), "give the path segment Exclaimer gave you, e.g. exclaimerapi (" + UrlToken.Allowed + ")");
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
        new($"CloudApiOptions.{property} is not valid: {why}.");
}
