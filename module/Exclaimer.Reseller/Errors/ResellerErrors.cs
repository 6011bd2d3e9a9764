using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Errors;

/// <summary>
/// Turns SDK failures into error records with stable PascalCase ids (the SDK's error codes), a category and the
/// target, so scripts can tell <c>SubscriptionAlreadyExists</c> from <c>MissingField</c> by
/// <c>FullyQualifiedErrorId</c>. Messages are the SDK's, which never carry secrets (R18), told in the caller's terms:
/// the parameters they typed (<see cref="ParameterNames"/>), never the SDK's option names.
/// </summary>
internal static class ResellerErrors
{
    public const string NotConnected = "NotConnected";

    private static readonly string[] SentenceEnds = { ". ", ".\n" };

    /// <summary>The error record for a failed call about <paramref name="target"/> in the command of <paramref name="context"/>.</summary>
    public static ErrorRecord From(Exception exception, object? target, ErrorContext context) =>
        From(exception, ErrorId(exception), Category(exception), target, context);

    /// <summary>The error record for a failure the command names itself (<paramref name="errorId"/>, <paramref name="category"/>).</summary>
    public static ErrorRecord From(Exception exception, string errorId, ErrorCategory category, object? target, ErrorContext context)
    {
        var record = new ErrorRecord(exception, errorId, category, target);
        var message = ParameterNames.InCallersTerms(Message(exception), context);
        if (exception is ResellerValidationException validation)
        {
            // Every validation error names its field (R17), even when a transport's message does not.
            var field = ParameterNames.ForField(validation.FieldName, context);
            if (message.IndexOf(field, StringComparison.OrdinalIgnoreCase) < 0)
            {
                message = $"{field}: {message}";
            }
        }

        var action = WithoutRepeats(RecommendedAction(exception, target, context, message), message);
        if (message != exception.Message || action is not null)
        {
            record.ErrorDetails = new ErrorDetails(message) { RecommendedAction = action };
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
            ResellerStoreException { ErrorCode: "StoreReadOnly" } => ErrorCategory.PermissionDenied,
            ResellerStoreException { ErrorCode: "StoreFull" } => ErrorCategory.WriteError,
            ResellerStoreException => ErrorCategory.ResourceUnavailable,

            // The service could not be reached, or did not answer in time: the network's fault, not the input's.
            ResellerException { ErrorCode: "ConnectionFailed" or "ServiceUnavailable" } => ErrorCategory.ConnectionError,
            ResellerException { ErrorCode: "Timeout" } => ErrorCategory.OperationTimeout,

            // DNS did not answer or failed (R14): the network's, not the record's.
            ResellerException { ErrorCode: "SpfDnsLookupFailed" } => ErrorCategory.ConnectionError,
            ResellerException { Status: >= 500 } => ErrorCategory.ConnectionError,
            _ => ErrorCategory.NotSpecified,
        };

    private static string? RecommendedAction(Exception exception, object? target, ErrorContext context, string message) =>
        exception switch
        {
            ResellerConflictException { ErrorCode: "SubscriptionAlreadyExists" } =>
                $"Run Get-ResellerSubscription -SubscriptionId {target} to see the existing subscription.",
            ResellerNotFoundException { ErrorCode: "SubscriptionNotFound" } =>
                "Check the id with Get-ResellerSubscription (add -Archived for cancelled subscriptions).",
            ResellerValidationException validation => Correct(validation.FieldName, context, message),
            ResellerThrottledException { RetryAfter: { } wait } => $"Wait {wait.TotalSeconds:0} seconds and run the command again.",
            ResellerException { ErrorCode: "SpfDnsLookupFailed" } =>
                "Check that this machine can reach its DNS servers (or the ones -DnsServer names), then run the command again.",
            ResellerException { ErrorCode: "ConnectionFailed" } =>
                $"Check that this machine can reach the Cloud API (network, proxy, firewall, DNS) and that {(context.IsConnect ? "-Endpoint" : "the endpoint Get-ResellerContext shows")} is right, then run the command again.",

            ResellerStoreException { ErrorCode: "StoreCorrupt" } store when context.CommandName != "Repair-ResellerStore" =>
                $"Run Repair-ResellerStore -StorePath '{System.IO.Path.GetDirectoryName(store.Path) ?? store.Path}' to keep what can still be read; the damaged files are kept as they are.",
            ResellerStoreException { ErrorCode: "StoreReadOnly" } store =>
                $"Connect to a store you can write (-StorePath), or make '{store.Path}' writable; reading it still works.",
            ResellerStoreException { ErrorCode: "StoreFull" } =>
                "Free some space on the store's disk and run the command again; nothing was written.",

            // A locked store's message already says what to do.
            ResellerStoreException { ErrorCode: "StoreUnavailable" } store =>
                $"Check that '{store.Path}' is a folder you can read and write; the store was left as it was.",
            _ => null,
        };

    private static string Correct(string fieldName, ErrorContext context, string message)
    {
        var field = fieldName == "Deployment" && context.Parameters.Contains("ServerSide")
            ? "the deployment switches"
            : ParameterNames.ForField(fieldName, context);
        var fix = ParameterNames.IsConnectionSetting(fieldName, context)
            ? $"Run {ParameterNames.ConnectCommand} again with {field.Substring(field.LastIndexOf(" -", StringComparison.Ordinal) + 1)}, then run the command again"
            : $"Correct {field} and run the command again";

        // Only a change can say nothing was written; a read wrote nothing anyway, and some messages say it already.
        return context.ChangesData && message.IndexOf("nothing was", StringComparison.OrdinalIgnoreCase) < 0
            ? fix + "; nothing was written."
            : fix + ".";
    }

    /// <summary>The message without .NET's "(Parameter 'x')" suffix, which names a C# parameter, not a PowerShell one.</summary>
    private static string Message(Exception exception)
    {
        var message = exception.Message;
        if (exception is ArgumentException { ParamName: { Length: > 0 } name })
        {
            foreach (var suffix in new[] { $" (Parameter '{name}')", $"{Environment.NewLine}Parameter name: {name}" })
            {
                if (message.EndsWith(suffix, StringComparison.Ordinal))
                {
                    return message.Substring(0, message.Length - suffix.Length);
                }
            }
        }

        return message;
    }

    /// <summary>The action without the sentences the message says already, so no record says a thing twice.</summary>
    private static string? WithoutRepeats(string? action, string message)
    {
        if (action is null)
        {
            return null;
        }

        var said = new HashSet<string>(Sentences(message), StringComparer.OrdinalIgnoreCase);
        var kept = Sentences(action).Where(sentence => !said.Contains(sentence)).ToList();
        return kept.Count == 0 ? null : string.Join(" ", kept);
    }

    private static IEnumerable<string> Sentences(string text) =>
        text.Split(SentenceEnds, StringSplitOptions.RemoveEmptyEntries)
            .Select(sentence => sentence.Trim().TrimEnd('.'))
            .Where(sentence => sentence.Length > 0)
            .Select(sentence => sentence + ".");
}
