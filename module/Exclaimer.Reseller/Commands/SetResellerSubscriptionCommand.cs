using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.PowerShell.Binding;
using Exclaimer.Reseller.PowerShell.Completion;
using Exclaimer.Reseller.PowerShell.Hosting;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Commands;

/// <summary>
/// <c>Set-ResellerSubscription</c>: changes a subscription's number of users (the Cloud API's mailbox count) or its
/// customer name (R13), or its plan (R19): the tier, the SKU, or not-for-resale. What is not given stays as it is.
/// </summary>
/// <remarks>
/// The plan is changed here rather than by cmdlets of its own, as the portal changes it on the subscription's page: one
/// verb and noun per resource. Each plan change is a request of its own, so a row makes one plan change, and not with a
/// change of users or name: a refusal of the second would leave the first made (R17).
/// </remarks>
[Cmdlet(VerbsCommon.Set, "ResellerSubscription", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Subscription))]
public sealed class SetResellerSubscriptionCommand : ResellerChangeCmdlet
{
    /// <summary>The subscription to change.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SubscriptionIdCompleter))]
    public string SubscriptionId { get; set; } = string.Empty;

    /// <summary>The new number of users.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public int? UserCount { get; set; }

    /// <summary>The new customer name.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? CustomerName { get; set; }

    /// <summary>The new tier, keeping the product (R19).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    public Tier? Tier { get; set; }

    /// <summary>The new SKU, which sets tier and not-for-resale together (R19); never the other product's.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    [ArgumentCompleter(typeof(SkuCompleter))]
    public string? Sku { get; set; }

    /// <summary><c>$true</c> makes the subscription not for resale (with <see cref="NfrUserCount"/>), <c>$false</c> a standard one again (R19).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    [FlexibleBoolean]
    public bool? NotForResale { get; set; }

    /// <summary>The not-for-resale users: with <c>-NotForResale $true</c> or an <c>-NFR</c> SKU.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    public int? NfrUserCount { get; set; }

    /// <summary>
    /// The piped object itself. When it is a subscription (from Get-ResellerSubscription), its own UserCount,
    /// CustomerName, Tier and Sku bind by name too; they are not sent back, so a change made since it was listed is never
    /// undone.
    /// </summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>Writes the changed subscription.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private protected override string ProgressActivity => "Changing subscriptions";

    /// <summary>Changes one subscription.</summary>
    protected override void ProcessRecord()
    {
        ShowProgress(SubscriptionId);

        // A subscription piped from Get-ResellerSubscription, whose own values bound by name too.
        var piped = PipedSubscription.Of(InputObject);
        var userCount = piped is not null && piped.Repeats(nameof(Subscription.UserCount), UserCount) ? null : UserCount;
        var customerName = piped is not null && piped.Repeats(nameof(Subscription.CustomerName), CustomerName) ? null : CustomerName;
        var tier = piped is not null && Tier is not null && piped.Repeats(nameof(Subscription.Tier), Tier) ? null : Tier;
        var sku = piped is not null && Sku is not null && piped.Repeats(nameof(Subscription.Sku), Sku, ignoreCase: true) ? null : Sku;
        var plan = Plan.Of(tier, sku, NotForResale, NfrUserCount);
        if (userCount is null && customerName is null && plan is null && piped is not null)
        {
            WriteVerbose($"Subscription '{SubscriptionId}': nothing to change.");
            return;
        }

        var id = SubscriptionId;
        ForItem(id, () =>
        {
            if (plan is not null)
            {
                plan.Refuse(userCount is not null || customerName is not null);
                ChangePlan(id, plan, piped?.Listed(nameof(Subscription.CustomerName)) as string);
            }
            else
            {
                ChangeDetails(id, userCount, customerName, piped?.Listed(nameof(Subscription.CustomerName)) as string);
            }
        });
    }

