using System.Text.Json.Serialization;

namespace Exclaimer.Reseller.Sdk;

/// <summary>
/// A reseller below your partner account, as the Cloud API keeps it (<c>GET /1.0/resellers</c>): distributors and MSPs
/// group subscriptions by the reseller that sells them (<see cref="Subscription.ResellerId"/>).
/// </summary>
public sealed record ResellerCompany
{
    /// <summary>Your id for the reseller.</summary>
    [JsonPropertyName("ResellerID")]
    public string ResellerId { get; init; } = string.Empty;

    /// <summary>The reseller's company name.</summary>
    public string CompanyName { get; init; } = string.Empty;

    /// <summary>The reseller's country (the Cloud API reports ISO 3166-1 alpha-3), when known.</summary>
    public string? CountryCode { get; init; }
}
