namespace Exclaimer.Reseller.Sdk;

/// <summary>
/// Claims a subscription another partner (or you) put up for transfer (R21; <c>POST /1.0/subscriptions/transfer/claim</c>).
/// Only <see cref="TransferToken"/> is required. Claiming your own transfer with only the token changes nothing but
/// the pending state; give any other detail and the subscription takes it, and no reseller or customer it does not name.
/// </summary>
public sealed class ClaimTransferOptions
{
    /// <summary>The token the owner was given. Required; it claims once (a claim refused for its input does not spend it).</summary>
    public string? TransferToken { get; set; }

    /// <summary>
    /// Your id for the subscription once it is yours (at most 50 characters: letters, digits, '-', '_' and '.'). When
    /// left out, or in use, the server generates one; the claim's result says which.
    /// </summary>
    public string? SubscriptionId { get; set; }

    /// <summary>An existing reseller to put the subscription under; not with <see cref="Reseller"/>.</summary>
    public string? ResellerId { get; set; }

    /// <summary>A reseller to add or update and put the subscription under; not with <see cref="ResellerId"/>.</summary>
    public SetResellerOptions? Reseller { get; set; }

    /// <summary>An existing customer (end user) to give the subscription to; not with <see cref="Customer"/>.</summary>
    public string? CustomerId { get; set; }

    /// <summary>A customer to add or update and give the subscription to; not with <see cref="CustomerId"/>.</summary>
    public SetCustomerOptions? Customer { get; set; }
}
