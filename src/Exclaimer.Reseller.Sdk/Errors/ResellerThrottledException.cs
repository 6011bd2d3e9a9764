using System;

namespace Exclaimer.Reseller.Sdk;

/// <summary>The service asked the caller to slow down (HTTP 429) and retries did not get through.</summary>
public class ResellerThrottledException : ResellerException
{
    /// <summary>Creates the exception.</summary>
    public ResellerThrottledException(string message, TimeSpan? retryAfter)
        : base(429, "Throttled", message)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long the service asked the caller to wait, when it said.</summary>
    public TimeSpan? RetryAfter { get; }
}
