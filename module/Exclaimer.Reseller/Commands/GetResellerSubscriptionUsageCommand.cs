using System.Management.Automation;
using Exclaimer.Reseller.PowerShell.Hosting;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Commands;

/// <summary>
/// <c>Get-ResellerSubscriptionUsage</c>: the MSP's usage report (R23): per current subscription, the users licensed,
/// the mailboxes seen over the last 30 days server-side and client-side, and the overage, one flat row each, so it
/// exports to CSV as it is. Takes the overview's filters; each subscription on a page costs one more request.
/// </summary>
[Cmdlet(VerbsCommon.Get, "ResellerSubscriptionUsage")]
[OutputType(typeof(SubscriptionUsage))]
public sealed class GetResellerSubscriptionUsageCommand : SubscriptionReportCmdlet
{
    private protected override string ProgressActivity => "Reading mailbox usage";

    /// <summary>Only this status: Active or Suspended (the report covers current subscriptions).</summary>
    [Parameter]
    [ValidateSet(nameof(SubscriptionStatus.Active), nameof(SubscriptionStatus.Suspended))]
    public SubscriptionStatus Status { get; set; }

    private protected override SubscriptionStatus? StatusFilter => Given(nameof(Status)) ? Status : null;

    /// <summary>Writes the report, a row per subscription, a page at a time.</summary>
    protected override void ProcessRecord()
    {
        var query = Query();
        ForItem(CustomerName, () =>
        {
            foreach (var usage in Walk((client, token) => client.GetSubscriptionUsageAsync(query, token)))
            {
                // A row costs a request of its own: a long report shows how far it has got.
                ShowProgress(usage.SubscriptionId);
                WriteResult(usage);
            }
        });
    }
}
