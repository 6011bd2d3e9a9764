using System;
using System.IO;
using System.Linq;
using System.Threading;
using Exclaimer.Reseller.Sdk;
using Exclaimer.Reseller.Sdk.LocalEngine;
using Exclaimer.Reseller.Sdk.Storage;
using Exclaimer.Reseller.Sdk.Transport;

namespace Exclaimer.Reseller.PowerShell.Connection;

/// <summary>One reseller account the cmdlets act as (R1): the SDK client and what it was built on.</summary>
internal sealed class ResellerConnection : IDisposable
{
    private readonly ResellerTransport _transport;
    private readonly IDisposable? _store;

    private ResellerConnection(ResellerClient client, ResellerTransport transport, IDisposable? store, ResellerContext context)
    {
        Client = client;
        _transport = transport;
        _store = store;
        Context = context;
    }

    public ResellerClient Client { get; }

    public ResellerContext Context { get; }

    /// <summary>
    /// Whether this is a local store that holds nothing yet: its folder does not exist, or is empty. Then there is
    /// nothing to read (no id can be taken, nothing can be corrupt), and a read could create the folder or its lock
    /// file, which a connect or a <c>-WhatIf</c> run must never do.
    /// </summary>
    public bool HoldsNothing
    {
        get
        {
            if (_store is not JsonFileResellerStore files)
            {
                return false;
            }

            try
            {
                return !Directory.Exists(files.DirectoryPath) || !Directory.EnumerateFileSystemEntries(files.DirectoryPath).Any();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // A folder that cannot be listed is read, so the store reports why in its own terms.
                return false;
            }
        }
    }

    /// <summary>The embedded local engine over the JSON file store in <paramref name="storePath"/>, or its default folder.</summary>
    public static ResellerConnection ToLocalStore(string? storePath, string? resellerAdminEmail)
    {
        var store = new JsonFileResellerStore(new JsonFileStoreOptions { DirectoryPath = storePath });
        try
        {
            var transport = new LocalTransport(new LocalEngineOptions { Store = store, ResellerAdminEmail = resellerAdminEmail });
            var client = new ResellerClient(new ResellerClientOptions { Transport = transport });
            return new ResellerConnection(client, transport, store, ResellerContext.ForLocalStore(store.DirectoryPath, resellerAdminEmail));
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The Exclaimer Cloud API with an API token (R1: one token, one reseller account). The token is checked with
    /// one call (<c>GET /1.0/status</c>), so a wrong token or endpoint is reported by the connect, not the next command.
    /// </summary>
    public static ResellerConnection ToCloudApi(string apiToken, string? environment, Uri? endpoint, string? resellerAdminEmail, string? resellerDomain, CancellationToken cancellationToken)
    {
        var transport = CloudApiConnection.CreateTransport(apiToken, environment ?? CloudApiConnection.LiveEnvironment, endpoint, resellerAdminEmail, resellerDomain);
        try
        {
            transport.GetServerTimeAsync(cancellationToken).GetAwaiter().GetResult();
            var client = new ResellerClient(new ResellerClientOptions { Transport = transport, PageSize = ResellerClientOptions.MaxPageSize });
            return new ResellerConnection(client, transport, store: null, ResellerContext.ForCloudApi(ApiTokenMask.Mask(apiToken), environment, endpoint ?? transport.BaseAddress));
        }
        catch
        {
            transport.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        // The client does not own a transport it was given, nor the transport a store: release each here.
        Client.Dispose();
        _transport.Dispose();
        _store?.Dispose();
    }
}
