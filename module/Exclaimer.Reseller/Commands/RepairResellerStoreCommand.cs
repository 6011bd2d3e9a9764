using System;
using System.IO;
using System.Management.Automation;
using System.Threading;
using Exclaimer.Reseller.Emulator.Storage;
using Exclaimer.Reseller.PowerShell.Errors;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Commands;

/// <summary>
/// <c>Repair-ResellerStore</c>: the recovery path of a local store that is <c>StoreCorrupt</c> (R17). It keeps the
/// store's files exactly as they were in a dated <c>damaged-...</c> folder inside the store, then rebuilds the store from
/// everything that can still be read. A store that is not damaged is left as it is.
/// </summary>
[Cmdlet(VerbsDiagnostic.Repair, "ResellerStore", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(StoreRecoveryReport))]
public sealed class RepairResellerStoreCommand : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>The store's folder; default <c>EXCLAIMER_RESELLER_STORE</c> or the per-user folder, as for Connect-ResellerAccount.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? StorePath { get; set; }

    /// <summary>Rebuilds the store.</summary>
    protected override void ProcessRecord()
    {
        var path = Path.GetFullPath(StorePath is null ? JsonFileResellerStore.DefaultDirectory : GetUnresolvedProviderPathFromPSPath(StorePath));
        if (!ShouldProcess($"Store '{path}'", "Rebuild from what can still be read, keeping its files as they are in a dated damaged-... folder"))
        {
            return;
        }

        using var store = new JsonFileResellerStore(new JsonFileStoreOptions { DirectoryPath = path });
        try
        {
            var report = store.RecoverAsync(_stopping.Token).GetAwaiter().GetResult();
            WriteVerbose(report.WasDamaged
                ? $"Rebuilt '{path}' with {report.SubscriptionCount} subscriptions; the damaged files are in '{report.DamagedFilesDirectory}'."
                : $"'{path}' is not damaged; nothing was changed.");
            WriteObject(report);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        catch (ResellerException exception)
        {
            ThrowTerminatingError(ResellerErrors.From(exception, path, ErrorContext.Of(this, changesData: true)));
        }
    }

    /// <summary>Ctrl+C while waiting for the store's lock stops at once.</summary>
    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>Releases the cancellation source.</summary>
    public void Dispose() => _stopping.Dispose();
}
