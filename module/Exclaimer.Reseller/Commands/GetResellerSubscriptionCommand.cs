using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Exclaimer.Reseller.PowerShell.Completion;
using Exclaimer.Reseller.PowerShell.Hosting;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Commands;

/// <summary>
/// <c>Get-ResellerSubscription</c>: the overview of customer subscriptions (R2), filtered by customer name, status,
/// product and trial; one subscription's details by id (R13); or the archive (R16). Lists stream a page at a time.
/// </summary>
[Cmdlet(VerbsCommon.Get, "ResellerSubscription")]
[OutputType(typeof(Subscription))]
public sealed class GetResellerSubscriptionCommand : ResellerCmdlet
{
    /// <summary>Subscription ids; wildcards search the list instead.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(SubscriptionIdCompleter))]
    public string[]? SubscriptionId { get; set; }

    /// <summary>The customer name, with wildcards.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string? CustomerName { get; set; }

    /// <summary>Only this status; Cancelled and Ended search the archive.</summary>
    [Parameter]
    [ValidateSet(nameof(SubscriptionStatus.Active), nameof(SubscriptionStatus.Suspended), nameof(SubscriptionStatus.Cancelled), nameof(SubscriptionStatus.Ended))]
    public SubscriptionStatus Status { get; set; }

    /// <summary>Only this product.</summary>
    [Parameter]
    [ValidateSet(nameof(Sdk.Product.Microsoft365), nameof(Sdk.Product.GoogleWorkspace))]
    public Product Product { get; set; }

    /// <summary>Only trials; <c>-InTrial:$false</c> for only full subscriptions.</summary>
    [Parameter]
    public SwitchParameter InTrial { get; set; }

    /// <summary>The archive: cancelled and ended subscriptions (R16).</summary>
    [Parameter]
    public SwitchParameter Archived { get; set; }

    private bool SearchesArchive =>
        Archived || (Given(nameof(Status)) && Status is SubscriptionStatus.Cancelled or SubscriptionStatus.Ended);

    /// <summary>Writes the subscriptions.</summary>
    protected override void ProcessRecord()
    {
        if (SubscriptionId is null)
        {
            WriteList(idPattern: null);
            return;
        }

        foreach (var id in SubscriptionId)
        {
            if (WildcardPattern.ContainsWildcardCharacters(id))
            {
                WriteList(new WildcardPattern(id, WildcardOptions.IgnoreCase));
            }
            else
            {
                ForItem(id, () =>
                {
                    var subscription = Call((client, token) => client.GetSubscriptionAsync(id, token));
                    if (Matches(subscription))
                    {
                        WriteResult(subscription);
                    }
                });
            }
        }
    }

    private void WriteList(WildcardPattern? idPattern)
    {
        ForItem(CustomerName, () =>
        {
            foreach (var subscription in List())
            {
                if (idPattern is null || idPattern.IsMatch(subscription.SubscriptionId))
                {
                    WriteResult(subscription);
                }
            }
        });
    }

    private IEnumerable<Subscription> List()
    {
        if (SearchesArchive)
        {
            var archive = new ArchiveQuery
            {
                CustomerName = CustomerName,
                Status = Given(nameof(Status)) ? Status : null,
                Product = Given(nameof(Product)) ? Product : null,
            };

            // The archive has no trial filter of its own.
            return Walk((client, token) => client.GetArchivedSubscriptionsAsync(archive, token))
                .Where(subscription => !Given(nameof(InTrial)) || subscription.InTrial == InTrial.IsPresent);
        }

        var query = new SubscriptionQuery
        {
            CustomerName = CustomerName,
            Status = Given(nameof(Status)) ? Status : null,
            Product = Given(nameof(Product)) ? Product : null,
            InTrial = Given(nameof(InTrial)) ? InTrial.IsPresent : null,
        };
        return Walk((client, token) => client.GetSubscriptionsAsync(query, token));
    }

    // The filters also apply to subscriptions asked for by id, so "these ids, if suspended" works.
    private bool Matches(Subscription subscription) =>
        (CustomerName is null || new WildcardPattern(CustomerName, WildcardOptions.IgnoreCase).IsMatch(subscription.CustomerName))
        && (!Given(nameof(Status)) || subscription.Status == Status)
        && (!Given(nameof(Product)) || subscription.Product == Product)
        && (!Given(nameof(InTrial)) || subscription.InTrial == InTrial.IsPresent)
        && (!Archived || subscription.IsArchived);
}
