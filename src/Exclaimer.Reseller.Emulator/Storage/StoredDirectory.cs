using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Exclaimer.Reseller.Emulator.Storage;

/// <summary>
/// A customer of the partner as the store keeps it (the Cloud API's end user, <c>PUT /1.0/end-users</c>). End users live
/// in their own table beside the subscriptions: one can exist before, and apart from, any subscription that names it. A
/// customer that only subscriptions name (a create's, known by its domain) needs no record.
/// </summary>
public sealed record StoredEndUser
{
    /// <summary>The partner's own id for the end user; compared without regard to case.</summary>
    [JsonPropertyName("EndUserID")]
    public string EndUserId { get; init; } = string.Empty;

    /// <summary>The company name.</summary>
    public string CompanyName { get; init; } = string.Empty;

    /// <summary>The country as given (ISO 3166-1 alpha-2, alpha-3 or numeric).</summary>
    public string? CountryCode { get; init; }

    /// <summary>When it was added, which orders the customer list as the API orders it.</summary>
    public DateTimeOffset? CreatedDate { get; init; }

    /// <summary>Fields written by another version, kept unchanged.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

/// <summary>
/// A reseller below the partner as the store keeps it (<c>PUT /1.0/resellers</c>), in its own table like end users.
/// </summary>
public sealed record StoredReseller
{
    /// <summary>The partner's own id for the reseller; compared without regard to case.</summary>
    [JsonPropertyName("ResellerID")]
    public string ResellerId { get; init; } = string.Empty;

    /// <summary>The company name.</summary>
    public string CompanyName { get; init; } = string.Empty;

    /// <summary>The country as given (ISO 3166-1 alpha-2, alpha-3 or numeric).</summary>
    public string? CountryCode { get; init; }

    /// <summary>Fields written by another version, kept unchanged.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}
