using System.Management.Automation;
using Exclaimer.Reseller.PowerShell.Binding;
using Exclaimer.Reseller.PowerShell.Completion;
using Exclaimer.Reseller.PowerShell.Hosting;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Commands;

/// <summary>
/// <c>Add-ResellerSubscriptionUser</c>: adds users or colleagues to a subscription by email address (R10), as Admins
/// unless <c>-Role</c> says otherwise. A user who is already there is a <c>UserAlreadyExists</c> error. Exclaimer emails
/// each new user unless <c>-NoWelcomeEmail</c>: the API's default is to send, so not sending is the switch.
/// </summary>
[Cmdlet(VerbsCommon.Add, "ResellerSubscriptionUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(SubscriptionUser))]
public sealed class AddResellerSubscriptionUserCommand : ResellerChangeCmdlet
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

    /// <summary>The roles; Admin when not given. <c>Roles</c> and <c>Admin;Editor</c> as an exported user has them.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Roles")]
    [BlankAsNull]
    [TextList]
    public SubscriptionRole[]? Role { get; set; }

    /// <summary>Sends no welcome email: the user is added without being told (the API sends one by default).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [FlexibleBoolean]
    public SwitchParameter NoWelcomeEmail { get; set; }

    /// <summary>Writes each added user.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private protected override string ProgressActivity => "Adding users";

    /// <summary>Adds the users.</summary>
    protected override void ProcessRecord()
    {
        var roles = Role is { Length: > 0 } given ? string.Join(", ", given) : nameof(SubscriptionRole.Admin);
        var welcome = NoWelcomeEmail ? ", without a welcome email" : string.Empty;
        string? customerName = null;
        foreach (var address in EmailAddress)
        {
            ShowProgress(address);
            ForItem(address, () =>
            {
                // One read for all the addresses, and only when the prompt will show.
                customerName ??= ForPrompt(SubscriptionId)?.CustomerName;
                if (!ShouldProcess(SubscriptionTarget(SubscriptionId, customerName), $"Add {address} as {roles}{welcome}"))
                {
                    return;
                }

                var id = SubscriptionId;

                // Only "don't send" is said: left out, the server decides, and it sends.
                var options = new AddSubscriptionUserOptions { EmailAddress = address, Roles = Role, SendWelcomeEmail = NoWelcomeEmail ? false : null };
                CallThen(id, (client, token) => client.AddSubscriptionUserAsync(id, options, token), user =>
                {
                    if (PassThru)
                    {
                        WriteResult(user);
                    }
                });
            });
        }
    }
}
