namespace Exclaimer.Reseller.Sdk;

/// <summary>
/// A transfer started by the subscription's owner (R21): hand <see cref="TransferToken"/> to the partner who is to take
/// the subscription over; they claim it once with <see cref="ResellerClient.ClaimSubscriptionTransferAsync"/>. Until then
/// the owner can cancel it. The token hands the subscription over: keep it out of logs and tickets.
/// </summary>
public sealed record SubscriptionTransfer
{
    /// <summary>The subscription being transferred.</summary>
    public string SubscriptionId { get; init; } = string.Empty;

    /// <summary>The single-use token that claims it.</summary>
    public string TransferToken { get; init; } = string.Empty;
}
