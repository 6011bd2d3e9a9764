using System;
using Exclaimer.Reseller.Sdk.Rules;

namespace Exclaimer.Reseller.Sdk.Pipeline;

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

    /// <summary>The delay the server asked for in <c>Retry-After</c>, when it gave one.</summary>
    public TimeSpan? RetryAfter { get; set; }

    /// <summary>Where a 3xx answer pointed (never followed), when it said.</summary>
    public Uri? RedirectTarget { get; init; }

    /// <summary>The server's request id header, when it sent one.</summary>
    public string? RequestId { get; init; }

    /// <summary>Whether the answer came from the emulator (its <c>X-Exclaimer-Emulator</c> header), which has extension routes.</summary>
    public bool FromEmulator { get; init; }

    /// <summary>The emulator's report of its own store failing, when that is what the answer is.</summary>
    public EmulatorFault? EmulatorFault { get; set; }

    /// <summary>How many attempts the call took; more than 1 means an earlier attempt may have reached the server.</summary>
    public int Attempts { get; set; }

    public bool IsSuccess => Status is >= 200 and < 300;

    public bool WasRetried => Attempts > 1;

    /// <summary>The details an error made from this reply carries.</summary>
    public CallDetails Details => new(ErrorBody, RequestId);
}

/// <summary>The emulator's store failed (a documented emulator extension): the error code, message and file it reported.</summary>
internal sealed record EmulatorFault(string Code, string Message, string? Path);
