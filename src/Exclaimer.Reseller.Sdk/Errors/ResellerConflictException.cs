namespace Exclaimer.Reseller.Sdk;

/// <summary>
/// The call conflicts with what exists: a subscription id already taken (R9), a user already added, or a
/// subscription whose state does not allow the change. Nothing was changed.
/// </summary>
public class ResellerConflictException : ResellerException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errorCode">A stable code, e.g. <c>SubscriptionAlreadyExists</c>.</param>
    /// <param name="message">What conflicts and what to do.</param>
    /// <param name="target">The subscription concerned, if any.</param>
    /// <param name="requestId">The server's request id, if it gave one.</param>
    /// <param name="errorBody">The server's error body (redacted), if there was one.</param>
    public ResellerConflictException(string errorCode, string message, string? target = null, string? requestId = null, string? errorBody = null)
        : base(409, errorCode, message, null, target, requestId, errorBody)
    {
    }
}
