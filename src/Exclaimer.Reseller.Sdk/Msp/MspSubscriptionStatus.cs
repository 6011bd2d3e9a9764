namespace Exclaimer.Reseller.Sdk;

/// <summary>Where an MSP subscription stands (R24; <c>GET /1.0/msp/subscriptions/{id}/status</c>).</summary>
public sealed record MspSubscriptionStatus
{
    /// <summary>The subscription's status; <see cref="SubscriptionStatus.Unknown"/> when the server does not know it either.</summary>
    public SubscriptionStatus Status { get; init; }

    /// <summary>Whether the customer's tenant finished onboarding (the connection to Microsoft 365 or Google is made).</summary>
    public bool Onboarded { get; init; }
}
