using System;
using System.IO;
using System.Management.Automation;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.PowerShell.Connection;
using Exclaimer.Reseller.PowerShell.Errors;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Commands;

/// <summary>
/// <c>Connect-ResellerAccount</c>: chooses the reseller account the other cmdlets act as (R1), the embedded local
/// store (no arguments, or <c>-StorePath</c>) or the Exclaimer Cloud API (<c>-ApiToken</c>).
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "ResellerAccount", DefaultParameterSetName = LocalStoreSet)]
[OutputType(typeof(ResellerContext))]
public sealed class ConnectResellerAccountCommand : PSCmdlet, IDisposable
{
    private const string LocalStoreSet = "LocalStore";
    private const string CloudApiSet = "CloudApi";
    private const string CloudApiEndpointSet = "CloudApiEndpoint";

    private readonly CancellationTokenSource _stopping = new();

    /// <summary>The local store's folder; default <c>EXCLAIMER_RESELLER_STORE</c> or the per-user folder.</summary>
    [Parameter(ParameterSetName = LocalStoreSet, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? StorePath { get; set; }

    /// <summary>The address that owns subscriptions without customer access (R4); the Cloud API needs one to create them.</summary>
    [Parameter(ParameterSetName = LocalStoreSet)]
    [Parameter(ParameterSetName = CloudApiSet)]
    [Parameter(ParameterSetName = CloudApiEndpointSet)]
    [ValidateNotNullOrEmpty]
    public string? ResellerAdminEmail { get; set; }

    /// <summary>The reseller's own domain, which the Cloud API needs to create subscriptions (its <c>Reseller.Domain</c>).</summary>
    [Parameter(ParameterSetName = CloudApiSet)]
    [Parameter(ParameterSetName = CloudApiEndpointSet)]
    [ValidateNotNullOrEmpty]
    public string? ResellerDomain { get; set; }

    /// <summary>The reseller's Cloud API token (<c>ExAPIToken</c>).</summary>
    [Parameter(ParameterSetName = CloudApiSet, Mandatory = true)]
    [Parameter(ParameterSetName = CloudApiEndpointSet, Mandatory = true)]
    [ValidateNotNull]
    public SecureString? ApiToken { get; set; }

    /// <summary>The Cloud API environment: <c>Live</c> (default) or <c>Sandbox</c>.</summary>
    [Parameter(ParameterSetName = CloudApiSet)]
    [ValidateSet(CloudApiConnection.LiveEnvironment, CloudApiConnection.SandboxEnvironment)]
    public string Environment { get; set; } = CloudApiConnection.LiveEnvironment;

    /// <summary>Another Cloud API endpoint (HTTPS; plain HTTP only to localhost).</summary>
    [Parameter(ParameterSetName = CloudApiEndpointSet, Mandatory = true)]
    [ValidateNotNull]
    public Uri? Endpoint { get; set; }

    /// <summary>
    /// How many pages of a list are fetched at a time when the server reports the list's total (R2): default 4, 1 for
    /// one page after another. Lists are still written in order.
    /// </summary>
    [Parameter]
    [ValidateRange(1, ResellerClientOptions.MaxPageConcurrency)]
    public int PageConcurrency { get; set; } = ResellerClientOptions.DefaultPageConcurrency;

    /// <summary>Writes the new context.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Connects.</summary>
    protected override void EndProcessing()
    {
        var connection = ParameterSetName == LocalStoreSet ? LocalStore() : CloudApi();
        ResellerSession.Connect(connection);
        WriteVerbose(connection.Context.Transport == ResellerContext.LocalStoreTransport
            ? $"Connected to the local store in '{connection.Context.StorePath}'."
            : $"Connected to the Exclaimer Cloud API ({(object?)connection.Context.Endpoint ?? connection.Context.Environment}).");
        if (PassThru)
        {
            WriteObject(connection.Context);
        }
    }

    private ResellerConnection LocalStore()
    {
        var path = StorePath is null ? null : GetUnresolvedProviderPathFromPSPath(StorePath);
        if (path is not null && File.Exists(path))
        {
            Stop(new ArgumentException($"'{path}' is a file; -StorePath takes the store's folder."), "InvalidStorePath", ErrorCategory.InvalidArgument, StorePath);
        }

        ResellerConnection connection;
        try
        {
            connection = ResellerConnection.ToLocalStore(path, ResellerAdminEmail, PageConcurrency);
        }
        catch (ResellerException exception)
        {
            // A malformed -ResellerAdminEmail, or no per-user folder to put the default store in.
            ThrowTerminatingError(ResellerErrors.From(exception, (object?)StorePath ?? ResellerAdminEmail, ErrorContext.Of(this, changesData: false)));
            throw;
        }

        try
        {
            // Read the store once now, so a corrupt or unreadable store is reported here and not by the first command.
            // A folder that does not exist yet (or is empty) holds nothing to check, and the first change creates it:
            // connecting, like a -WhatIf run after it, leaves no folder or lock file behind.
            if (!connection.HoldsNothing)
            {
                ReadFirstPageAsync(connection.Client).GetAwaiter().GetResult();
            }

            return connection;
        }
        catch (ResellerException exception)
        {
            connection.Dispose();
            ThrowTerminatingError(ResellerErrors.From(exception, connection.Context.StorePath, ErrorContext.Of(this, changesData: false)));
            throw;
        }
    }

    private ResellerConnection CloudApi()
    {
        // The messages name the parameters as typed: -Endpoint, -ApiToken.
        if (Endpoint is not null && CloudApiEndpoint.Problem(Endpoint) is { } problem)
        {
            Stop(new ArgumentException("-Endpoint " + problem), "InvalidEndpoint", ErrorCategory.InvalidArgument, Endpoint);
        }

        if (ApiToken is null || ApiToken.Length == 0)
        {
            Stop(new ArgumentException("-ApiToken is empty: give the reseller's ExAPIToken as a SecureString, e.g. (Read-Host -AsSecureString)."), "EmptyApiToken", ErrorCategory.InvalidArgument, null);
        }

        var token = ApiTokenMask.Reveal(ApiToken!);
        if (token.Trim().Length == 0)
        {
            Stop(new ArgumentException("-ApiToken is blank: give the reseller's ExAPIToken as a SecureString, e.g. (Read-Host -AsSecureString)."), "EmptyApiToken", ErrorCategory.InvalidArgument, null);
        }

        var target = (object?)Endpoint ?? Environment;
        try
        {
            return ResellerConnection.ToCloudApi(token, Endpoint is null ? Environment : null, Endpoint, ResellerAdminEmail, ResellerDomain, PageConcurrency, _stopping.Token);
        }
        catch (ArgumentException exception)
        {
            // The transport names the option at fault (ResellerClientOptions.Endpoint: -Endpoint here); never the token.
            ThrowTerminatingError(ResellerErrors.From(exception, "InvalidCloudApiOption", ErrorCategory.InvalidArgument, target, ErrorContext.Of(this, changesData: false)));
            throw;
        }
        catch (ResellerException exception)
        {
            // A refused token, a malformed -ResellerAdminEmail, or an endpoint that cannot be reached (with the cause).
            ThrowTerminatingError(ResellerErrors.From(exception, target, ErrorContext.Of(this, changesData: false)));
            throw;
        }
    }

    /// <summary>Ctrl+C while the token is being checked stops at once.</summary>
    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>Releases the cancellation source.</summary>
    public void Dispose() => _stopping.Dispose();

    private static async Task ReadFirstPageAsync(ResellerClient client)
    {
        await foreach (var unused in client.GetSubscriptionsAsync().AsPages(null, 1).ConfigureAwait(false))
        {
            break;
        }
    }

    private void Stop(Exception exception, string errorId, ErrorCategory category, object? target) =>
        ThrowTerminatingError(new ErrorRecord(exception, errorId, category, target));
}
