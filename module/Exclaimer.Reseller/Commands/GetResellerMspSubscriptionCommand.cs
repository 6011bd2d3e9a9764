using System.Linq;
using System.Management.Automation;
using Exclaimer.Reseller.PowerShell.Completion;
using Exclaimer.Reseller.PowerShell.Hosting;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Commands;

/// <summary>
/// <c>Get-ResellerMspSubscription</c>: the MSP's subscriptions as the MSP operations report them (R24), all of them a page
/// at a time or some by id, with the mailboxes each used over a period when asked (<c>-IncludeUsage</c>, <c>-From</c>/<c>-To</c>).
/// </summary>
[Cmdlet(VerbsCommon.Get, "ResellerMspSubscription")]
[OutputType(typeof(MspSubscription))]
public sealed class GetResellerMspSubscriptionCommand : ResellerCmdlet
{
    /// <summary>Subscription ids; all of them when left out.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SubscriptionIdCompleter))]
    public string[]? SubscriptionId { get; set; }

    /// <summary>Only subscriptions whose name matches, with wildcards.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string? CustomerName { get; set; }

    /// <summary>Reports TotalMailboxes: the mailboxes used over the period, the previous calendar month unless -From and -To say.</summary>
    [Parameter]
    public SwitchParameter IncludeUsage { get; set; }

    /// <summary>The first day the usage covers; with -To. Implies -IncludeUsage.</summary>
    [Parameter]
    public System.DateTime? From { get; set; }

    /// <summary>The last day the usage covers; with -From. Implies -IncludeUsage.</summary>
    [Parameter]
    public System.DateTime? To { get; set; }

    /// <summary>Writes the subscriptions.</summary>
    protected override void ProcessRecord()
    {
        var period = UsagePeriods.Of(this, From, To);
        var query = new MspSubscriptionQuery { IncludeUsage = IncludeUsage || period is not null, Period = period };
        var pattern = CustomerName is null ? null : new WildcardPattern(CustomerName, WildcardOptions.IgnoreCase);
        if (SubscriptionId is null)
        {
            ForItem(CustomerName, () =>
            {
                foreach (var subscription in Walk((client, token) => client.GetMspSubscriptionsAsync(query, token)).Where(s => pattern is null || pattern.IsMatch(s.CustomerName)))
                {
                    WriteResult(subscription);
                }
            });
            return;
        }

        foreach (var id in SubscriptionId)
        {
            ForItem(id, () =>
            {
                var subscription = Call((client, token) => client.GetMspSubscriptionAsync(id, query, token));
                if (pattern is null || pattern.IsMatch(subscription.CustomerName))
                {
                    WriteResult(subscription);
                }
            });
        }
    }
}
