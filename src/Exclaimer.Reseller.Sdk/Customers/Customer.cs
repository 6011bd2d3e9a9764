using System.Text.Json.Serialization;

namespace Exclaimer.Reseller.Sdk;

/// <summary>
/// A customer of the reseller (the Cloud API's end user). The counts are filled in by the local engine,
/// which knows every subscription; they are <see langword="null"/> when the Cloud API is the source.
/// </summary>
public sealed record Customer
{
    /// <summary>The customer's id.</summary>
    [JsonPropertyName("EndUserID")]
    public string CustomerId { get; init; } = string.Empty;

    /// <summary>The customer's company name.</summary>
    public string CompanyName { get; init; } = string.Empty;

    /// <summary>The customer's country (ISO 3166-1), when known.</summary>
    public string? CountryCode { get; init; }

    /// <summary>The customer's subscriptions that are not archived, when known.</summary>
    public int? SubscriptionCount { get; init; }

    /// <summary>The users across those subscriptions, when known.</summary>
    public int? UserCount { get; init; }
}
