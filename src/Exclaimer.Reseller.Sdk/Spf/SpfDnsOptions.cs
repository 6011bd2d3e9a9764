using System;
using System.Collections.Generic;
using System.Linq;

namespace Exclaimer.Reseller.Sdk.Spf;

/// <summary>
/// How the SPF checker queries DNS: which servers, how long a query may take and how often it is retried,
/// and how long a whole check may take (RFC 7208 section 4.6.4 asks for a bound, of at least 20 seconds).
/// </summary>
public sealed class SpfDnsOptions
{
    private TimeSpan _queryTimeout = TimeSpan.FromSeconds(3);
    private int _retries = 1;
    private TimeSpan _evaluationTimeout = TimeSpan.FromSeconds(20);
    private int _voidLookupLimit = 2;

    /// <summary>
    /// The DNS servers to ask, in order; the next is asked when one does not answer or fails.
    /// Empty (the default) means the machine's own resolvers, found the same way on Windows, Linux and macOS.
    /// </summary>
    public IList<SpfNameServer> NameServers { get; } = new List<SpfNameServer>();

    /// <summary>How long one DNS query waits for an answer; more than zero and at most a minute, default 3 seconds.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero, negative or over a minute.</exception>
    public TimeSpan QueryTimeout
    {
        get => _queryTimeout;
        set => _queryTimeout = value > TimeSpan.Zero && value <= TimeSpan.FromMinutes(1)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "QueryTimeout must be more than zero and at most a minute.");
    }

    /// <summary>How many more times a query that timed out is sent to the same server; 0 to 5, default 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or over 5.</exception>
    public int Retries
    {
        get => _retries;
        set => _retries = value is >= 0 and <= 5
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "Retries must be between 0 and 5.");
    }

    /// <summary>
    /// How long one whole check may take, every lookup included; past it the result is temperror. More than zero
    /// and at most 5 minutes, default 20 seconds (the least RFC 7208 section 4.6.4 suggests).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero, negative or over 5 minutes.</exception>
    public TimeSpan EvaluationTimeout
    {
        get => _evaluationTimeout;
        set => _evaluationTimeout = value > TimeSpan.Zero && value <= TimeSpan.FromMinutes(5)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "EvaluationTimeout must be more than zero and at most 5 minutes.");
    }

    /// <summary>
    /// How many lookups that find nothing (no such name, or no records) a check tolerates before permerror;
    /// 0 to 10, default 2 as RFC 7208 section 4.6.4 recommends.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or over 10.</exception>
    public int VoidLookupLimit
    {
        get => _voidLookupLimit;
        set => _voidLookupLimit = value is >= 0 and <= 10
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "VoidLookupLimit must be between 0 and 10.");
    }

    /// <summary>A copy, with other name servers when <paramref name="nameServers"/> holds any; callers have refused null entries.</summary>
    internal SpfDnsOptions Copy(IEnumerable<SpfNameServer>? nameServers = null)
    {
        var copy = new SpfDnsOptions
        {
            QueryTimeout = QueryTimeout,
            Retries = Retries,
            EvaluationTimeout = EvaluationTimeout,
            VoidLookupLimit = VoidLookupLimit,
        };
        var servers = nameServers?.ToList() is { Count: > 0 } given ? given : NameServers;
        foreach (var server in servers)
        {
            copy.NameServers.Add(server);
        }

        return copy;
    }
}
