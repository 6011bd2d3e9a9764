namespace Exclaimer.Reseller.Sdk.Wire;

/// <summary>The body of the emulator's <c>POST _emulator/1.0/subscriptions/{id}/start</c> (R11): the deployment to configure.</summary>
internal sealed class StartSubscriptionRequest
{
    public DeploymentOptions Deployment { get; set; }
}

/// <summary>The emulator's answer to a start (R11, R12).</summary>
internal sealed class StartSubscriptionResponse
{
    public bool Configured { get; set; }

    public bool WasAlreadyConfigured { get; set; }

    public DeploymentOptions Deployment { get; set; }

    public System.Uri? HomePage { get; set; }

    public CloudApiSubscription? Subscription { get; set; }
}

/// <summary>The emulator's answer to sending an invitation again (R6).</summary>
internal sealed class InvitationResponse
{
    public Invitation? Invitation { get; set; }
}
