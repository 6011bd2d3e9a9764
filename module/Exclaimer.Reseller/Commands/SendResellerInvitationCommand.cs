using System.Management.Automation;
using Exclaimer.Reseller.PowerShell.Completion;
using Exclaimer.Reseller.PowerShell.Hosting;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Commands;

/// <summary>
/// <c>Send-ResellerInvitation</c>: sends the customer's invitation email again while it is pending (R6). The
/// invitation link is a secret and is never part of the output (R18).
/// </summary>
[Cmdlet(VerbsCommunications.Send, "ResellerInvitation", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Invitation))]
public sealed class SendResellerInvitationCommand : ResellerCmdlet
{
    /// <summary>The subscriptions whose customer is invited again.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SubscriptionIdCompleter))]
    public string[] SubscriptionId { get; set; } = [];

    private protected override string ProgressActivity => "Sending invitations";

    /// <summary>Sends each invitation.</summary>
    protected override void ProcessRecord()
    {
        foreach (var id in SubscriptionId)
        {
            ShowProgress(id, SubscriptionId.Length > 1 ? SubscriptionId.Length : null);
            ForItem(id, () =>
            {
                if (ShouldProcess(SubscriptionTarget(id, ForPrompt(id)?.CustomerName), "Send the customer's invitation email again"))
                {
                    WriteResult(Call((client, token) => client.ResendInvitationAsync(id, token)));
                }
            });
        }
    }
}
