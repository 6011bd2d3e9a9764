using System;
using System.Linq;
using System.Management.Automation;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Errors;

/// <summary>
/// Turns SDK failures into error records with stable PascalCase ids (the SDK's error codes), a category and the
/// target, so scripts can tell <c>SubscriptionAlreadyExists</c> from <c>MissingField</c> by
/// <c>FullyQualifiedErrorId</c>. Messages are the SDK's, which never carry secrets (R18).
/// </summary>
internal static class ResellerErrors
{
    public const string NotConnected = "NotConnected";

    /// <summary>The error record for a failed call about <paramref name="target"/>.</summary>
    public static ErrorRecord From(Exception exception, object? target)
    {
        var record = new ErrorRecord(exception, ErrorId(exception), Category(exception), target);
        if (exception is ResellerValidationException validation && !validation.Message.Contains(validation.FieldName))
        {
            // Every validation error names its field (R17), even when a transport's message does not.
            record.ErrorDetails = new ErrorDetails($"{validation.FieldName}: {validation.Message}");
        }

        if (RecommendedAction(exception, target) is { } action)
        {
            record.ErrorDetails ??= new ErrorDetails(exception.Message);
            record.ErrorDetails.RecommendedAction = action;
        }

        return record;
    }

    /// <summary>
    /// Failures that every further item would meet too (an unreadable store, a refused token: 401) stop the whole
    /// command; the others, a 403 refusing one change among them, are reported per item and the pipeline goes on.
    /// </summary>
    public static bool StopsTheCommand(Exception exception) =>
        exception is ResellerStoreException or ResellerAuthenticationException { Status: 401 };

    /// <summary>The error for a cmdlet used before <c>Connect-ResellerAccount</c>.</summary>
    public static ErrorRecord NotConnectedRecord(string commandName) =>
        new(
            new InvalidOperationException(
                $"{commandName} needs a reseller account: run Connect-ResellerAccount first (with no arguments it opens the embedded local store)."),
            NotConnected,
            ErrorCategory.ConnectionError,
            targetObject: null)
        {
            ErrorDetails = new ErrorDetails(
                $"{commandName} needs a reseller account: run Connect-ResellerAccount first (with no arguments it opens the embedded local store).")
            {
                RecommendedAction = "Run Connect-ResellerAccount, then run the command again.",
            },
        };

    private static string ErrorId(Exception exception) =>
        exception switch
        {
            ResellerException { ErrorCode: { Length: > 0 } code } when code.All(char.IsLetterOrDigit) => code,
            ResellerValidationException => "InvalidField",
            ResellerNotFoundException => "NotFound",
            ResellerConflictException => "Conflict",
            ResellerAuthenticationException => "AuthenticationFailed",
            ResellerThrottledException => "Throttled",
            ResellerStoreException => "StoreUnavailable",
            ResellerException => "ResellerError",
            ArgumentException => "InvalidArgument",
            _ => "UnexpectedError",
        };

    private static ErrorCategory Category(Exception exception) =>
        exception switch
        {
            ResellerValidationException or ArgumentException => ErrorCategory.InvalidArgument,
            ResellerNotFoundException => ErrorCategory.ObjectNotFound,
            ResellerConflictException { ErrorCode: "SubscriptionAlreadyExists" or "UserAlreadyExists" } => ErrorCategory.ResourceExists,
            ResellerConflictException => ErrorCategory.InvalidOperation,
            ResellerAuthenticationException { Status: 401 } => ErrorCategory.AuthenticationError,
            ResellerAuthenticationException => ErrorCategory.PermissionDenied,
            ResellerThrottledException => ErrorCategory.LimitsExceeded,
            ResellerStoreException { ErrorCode: "StoreCorrupt" } => ErrorCategory.InvalidData,
            ResellerStoreException { ErrorCode: "StoreLocked" } => ErrorCategory.ResourceBusy,
            ResellerStoreException => ErrorCategory.ResourceUnavailable,
            ResellerException { Status: >= 500 } => ErrorCategory.ConnectionError,
            _ => ErrorCategory.NotSpecified,
        };

    private static string? RecommendedAction(Exception exception, object? target) =>
        exception switch
        {
            ResellerConflictException { ErrorCode: "SubscriptionAlreadyExists" } =>
                $"Nothing was created. Run Get-ResellerSubscription -SubscriptionId {target} to see the existing subscription.",
            ResellerNotFoundException { ErrorCode: "SubscriptionNotFound" } =>
                "Check the id with Get-ResellerSubscription (add -Archived for cancelled subscriptions).",
            ResellerValidationException validation => $"Correct {validation.FieldName} and run the command again; nothing was written.",
            ResellerThrottledException { RetryAfter: { } wait } => $"Wait {wait.TotalSeconds:0} seconds and run the command again.",
            ResellerStoreException store => $"Check the store folder or file '{store.Path}'; it was left as it was.",
            _ => null,
        };
}
