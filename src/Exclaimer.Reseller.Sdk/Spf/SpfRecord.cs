using System;
using System.Collections.Generic;
using System.Linq;

namespace Exclaimer.Reseller.Sdk.Spf;

/// <summary>A parsed SPF record: its version section and its terms in order.</summary>
internal sealed class SpfRecord
{
    /// <summary>The version section of SPF version 1, matched ignoring case (section 4.5).</summary>
    private const string VersionSection = "v=spf1";

    /// <summary>The version section as written, kept for the output.</summary>
    private readonly string _version;

    /// <summary>Creates a record from checked parts; see <see cref="Parse"/>.</summary>
    private SpfRecord(string version, IReadOnlyList<SpfTerm> terms)
    {
        _version = version;
        Terms = terms;
    }

    /// <summary>The terms after the version section, in the order they are evaluated.</summary>
    public IReadOnlyList<SpfTerm> Terms { get; }

    /// <summary>The DNS lookups the whole record costs (section 4.6.4); a lower bound, see <see cref="KnownSpfIncludes"/>.</summary>
    public int DnsLookupCount => Terms.Sum(term => term.DnsLookups);

    /// <summary>Parses normalized record text, checking that it is exactly one SPF record and that every term is well formed.</summary>
    /// <param name="text">Record text with single spaces between terms, as <see cref="SpfRecordText.Normalize"/> returns it.</param>
    /// <exception cref="SpfRecordException">The text is not one SPF record, or a term breaks the grammar.</exception>
    public static SpfRecord Parse(string text)
    {
        string[] words = text.Split(' ');

        // A domain with two SPF records gets a permerror (section 4.5), so two pasted records cannot be merged into one.
        int records = words.Count(IsVersion);
        if (records > 1)
        {
            throw new SpfRecordException("4.5", $"a domain must publish one SPF record; found {records}");
        }

        // The version must be followed by a space or the end (section 4.5): "v=spf10" is not SPF.
        if (!IsVersion(words[0]))
        {
            throw new SpfRecordException("4.5", "not an SPF record; an SPF record starts with 'v=spf1'");
        }

        return new SpfRecord(words[0], words.Skip(1).Select(SpfTerm.Parse).ToList());
    }

    /// <summary>Returns a copy of the record with a term inserted; the other terms keep their text and order.</summary>
    /// <param name="index">Where the term goes among <see cref="Terms"/>.</param>
    /// <param name="term">The term to insert.</param>
    public SpfRecord Insert(int index, SpfTerm term)
    {
        var terms = Terms.ToList();
        terms.Insert(index, term);
        return new SpfRecord(_version, terms);
    }

    /// <summary>The record as published: the version as written, then the terms, separated by single spaces.</summary>
    public override string ToString() => string.Join(" ", new[] { _version }.Concat(Terms.Select(term => term.Text)));

    /// <summary>Whether a word is the version section.</summary>
    private static bool IsVersion(string word) => string.Equals(word, VersionSection, StringComparison.OrdinalIgnoreCase);
}
