using System.Collections.Generic;
using System.Linq;
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
public sealed class StartResellerSubscriptionCommand : ResellerChangeCmdlet
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
            ForItem(id, () =>
            {
                var current = ForPrompt(id);
                string action;
                if (current is { IsConfigured: true })
                {
                    action = NotApplied(deployment, current.Deployment ?? DeploymentOptions.None) is { } ignored
                        ? $"Nothing: it is already configured with {current.Deployment}, so {ignored} would not be applied (R12)"
                        : $"Nothing: it is already configured with {current.Deployment} (R12); show its home page";
                }
                else
                {
                    // A first start's input rule runs before the prompt, so -WhatIf reports a start that would be refused (R11).
                    if (current is { Status: SubscriptionStatus.Active })
                    {
                        Client.ValidateDeployment(deployment, current.Product);
                    }

                    action = $"Start with {deployment} signatures, unless it is already configured";
                }

                if (!ShouldProcess(SubscriptionTarget(id, current?.CustomerName), action))
                {
                    return;
                }

                CallThen(id, (client, token) => client.StartSubscriptionAsync(id, deployment, token), start =>
                {
                    Explain(start, deployment);
                    WriteResult(start);
                });
            });
        }
    }

    /// <summary>The switches asked for that the configured deployment does not have, as typed; null when none.</summary>
    private static string? NotApplied(DeploymentOptions asked, DeploymentOptions configured)
    {
        var missing = asked & ~configured;
        var switches = new List<string>();
        foreach (var option in new[] { DeploymentOptions.ServerSide, DeploymentOptions.ClientSide, DeploymentOptions.ExchangeOnPremises })
        {
            if (missing.HasFlag(option))
            {
                switches.Add("-" + option);
            }
        }

        return switches.Count switch
        {
            0 => null,
            1 => switches[0],
            _ => string.Join(", ", switches.Take(switches.Count - 1)) + " and " + switches[switches.Count - 1],
        };
    }

    /// <summary>Says what a start that configured nothing means, so a second start with new options is never silent (R12).</summary>
    private void Explain(SubscriptionStart start, DeploymentOptions asked)
    {
        var subscription = SubscriptionTarget(start.Subscription.SubscriptionId, start.Subscription.CustomerName);
        if (start.WasAlreadyConfigured)
        {
            if (NotApplied(asked, start.Deployment) is { } ignored)
            {
                WriteWarning(
                    $"{subscription} is already configured with {start.Deployment}; {ignored} changed nothing (R12). "
                    + $"To change how its signatures are deployed, open its home page and manage the subscription there: {start.HomePage}");
            }
            else
            {
                WriteVerbose($"{subscription} is already configured with {start.Deployment}; nothing changed (R12). Its home page: {start.HomePage}");
            }
        }
        else if (!start.Configured)
        {
            // The Cloud API has no call for the connection: it is a consent in the portal, and the SDK never pretends.
            WriteWarning(
                $"{subscription} was not configured: connecting it to Microsoft 365 or Google Workspace is done in the Exclaimer portal. "
                + $"Finish it there: {start.HomePage}");
        }
    }
}
