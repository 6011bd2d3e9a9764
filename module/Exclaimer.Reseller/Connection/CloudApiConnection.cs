using System;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Connection;

/// <summary>Builds the client for the Exclaimer Cloud API: the one place the module does.</summary>
internal static class CloudApiConnection
{
    public const string LiveEnvironment = "Live";
    public const string SandboxEnvironment = "Sandbox";

    /// <summary>Creates the client for one reseller account.</summary>
    /// <param name="apiToken">The reseller's API token (the Cloud API's <c>ExAPIToken</c>); never logged (R18).</param>
    /// <param name="environment"><see cref="LiveEnvironment"/> or <see cref="SandboxEnvironment"/>; ignored when <paramref name="endpoint"/> is given.</param>
    /// <param name="endpoint">A Cloud API endpoint of the caller's choosing (HTTPS, or HTTP on loopback), or <see langword="null"/>.</param>
    /// <param name="resellerAdminEmail">Owns subscriptions without customer access (R4), or <see langword="null"/>.</param>
    /// <param name="resellerDomain">The reseller's own domain (the API's <c>Reseller.Domain</c> on create), or <see langword="null"/>.</param>
    /// <param name="pageConcurrency">How many pages of a list are fetched at a time when the server reports the total.</param>
    public static ResellerClient CreateClient(string apiToken, string environment, Uri? endpoint, string? resellerAdminEmail, string? resellerDomain, int pageConcurrency = ResellerClientOptions.DefaultPageConcurrency) =>
        new(new ResellerClientOptions
        {
            ApiToken = apiToken,
            Environment = environment == SandboxEnvironment ? CloudApiEnvironment.Sandbox : CloudApiEnvironment.Live,
            Endpoint = endpoint,
            ResellerAdminEmail = resellerAdminEmail,
            ResellerDomain = resellerDomain,
            PageSize = ResellerClientOptions.MaxPageSize,
            PageConcurrency = pageConcurrency,
        });
}
