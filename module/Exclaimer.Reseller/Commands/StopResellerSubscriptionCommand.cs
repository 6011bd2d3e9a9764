using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.PowerShell.Hosting;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Commands;

/// <summary>
/// <c>Stop-ResellerSubscription</c>: cancels subscriptions (R15). Each is ended and moved to the archive; nothing is
/// deleted, and <c>Resume-ResellerSubscription</c> brings it back. Asks for confirmation (ConfirmImpact High).
/// </summary>
[Cmdlet(VerbsLifecycle.Stop, "ResellerSubscription", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(Subscription))]
public sealed class StopResellerSubscriptionCommand : SubscriptionChangeCmdlet
{
    private protected override string Action => "Cancel the subscription and move it to the archive";

    private protected override string ProgressActivity => "Cancelling subscriptions";

    private protected override SubscriptionChange Change => SubscriptionChange.Cancel;

    private protected override Task<Subscription> ChangeAsync(ResellerClient client, string subscriptionId, CancellationToken cancellationToken) =>
        client.CancelSubscriptionAsync(subscriptionId, cancellationToken);
}
