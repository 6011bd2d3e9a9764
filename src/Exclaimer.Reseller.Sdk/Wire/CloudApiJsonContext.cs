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
[JsonSerializable(typeof(ChangeTierRequest))]
[JsonSerializable(typeof(ChangeSkuRequest))]
[JsonSerializable(typeof(NfrRequest))]
[JsonSerializable(typeof(SubscriptionHistory))]
[JsonSerializable(typeof(ChangeOwnerRequest))]
[JsonSerializable(typeof(MigrateRequest))]
[JsonSerializable(typeof(InitiateTransferResponse))]
[JsonSerializable(typeof(ClaimTransferRequest))]
[JsonSerializable(typeof(SubscriptionIdResponse))]
[JsonSerializable(typeof(EndUserRequest))]
[JsonSerializable(typeof(ResellerRequest))]
[JsonSerializable(typeof(ResellersResponse))]
[JsonSerializable(typeof(AccountUsersResponse))]
[JsonSerializable(typeof(MailboxAllocation))]
[JsonSerializable(typeof(AddMspSubscriptionRequest))]
[JsonSerializable(typeof(MspSubscriptionsResponse))]
[JsonSerializable(typeof(MspSubscriptionResponse))]
[JsonSerializable(typeof(MspSubscriptionStatus))]
[JsonSerializable(typeof(MspSendersResponse))]
internal sealed partial class CloudApiJsonContext : JsonSerializerContext
{
}
