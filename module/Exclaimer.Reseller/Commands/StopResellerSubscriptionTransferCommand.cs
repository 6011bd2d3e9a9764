using System.Management.Automation;
using Exclaimer.Reseller.PowerShell.Completion;
using Exclaimer.Reseller.PowerShell.Hosting;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Commands;

/// <summary>
/// <c>Stop-ResellerSubscriptionTransfer</c>: cancels transfers the subscription's owner started (R21; the Cloud API's
/// <c>transfer/cancel</c>): the token then claims nothing. A subscription with no pending transfer is left as it is.
/// </summary>
[Cmdlet(VerbsLifecycle.Stop, "ResellerSubscriptionTransfer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Subscription))]
public sealed class StopResellerSubscriptionTransferCommand : ResellerChangeCmdlet
{
    /// <summary>The subscriptions whose transfer to cancel.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SubscriptionIdCompleter))]
    public string[] SubscriptionId { get; set; } = [];

    /// <summary>Writes each subscription afterwards.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private protected override string ProgressActivity => "Cancelling transfers";

    /// <summary>Cancels each transfer.</summary>
    protected override void ProcessRecord()
    {
        foreach (var id in SubscriptionId)
        {
            ShowProgress(id, SubscriptionId.Length > 1 ? SubscriptionId.Length : null);
            ForItem(id, () =>
            {
                if (!ShouldProcess(SubscriptionTarget(id, ForPrompt(id)?.CustomerName), "Cancel the pending transfer; its token will claim nothing"))
                {
                    return;
                }

                CallThen(id, (client, token) => client.CancelSubscriptionTransferAsync(id, token), PassThru.IsPresent ? WriteResult : null);
            });
        }
    }
}
