using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;

namespace Exclaimer.Reseller.Sdk;

/// <summary>A user of a subscription and the roles they hold on it (R10).</summary>
public sealed record SubscriptionUser
{
    /// <summary>The subscription the user belongs to.</summary>
    [JsonPropertyName("SubscriptionID")]
    public string SubscriptionId { get; init; } = string.Empty;

    /// <summary>The user's email address; also their username.</summary>
    [JsonPropertyName("Email")]
    public string EmailAddress { get; init; } = string.Empty;

    /// <summary>The user's id; absent when the user was not created through the API.</summary>
    [JsonPropertyName("UserID")]
    public string? UserId { get; init; }

    /// <summary>The roles the user holds.</summary>
    public IReadOnlyList<SubscriptionRole> Roles { get; init; } = Array.Empty<SubscriptionRole>();

    /// <summary>Whether the user owns the subscription: the owner always keeps Admin and cannot be removed (R10).</summary>
    public bool IsOwner { get; init; }

    /// <summary>Whether the user holds <see cref="SubscriptionRole.Admin"/>.</summary>
    [JsonIgnore]
    public bool IsAdmin => Roles.Contains(SubscriptionRole.Admin);
}
