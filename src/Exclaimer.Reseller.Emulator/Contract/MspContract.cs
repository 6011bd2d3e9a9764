using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Exclaimer.Reseller.Emulator.Contract;

// The MSP operations (R24), as openapi.json defines them.

/// <summary><c>POST /1.0/msp/subscriptions</c> (AddMspSubscription).</summary>
internal sealed class AddMspBody
{
    public string? DataCenter { get; set; }

    [JsonPropertyName("SubscriptionID")]
    public string? SubscriptionId { get; set; }

    [JsonPropertyName("SKU")]
    public string? Sku { get; set; }

    public string? SubscriptionName { get; set; }

    public EndUserBody? EndUser { get; set; }

    public ResellerBody? Reseller { get; set; }
}

internal sealed class AddMspAnswer
{
    [JsonPropertyName("SubscriptionID")]
    public string SubscriptionId { get; set; } = string.Empty;
}

/// <summary>An MSP subscription (MspSubscription); <c>TotalMailboxes</c> only when usage was asked for.</summary>
internal sealed class MspSubscriptionAnswer
{
    [JsonPropertyName("EndUserID")]
    public string? EndUserId { get; set; }

    public string Name { get; set; } = string.Empty;

    [JsonPropertyName("ResellerID")]
    public string? ResellerId { get; set; }

    [JsonPropertyName("SubscriptionID")]
    public string SubscriptionId { get; set; } = string.Empty;

    public int? TotalMailboxes { get; set; }
}

internal sealed class SingleMspSubscriptionAnswer
{
    public MspSubscriptionAnswer? Subscription { get; set; }
}

internal sealed class MspSubscriptionsAnswer
{
    public List<MspSubscriptionAnswer> Subscriptions { get; set; } = new();

    public int SubscriptionCount { get; set; }

    public int? ContinuationToken { get; set; }

    public int Page { get; set; }

    public int PageSize { get; set; }
}

/// <summary>The answer to <c>GET /1.0/msp/subscriptions/{id}/status</c> (GetMspSubscriptionStatusResponse).</summary>
internal sealed class MspStatusAnswer
{
    public string Status { get; set; } = "Unknown";

    public bool Onboarded { get; set; }
}

/// <summary>The answer to <c>GET /1.0/msp/subscriptions/{id}/senders/json</c> (GetMspSendersResponse).</summary>
internal sealed class MspSendersAnswer
{
    public List<SenderAnswer> Senders { get; set; } = new();
}
