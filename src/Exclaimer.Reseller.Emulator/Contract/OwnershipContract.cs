using System.Text.Json.Serialization;

namespace Exclaimer.Reseller.Emulator.Contract;

// Who owns a subscription and who it is sold through (R20, R22), as openapi.json defines it.

/// <summary><c>POST .../change-owner</c> (UpdateSubscriptionOwner): UserID or EmailAddress, not both.</summary>
internal sealed class ChangeOwnerBody
{
    [JsonPropertyName("UserID")]
    public string? UserId { get; set; }

    public string? EmailAddress { get; set; }
}

/// <summary><c>POST .../migrate</c> (MigrateSubscription): a field left out changes nothing; an empty one removes.</summary>
internal sealed class MigrateBody
{
    [JsonPropertyName("ResellerID")]
    public string? ResellerId { get; set; }

    [JsonPropertyName("EndUserID")]
    public string? EndUserId { get; set; }
}
