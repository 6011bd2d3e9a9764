namespace Exclaimer.Reseller.Sdk;

/// <summary>
/// Every <see cref="ResellerException.ErrorCode"/> the SDK raises, in one place (docs/errors.md explains each and what to
/// do about it). Codes are stable: match on them, not on messages.
/// </summary>
public static class ResellerErrorCodes
{
    /// <summary>A field has a value that breaks a rule (<see cref="ResellerValidationException"/>).</summary>
    public const string InvalidField = "InvalidField";

    /// <summary>A required field is missing or empty (<see cref="ResellerValidationException"/>).</summary>
    public const string MissingField = "MissingField";

    /// <summary>The owner of a subscription cannot be removed (R10; <see cref="ResellerValidationException"/>).</summary>
    public const string OwnerCannotBeRemoved = "OwnerCannotBeRemoved";

    /// <summary>The owner of a subscription always keeps Admin (R10; <see cref="ResellerValidationException"/>).</summary>
    public const string OwnerMustKeepAdmin = "OwnerMustKeepAdmin";

    /// <summary>The subscription has no customer access, so there is no invitation (R4; <see cref="ResellerValidationException"/>).</summary>
    public const string NoCustomerAccess = "NoCustomerAccess";

    /// <summary>The SPF change would break RFC 7208; nothing was proposed (R14; <see cref="ResellerValidationException"/>).</summary>
    public const string SpfRecordRefused = "SpfRecordRefused";

    /// <summary>
    /// The domain publishes more than one SPF record, a permerror for every message (RFC 7208 section 4.5); nothing was
    /// proposed (R14; <see cref="ResellerValidationException"/>).
    /// </summary>
    public const string SpfMoreThanOneRecord = "SpfMoreThanOneRecord";

    /// <summary>
    /// DNS failed or did not answer in time while the SPF record was read or its lookups counted: a temperror, never
    /// taken for "no record"; nothing was proposed (R14).
    /// </summary>
    public const string SpfDnsLookupFailed = "SpfDnsLookupFailed";

    /// <summary>No subscription has the id (<see cref="ResellerNotFoundException"/>).</summary>
    public const string SubscriptionNotFound = "SubscriptionNotFound";

    /// <summary>The address is not a user of the subscription (<see cref="ResellerNotFoundException"/>).</summary>
    public const string UserNotFound = "UserNotFound";

    /// <summary>The server has no such route: check the endpoint and API segment (<see cref="ResellerNotFoundException"/>).</summary>
    public const string RouteNotFound = "RouteNotFound";

    /// <summary>A subscription with the id exists; nothing was created (R9; <see cref="ResellerConflictException"/>).</summary>
    public const string SubscriptionAlreadyExists = "SubscriptionAlreadyExists";

    /// <summary>The address is already a user of the subscription (R10; <see cref="ResellerConflictException"/>).</summary>
    public const string UserAlreadyExists = "UserAlreadyExists";

    /// <summary>The subscription's state does not allow the change (<see cref="ResellerConflictException"/>).</summary>
    public const string InvalidSubscriptionState = "InvalidSubscriptionState";

    /// <summary>The customer already accepted the invitation (R6; <see cref="ResellerConflictException"/>).</summary>
    public const string InvitationAccepted = "InvitationAccepted";

    /// <summary>The new owner is not an Admin of the subscription (R20; <see cref="ResellerValidationException"/>).</summary>
    public const string OwnerMustBeAdmin = "OwnerMustBeAdmin";

    /// <summary>A SKU change cannot move a subscription between Microsoft 365 and Google Workspace (R19; <see cref="ResellerValidationException"/>).</summary>
    public const string ProductChangeNotAllowed = "ProductChangeNotAllowed";

    /// <summary>No customer (end user) has the id (R22; <see cref="ResellerNotFoundException"/>).</summary>
    public const string CustomerNotFound = "CustomerNotFound";

    /// <summary>No reseller has the id (R22; <see cref="ResellerNotFoundException"/>).</summary>
    public const string ResellerNotFound = "ResellerNotFound";

    /// <summary>The transfer token claims nothing: unknown, already used, or its transfer was cancelled (R21; <see cref="ResellerConflictException"/>).</summary>
    public const string TransferTokenRefused = "TransferTokenRefused";

    /// <summary>The server refused the call as conflicting with what exists (HTTP 409; <see cref="ResellerConflictException"/>).</summary>
    public const string Conflict = "Conflict";

    /// <summary>The API token was refused (HTTP 401; <see cref="ResellerAuthenticationException"/>).</summary>
    public const string Unauthorized = "Unauthorized";

    /// <summary>The token may not make the call, or it would leave the subscription broken (HTTP 403; <see cref="ResellerAuthenticationException"/>).</summary>
    public const string Forbidden = "Forbidden";

    /// <summary>The server throttled the call and retries did not get through (HTTP 429; <see cref="ResellerThrottledException"/>).</summary>
    public const string Throttled = "Throttled";

    /// <summary>A store file cannot be trusted; it was left untouched (<see cref="ResellerStoreException"/>).</summary>
    public const string StoreCorrupt = "StoreCorrupt";

    /// <summary>The store can be read but not written: a read-only file system or no permission (<see cref="ResellerStoreException"/>).</summary>
    public const string StoreReadOnly = "StoreReadOnly";

    /// <summary>The store's disk is full; nothing was written (<see cref="ResellerStoreException"/>).</summary>
    public const string StoreFull = "StoreFull";

    /// <summary>Another process held the store's lock too long (<see cref="ResellerStoreException"/>).</summary>
    public const string StoreLocked = "StoreLocked";

    /// <summary>The store cannot be read or written for another reason (<see cref="ResellerStoreException"/>).</summary>
    public const string StoreUnavailable = "StoreUnavailable";

    /// <summary>The call ran out of time (attempt or overall timeout).</summary>
    public const string Timeout = "Timeout";

    /// <summary>The server could not be reached; the message keeps the root cause.</summary>
    public const string ConnectionFailed = "ConnectionFailed";

    /// <summary>The server's answer is not what the contract documents (bad JSON, missing fields, a list that never ends).</summary>
    public const string InvalidResponse = "InvalidResponse";

    /// <summary>The answer was larger than <see cref="ResellerClientOptions.MaxResponseSize"/>.</summary>
    public const string ResponseTooLarge = "ResponseTooLarge";

    /// <summary>The server answered with a redirect, which is never followed (R18).</summary>
    public const string RedirectRefused = "RedirectRefused";

    /// <summary>The server did not accept the request's content type (HTTP 415).</summary>
    public const string UnsupportedMediaType = "UnsupportedMediaType";

    /// <summary>The server failed (HTTP 408 or 5xx) and retries did not get through.</summary>
    public const string ServiceUnavailable = "ServiceUnavailable";

    /// <summary>Another HTTP status the contract does not document.</summary>
    public const string HttpError = "HttpError";

    /// <summary>The Exclaimer Cloud API has no call for this; nothing was done (start, resend, R6, R11).</summary>
    public const string NotSupportedByCloudApi = "NotSupportedByCloudApi";

    /// <summary>The invitation could not be sent; try again later (R6).</summary>
    public const string InvitationNotSent = "InvitationNotSent";
}
