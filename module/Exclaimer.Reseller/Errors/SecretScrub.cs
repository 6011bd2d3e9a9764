using System;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Errors;

/// <summary>
/// Keeps a secret the caller handed in (a transfer token, R21) out of the error a call raises, whatever the server
/// echoed (R18): the SDK redacts the API token from what servers say, but knows no other secret. The exception is made
/// again with the secret blanked, of the same type and with the same code, so the error id and category stay the same.
/// </summary>
internal static class SecretScrub
{
    public const string Blank = "***";

    /// <summary><paramref name="exception"/> itself when it does not hold <paramref name="secret"/>; else a copy without it.</summary>
    public static ResellerException Without(ResellerException exception, string secret)
    {
        if (secret.Length == 0 || !(Holds(exception.Message, secret) || Holds(exception.ErrorBody, secret) || Holds(exception.InnerException?.Message, secret)))
        {
            return exception;
        }

        var message = Scrub(exception.Message, secret)!;
        var body = Scrub(exception.ErrorBody, secret);
        return exception switch
        {
            ResellerValidationException validation => new ResellerValidationException(validation.FieldName, validation.Rule, message, validation.ErrorCode, validation.Target, validation.RequestId, body),
            ResellerConflictException conflict => new ResellerConflictException(conflict.ErrorCode ?? ResellerErrorCodes.Conflict, message, conflict.Target, conflict.RequestId, body),
            ResellerNotFoundException notFound => new ResellerNotFoundException(notFound.ErrorCode ?? string.Empty, message, notFound.Target, notFound.RequestId, body),
            ResellerAuthenticationException refused => new ResellerAuthenticationException(refused.Status, refused.ErrorCode ?? string.Empty, message, refused.Target, refused.RequestId, body),
            ResellerThrottledException throttled => new ResellerThrottledException(message, throttled.RetryAfter, throttled.Target, throttled.RequestId, body),

            // The inner exception is dropped: its own message may hold the secret too.
            _ => new ResellerException(exception.Status, exception.ErrorCode, message, null, exception.Target, exception.RequestId, body),
        };
    }

    private static bool Holds(string? text, string secret) => text is not null && text.IndexOf(secret, StringComparison.Ordinal) >= 0;

    private static string? Scrub(string? text, string secret) => text?.Replace(secret, Blank);
}
