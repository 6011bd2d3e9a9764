using System.Management.Automation;
using Exclaimer.Reseller.PowerShell.Completion;
using Exclaimer.Reseller.PowerShell.Hosting;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Commands;

/// <summary>
/// <c>Start-ResellerSubscription</c>: starts subscriptions. The first start configures the deployment, at least one of
/// server-side, client-side and Exchange on-premises (R11); a subscription that is already configured is not
/// configured again and the result points at its home page (R12).
/// </summary>
[Cmdlet(VerbsLifecycle.Start, "ResellerSubscription", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(SubscriptionStart))]
public sealed class StartResellerSubscriptionCommand : ResellerCmdlet
{
    /// <summary>The subscriptions to start.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SubscriptionIdCompleter))]
    public string[] SubscriptionId { get; set; } = [];

    /// <summary>Server-side signatures.</summary>
    [Parameter]
    public SwitchParameter ServerSide { get; set; }

    /// <summary>Client-side signatures.</summary>
    [Parameter]
    public SwitchParameter ClientSide { get; set; }

    /// <summary>Exchange on-premises (Microsoft 365 only).</summary>
    [Parameter]
    public SwitchParameter ExchangeOnPremises { get; set; }

    private protected override string ProgressActivity => "Starting subscriptions";

    /// <summary>Starts each subscription.</summary>
    protected override void ProcessRecord()
    {
        var deployment = DeploymentOptions.None;
        deployment |= ServerSide ? DeploymentOptions.ServerSide : DeploymentOptions.None;
        deployment |= ClientSide ? DeploymentOptions.ClientSide : DeploymentOptions.None;
        deployment |= ExchangeOnPremises ? DeploymentOptions.ExchangeOnPremises : DeploymentOptions.None;
        foreach (var id in SubscriptionId)
        {
            ShowProgress(id, SubscriptionId.Length > 1 ? SubscriptionId.Length : null);
            if (!ShouldProcess($"Subscription '{id}'", $"Start with {deployment} signatures, unless it is already configured"))
            {
                continue;
            }

            ForItem(id, () => WriteObject(Call((client, token) => client.StartSubscriptionAsync(id, deployment, token))));
        }
    }
}
