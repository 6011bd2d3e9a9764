using System;
using System.Linq; // Enumerable.Contains stands in for string.Contains(char) on netstandard2.0.

namespace Exclaimer.Reseller.Sdk.Spf;

/// <summary>
/// The domain-spec and macro-string grammar of RFC 7208 section 7.1, which every domain a term names must follow:
/// <c>domain-spec = macro-string domain-end</c>, <c>domain-end = ( "." toplabel [ "." ] ) / macro-expand</c>.
/// </summary>
internal static class SpfDomainSpec
{
    /// <summary>The macro letters a record may use; c, r and t are for explanation text only (section 7.2).</summary>
    private const string MacroLetters = "slodiphv";

    /// <summary>The delimiters that may follow a macro's transformers.</summary>
    private const string Delimiters = ".-+,/_=";

    /// <summary>Whether the text is a domain-spec, e.g. <c>_spf.example.com</c> or <c>%{i}._spf.%{d}</c>.</summary>
    /// <param name="text">The text after <c>include:</c>, <c>redirect=</c> and the like.</param>
    public static bool IsValid(string text) =>
        IsMacroString(text, out int lastMacroEnd) && (lastMacroEnd == text.Length || EndsWithTopLabel(text));

    /// <summary>Whether the text is a macro-string, the value an unknown modifier may carry.</summary>
    /// <param name="text">The text after <c>name=</c>.</param>
    public static bool IsMacroString(string text) => IsMacroString(text, out _);

    /// <summary>Whether two domains are the same name: DNS ignores case, and a trailing dot only marks the root.</summary>
    /// <param name="first">A domain.</param>
    /// <param name="second">Another domain.</param>
    public static bool AreSameDomain(string first, string second) =>
        string.Equals(first.TrimEnd('.'), second.TrimEnd('.'), StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Scans macro-literals and macro-expands, and reports where the last macro-expand ended so the
    /// caller can tell whether a domain-spec ends with one.
    /// </summary>
    private static bool IsMacroString(string text, out int lastMacroEnd)
    {
        lastMacroEnd = -1;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c != '%')
            {
                // macro-literal: visible US-ASCII other than "%".
                if (c < '!' || c > '~')
                {
                    return false;
                }

                i++;
                continue;
            }

            if (i + 1 < text.Length && (text[i + 1] == '%' || text[i + 1] == '_' || text[i + 1] == '-'))
            {
                i += 2;
            }
            else
            {
                int close = i + 1 < text.Length && text[i + 1] == '{' ? text.IndexOf('}', i + 2) : -1;
                if (close < 0 || !IsMacroBody(text.Substring(i + 2, close - i - 2)))
                {
                    return false;
                }

                i = close + 1;
            }

            lastMacroEnd = i;
        }

        return true;
    }

    /// <summary>
    /// Checks the inside of <c>%{...}</c>: <c>macro-letter transformers *delimiter</c>,
    /// where <c>transformers = *DIGIT [ "r" ]</c>.
    /// </summary>
    private static bool IsMacroBody(string body)
    {
        if (body.Length == 0 || !MacroLetters.Contains(char.ToLowerInvariant(body[0])))
        {
            return false;
        }

        int i = 1;
        while (i < body.Length && IsDigit(body[i]))
        {
            i++;
        }

        if (i < body.Length && (body[i] == 'r' || body[i] == 'R'))
        {
            i++;
        }

        while (i < body.Length && Delimiters.Contains(body[i]))
        {
            i++;
        }

        return i == body.Length;
    }

    /// <summary>Checks <c>"." toplabel [ "." ]</c> at the end of the text.</summary>
    private static bool EndsWithTopLabel(string text)
    {
        string name = text.Length > 0 && text[^1] == '.' ? text[..^1] : text;
        int dot = name.LastIndexOf('.');
        return dot >= 0 && IsTopLabel(name[(dot + 1)..]);
    }

    /// <summary>
    /// Checks <c>toplabel = ( *alphanum ALPHA *alphanum ) / ( 1*alphanum "-" *( alphanum / "-" ) alphanum )</c>:
    /// letters, digits and inner dashes, and not all digits, so an IPv4 address is not taken for a domain.
    /// </summary>
    private static bool IsTopLabel(string label)
    {
        if (label.Length == 0 || !IsAlphaNumeric(label[0]) || !IsAlphaNumeric(label[^1]))
        {
            return false;
        }

        bool hasLetterOrDash = false;
        foreach (char c in label)
        {
            if (!IsAlphaNumeric(c) && c != '-')
            {
                return false;
            }

            hasLetterOrDash |= !IsDigit(c);
        }

        return hasLetterOrDash;
    }

    /// <summary>ABNF's DIGIT.</summary>
    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    /// <summary>ABNF's alphanum: ASCII letters and digits only, whatever the culture.</summary>
    private static bool IsAlphaNumeric(char c) => IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
