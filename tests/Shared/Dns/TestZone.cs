using System;
using System.Collections.Generic;
using System.Linq;

namespace Exclaimer.Reseller.Tests.Dns;

/// <summary>
/// The records a <see cref="TestDnsServer"/> serves, in the openspf suite's terms: per name, records in order,
/// where a <c>TIMEOUT</c> entry makes a query go unanswered unless a record of the queried type came before it.
/// </summary>
internal sealed class TestZone
{
    private readonly Dictionary<string, List<TestRecord>> _names = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Adds a record; <paramref name="type"/> is A, AAAA, MX, PTR, TXT, SPF, or one of the faults: TIMEOUT (never
    /// answered), SERVFAIL (answered with that error) and DELAY (answered after <c>data[0]</c> milliseconds).
    /// </summary>
    /// <param name="name">The owner name; case and a trailing dot are ignored.</param>
    /// <param name="type">The record type.</param>
    /// <param name="data">A, AAAA, PTR: one value; MX: preference and exchange; TXT, SPF: the strings.</param>
    public TestZone Add(string name, string type, params string[] data)
    {
        string key = Key(name);
        if (!_names.TryGetValue(key, out var records))
        {
            records = new List<TestRecord>();
            _names.Add(key, records);
        }

        records.Add(new TestRecord(type.ToUpperInvariant(), data));
        return this;
    }

    /// <summary>Adds one TXT record of one string: the usual way an SPF record is published.</summary>
    public TestZone Txt(string name, string text) => Add(name, "TXT", text);

    /// <summary>Makes every query for the name go unanswered.</summary>
    public TestZone Timeout(string name) => Add(name, "TIMEOUT");

    /// <summary>Replaces the name's records with one TXT record, as a publisher would after a change.</summary>
    public TestZone Replace(string name, string text)
    {
        _names.Remove(Key(name));
        return Txt(name, text);
    }

    /// <summary>What the server answers for a query.</summary>
    /// <param name="name">The queried name.</param>
    /// <param name="type">The queried type, e.g. TXT.</param>
    public TestAnswer Answer(string name, string type)
    {
        if (!_names.TryGetValue(Key(name), out var records))
        {
            return TestAnswer.NameError;
        }

        var matches = new List<TestRecord>();
        var delay = TimeSpan.Zero;
        foreach (var record in records)
        {
            if (record.Type == "TIMEOUT" && matches.Count == 0)
            {
                return TestAnswer.Timeout;
            }

            if (record.Type == "SERVFAIL")
            {
                return TestAnswer.ServerFailure;
            }

            if (record.Type == "DELAY")
            {
                delay = TimeSpan.FromMilliseconds(int.Parse(record.Data[0], System.Globalization.CultureInfo.InvariantCulture));
            }

            if (record.Type == type)
            {
                matches.Add(record);
            }
        }

        return new TestAnswer(matches) { Delay = delay };
    }

    private static string Key(string name) => name.TrimEnd('.').ToLowerInvariant();
}

/// <summary>One record of a <see cref="TestZone"/>.</summary>
internal sealed record TestRecord(string Type, IReadOnlyList<string> Data);

/// <summary>The answer to one query: records (none for NODATA), a name error, or no answer at all.</summary>
internal sealed class TestAnswer
{
    public static readonly TestAnswer NameError = new(Array.Empty<TestRecord>()) { IsNameError = true };

    public static readonly TestAnswer Timeout = new(Array.Empty<TestRecord>()) { IsTimeout = true };

    public static readonly TestAnswer ServerFailure = new(Array.Empty<TestRecord>()) { IsServerFailure = true };

    public TestAnswer(IReadOnlyList<TestRecord> records) => Records = records;

    public IReadOnlyList<TestRecord> Records { get; }

    public bool IsNameError { get; private init; }

    public bool IsTimeout { get; private init; }

    public bool IsServerFailure { get; private init; }

    /// <summary>How long the server waits before it answers.</summary>
    public TimeSpan Delay { get; init; }

    public override string ToString() =>
        IsTimeout ? "timeout" : IsServerFailure ? "SERVFAIL" : IsNameError ? "NXDOMAIN" : string.Join("; ", Records.Select(r => string.Join(" ", r.Data)));
}
