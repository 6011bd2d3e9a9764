namespace Exclaimer.Reseller.Sdk;

/// <summary>
/// Moves a subscription to another reseller and/or customer (R22; <c>POST .../migrate</c>). For each:
/// <see langword="null"/> leaves it as it is, <see cref="string.Empty"/> removes it, and any other id must name one that
/// exists (<see cref="ResellerClient.SetResellerAsync"/>, <see cref="ResellerClient.SetCustomerAsync"/>).
/// </summary>
public sealed class MigrateSubscriptionOptions
{
    /// <summary>The reseller's id; <see cref="string.Empty"/> to remove the subscription's reseller.</summary>
    public string? ResellerId { get; set; }

    /// <summary>The customer's id (the Cloud API's end user); <see cref="string.Empty"/> to remove the subscription's customer.</summary>
    public string? CustomerId { get; set; }
}