    private void ChangeDetails(string id, int? userCount, string? customerName, string? pipedCustomerName)
    {
        var changes = new List<string>();
        if (userCount is { } count)
        {
            changes.Add($"user count to {count}");
        }

        if (customerName is not null)
        {
            changes.Add($"customer name to '{customerName}'");
        }

        // The input rules run before the prompt, so -WhatIf reports a change that would be refused (R17).
        var options = new UpdateSubscriptionOptions { UserCount = userCount, CustomerName = customerName };
        Client.ValidateUpdateSubscription(options);
        var current = pipedCustomerName ?? ForPrompt(id)?.CustomerName;
        if (!ShouldProcess(SubscriptionTarget(id, current), "Set " + string.Join(" and ", changes)))
        {
            return;
        }

        if (PassThru)
        {
            CallThen(id, (client, token) => client.UpdateSubscriptionAsync(id, options, token), WriteResult);
        }
        else
        {
            // Nothing is written: the change without the read-back, one request fewer.
            var change = SubscriptionChange.Details(options);
            CallThen(id, (client, token) => client.ChangeSubscriptionAsync(id, change, token));
        }
    }

    private void ChangePlan(string id, Plan plan, string? pipedCustomerName)
    {
        // The plan rules are the SDK's and run as the change is sent; the read for the prompt shows the subscription exists.
        var current = pipedCustomerName ?? ForPrompt(id)?.CustomerName;
        if (!ShouldProcess(SubscriptionTarget(id, current), plan.Action))
        {
            return;
        }

        CallThen(id, (client, token) => plan.ChangeAsync(client, id, token), PassThru.IsPresent ? WriteResult : null);
    }

    /// <summary>One plan change (R19): the tier, the SKU, or not-for-resale, with the SDK call that makes it.</summary>
    private sealed class Plan
    {
        private readonly Tier? _tier;
        private readonly string? _sku;
        private readonly bool? _nfr;
        private readonly int? _nfrUsers;
        private readonly int _kinds;

        private Plan(Tier? tier, string? sku, bool? nfr, int? nfrUsers)
        {
            _tier = tier;
            _sku = sku;
            _nfr = nfr;
            _nfrUsers = nfrUsers;
            _kinds = (tier is null ? 0 : 1) + (sku is null ? 0 : 1) + (nfr is null ? 0 : 1);
        }

        /// <summary>What ShouldProcess says.</summary>
        public string Action =>
            _tier is { } tier ? $"Set the tier to {tier}"
            : _sku is not null ? $"Set the SKU to {_sku.Trim().ToUpperInvariant()}" + (_nfrUsers is { } users ? string.Format(CultureInfo.CurrentCulture, " with {0} not-for-resale users", users) : string.Empty)
            : _nfr == true ? string.Format(CultureInfo.CurrentCulture, "Make it not for resale, with {0} not-for-resale users", _nfrUsers)
            : "Make it a standard subscription again, for resale";

        /// <summary>The plan change given, or <see langword="null"/> when none was.</summary>
        public static Plan? Of(Tier? tier, string? sku, bool? nfr, int? nfrUsers) =>
            tier is null && sku is null && nfr is null && nfrUsers is null ? null : new Plan(tier, sku, nfr, nfrUsers);

        /// <summary>Refuses a row that asks for more than one request's worth of change (R17), before anything is sent.</summary>
        public void Refuse(bool alsoDetails)
        {
            if (_kinds > 1)
            {
                throw new ResellerValidationException(
                    _sku is not null ? "Sku" : "Tier",
                    "R19",
                    "Give one of Tier, Sku and NotForResale: each is a request of its own, and a SKU sets the tier and not-for-resale itself (R19).");
            }

            if (_kinds == 0)
            {
                throw new ResellerValidationException(
                    "NfrUserCount",
                    "R19",
                    "NfrUserCount goes with NotForResale $true or an -NFR Sku: it is the number of not-for-resale users they need (R19).");
            }

            if (alsoDetails)
            {
                var field = _tier is not null ? "Tier" : _sku is not null ? "Sku" : "NotForResale";
                throw new ResellerValidationException(
                    field,
                    "R19",
                    $"{field} changes the plan in a request of its own, so it is not made with UserCount or CustomerName: a refusal of one would leave the other made (R17). Run the command once for each.");
            }
        }

        public Task<Subscription> ChangeAsync(ResellerClient client, string id, CancellationToken token)
        {
            if (_tier is { } tier)
            {
                return client.ChangeSubscriptionTierAsync(id, tier, token);
            }

            if (_sku is not null)
            {
                return client.ChangeSubscriptionSkuAsync(id, new ChangeSkuOptions { Sku = _sku, NfrUserCount = _nfrUsers }, token);
            }

            return client.ChangeSubscriptionNfrAsync(id, new NfrOptions { NotForResale = _nfr == true, NfrUserCount = _nfrUsers }, token);
        }
    }
}
