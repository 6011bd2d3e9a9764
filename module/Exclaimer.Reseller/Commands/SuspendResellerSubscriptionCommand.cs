using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.PowerShell.Hosting;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Commands;

/// <summary>
/// <c>Suspend-ResellerSubscription</c>: suspends subscriptions (R13; Cloud API <c>deactivate</c>): no signatures and no
/// editor access until <c>Resume-ResellerSubscription</c>. Mail still flows. Suspending twice changes nothing.
/// </summary>
[Cmdlet(VerbsLifecycle.Suspend, "ResellerSubscription", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Subscription))]
public sealed class SuspendResellerSubscriptionCommand : SubscriptionChangeCmdlet
{
    private protected override string Action => "Suspend the subscription";

    private protected override string ProgressActivity => "Suspending subscriptions";

    private protected override SubscriptionChange Change => SubscriptionChange.Suspend;

    private protected override Task<Subscription> ChangeAsync(ResellerClient client, string subscriptionId, CancellationToken cancellationToken) =>
        client.SuspendSubscriptionAsync(subscriptionId, cancellationToken);
}
