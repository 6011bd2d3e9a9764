using System;
using System.Management.Automation;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Hosting;

/// <summary>
/// The filters of the current subscriptions' overview (R2) that <c>Get-ResellerSubscription</c> and the usage report
/// (<c>Get-ResellerSubscriptionUsage</c>) share: customer name, product, trial, trials ending before a date, domain,
/// data centre, overage and reseller. Each becomes a filter of the SDK's <see cref="SubscriptionQuery"/>, so the server
/// filters what it can and the client the rest, a page at a time.
/// </summary>
public abstract class SubscriptionReportCmdlet : ResellerCmdlet
{
    /// <summary>The customer name, with wildcards.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string? CustomerName { get; set; }

    /// <summary>Only this product.</summary>
    [Parameter]
    [ValidateSet(nameof(Sdk.Product.Microsoft365), nameof(Sdk.Product.GoogleWorkspace))]
    public Product Product { get; set; }

    /// <summary>Only trials; <c>-InTrial:$false</c> for only full subscriptions.</summary>
    [Parameter]
    public SwitchParameter InTrial { get; set; }

    /// <summary>Only trials that end before this moment (R7): the trials to follow up on.</summary>
    [Parameter]
    public DateTime? TrialEndsBefore { get; set; }

    /// <summary>Only subscriptions for this mail domain, with wildcards (the emulator reports domains; the Cloud API does not).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string? Domain { get; set; }

    /// <summary>Only subscriptions in this data centre (the emulator reports data centres; the Cloud API does not).</summary>
    [Parameter]
    public DataCenter? DataCenter { get; set; }

    /// <summary>Only subscriptions that use more mailboxes than they license (R23).</summary>
    [Parameter]
    public SwitchParameter OverageOnly { get; set; }

    /// <summary>Only subscriptions sold through this reseller (R22).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ResellerId { get; set; }

    /// <summary>The status to filter by, when the cmdlet was given one.</summary>
    private protected abstract SubscriptionStatus? StatusFilter { get; }

    /// <summary>The overview's query for the filters given.</summary>
    private protected SubscriptionQuery Query() => new()
    {
        CustomerName = CustomerName,
        Status = StatusFilter,
        Product = Given(nameof(Product)) ? Product : null,
        InTrial = Given(nameof(InTrial)) ? InTrial.IsPresent : null,
        TrialEndsBefore = Moment(TrialEndsBefore),
        Domain = Domain,
        DataCenter = DataCenter,
        OverageOnly = OverageOnly,
        ResellerId = ResellerId,
    };

    /// <summary>
    /// A date as typed (<c>2026-12-31</c>, <c>(Get-Date).AddDays(7)</c>): the machine's local time unless it says UTC, as
    /// <c>Get-Date</c> gives it.
    /// </summary>
    private protected static DateTimeOffset? Moment(DateTime? value) =>
        value switch
        {
            null => null,
            { Kind: DateTimeKind.Utc } utc => new DateTimeOffset(utc),
            { } local => new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Local)),
        };
}
