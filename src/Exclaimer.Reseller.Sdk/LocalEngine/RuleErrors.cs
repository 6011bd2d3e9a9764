namespace Exclaimer.Reseller.Sdk.LocalEngine;

/// <summary>
/// The refusals of the rulebook, worded once: the local engine and the Cloud API transport raise the same error
/// (type, code, field, message) for the same broken rule. When the refusal came back from the service, the transport
/// attaches the reply's details with <see cref="ResellerException.WithCallDetails"/>.
/// </summary>
internal static class RuleErrors
{
    public static ResellerConflictException SubscriptionAlreadyExists(string subscriptionId, string customerName) =>
        new("SubscriptionAlreadyExists", $"A subscription with the id '{subscriptionId}' already exists (customer '{customerName}'); nothing was created (R9).")
        {
            Target = subscriptionId,
        };

    public static ResellerConflictException UserAlreadyExists(string emailAddress, string subscriptionId) =>
        new("UserAlreadyExists", $"{emailAddress} is already a user of subscription '{subscriptionId}'; change their roles instead.")
        {
            Target = subscriptionId,
        };

    public static ResellerNotFoundException UserNotFound(string emailAddress, string subscriptionId) =>
        new("UserNotFound", $"{emailAddress} is not a user of subscription '{subscriptionId}'.")
        {
            Target = subscriptionId,
        };

    public static ResellerValidationException OwnerCannotBeRemoved(string emailAddress, string subscriptionId) =>
        new("EmailAddress", "R10", $"{emailAddress} owns subscription '{subscriptionId}' and cannot be removed (R10).", "OwnerCannotBeRemoved")
        {
            Target = subscriptionId,
        };

    public static ResellerValidationException OwnerMustKeepAdmin(string emailAddress, string subscriptionId) =>
        new("Role", "R10", $"{emailAddress} owns subscription '{subscriptionId}' and always keeps Admin (R10).", "OwnerMustKeepAdmin")
        {
            Target = subscriptionId,
        };
}
