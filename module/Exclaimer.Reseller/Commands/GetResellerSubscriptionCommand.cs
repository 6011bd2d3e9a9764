using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Exclaimer.Reseller.PowerShell.Completion;
using Exclaimer.Reseller.PowerShell.Errors;
using Exclaimer.Reseller.PowerShell.Hosting;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Commands;

/// <summary>
/// <c>Get-ResellerSubscription</c>: the overview of customer subscriptions (R2), filtered by customer name, status,
/// product, trial, trial end, domain, data centre, overage and reseller; one subscription's details by id (R13); or the
/// archive (R16). Lists stream a page at a time.
/// </summary>
[Cmdlet(VerbsCommon.Get, "ResellerSubscription")]
[OutputType(typeof(Subscription))]
public sealed class GetResellerSubscriptionCommand : SubscriptionReportCmdlet
{
    /// <summary>Subscription ids; wildcards search the list instead.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(SubscriptionIdCompleter))]
    public string[]? SubscriptionId { get; set; }

    /// <summary>Only this status; Cancelled and Ended search the archive.</summary>
    [Parameter]
    [ValidateSet(nameof(SubscriptionStatus.Active), nameof(SubscriptionStatus.Suspended), nameof(SubscriptionStatus.Cancelled), nameof(SubscriptionStatus.Ended))]
    public SubscriptionStatus Status { get; set; }

    /// <summary>The archive: cancelled and ended subscriptions (R16).</summary>
    [Parameter]
    public SwitchParameter Archived { get; set; }

    private protected override SubscriptionStatus? StatusFilter => Given(nameof(Status)) ? Status : null;

    private bool SearchesArchive =>
        Archived || (Given(nameof(Status)) && Status is SubscriptionStatus.Cancelled or SubscriptionStatus.Ended);

    /// <summary>Writes the subscriptions.</summary>
    protected override void ProcessRecord()
    {
        if (SubscriptionId is null)
        {
            RefuseListOnlyFilters(SearchesArchive ? "-Archived and the archive's statuses" : null);
            WriteList(idPattern: null);
            return;
        }

        foreach (var id in SubscriptionId)
        {
            if (WildcardPattern.ContainsWildcardCharacters(id))
            {
                RefuseListOnlyFilters(SearchesArchive ? "-Archived and the archive's statuses" : null);
                WriteList(new WildcardPattern(id, WildcardOptions.IgnoreCase));
            }
            else
            {
                RefuseListOnlyFilters("a subscription id (a wildcard id such as 'contoso*' searches the list)");
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

    /// <summary>
    /// -Domain and -DataCenter filter the list of current subscriptions, where the SDK knows whether the server reports
    /// them (the emulator does) or not (the Cloud API: <c>NotSupportedByCloudApi</c>). Anywhere else they would quietly
    /// match nothing over the Cloud API, so they are refused there.
    /// </summary>
    private void RefuseListOnlyFilters(string? with)
    {
        var given = Domain is not null ? nameof(Domain) : DataCenter is not null ? nameof(DataCenter) : null;
        if (with is null || given is null)
        {
            return;
        }

        var refusal = new ResellerValidationException(
            given,
            "R2",
            $"{given} filters the list of current subscriptions, not {with} (R2). Leave one of them out.");
        ThrowTerminatingError(ResellerErrors.From(refusal, given == nameof(Domain) ? Domain : DataCenter, ErrorContext));
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

            // The archive has no trial, overage or reseller filter of its own.
            return Walk((client, token) => client.GetArchivedSubscriptionsAsync(archive, token)).Where(MatchesReportFilters);
        }

        var query = Query();
        return Walk((client, token) => client.GetSubscriptionsAsync(query, token));
    }

    // The filters also apply to subscriptions asked for by id, so "these ids, if suspended" works.
    private bool Matches(Subscription subscription) =>
        (CustomerName is null || new WildcardPattern(CustomerName, WildcardOptions.IgnoreCase).IsMatch(subscription.CustomerName))
        && (!Given(nameof(Status)) || subscription.Status == Status)
        && (!Given(nameof(Product)) || subscription.Product == Product)
        && (!Archived || subscription.IsArchived)
        && MatchesReportFilters(subscription);

    private bool MatchesReportFilters(Subscription subscription) =>
        (!Given(nameof(InTrial)) || subscription.InTrial == InTrial.IsPresent)
        && (Moment(TrialEndsBefore) is not { } before || (subscription.InTrial && subscription.TrialEndDate < before))
        && (!OverageOnly || subscription.Overage > 0)
        && (ResellerId is null || string.Equals(subscription.ResellerId, ResellerId.Trim(), StringComparison.OrdinalIgnoreCase));
}
