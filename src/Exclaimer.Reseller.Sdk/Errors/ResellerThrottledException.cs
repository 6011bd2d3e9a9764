using System;

namespace Exclaimer.Reseller.Sdk;

/// <summary>The server asked the caller to slow down (HTTP 429) and retries did not get through.</summary>
public class ResellerThrottledException : ResellerException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was throttled.</param>
    /// <param name="retryAfter">How long the server asked the caller to wait, when it said.</param>
    /// <param name="target">The subscription concerned, if any.</param>
    /// <param name="requestId">The server's request id, if it gave one.</param>
    /// <param name="errorBody">The server's error body (redacted), if there was one.</param>
    public ResellerThrottledException(string message, TimeSpan? retryAfter, string? target = null, string? requestId = null, string? errorBody = null)
        : base(429, ResellerErrorCodes.Throttled, message, null, target, requestId, errorBody)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long the server asked the caller to wait, when it said.</summary>
    public TimeSpan? RetryAfter { get; }
}
