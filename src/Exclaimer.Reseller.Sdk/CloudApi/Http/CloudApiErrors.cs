using System;
using System.Globalization;

namespace Exclaimer.Reseller.Sdk.CloudApi.Http;

/// <summary>
/// Turns a failed Cloud API call into the SDK's one exception family: <see cref="ResellerException"/>, with a
/// subtype only where callers act differently. Every message is written here, from redacted text only (R18).
/// </summary>
internal static class CloudApiErrors
{
    /// <summary>The error code of calls the Cloud API has no way to make.</summary>
    public const string NotSupportedByCloudApi = "NotSupportedByCloudApi";

    /// <summary>The error code of a 3xx answer, which the SDK never follows.</summary>
    public const string RedirectRefused = "RedirectRefused";

    /// <summary>The error code of a body past <see cref="CloudApiOptions.MaxResponseSize"/>.</summary>
    public const string ResponseTooLargeCode = "ResponseTooLarge";

    public static ResellerException FromReply(CloudApiReply reply, CloudApiRequest request)
    {
        var what = request.Method.Method + " " + request.Path;
        var problem = CloudApiProblem.Read(reply.ErrorBody);
        var said = problem.Message is null ? string.Empty : " The Cloud API said: " + problem.Message;
        var target = request.SubscriptionId;
        ResellerException error = reply.Status switch
        {
            >= 300 and < 400 => Redirect(what, reply.Status, reply.RedirectTarget),
            400 => new ResellerValidationException(
                problem.Fields.Count > 0 ? problem.Fields[0] : "Request",
                rule: null,
                $"The Cloud API refused {what} as {(problem.SaysMissing ? "missing required fields" : "bad input")}"
                + $"{(problem.Fields.Count > 0 ? " (" + string.Join(", ", problem.Fields) + ")" : string.Empty)}; nothing was changed.{said}",
                problem.SaysMissing ? "MissingField" : "InvalidField"),
            401 => new ResellerAuthenticationException(
                401,
                "Unauthorized",
                $"The Cloud API refused the API token for {what} (401). Check CloudApiOptions.ApiToken, and that a sandbox token is used with the Sandbox environment and a live token with Live.{said}"),
            403 => new ResellerAuthenticationException(
                403,
                "Forbidden",
                $"The Cloud API does not allow {what} for this API token, or the change would leave the subscription broken (403).{said}"),
            404 when target is null => new ResellerNotFoundException("RouteNotFound", $"The Cloud API has no route {what} (404). Check CloudApiOptions.ApiSegment and Endpoint.{said}"),
            404 => new ResellerNotFoundException("SubscriptionNotFound", $"No subscription has the id '{target}' (404 from {what}).{said}"),
            409 => new ResellerConflictException("Conflict", $"The Cloud API refused {what} because it conflicts with what exists (409); nothing was changed.{said}"),
            415 => new ResellerException(
                415,
                "UnsupportedMediaType",
                $"The Cloud API did not accept the content type of {what} (415). The SDK sends application/json; a proxy may have changed the request.{said}"),
            429 => new ResellerThrottledException(
                $"The Cloud API is throttling calls (429) and {what} did not get through after {Attempts(reply)}; "
                + (reply.RetryAfter is { } wait ? $"it asked to wait {Describe(wait)}." : "try again later."),
                reply.RetryAfter),
            _ => new ResellerException(
                reply.Status,
                reply.Status is 408 or >= 500 ? "ServiceUnavailable" : "HttpError",
                $"{what} failed with HTTP {reply.Status.ToString(CultureInfo.InvariantCulture)} after {Attempts(reply)}.{said}"),
        };

        // Every refusal carries the API's (redacted) body, its request id and the subscription it was about.
        return error.WithCallDetails(reply.ErrorBody, reply.RequestId, target);
    }

    /// <summary>A 3xx answer: never followed, so the token went nowhere else (R18).</summary>
    private static ResellerException Redirect(string what, int status, Uri? target) =>
        new(
            status,
            RedirectRefused,
            $"The Cloud API answered {what} with HTTP {status.ToString(CultureInfo.InvariantCulture)}, a redirect to "
            + (target is null ? "an address it did not give" : $"'{HostOf(target)}'")
            + ". The SDK never follows redirects, so the API token was not sent there; check the endpoint (it must be the Cloud API's own address).");

    /// <summary>An injected <c>HttpClient</c> followed a redirect on its own; its answer is not used.</summary>
    public static ResellerException FollowedRedirect(CloudApiRequest request, Uri sentTo, Uri answeredFrom) =>
        new ResellerException(
            0,
            RedirectRefused,
            $"{request.Method.Method} {request.Path} was redirected from '{HostOf(sentTo)}' to '{HostOf(answeredFrom)}' by the HttpClient given to the SDK, "
            + "which follows redirects on its own; its answer was not used. The API token may have been sent there: give the SDK an HttpClient whose handler has AllowAutoRedirect = false, and consider rotating the token.")
        {
            Target = request.SubscriptionId,
        };

    /// <summary>A success body larger than <see cref="CloudApiOptions.MaxResponseSize"/>, or one that did not end.</summary>
    public static ResellerException ResponseTooLarge(CloudApiRequest request, int status, long limit, string? requestId) =>
        new ResellerException(
            status,
            ResponseTooLargeCode,
            $"The Cloud API answered {request.Method.Method} {request.Path} with a body larger than {DescribeBytes(limit)} (CloudApiOptions.MaxResponseSize); it was not read further.")
            .WithCallDetails(null, requestId, request.SubscriptionId);

    public static ResellerException InvalidResponse(CloudApiRequest request, int status, string why, string? body, Exception? cause, string? requestId) =>
        new ResellerException(status, "InvalidResponse", $"The Cloud API answered {request.Method.Method} {request.Path} with HTTP {status.ToString(CultureInfo.InvariantCulture)}, but {why}.", cause)
            .WithCallDetails(body, requestId, request.SubscriptionId);

    /// <summary>A call that ran out of time; its inner exception is a <see cref="TimeoutException"/> (the attempt's or the deadline's own).</summary>
    public static ResellerException Timeout(CloudApiRequest request, int attempts, CloudApiSettings settings, Exception cause) =>
        new(0, "Timeout", $"{request.Method.Method} {request.Path} timed out after {Attempts(attempts)} (AttemptTimeout {Describe(settings.AttemptTimeout)}, OverallTimeout {Describe(settings.OverallTimeout)}).", cause as TimeoutException ?? new TimeoutException(cause.Message, cause))
        {
            Target = request.SubscriptionId,
        };

    public static ResellerException ConnectionFailed(CloudApiRequest request, int attempts, Uri baseAddress, Exception cause) =>
        new(0, "ConnectionFailed", $"{request.Method.Method} {request.Path} could not reach the Cloud API at {baseAddress.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped)} after {Attempts(attempts)}: {RootCause(cause)}.", cause)
        {
            Target = request.SubscriptionId,
        };

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

    private static string DescribeBytes(long bytes) =>
        bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0
            ? (bytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture) + " MiB"
            : bytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes";

    public static ResellerException NotSupported(string subscriptionId, string message) =>
        new(0, NotSupportedByCloudApi, message) { Target = subscriptionId };

    private static string Attempts(CloudApiReply reply) => Attempts(reply.Attempts);

    private static string Attempts(int attempts) => attempts == 1 ? "1 attempt" : attempts.ToString(CultureInfo.InvariantCulture) + " attempts";

    private static string Describe(TimeSpan? time) =>
        time is not { } value ? "none"
        : value.TotalSeconds >= 1 ? value.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s"
        : value.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
}
