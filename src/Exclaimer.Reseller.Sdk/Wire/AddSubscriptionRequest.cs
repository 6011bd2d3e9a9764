using System.Text.Json.Serialization;

namespace Exclaimer.Reseller.Sdk.Wire;

/// <summary>The body of <c>POST /v2.0/subscriptions</c> (the Cloud API's AddSubscriptionV2).</summary>
internal sealed class AddSubscriptionRequest
{
    /// <summary>Always sent, generated when the caller gave none, so a retry can never make a second subscription (R9).</summary>
    [JsonPropertyName("SubscriptionID")]
    public string SubscriptionId { get; set; } = string.Empty;

    /// <summary>The owner's user id, only when the caller chose one.</summary>
    [JsonPropertyName("UserID")]
    public string? UserId { get; set; }

    /// <summary>The owner: the customer contact with customer access (R5), else the reseller's admin (R4); left out only for a server that takes none.</summary>
    public string? EmailAddress { get; set; }

    public int MailboxCount { get; set; }

    public string CountryCode { get; set; } = string.Empty;

    /// <summary>Only when the caller chose one; otherwise the Cloud API picks it from the country (R3).</summary>
    public DataCenter? DataCenter { get; set; }

    /// <summary>Only when the caller chose one; the Cloud API's default is GBP, and it never changes (R3).</summary>
    public string? CurrencyCode { get; set; }

    /// <summary>Only when the caller chose a length; otherwise the Cloud API's 14 days (R7).</summary>
    public int? TrialDays { get; set; }

    public bool SendWelcomeEmailToCustomer { get; set; }

    public string SubscriptionName { get; set; } = string.Empty;

    [JsonPropertyName("SKU")]
    public string Sku { get; set; } = string.Empty;

    public string? BillingGroup { get; set; }

    public AddSubscriptionEndUser? EndUser { get; set; }

    public AddSubscriptionReseller? Reseller { get; set; }

    /// <summary>Only sent when true: the Cloud API's default is the 14-day trial (R7).</summary>
    public bool? SkipTrial { get; set; }
}

/// <summary>The customer part of a create (the Cloud API's AddSubscriptionEndUserV2).</summary>
internal sealed class AddSubscriptionEndUser
{
    /// <summary>The customer's domain; left out only for a server that takes a customer without one.</summary>
    public string? Domain { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? EmailAddress { get; set; }
}

/// <summary>The reseller part of a create (the Cloud API's AddSubscriptionResellerV2).</summary>
internal sealed class AddSubscriptionReseller
{
    public string Domain { get; set; } = string.Empty;
}
