using System;
using System.Collections.Generic;

namespace Exclaimer.Reseller.Sdk.Spf;

/// <summary>
/// What one DNS query gave, in the three ways RFC 7208 tells apart: records (possibly none), a name error
/// (NXDOMAIN), or a failure (timeout, SERVFAIL, any other error), which makes a temperror.
/// </summary>
internal sealed class SpfDnsAnswer<T>
{
    private SpfDnsAnswer(IReadOnlyList<T> records, bool isNameError, string? failure)
    {
        Records = records;
        IsNameError = isNameError;
        Failure = failure;
    }

    /// <summary>The records of the queried type; empty for a name error or a failure.</summary>
    public IReadOnlyList<T> Records { get; }

    /// <summary>Whether the name does not exist (RCODE 3), or cannot be a DNS name at all.</summary>
    public bool IsNameError { get; }

    /// <summary>Why the query failed (timeout, SERVFAIL, ...); null when DNS answered.</summary>
    public string? Failure { get; }

    /// <summary>A "void lookup" (RFC 7208 section 4.6.4): DNS answered with a name error or no records.</summary>
    public bool IsVoid => Failure is null && Records.Count == 0;

    public static SpfDnsAnswer<T> Answered(IReadOnlyList<T> records) => new(records, isNameError: false, failure: null);

    public static SpfDnsAnswer<T> NameError() => new(Array.Empty<T>(), isNameError: true, failure: null);

    public static SpfDnsAnswer<T> Failed(string failure) => new(Array.Empty<T>(), isNameError: false, failure);
}
