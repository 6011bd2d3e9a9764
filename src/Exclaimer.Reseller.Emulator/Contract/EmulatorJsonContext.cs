using System.Text.Json.Serialization;

namespace Exclaimer.Reseller.Emulator.Contract;

/// <summary>
/// The emulator's serializer for the contract: reads PascalCase or camelCase and ignores properties it does not know;
/// writes PascalCase and leaves out a field with no value, as the API's examples do.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AddSubscriptionBody))]
[JsonSerializable(typeof(UpdateDetailsBody))]
[JsonSerializable(typeof(MailboxCountBody))]
[JsonSerializable(typeof(ReactivateBody))]
[JsonSerializable(typeof(AddUserBody))]
[JsonSerializable(typeof(RolesBody))]
[JsonSerializable(typeof(StartBody))]
[JsonSerializable(typeof(SingleSubscriptionAnswer))]
[JsonSerializable(typeof(SubscriptionsAnswer))]
[JsonSerializable(typeof(AddSubscriptionAnswer))]
[JsonSerializable(typeof(UsersAnswer))]
[JsonSerializable(typeof(EndUsersAnswer))]
[JsonSerializable(typeof(MailboxCountAnswer))]
[JsonSerializable(typeof(StatusAnswer))]
[JsonSerializable(typeof(DataCentersAnswer))]
[JsonSerializable(typeof(SkusAnswer))]
[JsonSerializable(typeof(TiersAnswer))]
[JsonSerializable(typeof(StartAnswer))]
[JsonSerializable(typeof(InvitationAnswer))]
[JsonSerializable(typeof(ProblemAnswer))]
[JsonSerializable(typeof(ChangeTierBody))]
[JsonSerializable(typeof(ChangeSkuBody))]
[JsonSerializable(typeof(NfrBody))]
[JsonSerializable(typeof(HistoryAnswer))]
[JsonSerializable(typeof(ChangeOwnerBody))]
[JsonSerializable(typeof(MigrateBody))]
[JsonSerializable(typeof(TransferAnswer))]
[JsonSerializable(typeof(ClaimBody))]
[JsonSerializable(typeof(ClaimAnswer))]
[JsonSerializable(typeof(EndUserBody))]
[JsonSerializable(typeof(ResellerBody))]
[JsonSerializable(typeof(ResellersAnswer))]
[JsonSerializable(typeof(AccountUsersAnswer))]
[JsonSerializable(typeof(MailboxAllocationAnswer))]
[JsonSerializable(typeof(UsageBody))]
[JsonSerializable(typeof(AddMspBody))]
[JsonSerializable(typeof(AddMspAnswer))]
[JsonSerializable(typeof(SingleMspSubscriptionAnswer))]
[JsonSerializable(typeof(MspSubscriptionsAnswer))]
[JsonSerializable(typeof(MspStatusAnswer))]
[JsonSerializable(typeof(MspSendersAnswer))]
internal sealed partial class EmulatorJsonContext : JsonSerializerContext
{
}
