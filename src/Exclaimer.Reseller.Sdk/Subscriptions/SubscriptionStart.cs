using System;

namespace Exclaimer.Reseller.Sdk;

/// <summary>What starting a subscription did (R11, R12).</summary>
public sealed record SubscriptionStart
{
    /// <summary>The subscription as it stands after the start.</summary>
    public Subscription Subscription { get; init; } = new();

    /// <summary>
    /// <see langword="true"/> when the subscription was already configured, so nothing was configured again
    /// and <see cref="HomePage"/> is where the signature work happens (R12).
    /// </summary>
    public bool WasAlreadyConfigured { get; init; }

    /// <summary>
    /// Whether this call configured the connection. Over the Cloud API this is always <see langword="false"/>:
    /// the connection is an interactive consent in the portal, and the SDK never pretends to make it.
    /// </summary>
    public bool Configured { get; init; }

    /// <summary>The deployment in effect.</summary>
    public DeploymentOptions Deployment { get; init; }

    /// <summary>
    /// The page to open: the subscription's home page (new signature, new folder, edit design, signature
    /// rules, manage subscription), or over the Cloud API the portal page where onboarding is finished.
    /// </summary>
    public Uri HomePage { get; init; } = new("https://portal.exclaimer.com/", UriKind.Absolute);
}
