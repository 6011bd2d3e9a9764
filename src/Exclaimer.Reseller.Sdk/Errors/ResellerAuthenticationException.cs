namespace Exclaimer.Reseller.Sdk;

/// <summary>The credentials were missing, invalid, or do not allow the call (HTTP 401 or 403).</summary>
public class ResellerAuthenticationException : ResellerException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="status">401 or 403.</param>
    /// <param name="errorCode"><c>Unauthorized</c> or <c>Forbidden</c>.</param>
    /// <param name="message">What was refused.</param>
    /// <param name="target">The subscription concerned, if any.</param>
    /// <param name="requestId">The server's request id, if it gave one.</param>
    /// <param name="errorBody">The server's error body (redacted), if there was one.</param>
    public ResellerAuthenticationException(int status, string errorCode, string message, string? target = null, string? requestId = null, string? errorBody = null)
        : base(status, errorCode, message, null, target, requestId, errorBody)
    {
    }
}
