using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Exclaimer.Reseller.Sdk.Wire;

/// <summary>The body of <c>PUT .../change-tier</c>.</summary>
internal sealed class ChangeTierRequest
{
    public Tier Tier { get; set; }
}

/// <summary>The body of <c>PUT .../change-sku</c>; the NFR users only for an NFR SKU.</summary>
internal sealed class ChangeSkuRequest
{
    [JsonPropertyName("SKU")]
    public string Sku { get; set; } = string.Empty;

    [JsonPropertyName("NumberOfNFRUsers")]
    public int? NumberOfNfrUsers { get; set; }
}

/// <summary>The body of <c>PUT .../nfr</c>; the NFR users only when NFR is on.</summary>
internal sealed class NfrRequest
{
    [JsonPropertyName("NFR")]
    public bool Nfr { get; set; }

    [JsonPropertyName("NumberOfNFRUsers")]
    public int? NumberOfNfrUsers { get; set; }
}

/// <summary>The body of <c>POST .../change-owner</c>: one of the two.</summary>
internal sealed class ChangeOwnerRequest
{
    [JsonPropertyName("UserID")]
    public string? UserId { get; set; }

    public string? EmailAddress { get; set; }
}

/// <summary>The body of <c>POST .../migrate</c>: a field left out changes nothing, an empty one removes.</summary>
internal sealed class MigrateRequest
{
    [JsonPropertyName("ResellerID")]
    public string? ResellerId { get; set; }

    [JsonPropertyName("EndUserID")]
    public string? EndUserId { get; set; }
}

/// <summary>The body of <c>PUT /1.0/end-users</c>, and the end user of a claim or an MSP create.</summary>
internal sealed class EndUserRequest
{
    [JsonPropertyName("EndUserID")]
    public string EndUserId { get; set; } = string.Empty;

    public string CompanyName { get; set; } = string.Empty;

    public string CountryCode { get; set; } = string.Empty;
}

/// <summary>The body of <c>PUT /1.0/resellers</c>, and the reseller of a claim or an MSP create.</summary>
internal sealed class ResellerRequest
{
    [JsonPropertyName("ResellerID")]
    public string ResellerId { get; set; } = string.Empty;

    public string CompanyName { get; set; } = string.Empty;

    public string CountryCode { get; set; } = string.Empty;
}

/// <summary>The body of <c>POST /1.0/subscriptions/transfer/claim</c>.</summary>
internal sealed class ClaimTransferRequest
{
    public string TransferToken { get; set; } = string.Empty;

    [JsonPropertyName("SubscriptionID")]
    public string? SubscriptionId { get; set; }

    [JsonPropertyName("ResellerID")]
    public string? ResellerId { get; set; }

    public ResellerRequest? Reseller { get; set; }

    [JsonPropertyName("EndUserID")]
    public string? EndUserId { get; set; }

    public EndUserRequest? EndUser { get; set; }
}

/// <summary>The body of <c>POST /1.0/msp/subscriptions</c> (AddMspSubscription).</summary>
internal sealed class AddMspSubscriptionRequest
{
    public DataCenter DataCenter { get; set; }

    /// <summary>Always sent, generated when the caller gave none, so a retry can never make a second subscription (R9).</summary>
    [JsonPropertyName("SubscriptionID")]
    public string SubscriptionId { get; set; } = string.Empty;

    [JsonPropertyName("SKU")]
    public string Sku { get; set; } = string.Empty;

    public string? SubscriptionName { get; set; }

    public EndUserRequest? EndUser { get; set; }

    public ResellerRequest? Reseller { get; set; }
}
