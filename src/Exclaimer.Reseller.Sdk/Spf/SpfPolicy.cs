using System.Collections.Generic;
using System.Linq;

namespace Exclaimer.Reseller.Sdk.Spf;

/// <summary>
/// An SPF record as served by DNS, parsed for evaluation: its mechanisms in order and its redirect and exp
/// modifiers. The term grammar is the record editor's (<see cref="SpfTerm.Parse"/>), so the two never disagree.
/// </summary>
internal sealed class SpfPolicy
{
    private SpfPolicy(string text, IReadOnlyList<SpfDirective> directives, string? redirect, string? explanation)
    {
        Text = text;
        Directives = directives;
        Redirect = redirect;
        Explanation = explanation;
    }

    /// <summary>The record as served.</summary>
    public string Text { get; }

    /// <summary>The mechanisms, in the order they are evaluated.</summary>
    public IReadOnlyList<SpfDirective> Directives { get; }

    /// <summary>The domain-spec of <c>redirect=</c>, or null.</summary>
    public string? Redirect { get; }

    /// <summary>The domain-spec of <c>exp=</c>, or null.</summary>
    public string? Explanation { get; }

    /// <summary>Whether the record has an <c>all</c> mechanism, which makes it ignore its redirect (RFC 7208 section 6.1).</summary>
    public bool HasAll => Directives.Any(directive => directive.Kind == SpfMechanismKind.All);

    /// <summary>The redirect the evaluation follows when no mechanism matched: none when <c>all</c> is there.</summary>
    public string? EffectiveRedirect => HasAll ? null : Redirect;

    /// <summary>
    /// Parses a record as DNS served it. Unlike a pasted record, its text is exact: terms are separated by spaces
    /// only (section 4.6.1), and any other character outside printable US-ASCII is an error (section 3.1).
    /// </summary>
    /// <param name="text">A TXT record that <see cref="SpfRecordSelection.IsSpfRecord"/> accepted.</param>
    /// <exception cref="SpfEvaluationException">permerror: a term breaks the grammar, or redirect or exp appears twice.</exception>
    public static SpfPolicy Parse(string text)
    {
        foreach (char c in text)
        {
            if (c < ' ' || c > '~')
            {
                throw SpfEvaluationException.PermError(
                    $"the record has the character U+{(int)c:X4}; SPF records are printable US-ASCII with terms separated by spaces (RFC 7208 sections 3.1 and 4.6.1)");
            }
        }

        var directives = new List<SpfDirective>();
        string? redirect = null;
        string? explanation = null;
        foreach (string word in text.Split(' ').Skip(1).Where(word => word.Length > 0))
        {
            SpfTerm term;
            try
            {
                term = SpfTerm.Parse(word);
            }
            catch (SpfRecordException ex)
            {
                throw SpfEvaluationException.PermError($"{ex.Reason} (RFC 7208 section {ex.RfcSection})");
            }

            switch (term)
            {
                case SpfMechanism mechanism:
                    directives.Add(SpfDirective.From(mechanism));
                    break;
                case SpfModifier { IsRedirect: true } modifier:
                    redirect = Once(redirect, modifier);
                    break;
                case SpfModifier { IsExplanation: true } modifier:
                    explanation = Once(explanation, modifier);
                    break;

                // Unknown modifiers are ignored (section 6), once their syntax has been checked.
            }
        }

        return new SpfPolicy(text, directives, redirect, explanation);
    }

    private static string Once(string? existing, SpfModifier modifier) =>
        existing is null
            ? modifier.Value
            : throw SpfEvaluationException.PermError($"'{modifier.Name}' appears more than once; at most once is allowed (RFC 7208 section 6)");
}
