using System;
using System.Globalization;
using Exclaimer.Reseller.Sdk.Rules;

namespace Exclaimer.Reseller.Sdk.Pipeline;

/// <summary>
/// Turns a failed call into the SDK's one exception family: <see cref="ResellerException"/>, with a subtype only where
/// callers act differently. Every message is written here, from redacted text only (R18).
/// </summary>
internal static class CloudApiErrors
{
    public static ResellerException FromReply(CloudApiReply reply, CloudApiRequest request)
    {
        var what = request.Method.Method + " " + request.Path;
        if (reply.EmulatorFault is { } fault)
        {
            // The emulator's own store failed: the same error the store raised, whichever side of the wire (R17).
            return new ResellerStoreException(fault.Code, fault.Path ?? string.Empty, fault.Message);
        }

        var problem = CloudApiProblem.Read(reply.ErrorBody);
        var said = problem.Message is null ? string.Empty : " The server said: " + problem.Message;
        var target = request.SubscriptionId;
        var details = reply.Details;
        return reply.Status switch
        {
            >= 300 and < 400 => Redirect(what, reply.Status, reply.RedirectTarget, target, details),
            400 => new ResellerValidationException(
                problem.Fields.Count > 0 ? problem.Fields[0] : "Request",
                rule: null,
                $"The server refused {what} as {(problem.SaysMissing ? "missing required fields" : "bad input")}"
                + $"{(problem.Fields.Count > 0 ? " (" + string.Join(", ", problem.Fields) + ")" : string.Empty)}; nothing was changed.{said}",
                problem.SaysMissing ? ResellerErrorCodes.MissingField : ResellerErrorCodes.InvalidField,
                target,
                details.RequestId,
                details.ErrorBody),
            401 => new ResellerAuthenticationException(
                401,
                ResellerErrorCodes.Unauthorized,
                $"The server refused the API token for {what} (401). Check ResellerClientOptions.ApiToken, and that a sandbox token is used with the Sandbox environment and a live token with Live.{said}",
                target,
                details.RequestId,
                details.ErrorBody),
            403 => new ResellerAuthenticationException(
                403,
                ResellerErrorCodes.Forbidden,
                $"The server does not allow {what} for this API token, or the change would leave the subscription broken (403).{said}",
                target,
                details.RequestId,
                details.ErrorBody),
            404 when target is null => new ResellerNotFoundException(ResellerErrorCodes.RouteNotFound, $"The server has no route {what} (404). Check ResellerClientOptions.ApiSegment and Endpoint.{said}", null, details.RequestId, details.ErrorBody),
            404 => RuleErrors.SubscriptionNotFound(target, details, $" (404 from {what}){said}"),
            409 => new ResellerConflictException(ResellerErrorCodes.Conflict, $"The server refused {what} because it conflicts with what exists (409); nothing was changed.{said}", target, details.RequestId, details.ErrorBody),
            415 => new ResellerException(
                415,
                ResellerErrorCodes.UnsupportedMediaType,
                $"The server did not accept the content type of {what} (415). The SDK sends application/json; a proxy may have changed the request.{said}",
                null,
                target,
                details.RequestId,
                details.ErrorBody),
            429 => new ResellerThrottledException(
                $"The server is throttling calls (429) and {what} did not get through after {Attempts(reply.Attempts)}; "
                + (reply.RetryAfter is { } wait ? $"it asked to wait {Describe(wait)}." : "try again later."),
                reply.RetryAfter,
                target,
                details.RequestId,
                details.ErrorBody),
            _ => new ResellerException(
                reply.Status,
                reply.Status is 408 or >= 500 ? ResellerErrorCodes.ServiceUnavailable : ResellerErrorCodes.HttpError,
                $"{what} failed with HTTP {reply.Status.ToString(CultureInfo.InvariantCulture)} after {Attempts(reply.Attempts)}.{said}",
                null,
                target,
                details.RequestId,
                details.ErrorBody),
        };
    }

    /// <summary>An injected <c>HttpClient</c> followed a redirect on its own; its answer is not used.</summary>
    public static ResellerException FollowedRedirect(CloudApiRequest request, Uri sentTo, Uri answeredFrom) =>
        new(
            0,
            ResellerErrorCodes.RedirectRefused,
            $"{request.Method.Method} {request.Path} was redirected from '{HostOf(sentTo)}' to '{HostOf(answeredFrom)}' by the HttpClient given to the SDK, "
            + "which follows redirects on its own; its answer was not used. The API token may have been sent there: give the SDK an HttpClient whose handler has AllowAutoRedirect = false, and consider rotating the token.",
            null,
            request.SubscriptionId);

