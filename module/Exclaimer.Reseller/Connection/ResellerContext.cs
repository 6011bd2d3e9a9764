using System;

namespace Exclaimer.Reseller.PowerShell;

/// <summary>
/// Where the cmdlets send their calls: the embedded local store or the Exclaimer Cloud API. Shown by
/// <c>Get-ResellerContext</c>; it never holds the API token itself, only a masked form (R18).
/// </summary>
public sealed class ResellerContext
{
    /// <summary>The value of <see cref="Transport"/> for the embedded local store.</summary>
    public const string LocalStoreTransport = "LocalStore";

    /// <summary>The value of <see cref="Transport"/> for the Exclaimer Cloud API.</summary>
    public const string CloudApiTransport = "CloudApi";

    private ResellerContext(string transport)
    {
        Transport = transport;
        ConnectedAt = DateTimeOffset.Now;
    }

    /// <summary><c>LocalStore</c> or <c>CloudApi</c>.</summary>
    public string Transport { get; }

    /// <summary>The local store's folder; <see langword="null"/> for the Cloud API.</summary>
    public string? StorePath { get; private set; }

    /// <summary>The address that owns subscriptions without customer access on the local store, when set.</summary>
    public string? ResellerAdminEmail { get; private set; }

    /// <summary>The Cloud API environment (<c>Live</c> or <c>Sandbox</c>) when one was chosen.</summary>
    public string? Environment { get; private set; }

    /// <summary>The Cloud API endpoint given with <c>-Endpoint</c>, when one was.</summary>
    public Uri? Endpoint { get; private set; }

    /// <summary>The API token, masked: at most its last four characters, never the token (R18).</summary>
    public string? ApiToken { get; private set; }

    /// <summary>How many pages of a list are fetched at a time (<c>Connect-ResellerAccount -PageConcurrency</c>, R2).</summary>
    public int PageConcurrency { get; private set; }

    /// <summary>When the connection was made.</summary>
    public DateTimeOffset ConnectedAt { get; }

    internal static ResellerContext ForLocalStore(string storePath, string? resellerAdminEmail, int pageConcurrency) =>
        new(LocalStoreTransport) { StorePath = storePath, ResellerAdminEmail = resellerAdminEmail, PageConcurrency = pageConcurrency };

    internal static ResellerContext ForCloudApi(string maskedToken, string? environment, Uri? endpoint, int pageConcurrency) =>
        new(CloudApiTransport) { ApiToken = maskedToken, Environment = environment, Endpoint = endpoint, PageConcurrency = pageConcurrency };
}
