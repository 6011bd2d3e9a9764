using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Exclaimer.Reseller.Sdk.Wire;

/// <summary>The answer to <c>POST .../transfer</c>.</summary>
internal sealed class InitiateTransferResponse
{
    public string? TransferToken { get; set; }
}

/// <summary>The answer to a claim, or to an MSP create: the subscription's id.</summary>
internal sealed class SubscriptionIdResponse
{
    [JsonPropertyName("SubscriptionID")]
    public string? SubscriptionId { get; set; }
}

/// <summary>One page of <c>GET /1.0/resellers</c>.</summary>
internal sealed class ResellersResponse
{
    public List<ResellerCompany>? Resellers { get; set; }

    public int? ResellerCount { get; set; }

    [JsonConverter(typeof(ContinuationTokenConverter))]
    public string? ContinuationToken { get; set; }
}

/// <summary>One page of <c>GET /1.0/subscriptions/users</c>.</summary>
internal sealed class AccountUsersResponse
{
    public List<AccountUser>? Users { get; set; }

    public int? UserCount { get; set; }

    [JsonConverter(typeof(ContinuationTokenConverter))]
    public string? ContinuationToken { get; set; }
}

/// <summary>One page of <c>GET /1.0/msp/subscriptions</c>.</summary>
internal sealed class MspSubscriptionsResponse
{
    public List<MspSubscription>? Subscriptions { get; set; }

    public int? SubscriptionCount { get; set; }

    [JsonConverter(typeof(ContinuationTokenConverter))]
    public string? ContinuationToken { get; set; }
}

/// <summary>The answer to <c>GET /1.0/msp/subscriptions/{id}</c>.</summary>
internal sealed class MspSubscriptionResponse
{
    public MspSubscription? Subscription { get; set; }
}

/// <summary>The answer to <c>GET .../senders/json</c>.</summary>
internal sealed class MspSendersResponse
{
    public List<MspSender>? Senders { get; set; }
}
