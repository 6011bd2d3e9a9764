using System;

namespace Exclaimer.Reseller.Sdk;

/// <summary>
/// A call failed. One type for every failure, with subtypes only where callers act differently:
/// <see cref="ResellerValidationException"/>, <see cref="ResellerNotFoundException"/>,
/// <see cref="ResellerConflictException"/>, <see cref="ResellerAuthenticationException"/>,
/// <see cref="ResellerThrottledException"/> and <see cref="ResellerStoreException"/>.
/// Messages and properties never carry secrets: no API token, no invitation link (R18).
/// </summary>
public class ResellerException : Exception
{
    private string? _requestId;
    private string? _errorBody;
    private string? _target;

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

    /// <summary>Creates the exception with the details a transport knows.</summary>
    /// <param name="status">The HTTP status, or its equivalent for the local engine (400, 404, 409...); 0 when none applies.</param>
    /// <param name="errorCode">A stable code for the failure, e.g. <c>SubscriptionNotFound</c>.</param>
    /// <param name="message">What went wrong and what to do about it.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ResellerException(int status, string? errorCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        ErrorCode = errorCode;
    }

    /// <summary>The HTTP status, or its equivalent for the local engine; 0 when none applies.</summary>
    public int Status { get; }

    /// <summary>A stable code for the failure (e.g. <c>SubscriptionNotFound</c>, <c>MissingField</c>), when known.</summary>
    public string? ErrorCode { get; }

    /// <summary>The service's request id, for support, when the service gave one.</summary>
    public string? RequestId { get => _requestId; init => _requestId = value; }

    /// <summary>The service's error body as it came (e.g. the list of missing fields), when there was one.</summary>
    public string? ErrorBody { get => _errorBody; init => _errorBody = value; }

    /// <summary>The subscription (or other item) the failure is about, when there is one.</summary>
    public string? Target { get => _target; init => _target = value; }

    /// <summary>Attaches what a failed call came back with, once, for every subtype alike.</summary>
    internal ResellerException WithCallDetails(string? errorBody, string? requestId, string? target)
    {
        _errorBody = errorBody;
        _requestId = requestId;
        _target = target;
        return this;
    }
}
