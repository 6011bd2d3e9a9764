namespace Exclaimer.Reseller.Sdk;

/// <summary>A reseller to add, or to update by its id (R22; <c>PUT /1.0/resellers</c>). Every field is required.</summary>
public sealed class SetResellerOptions
{
    /// <summary>Your own id for the reseller (at most 100 characters). A reseller with this id is updated; otherwise one is added.</summary>
    public string? ResellerId { get; set; }

    /// <summary>The reseller's company name (at most 100 characters).</summary>
    public string? CompanyName { get; set; }

    /// <summary>The reseller's country, ISO 3166-1 (alpha-2, alpha-3 or numeric).</summary>
    public string? CountryCode { get; set; }
}
