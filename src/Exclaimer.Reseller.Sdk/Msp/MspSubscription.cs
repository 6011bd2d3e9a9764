using System.Text.Json.Serialization;

namespace Exclaimer.Reseller.Sdk;

/// <summary>A subscription as the MSP operations report it (R24; <c>GET /1.0/msp/subscriptions</c>).</summary>
public sealed record MspSubscription
{
    /// <summary>The subscription's id.</summary>
    [JsonPropertyName("SubscriptionID")]
    public string SubscriptionId { get; init; } = string.Empty;

    /// <summary>The subscription's name.</summary>
    [JsonPropertyName("Name")]
    public string CustomerName { get; init; } = string.Empty;

    /// <summary>The customer's id (the Cloud API's end user), when it has one.</summary>
    [JsonPropertyName("EndUserID")]
    public string? CustomerId { get; init; }

    /// <summary>The reseller's id, when it has one.</summary>
    [JsonPropertyName("ResellerID")]
    public string? ResellerId { get; init; }

    /// <summary>
    /// The mailboxes used over the period asked for (the previous calendar month by default); only when usage was asked
    /// for (<see cref="MspSubscriptionQuery.IncludeUsage"/>).
    /// </summary>
    public int? TotalMailboxes { get; init; }
}
