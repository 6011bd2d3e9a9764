using System;

namespace Exclaimer.Reseller.Sdk;

/// <summary>
/// A call failed. One type for every failure, with subtypes only where callers act differently:
/// <see cref="ResellerValidationException"/>, <see cref="ResellerNotFoundException"/>,
/// <see cref="ResellerConflictException"/>, <see cref="ResellerAuthenticationException"/>,
/// <see cref="ResellerThrottledException"/> and <see cref="ResellerStoreException"/>. Every <see cref="ErrorCode"/> the
/// SDK raises is a constant of <see cref="ResellerErrorCodes"/>. Immutable; messages and properties never carry secrets:
/// no API token, no invitation link (R18).
/// </summary>
public class ResellerException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ResellerException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public ResellerException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with what the failed call came back with.</summary>
    /// <param name="status">The HTTP status; 0 when none applies (a timeout, a connection failure).</param>
    /// <param name="errorCode">A stable code for the failure, e.g. <c>SubscriptionNotFound</c> (see <see cref="ResellerErrorCodes"/>).</param>
    /// <param name="message">What went wrong and what to do about it.</param>
    /// <param name="innerException">The cause, if any.</param>
    /// <param name="target">The subscription (or other item) the failure is about, if any.</param>
    /// <param name="requestId">The server's request id, if it gave one.</param>
    /// <param name="errorBody">The server's error body (redacted), if there was one.</param>
    public ResellerException(int status, string? errorCode, string message, Exception? innerException = null, string? target = null, string? requestId = null, string? errorBody = null)
        : base(message, innerException)
    {
        Status = status;
        ErrorCode = errorCode;
        Target = target;
        RequestId = requestId;
        ErrorBody = errorBody;
    }

    /// <summary>The HTTP status; 0 when none applies.</summary>
    public int Status { get; }

    /// <summary>A stable code for the failure (a constant of <see cref="ResellerErrorCodes"/>), when known.</summary>
    public string? ErrorCode { get; }

    /// <summary>The server's request id, for support, when the server gave one.</summary>
    public string? RequestId { get; }

    /// <summary>The server's error body as it came (at most 16 KB, secrets redacted), when there was one.</summary>
    public string? ErrorBody { get; }

    /// <summary>The subscription (or other item) the failure is about, when there is one.</summary>
    public string? Target { get; }
}
