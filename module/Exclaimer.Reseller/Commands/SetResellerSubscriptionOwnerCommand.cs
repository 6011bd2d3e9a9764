using System.Management.Automation;
using Exclaimer.Reseller.PowerShell.Completion;
using Exclaimer.Reseller.PowerShell.Hosting;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Commands;

/// <summary>
/// <c>Set-ResellerSubscriptionOwner</c>: makes an existing Admin of a subscription its owner (R20), named by address or by
/// user id. The old owner stays a user but loses the owner's protection (R10), so can then be removed: ConfirmImpact High.
/// </summary>
[Cmdlet(VerbsCommon.Set, "ResellerSubscriptionOwner", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByEmailSet)]
[OutputType(typeof(Subscription))]
public sealed class SetResellerSubscriptionOwnerCommand : ResellerChangeCmdlet
{
    private const string ByEmailSet = "ByEmailAddress";
    private const string ByUserIdSet = "ByUserId";

    /// <summary>The subscription.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SubscriptionIdCompleter))]
    public string SubscriptionId { get; set; } = string.Empty;

    /// <summary>The new owner's email address: a user of the subscription who holds Admin.</summary>
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByEmailSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string EmailAddress { get; set; } = string.Empty;

    /// <summary>The new owner's user id on the subscription (a user's UserId).</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByUserIdSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string UserId { get; set; } = string.Empty;

    /// <summary>Writes the subscription with its new owner.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private protected override string ProgressActivity => "Changing owners";

    /// <summary>Changes one subscription's owner.</summary>
    protected override void ProcessRecord()
    {
        var id = SubscriptionId;
        var byEmail = ParameterSetName == ByEmailSet;
        var owner = byEmail ? EmailAddress : UserId;
        ShowProgress(id);
        ForItem(id, () =>
        {
            var customerName = ForPrompt(id)?.CustomerName;
            var who = byEmail ? owner : $"the user with the id '{owner}'";
            if (!ShouldProcess(SubscriptionTarget(id, customerName), $"Make {who} the owner; the current owner stays a user and can then be removed (R20)"))
            {
                return;
            }

            var options = byEmail ? new ChangeOwnerOptions { EmailAddress = owner } : new ChangeOwnerOptions { UserId = owner };
            CallThen(id, (client, token) => client.ChangeSubscriptionOwnerAsync(id, options, token), PassThru.IsPresent ? WriteResult : null);
        });
    }
}
