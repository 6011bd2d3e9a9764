using System.Management.Automation;
using Exclaimer.Reseller.PowerShell.Completion;
using Exclaimer.Reseller.PowerShell.Hosting;

namespace Exclaimer.Reseller.PowerShell.Commands;

/// <summary>
/// <c>Remove-ResellerSubscriptionUser</c>: removes users from a subscription by email address (R10). The owner cannot
/// be removed (<c>OwnerCannotBeRemoved</c>).
/// </summary>
[Cmdlet(VerbsCommon.Remove, "ResellerSubscriptionUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(void))]
public sealed class RemoveResellerSubscriptionUserCommand : ResellerChangeCmdlet
{
    /// <summary>The subscription.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SubscriptionIdCompleter))]
    public string SubscriptionId { get; set; } = string.Empty;

    /// <summary>The users' email addresses.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] EmailAddress { get; set; } = [];

    private protected override string ProgressActivity => "Removing users";

    /// <summary>Removes the users.</summary>
    protected override void ProcessRecord()
    {
        string? customerName = null;
        foreach (var address in EmailAddress)
        {
            ShowProgress(address);
            ForItem(address, () =>
            {
                // One read for all the addresses, and only when the prompt will show.
                customerName ??= ForPrompt(SubscriptionId)?.CustomerName;
                if (ShouldProcess(SubscriptionTarget(SubscriptionId, customerName), $"Remove {address}"))
                {
                    var id = SubscriptionId;
                    CallThen(id, (client, token) => client.RemoveSubscriptionUserAsync(id, address, token));
                }
            });
        }
    }
}
