using System;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Exclaimer.Reseller.Sdk.CloudApi.DependencyInjection;

/// <summary>
/// Binds <see cref="CloudApiOptions"/> from a configuration section, key by key. Written out rather than through
/// the reflection binder so it stays trimming- and AOT-safe, and so a bad value names its key in the error; a
/// value is never echoed, since the section holds the token (R18).
/// </summary>
internal static class CloudApiConfiguration
{
    public static void Bind(IConfiguration section, CloudApiOptions options)
    {
        Text(section, nameof(CloudApiOptions.ApiToken), value => options.ApiToken = value);
        Text(section, nameof(CloudApiOptions.Environment), value => options.Environment = Enum.TryParse<CloudApiEnvironment>(value, ignoreCase: true, out var environment) && environment is CloudApiEnvironment.Live or CloudApiEnvironment.Sandbox
            ? environment
            : throw Invalid(section, nameof(CloudApiOptions.Environment), "Live or Sandbox"));
        Text(section, nameof(CloudApiOptions.Endpoint), value => options.Endpoint = Uri.TryCreate(value, UriKind.Absolute, out var uri)
            ? uri
            : throw Invalid(section, nameof(CloudApiOptions.Endpoint), "an absolute https:// address"));
        Text(section, nameof(CloudApiOptions.ApiSegment), value => options.ApiSegment = value);
        Text(section, nameof(CloudApiOptions.ResellerAdminEmail), value => options.ResellerAdminEmail = value);
        Text(section, nameof(CloudApiOptions.ResellerDomain), value => options.ResellerDomain = value);
        Text(section, nameof(CloudApiOptions.DefaultCountryCode), value => options.DefaultCountryCode = value);
        Text(section, nameof(CloudApiOptions.PortalUri), value => options.PortalUri = Uri.TryCreate(value, UriKind.Absolute, out var uri)
            ? uri
            : throw Invalid(section, nameof(CloudApiOptions.PortalUri), "an absolute address"));
        Text(section, nameof(CloudApiOptions.MaxRetries), value => options.MaxRetries = int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var retries)
            ? retries
            : throw Invalid(section, nameof(CloudApiOptions.MaxRetries), "a whole number"));
        Text(section, nameof(CloudApiOptions.BaseDelay), value => options.BaseDelay = Time(section, nameof(CloudApiOptions.BaseDelay), value));
        Text(section, nameof(CloudApiOptions.MaxRetryAfter), value => options.MaxRetryAfter = Time(section, nameof(CloudApiOptions.MaxRetryAfter), value));
        Text(section, nameof(CloudApiOptions.AttemptTimeout), value => options.AttemptTimeout = Time(section, nameof(CloudApiOptions.AttemptTimeout), value));
        Text(section, nameof(CloudApiOptions.OverallTimeout), value => options.OverallTimeout = Time(section, nameof(CloudApiOptions.OverallTimeout), value));
    }

    private static void Text(IConfiguration section, string key, Action<string> apply)
    {
        var value = section[key];
        if (value is not null)
        {
            apply(value.Trim());
        }
    }

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
