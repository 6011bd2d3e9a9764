using System.Text.Json.Serialization;

namespace Exclaimer.Reseller.Sdk.Wire;

/// <summary>The answer to a create: the subscription id and the owner's user id.</summary>
internal sealed class AddSubscriptionResponse
{
    [JsonPropertyName("SubscriptionID")]
    public string? SubscriptionId { get; set; }

    [JsonPropertyName("UserID")]
    public string? UserId { get; set; }
}
