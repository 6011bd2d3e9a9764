using System.Collections.Generic;
using System.Management.Automation;
using Exclaimer.Reseller.PowerShell.Completion;
using Exclaimer.Reseller.PowerShell.Hosting;
using Exclaimer.Reseller.PowerShell.Output;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Commands;

/// <summary>
/// <c>Set-ResellerSubscription</c>: changes a subscription's number of users (the Cloud API's mailbox count) or its
/// customer name (R13). What is not given stays as it is.
/// </summary>
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

    /// <summary>
    /// The piped object itself. When it is a subscription (from Get-ResellerSubscription), its own UserCount and
    /// CustomerName bind by name too; they are not sent back, so a change made since it was listed is never undone.
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
        var piped = OutputView.Is<Subscription>(InputObject) ? InputObject : null;
        var pipedUserCount = piped?.Properties[nameof(Subscription.UserCount)]?.Value as int?;
        var pipedCustomerName = piped?.Properties[nameof(Subscription.CustomerName)]?.Value as string;
        var userCount = piped is not null && UserCount == pipedUserCount ? null : UserCount;
        var customerName = piped is not null && CustomerName == pipedCustomerName ? null : CustomerName;
        if (userCount is null && customerName is null && piped is not null)
        {
            WriteVerbose($"Subscription '{SubscriptionId}': nothing to change.");
            return;
        }

        var changes = new List<string>();
        if (userCount is { } count)
        {
            changes.Add($"user count to {count}");
        }

        if (customerName is not null)
        {
            changes.Add($"customer name to '{customerName}'");
        }

        var options = new UpdateSubscriptionOptions { UserCount = userCount, CustomerName = customerName };
        ForItem(SubscriptionId, () =>
        {
            // The input rules run before the prompt, so -WhatIf reports a change that would be refused (R17).
            Client.ValidateUpdateSubscription(options);
            var current = pipedCustomerName ?? ForPrompt(SubscriptionId)?.CustomerName;
            if (!ShouldProcess(SubscriptionTarget(SubscriptionId, current), "Set " + string.Join(" and ", changes)))
            {
                return;
            }

            var id = SubscriptionId;
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
        });
    }
}
