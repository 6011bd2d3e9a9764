using System.Text.Json.Serialization;

namespace Exclaimer.Reseller.Sdk.Wire;

/// <summary>
/// The source-generated serializer for every Cloud API body. Writes PascalCase as the API documents; reads
/// PascalCase or camelCase, ignores properties it does not know, and reads unknown enum values as <c>Unknown</c>
/// (through the models' <see cref="Serialization.TolerantEnumConverter{TEnum}"/>).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = new[] { typeof(UtcDateTimeOffsetConverter) })]
[JsonSerializable(typeof(AddSubscriptionRequest))]
[JsonSerializable(typeof(AddSubscriptionResponse))]
[JsonSerializable(typeof(SingleSubscriptionResponse))]
[JsonSerializable(typeof(SubscriptionsResponse))]
[JsonSerializable(typeof(SubscriptionUsersResponse))]
[JsonSerializable(typeof(EndUsersResponse))]
[JsonSerializable(typeof(UpdateMailboxCountRequest))]
[JsonSerializable(typeof(UpdateSubscriptionDetailsRequest))]
[JsonSerializable(typeof(ReactivateSubscriptionRequest))]
[JsonSerializable(typeof(AddSubscriptionUserRequest))]
[JsonSerializable(typeof(UpdateUserRolesRequest))]
[JsonSerializable(typeof(DataCentersResponse))]
[JsonSerializable(typeof(SkuReferencesResponse))]
[JsonSerializable(typeof(TierReferencesResponse))]
[JsonSerializable(typeof(StatusResponse))]
[JsonSerializable(typeof(CloudApiMailboxCount))]
[JsonSerializable(typeof(StartSubscriptionRequest))]
[JsonSerializable(typeof(StartSubscriptionResponse))]
[JsonSerializable(typeof(InvitationResponse))]
internal sealed partial class CloudApiJsonContext : JsonSerializerContext
{
}
