using System.Management.Automation;
using Exclaimer.Reseller.PowerShell.Completion;
using Exclaimer.Reseller.PowerShell.Hosting;
using Exclaimer.Reseller.PowerShell.Output;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Commands;

/// <summary>
/// <c>Get-ResellerMspSubscriptionStatus</c>: where MSP subscriptions stand (R24; the Cloud API's <c>.../status</c>): the
/// status, and whether the customer's tenant finished onboarding; one row per subscription, its id first.
/// </summary>
[Cmdlet(VerbsCommon.Get, "ResellerMspSubscriptionStatus")]
[OutputType(typeof(MspSubscriptionStatus))]
public sealed class GetResellerMspSubscriptionStatusCommand : ResellerCmdlet
{
    /// <summary>The subscriptions.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SubscriptionIdCompleter))]
    public string[] SubscriptionId { get; set; } = [];

    /// <summary>Writes each subscription's status.</summary>
    protected override void ProcessRecord()
    {
        foreach (var id in SubscriptionId)
        {
            ForItem(id, () =>
            {
                var status = Call((client, token) => client.GetMspSubscriptionStatusAsync(id, token));
                WriteObject(OutputView.For(status, nameof(SubscriptionId), id.Trim()));
            });
        }
    }
}
