namespace Exclaimer.Reseller.Sdk;

/// <summary>The subscription, user or route does not exist (HTTP 404).</summary>
public class ResellerNotFoundException : ResellerException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errorCode">A stable code, e.g. <c>SubscriptionNotFound</c>.</param>
    /// <param name="message">What was not found.</param>
    /// <param name="target">The subscription concerned, if any.</param>
    /// <param name="requestId">The server's request id, if it gave one.</param>
    /// <param name="errorBody">The server's error body (redacted), if there was one.</param>
    public ResellerNotFoundException(string errorCode, string message, string? target = null, string? requestId = null, string? errorBody = null)
        : base(404, errorCode, message, null, target, requestId, errorBody)
    {
    }
}
