using System.Management.Automation;
using Exclaimer.Reseller.PowerShell.Completion;
using Exclaimer.Reseller.PowerShell.Hosting;
using Exclaimer.Reseller.PowerShell.Output;

namespace Exclaimer.Reseller.PowerShell.Commands;

/// <summary>
/// <c>Get-ResellerSubscriptionHistory</c>: a subscription's plan changes (R19), every tier and SKU change, newest first,
/// one row each.
/// </summary>
[Cmdlet(VerbsCommon.Get, "ResellerSubscriptionHistory")]
[OutputType(PlanChange.TypeName)]
public sealed class GetResellerSubscriptionHistoryCommand : ResellerCmdlet
{
    /// <summary>The subscriptions.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SubscriptionIdCompleter))]
    public string[] SubscriptionId { get; set; } = [];

    /// <summary>Writes each subscription's changes.</summary>
    protected override void ProcessRecord()
    {
        foreach (var id in SubscriptionId)
        {
            ForItem(id, () =>
            {
                var history = Call((client, token) => client.GetSubscriptionHistoryAsync(id, token));
                foreach (var change in PlanChange.Rows(id.Trim(), history))
                {
                    WriteObject(change);
                }
            });
        }
    }
}
