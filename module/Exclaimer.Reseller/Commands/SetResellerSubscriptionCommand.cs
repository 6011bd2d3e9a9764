using System.Collections.Generic;
using System.Management.Automation;
using Exclaimer.Reseller.PowerShell.Completion;
using Exclaimer.Reseller.PowerShell.Hosting;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Commands;

/// <summary>
/// <c>Set-ResellerSubscription</c>: changes a subscription's number of users (the Cloud API's mailbox count) or its
/// customer name (R13). What is not given stays as it is.
/// </summary>
[Cmdlet(VerbsCommon.Set, "ResellerSubscription", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Subscription))]
public sealed class SetResellerSubscriptionCommand : ResellerCmdlet
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

    /// <summary>Writes the changed subscription.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private protected override string ProgressActivity => "Changing subscriptions";

    /// <summary>Changes one subscription.</summary>
    protected override void ProcessRecord()
    {
        ShowProgress(SubscriptionId);
        var changes = new List<string>();
        if (UserCount is { } count)
        {
            changes.Add($"user count to {count}");
        }

        if (CustomerName is not null)
        {
            changes.Add($"customer name to '{CustomerName}'");
        }

        if (!ShouldProcess($"Subscription '{SubscriptionId}'", "Set " + (changes.Count == 0 ? "nothing" : string.Join(" and ", changes))))
        {
            return;
        }

        var options = new UpdateSubscriptionOptions { UserCount = UserCount, CustomerName = CustomerName };
        ForItem(SubscriptionId, () =>
        {
            var changed = Call((client, token) => client.UpdateSubscriptionAsync(SubscriptionId, options, token));
            if (PassThru)
            {
                WriteObject(changed);
            }
        });
    }
}
