using System.Linq; // Enumerable.Contains stands in for string.Contains(char) on netstandard2.0.
using System.Text;

namespace Exclaimer.Reseller.Sdk.Spf;

/// <summary>
/// Turns a record as pasted from a DNS tool or zone file into the record text: quotes and
/// string boundaries removed, and terms separated by single spaces.
/// </summary>
internal static class SpfRecordText
{
    /// <summary>Normalizes pasted record text.</summary>
    /// <param name="pasted">
    /// E.g. <c>v=spf1 -all</c>, <c>"v=spf1 -all"</c>, or the multi-string form <c>"v=spf1 ip4:192.0.2.1 " "-all"</c>;
    /// records on separate lines stay separate, so a second one can be detected.
    /// </param>
    /// <exception cref="SpfRecordException">The quotes are unbalanced, or a character is not printable US-ASCII.</exception>
    public static string Normalize(string pasted)
    {
        string text = pasted.Contains('"') ? JoinQuotedStrings(pasted) : pasted;
        var normalized = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (IsWhitespace(c))
            {
                // Terms are separated by one or more spaces (section 4.6.1); one is enough.
                if (normalized.Length > 0 && normalized[^1] != ' ')
                {
                    normalized.Append(' ');
                }
            }
            else if (c < '!' || c > '~')
            {
                throw new SpfRecordException("3.1", $"SPF records are US-ASCII, and the character U+{(int)c:X4} is not printable US-ASCII");
            }
            else
            {
                normalized.Append(c);
            }
        }

        return normalized.ToString().TrimEnd(' ');
    }

    /// <summary>
    /// Joins the strings of a TXT record without adding spaces, as section 3.3 says: a record longer than
    /// 255 octets is published as several strings. A line break between strings, though, separates two records.
    /// </summary>
    private static string JoinQuotedStrings(string pasted)
    {
        var joined = new StringBuilder(pasted.Length);
        int i = 0;
        while (i < pasted.Length)
        {
            int gapStart = i;
            while (i < pasted.Length && IsWhitespace(pasted[i]))
            {
                i++;
            }

            if (i == pasted.Length)
            {
                break;
            }

            int close = pasted[i] == '"' ? pasted.IndexOf('"', i + 1) : -1;
            if (close < 0)
            {
                throw new SpfRecordException(
                    "3.3", "the record's quoted strings are not balanced; paste the record with or without quotes, not both");
            }

            if (pasted.IndexOf('\n', gapStart, i - gapStart) >= 0)
            {
                joined.Append(' ');
            }

            joined.Append(pasted, i + 1, close - i - 1);
            i = close + 1;
        }

        return joined.ToString();
    }

    /// <summary>Pasted text may hold tabs and line breaks; the record itself separates terms with spaces only.</summary>
    private static bool IsWhitespace(char c) => c == ' ' || c == '\t' || c == '\r' || c == '\n';
}
