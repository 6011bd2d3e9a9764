namespace Exclaimer.Reseller.Sdk;

/// <summary>A customer to add, or to update by its id (R22; the Cloud API's end user, <c>PUT /1.0/end-users</c>). Every field is required.</summary>
public sealed class SetCustomerOptions
{
    /// <summary>Your own id for the customer (at most 100 characters). A customer with this id is updated; otherwise one is added.</summary>
    public string? CustomerId { get; set; }

    /// <summary>The customer's company name (at most 100 characters).</summary>
    public string? CompanyName { get; set; }

    /// <summary>The customer's country, ISO 3166-1 (alpha-2, alpha-3 or numeric).</summary>
    public string? CountryCode { get; set; }
}
