using System.Management.Automation;
using Exclaimer.Reseller.PowerShell.Binding;
using Exclaimer.Reseller.PowerShell.Completion;
using Exclaimer.Reseller.PowerShell.Hosting;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Commands;

/// <summary>
/// <c>Set-ResellerSubscriptionUser</c>: replaces a user's roles on a subscription (R10). The owner always keeps Admin.
/// </summary>
[Cmdlet(VerbsCommon.Set, "ResellerSubscriptionUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SubscriptionUser))]
public sealed class SetResellerSubscriptionUserCommand : ResellerChangeCmdlet
{
    /// <summary>The subscription.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SubscriptionIdCompleter))]
    public string SubscriptionId { get; set; } = string.Empty;

    /// <summary>The user's email address.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string EmailAddress { get; set; } = string.Empty;

    /// <summary>The user's roles from now on. <c>Roles</c> and <c>Admin;Editor</c> as an exported user has them.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Roles")]
    [TextList]
    public SubscriptionRole[] Role { get; set; } = [];

    /// <summary>Writes the changed user.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Changes the roles.</summary>
    protected override void ProcessRecord()
    {
        ShowProgress(EmailAddress);
        ForItem(EmailAddress, () =>
        {
            var customerName = ForPrompt(SubscriptionId)?.CustomerName;
            var target = $"{EmailAddress} on subscription '{SubscriptionId}'" + (customerName is null ? string.Empty : $" ({customerName})");
            if (!ShouldProcess(target, $"Set the roles to {string.Join(", ", Role)}"))
            {
                return;
            }

            var id = SubscriptionId;
            var address = EmailAddress;
            var roles = Role;
            CallThen(id, (client, token) => client.SetSubscriptionUserRolesAsync(id, address, roles, token), user =>
            {
                if (PassThru)
                {
                    WriteResult(user);
                }
            });
        });
    }
}
