using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Exclaimer.Reseller.Sdk;

/// <summary>
/// One user across all of the account's subscriptions (R10; <c>GET /1.0/subscriptions/users</c>): an address, and the
/// subscriptions it belongs to with its roles in each. The same user may have a different user id in each.
/// </summary>
public sealed record AccountUser
{
    /// <summary>The user's email address.</summary>
    [JsonPropertyName("Email")]
    public string EmailAddress { get; init; } = string.Empty;

    /// <summary>The subscriptions the user belongs to.</summary>
    public IReadOnlyList<UserMembership> Subscriptions { get; init; } = Array.Empty<UserMembership>();
}

/// <summary>A user's place on one subscription.</summary>
public sealed record UserMembership
{
    /// <summary>The subscription.</summary>
    [JsonPropertyName("SubscriptionID")]
    public string SubscriptionId { get; init; } = string.Empty;

    /// <summary>The user's id on it; absent when the user was not added through the API.</summary>
    [JsonPropertyName("UserID")]
    public string? UserId { get; init; }

    /// <summary>The roles the user holds on it.</summary>
    public IReadOnlyList<SubscriptionRole> Roles { get; init; } = Array.Empty<SubscriptionRole>();
}
