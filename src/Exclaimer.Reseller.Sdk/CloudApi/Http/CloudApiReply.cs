using System;

namespace Exclaimer.Reseller.Sdk.CloudApi.Http;

/// <summary>
/// What one call came back with, after any retries: the status and either the parsed body or the (redacted)
/// error body. The response itself is already disposed: the whole exchange happens inside one attempt.
/// </summary>
internal sealed class CloudApiReply
{
    public int Status { get; init; }

    /// <summary>The parsed JSON body of a success, when one was expected.</summary>
    public object? Value { get; set; }

    /// <summary>The body of a failure, at most 16 KB, with secrets redacted (R18).</summary>
    public string? ErrorBody { get; set; }

    /// <summary>The delay the service asked for in <c>Retry-After</c>, when it gave one.</summary>
    public TimeSpan? RetryAfter { get; set; }

    /// <summary>Where a 3xx answer pointed (never followed), when it said.</summary>
    public Uri? RedirectTarget { get; init; }

    /// <summary>The service's request id header, when it sent one.</summary>
    public string? RequestId { get; init; }

    /// <summary>How many attempts the call took; more than 1 means an earlier attempt may have reached the server.</summary>
    public int Attempts { get; set; }

    public bool IsSuccess => Status is >= 200 and < 300;

    public bool WasRetried => Attempts > 1;
}
