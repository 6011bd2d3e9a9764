using System.Management.Automation;
using Exclaimer.Reseller.PowerShell.Completion;
using Exclaimer.Reseller.PowerShell.Hosting;
using Exclaimer.Reseller.PowerShell.Output;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Commands;

/// <summary>
/// <c>Start-ResellerSubscriptionTransfer</c>: puts subscriptions up for transfer to another partner (R21; the Cloud API's
/// <c>transfer</c>) and writes each one's single-use token, as a <see cref="System.Security.SecureString"/> unless
/// <c>-AsPlainText</c>, so it is in no view, transcript or export by accident (R18).
/// </summary>
[Cmdlet(VerbsLifecycle.Start, "ResellerSubscriptionTransfer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SubscriptionTransfer))]
public sealed class StartResellerSubscriptionTransferCommand : ResellerChangeCmdlet
{
    /// <summary>The subscriptions to put up for transfer.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SubscriptionIdCompleter))]
    public string[] SubscriptionId { get; set; } = [];

    /// <summary>Writes the token as text instead of a SecureString: for the caller who hands it on at once.</summary>
    [Parameter]
    public SwitchParameter AsPlainText { get; set; }

    private protected override string ProgressActivity => "Starting transfers";

    /// <summary>Starts each transfer.</summary>
    protected override void ProcessRecord()
    {
        foreach (var id in SubscriptionId)
        {
            ShowProgress(id, SubscriptionId.Length > 1 ? SubscriptionId.Length : null);
            ForItem(id, () =>
            {
                if (!ShouldProcess(SubscriptionTarget(id, ForPrompt(id)?.CustomerName), "Put the subscription up for transfer; the token written claims it once"))
                {
                    return;
                }

                var asPlainText = AsPlainText.IsPresent;
                CallThen(id, (client, token) => client.InitiateSubscriptionTransferAsync(id, token), transfer => WriteObject(TransferTicket.Of(transfer, asPlainText)));
            });
        }
    }
}
