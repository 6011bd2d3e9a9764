using System;

namespace Exclaimer.Reseller.PowerShell.Connection;

/// <summary>Which Cloud API endpoints the module talks to: HTTPS, or plain HTTP only to this machine (a test server).</summary>
internal static class CloudApiEndpoint
{
    /// <summary>Why <paramref name="endpoint"/> cannot be used, or <see langword="null"/> when it can.</summary>
    public static string? Problem(Uri endpoint)
    {
        if (!endpoint.IsAbsoluteUri)
        {
            return $"'{endpoint}' is not an absolute address; give one like https://api.example.com/.";
        }

        if (endpoint.Scheme == Uri.UriSchemeHttps)
        {
            return null;
        }

        if (endpoint.Scheme == Uri.UriSchemeHttp)
        {
            // The token travels in a header: plain HTTP would send it in the clear, except to this machine.
            return endpoint.IsLoopback
                ? null
                : $"'{endpoint}' uses HTTP; the API token must travel over HTTPS (plain HTTP is allowed only to localhost).";
        }

        return $"'{endpoint}' is not an HTTPS address.";
    }
}
