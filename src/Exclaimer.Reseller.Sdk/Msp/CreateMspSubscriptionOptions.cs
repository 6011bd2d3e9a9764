namespace Exclaimer.Reseller.Sdk;

/// <summary>
/// A new subscription for a Managed Service Provider (R24; <c>POST /1.0/msp/subscriptions</c>): Pro only, billed by
/// usage, so it takes no user count and no owner. Required: <see cref="DataCenter"/>, and a name (<see cref="CustomerName"/>
/// or <see cref="Customer"/>'s company name).
/// </summary>
public sealed class CreateMspSubscriptionOptions
{
    /// <summary>Where the subscription's data and mail processing live. Required.</summary>
    public DataCenter? DataCenter { get; set; }

    /// <summary>
    /// Your own id for the subscription (at most 50 characters: letters, digits, '-', '_' and '.'). Creating with an id that
    /// exists is a conflict, never a second subscription (R9); one is generated when left out.
    /// </summary>
    public string? SubscriptionId { get; set; }

    /// <summary>The product; <see cref="Sdk.Product.Microsoft365"/> when not given. The tier is always Pro.</summary>
    public Product? Product { get; set; }

    /// <summary>The subscription's name; <see cref="Customer"/>'s company name when not given.</summary>
    public string? CustomerName { get; set; }

    /// <summary>The customer (end user) to add or update and give the subscription to.</summary>
    public SetCustomerOptions? Customer { get; set; }

    /// <summary>The reseller to add or update and put the subscription under.</summary>
    public SetResellerOptions? Reseller { get; set; }
}
