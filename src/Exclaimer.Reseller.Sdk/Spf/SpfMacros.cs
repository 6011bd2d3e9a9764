using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Sockets;
using System.Text;

namespace Exclaimer.Reseller.Sdk.Spf;

/// <summary>Macro expansion (RFC 7208 section 7): <c>%{d}</c>, <c>%{ir}</c>, <c>%{l2r-}</c>, <c>%%</c>, <c>%_</c>, <c>%-</c> and the rest.</summary>
internal static class SpfMacros
{
    /// <summary>The delimiters a macro may split on; <c>.</c> when none is given.</summary>
    private const string Delimiters = ".-+,/_=";

    /// <summary>Whether the text uses <c>%{p}</c>, whose value needs DNS lookups first.</summary>
    public static bool UsesValidatedName(string text) =>
        text.Contains("%{p") || text.Contains("%{P");

    /// <summary>
    /// Whether the text uses a macro whose value depends on who sends (anything but <c>%{d}</c> and <c>%{o}</c>),
    /// so its name cannot be known before a message arrives.
    /// </summary>
    public static bool DependsOnSender(string text)
    {
        for (int at = text.IndexOf("%{", StringComparison.Ordinal); at >= 0 && at + 2 < text.Length; at = text.IndexOf("%{", at + 2, StringComparison.Ordinal))
        {
            if (char.ToLowerInvariant(text[at + 2]) is not ('d' or 'o'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Expands a domain-spec into the name to query: macros replaced, then shortened from the left to fit DNS (section 7.3).
    /// </summary>
    /// <exception cref="SpfEvaluationException">permerror: a macro the grammar allows but cannot expand, such as <c>%{d0}</c>.</exception>
    public static string ExpandDomain(string domainSpec, SpfMacroValues values) =>
        SpfDomainName.Truncate(
            Expand(domainSpec, values, explanation: false)
            ?? throw SpfEvaluationException.PermError($"'{domainSpec}' has a macro that cannot be expanded (RFC 7208 section 7.1)"));

    /// <summary>
    /// Expands an explanation string (section 6.2), where <c>%{c}</c>, <c>%{r}</c> and <c>%{t}</c> are allowed too;
    /// null when it breaks the grammar, which means no explanation.
    /// </summary>
    public static string? ExpandExplanation(string text, SpfMacroValues values) =>
        text.All(c => c >= ' ' && c <= '~') ? Expand(text, values, explanation: true) : null;

    private static string? Expand(string text, SpfMacroValues values, bool explanation)
    {
        var expanded = new StringBuilder(text.Length);
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i++];
            if (c != '%')
            {
                expanded.Append(c);
                continue;
            }

            char next = i < text.Length ? text[i++] : '\0';
            switch (next)
            {
                case '%':
                    expanded.Append('%');
                    break;
                case '_':
                    expanded.Append(' ');
                    break;
                case '-':
                    expanded.Append("%20");
                    break;
                case '{':
                    int close = text.IndexOf('}', i);
                    string? value = close < 0 ? null : Macro(text.Substring(i, close - i), values, explanation);
                    if (value is null)
                    {
                        return null;
                    }

                    expanded.Append(value);
                    i = close + 1;
                    break;
                default:
                    return null;
            }
        }

        return expanded.ToString();
    }

    /// <summary>Expands the inside of <c>%{...}</c>: <c>letter [digits] [r] [delimiters]</c>; null when malformed.</summary>
    private static string? Macro(string body, SpfMacroValues values, bool explanation)
    {
        if (body.Length == 0 || Value(char.ToLowerInvariant(body[0]), values, explanation) is not string value)
        {
            return null;
        }

        // "If a DIGIT is specified, the value MUST be nonzero"; values past the number of parts keep them all.
        int i = 1;
        long digits = 0;
        while (i < body.Length && body[i] >= '0' && body[i] <= '9')
        {
            digits = Math.Min(digits * 10 + (body[i] - '0'), int.MaxValue);
            i++;
        }

        int? keep = null;
        if (i > 1)
        {
            if (digits == 0)
            {
                return null;
            }

            keep = (int)digits;
        }

        bool reverse = i < body.Length && (body[i] == 'r' || body[i] == 'R');
        if (reverse)
        {
            i++;
        }

        string delimiters = body.Substring(i);
        if (delimiters.Any(d => Delimiters.IndexOf(d) < 0))
        {
            return null;
        }

        if (keep is not null || reverse || delimiters.Length > 0)
        {
            IEnumerable<string> parts = value.Split((delimiters.Length > 0 ? delimiters : ".").ToCharArray());
            if (reverse)
            {
                parts = parts.Reverse();
            }

            var list = parts.ToList();
            value = string.Join(".", keep is int n && n < list.Count ? list.Skip(list.Count - n) : list);
        }

        // An upper-case letter asks for the value URL-escaped (section 7.3).
        return char.IsUpper(body[0]) ? UrlEscape(value) : value;
    }

    private static string? Value(char letter, SpfMacroValues values, bool explanation) => letter switch
    {
        's' => values.Sender,
        'l' => values.LocalPart,
        'o' => values.SenderDomain,
        'd' => values.Domain,
        'i' => SpfAddress.MacroForm(values.Address),
        'p' => values.ValidatedName ?? "unknown",
        'v' => values.Address.AddressFamily == AddressFamily.InterNetworkV6 ? "ip6" : "in-addr",
        'h' => values.Helo,

        // c, r and t belong to explanations only (section 7.2). The checking host's own name is not given away.
        'c' when explanation => values.Address.ToString(),
        'r' when explanation => "unknown",
        't' when explanation => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>Escapes every character outside RFC 3986's unreserved set as <c>%XX</c> of its UTF-8 octets.</summary>
    private static string UrlEscape(string value)
    {
        var escaped = new StringBuilder(value.Length);
        foreach (byte b in Encoding.UTF8.GetBytes(value))
        {
            char c = (char)b;
            bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c is '-' or '.' or '_' or '~';
            if (unreserved)
            {
                escaped.Append(c);
            }
            else
            {
                escaped.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return escaped.ToString();
    }
}