    /// <summary>A success body larger than <see cref="ResellerClientOptions.MaxResponseSize"/>, or one that did not end.</summary>
    public static ResellerException ResponseTooLarge(CloudApiRequest request, int status, long limit, string? requestId) =>
        new(
            status,
            ResellerErrorCodes.ResponseTooLarge,
            $"The server answered {request.Method.Method} {request.Path} with a body larger than {DescribeBytes(limit)} (ResellerClientOptions.MaxResponseSize); it was not read further.",
            null,
            request.SubscriptionId,
            requestId);

    public static ResellerException InvalidResponse(CloudApiRequest request, int status, string why, string? body, Exception? cause, string? requestId) =>
        new(
            status,
            ResellerErrorCodes.InvalidResponse,
            $"The server answered {request.Method.Method} {request.Path} with HTTP {status.ToString(CultureInfo.InvariantCulture)}, but {why}.",
            cause,
            request.SubscriptionId,
            requestId,
            body);

    /// <summary>A call that ran out of time; its inner exception is a <see cref="TimeoutException"/> (the attempt's or the deadline's own).</summary>
    public static ResellerException Timeout(CloudApiRequest request, int attempts, ClientSettings settings, Exception cause) =>
        new(
            0,
            ResellerErrorCodes.Timeout,
            $"{request.Method.Method} {request.Path} timed out after {Attempts(attempts)} (Retry.AttemptTimeout {Describe(settings.AttemptTimeout)}, Retry.OverallTimeout {Describe(settings.OverallTimeout)}).",
            cause as TimeoutException ?? new TimeoutException(cause.Message, cause),
            request.SubscriptionId);

    public static ResellerException ConnectionFailed(CloudApiRequest request, int attempts, Uri baseAddress, Exception cause) =>
        new(
            0,
            ResellerErrorCodes.ConnectionFailed,
            $"{request.Method.Method} {request.Path} could not reach the server at {baseAddress.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped)} after {Attempts(attempts)}: {RootCause(cause)}.",
            cause,
            request.SubscriptionId);

    public static ResellerException NotSupported(string subscriptionId, string message) =>
        new(0, ResellerErrorCodes.NotSupportedByCloudApi, message, null, subscriptionId);

    /// <summary>A 3xx answer: never followed, so the token went nowhere else (R18).</summary>
    private static ResellerException Redirect(string what, int status, Uri? target, string? subscriptionId, CallDetails details) =>
        new(
            status,
            ResellerErrorCodes.RedirectRefused,
            $"The server answered {what} with HTTP {status.ToString(CultureInfo.InvariantCulture)}, a redirect to "
            + (target is null ? "an address it did not give" : $"'{HostOf(target)}'")
            + ". The SDK never follows redirects, so the API token was not sent there; check the endpoint (it must be the server's own address).",
            null,
            subscriptionId,
            details.RequestId,
            details.ErrorBody);

    /// <summary>
    /// What actually went wrong, in the words of the deepest cause that says it ("Connection refused", "Name or service
    /// not known"), so the user can act on it; its type name when it says nothing.
    /// </summary>
    private static string RootCause(Exception cause)
    {
        var deepest = cause;
        while (deepest.InnerException is { } inner)
        {
            deepest = inner;
        }

        var text = (string.IsNullOrWhiteSpace(deepest.Message) ? cause.Message : deepest.Message).Trim().TrimEnd('.');
        return text.Length == 0 ? cause.GetType().Name : text;
    }

    private static string HostOf(Uri address) => address.IsAbsoluteUri ? address.Authority : address.OriginalString;

    private static string Attempts(int attempts) => attempts == 1 ? "1 attempt" : attempts.ToString(CultureInfo.InvariantCulture) + " attempts";

    private static string DescribeBytes(long bytes) =>
        bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0
            ? (bytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture) + " MiB"
            : bytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes";

    private static string Describe(TimeSpan? time) =>
        time is not { } value ? "none"
        : value.TotalSeconds >= 1 ? value.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s"
        : value.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
}
