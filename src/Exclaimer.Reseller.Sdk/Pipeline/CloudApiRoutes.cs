using System;

namespace Exclaimer.Reseller.Sdk.Pipeline;

/// <summary>The contract's routes, below <c>[endpoint]/[segment]/</c>. Path values are escaped; the API may treat them case-sensitively.</summary>
internal static class CloudApiRoutes
{
    public const string Subscriptions = "1.0/subscriptions";
    public const string CreateSubscription = "v2.0/subscriptions";
    public const string EndUsers = "1.0/end-users";
    public const string DataCenters = "1.0/reference/data-centers";
    public const string Skus = "1.0/reference/skus";
    public const string Tiers = "1.0/reference/tiers";
    public const string Status = "1.0/status";

    public static string Subscription(string subscriptionId) => Subscriptions + "/" + Uri.EscapeDataString(subscriptionId);

    public static string MailboxCount(string subscriptionId) => Subscription(subscriptionId) + "/mailbox-count";

    public static string ActivateFull(string subscriptionId) => Subscription(subscriptionId) + "/activate-full";

    public static string Deactivate(string subscriptionId) => Subscription(subscriptionId) + "/deactivate";

    public static string Reactivate(string subscriptionId) => Subscription(subscriptionId) + "/reactivate";

    public static string End(string subscriptionId) => Subscription(subscriptionId) + "/end";

    public static string Users(string subscriptionId) => Subscription(subscriptionId) + "/users";

    /// <summary>One user, by UserID or (DELETE only) by email address.</summary>
    public static string User(string subscriptionId, string userIdOrEmail) => Users(subscriptionId) + "/" + Uri.EscapeDataString(userIdOrEmail);

    public static string UserRoles(string subscriptionId, string userId) => User(subscriptionId, userId) + "/roles";

    public const string AllUsers = "1.0/subscriptions/users";
    public const string ClaimTransfer = "1.0/subscriptions/transfer/claim";
    public const string Resellers = "1.0/resellers";
    public const string MailboxAllocation = "1.0/mailbox-allocation";
    public const string MspSubscriptions = "1.0/msp/subscriptions";

    public static string ChangeTier(string subscriptionId) => Subscription(subscriptionId) + "/change-tier";

    public static string ChangeSku(string subscriptionId) => Subscription(subscriptionId) + "/change-sku";

    public static string Nfr(string subscriptionId) => Subscription(subscriptionId) + "/nfr";

    public static string History(string subscriptionId) => Subscription(subscriptionId) + "/history";

    public static string ChangeOwner(string subscriptionId) => Subscription(subscriptionId) + "/change-owner";

    public static string Migrate(string subscriptionId) => Subscription(subscriptionId) + "/migrate";

    public static string Transfer(string subscriptionId) => Subscription(subscriptionId) + "/transfer";

    public static string CancelTransfer(string subscriptionId) => Transfer(subscriptionId) + "/cancel";

    public static string MspSubscription(string subscriptionId) => MspSubscriptions + "/" + Uri.EscapeDataString(subscriptionId);

    public static string MspStatus(string subscriptionId) => MspSubscription(subscriptionId) + "/status";

    public static string MspSenders(string subscriptionId) => MspSubscription(subscriptionId) + "/senders/json";

    /// <summary>The emulator's extension routes (docs/emulator.md): what the real API does only in its portal.</summary>
    public static string EmulatorStart(string subscriptionId) => "_emulator/" + Subscription(subscriptionId) + "/start";

    public static string EmulatorInvitation(string subscriptionId) => "_emulator/" + Subscription(subscriptionId) + "/invitation";
}
