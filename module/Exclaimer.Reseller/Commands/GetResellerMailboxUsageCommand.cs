using System.Management.Automation;
using Exclaimer.Reseller.PowerShell.Completion;
using Exclaimer.Reseller.PowerShell.Hosting;
using Exclaimer.Reseller.PowerShell.Output;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Commands;

/// <summary>
/// <c>Get-ResellerMailboxUsage</c>: the mailboxes a subscription's signatures reached over the last 30 days, server-side
/// and client-side (R23; the Cloud API's <c>mailbox-count</c>), one request per subscription.
/// </summary>
[Cmdlet(VerbsCommon.Get, "ResellerMailboxUsage")]
[OutputType(typeof(CloudApiMailboxCount))]
public sealed class GetResellerMailboxUsageCommand : ResellerCmdlet
{
    /// <summary>The subscriptions.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SubscriptionIdCompleter))]
    public string[] SubscriptionId { get; set; } = [];

    /// <summary>Writes each subscription's counts, with its id first.</summary>
    protected override void ProcessRecord()
    {
        foreach (var id in SubscriptionId)
        {
            ForItem(id, () =>
            {
                var counts = Call((client, token) => client.GetMailboxCountAsync(id, token));
                WriteObject(OutputView.For(counts, nameof(SubscriptionId), id.Trim()));
            });
        }
    }
}
