using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Exclaimer.Reseller.Emulator.Contract;

// The partner's directory (R22): end users and resellers, as openapi.json defines them. The same three fields make an
// end user or a reseller wherever the contract takes one (PUT, a claim, an MSP create).

/// <summary><c>PUT /1.0/end-users</c> (AddEndUser), and the end user of a claim or an MSP create.</summary>
internal sealed class EndUserBody
{
    [JsonPropertyName("EndUserID")]
    public string? EndUserId { get; set; }

    public string? CompanyName { get; set; }

    public string? CountryCode { get; set; }
}

/// <summary><c>PUT /1.0/resellers</c> (AddReseller), and the reseller of a claim or an MSP create.</summary>
internal sealed class ResellerBody
{
    [JsonPropertyName("ResellerID")]
    public string? ResellerId { get; set; }

    public string? CompanyName { get; set; }

    public string? CountryCode { get; set; }
}

internal sealed class ResellerAnswer
{
    [JsonPropertyName("ResellerID")]
    public string ResellerId { get; set; } = string.Empty;

    public string CompanyName { get; set; } = string.Empty;

    public string? CountryCode { get; set; }
}

internal sealed class ResellersAnswer
{
    public List<ResellerAnswer> Resellers { get; set; } = new();

    public int ResellerCount { get; set; }

    public int? ContinuationToken { get; set; }

    public int Page { get; set; }

    public int PageSize { get; set; }
}

/// <summary>One user across the partner's subscriptions (DistributorLevelSubscriptionUser).</summary>
internal sealed class AccountUserAnswer
{
    public string Email { get; set; } = string.Empty;

    public List<AccountUserSubscriptionAnswer> Subscriptions { get; set; } = new();
}

internal sealed class AccountUserSubscriptionAnswer
{
    [JsonPropertyName("SubscriptionID")]
    public string SubscriptionId { get; set; } = string.Empty;

    [JsonPropertyName("UserID")]
    public string? UserId { get; set; }

    public List<string> Roles { get; set; } = new();
}

/// <summary>The answer to <c>GET /1.0/subscriptions/users</c> (DistributorLevelSubscriptionUsersResponse).</summary>
internal sealed class AccountUsersAnswer
{
    public List<AccountUserAnswer> Users { get; set; } = new();

    public int UserCount { get; set; }

    public int? ContinuationToken { get; set; }

    public int Page { get; set; }

    public int PageSize { get; set; }
}
