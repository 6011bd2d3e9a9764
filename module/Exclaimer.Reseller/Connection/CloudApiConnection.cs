using System;
using Exclaimer.Reseller.Sdk.Transport;

namespace Exclaimer.Reseller.PowerShell.Connection;

/// <summary>Builds the transport to the Exclaimer Cloud API: the one place the module creates it.</summary>
internal static class CloudApiConnection
{
    public const string LiveEnvironment = "Live";
    public const string SandboxEnvironment = "Sandbox";

    /// <summary>Creates the Cloud API transport for one reseller account.</summary>
    /// <param name="apiToken">The reseller's API token (the Cloud API's <c>ExAPIToken</c>); never logged (R18).</param>
    /// <param name="environment"><see cref="LiveEnvironment"/> or <see cref="SandboxEnvironment"/>; ignored when <paramref name="endpoint"/> is given.</param>
    /// <param name="endpoint">A Cloud API endpoint of the caller's choosing (HTTPS, or HTTP on loopback), or <see langword="null"/>.</param>
    /// <exception cref="NotSupportedException">This build of the SDK has no Cloud API transport.</exception>
    public static ResellerTransport CreateTransport(string apiToken, string environment, Uri? endpoint) =>
        throw new NotSupportedException(
            "The Cloud API transport is not part of this build of the Exclaimer.Reseller module. " +
            "Run Connect-ResellerAccount without -ApiToken to use the embedded local store.");
}
