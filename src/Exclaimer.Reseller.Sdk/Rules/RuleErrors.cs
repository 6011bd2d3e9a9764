using System;
using System.Collections.Generic;
using System.Linq;

namespace Exclaimer.Reseller.Sdk.Rules;

/// <summary>
/// The refusals of the rulebook, worded once: whichever server refused (the Cloud API or the emulator), the client
/// raises the same error (type, code, field, message) for the same broken rule. When the refusal came back from the
/// server, its reply's details (<see cref="CallDetails"/>) go with it.
/// </summary>
internal static class RuleErrors
{
    public static ResellerConflictException SubscriptionAlreadyExists(string subscriptionId, string customerName, CallDetails details = default) =>
        new(
            ResellerErrorCodes.SubscriptionAlreadyExists,
            $"A subscription with the id '{subscriptionId}' already exists (customer '{customerName}'); nothing was created (R9).",
            subscriptionId,
            details.RequestId,
            details.ErrorBody);

    public static ResellerConflictException UserAlreadyExists(string emailAddress, string subscriptionId, CallDetails details = default) =>
        new(
            ResellerErrorCodes.UserAlreadyExists,
            $"{emailAddress} is already a user of subscription '{subscriptionId}'; change their roles instead.",
            subscriptionId,
            details.RequestId,
            details.ErrorBody);

    public static ResellerNotFoundException UserNotFound(string emailAddress, string subscriptionId, CallDetails details = default) =>
        new(ResellerErrorCodes.UserNotFound, $"{emailAddress} is not a user of subscription '{subscriptionId}'.", subscriptionId, details.RequestId, details.ErrorBody);

    public static ResellerNotFoundException SubscriptionNotFound(string subscriptionId, CallDetails details = default, string? said = null) =>
        new(ResellerErrorCodes.SubscriptionNotFound, $"No subscription has the id '{subscriptionId}'.{said}", subscriptionId, details.RequestId, details.ErrorBody);

    public static ResellerValidationException OwnerCannotBeRemoved(string emailAddress, string subscriptionId, CallDetails details = default) =>
        new("EmailAddress", "R10", $"{emailAddress} owns subscription '{subscriptionId}' and cannot be removed (R10).", ResellerErrorCodes.OwnerCannotBeRemoved, subscriptionId, details.RequestId, details.ErrorBody);

    public static ResellerValidationException OwnerMustKeepAdmin(string emailAddress, string subscriptionId, CallDetails details = default) =>
        new("Role", "R10", $"{emailAddress} owns subscription '{subscriptionId}' and always keeps Admin (R10).", ResellerErrorCodes.OwnerMustKeepAdmin, subscriptionId, details.RequestId, details.ErrorBody);

    public static ResellerValidationException NoCustomerAccess(string subscriptionId) =>
        new("SubscriptionId", "R4", $"Subscription '{subscriptionId}' has no customer access, so its customer gets no login and no email (R4).", ResellerErrorCodes.NoCustomerAccess, subscriptionId);

    public static ResellerConflictException InvitationAccepted(string subscriptionId, CallDetails details = default) =>
        new(ResellerErrorCodes.InvitationAccepted, $"The customer of subscription '{subscriptionId}' has already accepted the invitation.", subscriptionId, details.RequestId, details.ErrorBody);

    public static ResellerException InvitationNotSent(string subscriptionId, CallDetails details = default) =>
        new(502, ResellerErrorCodes.InvitationNotSent, $"The invitation for subscription '{subscriptionId}' could not be sent; try again later.", null, subscriptionId, details.RequestId, details.ErrorBody);

    public static ResellerValidationException OwnerMustBeAdmin(string emailAddress, string subscriptionId, CallDetails details = default) =>
        new("EmailAddress", "R20", $"{emailAddress} is not an Admin of subscription '{subscriptionId}', so cannot become its owner; give them Admin first (R20).", ResellerErrorCodes.OwnerMustBeAdmin, subscriptionId, details.RequestId, details.ErrorBody);

