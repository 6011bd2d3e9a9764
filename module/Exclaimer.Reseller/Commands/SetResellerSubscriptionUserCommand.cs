using System.Management.Automation;
using Exclaimer.Reseller.PowerShell.Completion;
using Exclaimer.Reseller.PowerShell.Hosting;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Commands;

/// <summary>
/// <c>Set-ResellerSubscriptionUser</c>: replaces a user's roles on a subscription (R10). The owner always keeps Admin.
/// </summary>
[Cmdlet(VerbsCommon.Set, "ResellerSubscriptionUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SubscriptionUser))]
public sealed class SetResellerSubscriptionUserCommand : ResellerCmdlet
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

    /// <summary>The user's roles from now on.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public SubscriptionRole[] Role { get; set; } = [];

    /// <summary>Writes the changed user.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Changes the roles.</summary>
    protected override void ProcessRecord()
    {
        ShowProgress(EmailAddress);
        if (!ShouldProcess($"{EmailAddress} on subscription '{SubscriptionId}'", $"Set the roles to {string.Join(", ", Role)}"))
        {
            return;
        }

        ForItem(EmailAddress, () =>
        {
            var user = Call((client, token) => client.SetSubscriptionUserRolesAsync(SubscriptionId, EmailAddress, Role, token));
            if (PassThru)
            {
                WriteObject(user);
            }
        });
    }
}
