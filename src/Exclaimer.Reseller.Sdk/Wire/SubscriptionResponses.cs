using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Exclaimer.Reseller.Sdk.Wire;

/// <summary>The answer to <c>GET /1.0/subscriptions/{id}</c>.</summary>
internal sealed class SingleSubscriptionResponse
{
    public CloudApiSubscription? Subscription { get; set; }
}

/// <summary>One page of <c>GET /1.0/subscriptions</c>.</summary>
internal sealed class SubscriptionsResponse
{
    public List<CloudApiSubscription>? Subscriptions { get; set; }

    public int? SubscriptionCount { get; set; }

    /// <summary>The page number the server answered (the contract echoes it), when it said.</summary>
    public int? Page { get; set; }

    /// <summary>The page size the server answered with, when it said.</summary>
    public int? PageSize { get; set; }

    [JsonConverter(typeof(ContinuationTokenConverter))]
    public string? ContinuationToken { get; set; }
}

/// <summary>One page of <c>GET /1.0/subscriptions/{id}/users</c>. The schema omits the paging fields; the example has them.</summary>
internal sealed class SubscriptionUsersResponse
{
    public List<SubscriptionUser>? Users { get; set; }

    public int? UserCount { get; set; }

    /// <summary>The page number the server answered (the contract echoes it), when it said.</summary>
    public int? Page { get; set; }

    /// <summary>The page size the server answered with, when it said.</summary>
    public int? PageSize { get; set; }

    [JsonConverter(typeof(ContinuationTokenConverter))]
    public string? ContinuationToken { get; set; }
}

/// <summary>One page of <c>GET /1.0/end-users</c>; an end user maps onto <see cref="Customer"/>.</summary>
internal sealed class EndUsersResponse
{
    public List<Customer>? EndUsers { get; set; }

    public int? EndUserCount { get; set; }

    /// <summary>The page number the server answered (the contract echoes it), when it said.</summary>
    public int? Page { get; set; }

    /// <summary>The page size the server answered with, when it said.</summary>
    public int? PageSize { get; set; }

    [JsonConverter(typeof(ContinuationTokenConverter))]
    public string? ContinuationToken { get; set; }
}
