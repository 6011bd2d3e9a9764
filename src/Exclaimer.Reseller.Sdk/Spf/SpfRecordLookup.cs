using System;
using System.Collections.Generic;

namespace Exclaimer.Reseller.Sdk.Spf;

/// <summary>A domain's SPF record as DNS serves it now: the outcome of <see cref="SpfChecker.GetRecordAsync"/>.</summary>
public sealed class SpfRecordLookup
{
    /// <summary>Creates a lookup outcome; public so that tests and mocks of <see cref="SpfChecker"/> can build one.</summary>
    /// <param name="domain">The domain looked up.</param>
    /// <param name="status">What the lookup found.</param>
    /// <param name="records">The SPF records found: one when found, several when there are too many, else none.</param>
    /// <param name="reason">What went wrong, for people, or null when the record was found.</param>
    public SpfRecordLookup(string domain, SpfRecordStatus status, IReadOnlyList<string> records, string? reason)
    {
        Domain = domain ?? throw new ArgumentNullException(nameof(domain));
        Status = status;
        Records = records ?? throw new ArgumentNullException(nameof(records));
        Reason = reason;
    }

    /// <summary>The domain looked up, as given.</summary>
    public string Domain { get; }

    /// <summary>What the lookup found.</summary>
    public SpfRecordStatus Status { get; }

    /// <summary>The SPF record when exactly one was found (its TXT strings joined without spaces, RFC 7208 section 3.3); else null.</summary>
    public string? Record => Status == SpfRecordStatus.Found ? Records[0] : null;

    /// <summary>Every SPF record found: one when <see cref="SpfRecordStatus.Found"/>, all of them when <see cref="SpfRecordStatus.MoreThanOneRecord"/>, else empty.</summary>
    public IReadOnlyList<string> Records { get; }

    /// <summary>What went wrong, in words for people (e.g. which server timed out); null when the record was found. Not for parsing.</summary>
    public string? Reason { get; }
}
