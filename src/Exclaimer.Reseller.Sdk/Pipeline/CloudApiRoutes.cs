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

    /// <summary>The emulator's extension routes (docs/emulator.md): what the real API does only in its portal.</summary>
    public static string EmulatorStart(string subscriptionId) => "_emulator/" + Subscription(subscriptionId) + "/start";

    public static string EmulatorInvitation(string subscriptionId) => "_emulator/" + Subscription(subscriptionId) + "/invitation";
}
