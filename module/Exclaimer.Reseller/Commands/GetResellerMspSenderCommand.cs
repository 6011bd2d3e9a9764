using System.Management.Automation;
using Exclaimer.Reseller.PowerShell.Completion;
using Exclaimer.Reseller.PowerShell.Hosting;
using Exclaimer.Reseller.PowerShell.Output;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Commands;

/// <summary>
/// <c>Get-ResellerMspSender</c>: who sent signed mail from MSP subscriptions, and how it was signed (R24; the Cloud API's
/// <c>.../senders/json</c>): one flat row per sender and subscription, the subscription's id first, so it exports to CSV.
/// </summary>
[Cmdlet(VerbsCommon.Get, "ResellerMspSender")]
[OutputType(typeof(MspSender))]
public sealed class GetResellerMspSenderCommand : ResellerCmdlet
{
    /// <summary>The subscriptions.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SubscriptionIdCompleter))]
    public string[] SubscriptionId { get; set; } = [];

    /// <summary>The first day the report covers; with -To.</summary>
    [Parameter]
    public System.DateTime? From { get; set; }

    /// <summary>The last day the report covers; with -From.</summary>
    [Parameter]
    public System.DateTime? To { get; set; }

    /// <summary>Writes each subscription's senders.</summary>
    protected override void ProcessRecord()
    {
        var period = UsagePeriods.Of(this, From, To);
        foreach (var id in SubscriptionId)
        {
            ForItem(id, () =>
            {
                foreach (var sender in Call((client, token) => client.GetMspSendersAsync(id, period, token)))
                {
                    WriteObject(OutputView.For(sender, nameof(SubscriptionId), id.Trim()));
                }
            });
        }
    }
}
