namespace Exclaimer.Reseller.Sdk;

/// <summary>
/// The call conflicts with what exists: a subscription id already taken (R9), a user already added, or a
/// subscription whose state does not allow the change. Nothing was written.
/// </summary>
public class ResellerConflictException : ResellerException
{
    /// <summary>Creates the exception.</summary>
    public ResellerConflictException(string errorCode, string message)
        : base(409, errorCode, message)
    {
    }

    internal static ResellerConflictException InvalidState(Subscription subscription, string action, string allowed) =>
        new("InvalidSubscriptionState",
            $"Subscription '{subscription.SubscriptionId}' is {subscription.Status}; it can be {action} only when {allowed}.")
        {
            Target = subscription.SubscriptionId,
        };
}
