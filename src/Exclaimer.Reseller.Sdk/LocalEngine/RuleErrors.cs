namespace Exclaimer.Reseller.Sdk.LocalEngine;

/// <summary>
/// The refusals of the rulebook, worded once: the local engine and the Cloud API transport raise the same error
/// (type, code, field, message) for the same broken rule. A transport passes the service's reply details when a
/// refusal came back from the service.
/// </summary>
internal static class RuleErrors
{
    public static ResellerConflictException SubscriptionAlreadyExists(string subscriptionId, string customerName, string? errorBody = null, string? requestId = null) =>
        new("SubscriptionAlreadyExists", $"A subscription with the id '{subscriptionId}' already exists (customer '{customerName}'); nothing was created (R9).")
        {
            Target = subscriptionId,
            ErrorBody = errorBody,
            RequestId = requestId,
        };

    public static ResellerConflictException UserAlreadyExists(string emailAddress, string subscriptionId, string? errorBody = null, string? requestId = null) =>
        new("UserAlreadyExists", $"{emailAddress} is already a user of subscription '{subscriptionId}'; change their roles instead.")
        {
            Target = subscriptionId,
            ErrorBody = errorBody,
            RequestId = requestId,
        };

    public static ResellerNotFoundException UserNotFound(string emailAddress, string subscriptionId, string? errorBody = null, string? requestId = null) =>
        new("UserNotFound", $"{emailAddress} is not a user of subscription '{subscriptionId}'.")
        {
            Target = subscriptionId,
            ErrorBody = errorBody,
            RequestId = requestId,
        };

    public static ResellerValidationException OwnerCannotBeRemoved(string emailAddress, string subscriptionId, string? errorBody = null, string? requestId = null) =>
        new("EmailAddress", "R10", $"{emailAddress} owns subscription '{subscriptionId}' and cannot be removed (R10).", "OwnerCannotBeRemoved")
        {
            Target = subscriptionId,
            ErrorBody = errorBody,
            RequestId = requestId,
        };

    public static ResellerValidationException OwnerMustKeepAdmin(string emailAddress, string subscriptionId) =>
        new("Role", "R10", $"{emailAddress} owns subscription '{subscriptionId}' and always keeps Admin (R10).", "OwnerMustKeepAdmin")
        {
            Target = subscriptionId,
        };
}
