using System.Text.Json.Serialization;

namespace Exclaimer.Reseller.Emulator.Contract;

// Transfers (R21): initiate, claim and cancel, as openapi.json defines them.

/// <summary>The answer to <c>POST .../transfer</c> (InitiateSubscriptionTransferResponse).</summary>
internal sealed class TransferAnswer
{
    public string TransferToken { get; set; } = string.Empty;
}

/// <summary><c>POST /1.0/subscriptions/transfer/claim</c> (ClaimSubscriptionTransfer).</summary>
internal sealed class ClaimBody
{
    public string? TransferToken { get; set; }

    [JsonPropertyName("SubscriptionID")]
    public string? SubscriptionId { get; set; }

    [JsonPropertyName("ResellerID")]
    public string? ResellerId { get; set; }

    public ResellerBody? Reseller { get; set; }

    [JsonPropertyName("EndUserID")]
    public string? EndUserId { get; set; }

    public EndUserBody? EndUser { get; set; }
}

/// <summary>The answer to a claim (ClaimSubscriptionTransferResponse).</summary>
internal sealed class ClaimAnswer
{
    [JsonPropertyName("SubscriptionID")]
    public string SubscriptionId { get; set; } = string.Empty;
}
