using System;
using System.Globalization;
using System.Linq;
using Exclaimer.Reseller.Sdk.Spf;
using Microsoft.Extensions.Configuration;

namespace Exclaimer.Reseller.Sdk.DependencyInjection;

/// <summary>
/// Binds <see cref="ResellerClientOptions"/> from a configuration section, key by key: <c>ApiToken</c>, <c>Environment</c>,
/// <c>Endpoint</c>, <c>ApiSegment</c>, <c>ResellerAdminEmail</c>, <c>ResellerDomain</c>, <c>DefaultCountryCode</c>,
/// <c>PortalUri</c>, <c>PageSize</c>, <c>PageConcurrency</c>, <c>MaxConcurrentRequests</c>, <c>MaxResponseSize</c>, and the retry keys in a <c>Retry</c> section
/// (<c>Retry:MaxRetries</c>...; also accepted at the top level, as 0.1.0 read them), and the SPF step's DNS keys in a
/// <c>Dns</c> section (<c>Dns:NameServers</c>, a list or one comma-separated value such as <c>192.0.2.53, 192.0.2.54:5353</c>;
/// <c>Dns:QueryTimeout</c>, <c>Dns:Retries</c>, <c>Dns:EvaluationTimeout</c>, <c>Dns:VoidLookupLimit</c>). Written out rather than through the
/// reflection binder so it stays trimming- and AOT-safe, and so a bad value names its key in the error; a value is never
/// echoed, since the section holds the token (R18).
/// </summary>
internal static class ClientConfiguration
{
    private static readonly char[] ListSeparators = { ',', ';', ' ' };

    public static void Bind(IConfiguration section, ResellerClientOptions options)
    {
        Text(section, nameof(ResellerClientOptions.ApiToken), value => options.ApiToken = value);
        Text(section, nameof(ResellerClientOptions.Environment), value => options.Environment = Enum.TryParse<CloudApiEnvironment>(value, ignoreCase: true, out var environment) && environment is CloudApiEnvironment.Live or CloudApiEnvironment.Sandbox
            ? environment
            : throw Invalid(section, nameof(ResellerClientOptions.Environment), "Live or Sandbox"));
        Text(section, nameof(ResellerClientOptions.Endpoint), value => options.Endpoint = Uri.TryCreate(value, UriKind.Absolute, out var uri)
            ? uri
            : throw Invalid(section, nameof(ResellerClientOptions.Endpoint), "an absolute https:// address"));
        Text(section, nameof(ResellerClientOptions.ApiSegment), value => options.ApiSegment = value);
        Text(section, nameof(ResellerClientOptions.ResellerAdminEmail), value => options.ResellerAdminEmail = value);
        Text(section, nameof(ResellerClientOptions.ResellerDomain), value => options.ResellerDomain = value);
        Text(section, nameof(ResellerClientOptions.DefaultCountryCode), value => options.DefaultCountryCode = value);
        Text(section, nameof(ResellerClientOptions.PortalUri), value => options.PortalUri = Uri.TryCreate(value, UriKind.Absolute, out var uri)
            ? uri
            : throw Invalid(section, nameof(ResellerClientOptions.PortalUri), "an absolute address"));
        Text(section, nameof(ResellerClientOptions.PageSize), value => options.PageSize = Whole(section, nameof(ResellerClientOptions.PageSize), value));
        Text(section, nameof(ResellerClientOptions.PageConcurrency), value => options.PageConcurrency = Whole(section, nameof(ResellerClientOptions.PageConcurrency), value));
        Text(section, nameof(ResellerClientOptions.MaxConcurrentRequests), value => options.MaxConcurrentRequests = Whole(section, nameof(ResellerClientOptions.MaxConcurrentRequests), value));
        Text(section, nameof(ResellerClientOptions.MaxResponseSize), value => options.MaxResponseSize = long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var size)
            ? size
            : throw Invalid(section, nameof(ResellerClientOptions.MaxResponseSize), "a whole number of bytes"));

        foreach (var retry in new[] { section, section.GetSection(nameof(ResellerClientOptions.Retry)) })
        {
            var r = options.Retry;
            Text(retry, nameof(r.MaxRetries), value => r.MaxRetries = Whole(retry, nameof(r.MaxRetries), value));
            Text(retry, nameof(r.BaseDelay), value => r.BaseDelay = Time(retry, nameof(r.BaseDelay), value));
            Text(retry, nameof(r.MaxRetryAfter), value => r.MaxRetryAfter = Time(retry, nameof(r.MaxRetryAfter), value));
            Text(retry, nameof(r.AttemptTimeout), value => r.AttemptTimeout = Time(retry, nameof(r.AttemptTimeout), value));
            Text(retry, nameof(r.OverallTimeout), value => r.OverallTimeout = Time(retry, nameof(r.OverallTimeout), value));
        }

        BindDns(section.GetSection(nameof(ResellerClientOptions.Dns)), options.Dns);
    }

    private static void BindDns(IConfiguration section, SpfDnsOptions dns)
    {
        var servers = section.GetSection(nameof(dns.NameServers));
        var listed = servers.GetChildren().Select(child => child.Value!).Where(value => value is not null).ToList();
        var written = listed.Count > 0 ? listed : (servers.Value ?? string.Empty).Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries).ToList();
        foreach (var text in written)
        {
            dns.NameServers.Add(SpfNameServer.TryParse(text, out var server)
                ? server!
                : throw Invalid(section, nameof(dns.NameServers), "IP addresses with optional ports, such as 192.0.2.53 or [2001:db8::53]:5353"));
        }

        Text(section, nameof(dns.QueryTimeout), value => dns.QueryTimeout = Time(section, nameof(dns.QueryTimeout), value));
        Text(section, nameof(dns.Retries), value => dns.Retries = Whole(section, nameof(dns.Retries), value));
        Text(section, nameof(dns.EvaluationTimeout), value => dns.EvaluationTimeout = Time(section, nameof(dns.EvaluationTimeout), value));
        Text(section, nameof(dns.VoidLookupLimit), value => dns.VoidLookupLimit = Whole(section, nameof(dns.VoidLookupLimit), value));
    }

    private static void Text(IConfiguration section, string key, Action<string> apply)
    {
        var value = section[key];
        if (value is not null)
        {
            apply(value.Trim());
        }
    }

    private static int Whole(IConfiguration section, string key, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw Invalid(section, key, "a whole number");

    private static TimeSpan Time(IConfiguration section, string key, string value) =>
        TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var time)
            ? time
            : throw Invalid(section, key, "a time span such as 00:00:30");

    private static InvalidOperationException Invalid(IConfiguration section, string key, string expected)
    {
        var path = section is IConfigurationSection named ? named.Path + ":" + key : key;
        return new InvalidOperationException($"Configuration value '{path}' is not valid: expected {expected}.");
    }
}