    public static ResellerValidationException ProductChangeNotAllowed(string subscriptionId, Product from, Product to, CallDetails details = default) =>
        new(
            "Sku",
            "R19",
            $"Subscription '{subscriptionId}' is for {Describe(from)}; a SKU change cannot make it {Describe(to)} (R19). Create a {Describe(to)} subscription instead.",
            ResellerErrorCodes.ProductChangeNotAllowed,
            subscriptionId,
            details.RequestId,
            details.ErrorBody);

    public static ResellerNotFoundException CustomerNotFound(string customerId, string? subscriptionId, CallDetails details = default) =>
        new(ResellerErrorCodes.CustomerNotFound, $"No customer has the id '{customerId}'; add it with SetCustomerAsync first (R22).", subscriptionId, details.RequestId, details.ErrorBody);

    public static ResellerNotFoundException ResellerNotFound(string resellerId, string? subscriptionId, CallDetails details = default) =>
        new(ResellerErrorCodes.ResellerNotFound, $"No reseller has the id '{resellerId}'; add it with SetResellerAsync first (R22).", subscriptionId, details.RequestId, details.ErrorBody);

    /// <summary>
    /// Which of the two a 404 means when a call names a reseller and a customer (R22): the one the server's fields name,
    /// in any case, else the reseller when it was given; <see langword="null"/> when the call named neither.
    /// </summary>
    public static ResellerNotFoundException? DirectoryNotFound(string? resellerId, string? customerId, IReadOnlyList<string> namedFields, string? subscriptionId, CallDetails details)
    {
        var hasReseller = !string.IsNullOrEmpty(resellerId);
        var hasCustomer = !string.IsNullOrEmpty(customerId);
        var reseller = hasReseller && (!hasCustomer || namedFields.Contains("ResellerId", StringComparer.OrdinalIgnoreCase));
        return reseller ? ResellerNotFound(resellerId!, subscriptionId, details)
            : hasCustomer ? CustomerNotFound(customerId!, subscriptionId, details)
            : null;
    }

    public static ResellerConflictException TransferTokenRefused(string? said, bool mayHaveClaimed, CallDetails details = default) =>
        new(
            ResellerErrorCodes.TransferTokenRefused,
            "The transfer token claims no subscription: it is not one, it has been used (a token claims once), or the owner cancelled the transfer (R21)."
            + (mayHaveClaimed ? " An earlier attempt of this call may have claimed it before its answer was lost: look for the subscription before asking for a new token." : " Ask the subscription's owner for a new one.")
            + (said is null ? string.Empty : " The server said: " + said),
            null,
            details.RequestId,
            details.ErrorBody);

    /// <summary>A 403 for a call the partner's kind of account does not have (MSP, Elite programme): its own message says which.</summary>
    public static ResellerAuthenticationException NotForThisPartner(string what, CallDetails details, string? subscriptionId = null) =>
        new(403, ResellerErrorCodes.Forbidden, $"{what}; the server refused it for this API token's partner account (403).", subscriptionId, details.RequestId, details.ErrorBody);

    private static string Describe(Product product) => product switch
    {
        Product.Microsoft365 => "Microsoft 365",
        Product.GoogleWorkspace => "Google Workspace",
        _ => "another product",
    };

    /// <summary>A change the subscription's state does not allow (R13, R16): an archived subscription must be reactivated first.</summary>
    public static ResellerConflictException NotWhileArchived(Subscription subscription, string action, CallDetails details = default) =>
        InvalidState(subscription, action, "it is not archived; reactivate it first (R16)", details);

    /// <summary>A change the subscription's state does not allow; the server's refusal, when there was one, goes with it.</summary>
    public static ResellerConflictException InvalidState(Subscription subscription, string action, string allowed, CallDetails details = default) =>
        new(
            ResellerErrorCodes.InvalidSubscriptionState,
            $"Subscription '{subscription.SubscriptionId}' is {subscription.Status}; it can be {action} only when {allowed}.",
            subscription.SubscriptionId,
            details.RequestId,
            details.ErrorBody);
}

/// <summary>What a failed call came back with, attached to the error it becomes.</summary>
internal readonly record struct CallDetails(string? ErrorBody, string? RequestId);
