using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.PowerShell.Hosting;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Commands;

/// <summary>
/// <c>Resume-ResellerSubscription</c>: reactivates suspended subscriptions and archived (cancelled or ended) ones
/// (R13, R16; Cloud API <c>reactivate</c>). <c>-RestartTrial</c> starts a fresh 14-day trial.
/// </summary>
[Cmdlet(VerbsLifecycle.Resume, "ResellerSubscription", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Subscription))]
public sealed class ResumeResellerSubscriptionCommand : SubscriptionChangeCmdlet
{
    /// <summary>Starts a fresh 14-day trial instead of keeping the old trial or full state.</summary>
    [Parameter]
    public SwitchParameter RestartTrial { get; set; }

    private protected override string Action => RestartTrial ? "Reactivate the subscription with a new 14-day trial" : "Reactivate the subscription";

    private protected override string ProgressActivity => "Reactivating subscriptions";

    private protected override SubscriptionChange Change => SubscriptionChange.Reactivate(RestartTrial);

    private protected override Task<Subscription> ChangeAsync(ResellerClient client, string subscriptionId, CancellationToken cancellationToken) =>
        client.ReactivateSubscriptionAsync(subscriptionId, RestartTrial, cancellationToken);
}
