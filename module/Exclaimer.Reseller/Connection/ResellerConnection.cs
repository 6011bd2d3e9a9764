using System;
using System.IO;
using System.Linq;
using System.Threading;
using Exclaimer.Reseller.Emulator;
using Exclaimer.Reseller.Emulator.Storage;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Connection;

/// <summary>
/// One reseller account the cmdlets act as (R1): the SDK client and what it was built on. Either way it is the same
/// client speaking the same contract: to the embedded emulator in-process, or to the Exclaimer Cloud API.
/// </summary>
internal sealed class ResellerConnection : IDisposable
{
    private readonly string? _storePath;

    private ResellerConnection(ResellerClient client, string? storePath, ResellerContext context)
    {
        Client = client;
        _storePath = storePath;
        Context = context;
    }

    public ResellerClient Client { get; }

    public ResellerContext Context { get; }

    /// <summary>Whether New-ResellerSubscription has said, on this connection, that a create without -Currency bills in GBP.</summary>
    public bool WarnedOfDefaultCurrency { get; set; }

    /// <summary>
    /// Whether this is a local store that holds nothing yet: its folder does not exist, or is empty. Then there is
    /// nothing to read (no id can be taken, nothing can be corrupt), and a read could create the folder or its lock
    /// file, which a connect or a <c>-WhatIf</c> run must never do.
    /// </summary>
    public bool HoldsNothing
    {
        get
        {
            if (_storePath is null)
            {
                return false;
            }

            try
            {
                return !Directory.Exists(_storePath) || !Directory.EnumerateFileSystemEntries(_storePath).Any();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // A folder that cannot be listed is read, so the store reports why in its own terms.
                return false;
            }
        }
    }

    /// <summary>The embedded emulator, in-process, over the JSON file store in <paramref name="storePath"/> or its default folder.</summary>
    public static ResellerConnection ToLocalStore(string? storePath, string? resellerAdminEmail, int pageConcurrency = ResellerClientOptions.DefaultPageConcurrency)
    {
        var directory = Path.GetFullPath(storePath ?? JsonFileResellerStore.DefaultDirectory);
        var client = ResellerEmulator.CreateEmbeddedClient(directory, options =>
        {
            options.ResellerAdminEmail = resellerAdminEmail;
            options.PageConcurrency = pageConcurrency;
        });
        return new ResellerConnection(client, directory, ResellerContext.ForLocalStore(directory, resellerAdminEmail, pageConcurrency));
    }

    /// <summary>
    /// The Exclaimer Cloud API with an API token (R1: one token, one reseller account). The token is checked with
    /// one call (<c>GET /1.0/status</c>), so a wrong token or endpoint is reported by the connect, not the next command.
    /// </summary>
    public static ResellerConnection ToCloudApi(string apiToken, string? environment, Uri? endpoint, string? resellerAdminEmail, string? resellerDomain, int pageConcurrency, CancellationToken cancellationToken)
    {
        var client = CloudApiConnection.CreateClient(apiToken, environment ?? CloudApiConnection.LiveEnvironment, endpoint, resellerAdminEmail, resellerDomain, pageConcurrency);
        try
        {
            client.GetServerTimeAsync(cancellationToken).GetAwaiter().GetResult();
            return new ResellerConnection(client, storePath: null, ResellerContext.ForCloudApi(ApiTokenMask.Mask(apiToken), environment, endpoint ?? client.BaseAddress, pageConcurrency));
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public void Dispose() => Client.Dispose();
}
