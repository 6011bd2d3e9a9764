using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.PowerShell.Hosting;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Commands;

/// <summary>
/// <c>Complete-ResellerTrial</c>: converts trial subscriptions into full subscriptions (R7; Cloud API
/// <c>activate-full</c>). A subscription that is already full stays as it is.
/// </summary>
[Cmdlet(VerbsLifecycle.Complete, "ResellerTrial", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Subscription))]
public sealed class CompleteResellerTrialCommand : SubscriptionChangeCmdlet
{
    private protected override string Action => "Convert the trial into a full subscription";

    private protected override string ProgressActivity => "Converting trials";

    private protected override SubscriptionChange Change => SubscriptionChange.ActivateFull;

    private protected override Task<Subscription> ChangeAsync(ResellerClient client, string subscriptionId, CancellationToken cancellationToken) =>
        client.ActivateFullSubscriptionAsync(subscriptionId, cancellationToken);
}
