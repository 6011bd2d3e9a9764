using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Exclaimer.Reseller.Sdk.Pipeline;

/// <summary>
/// Takes secrets out of text that came from outside before it reaches a log, an exception or
/// <see cref="ResellerException.ErrorBody"/> (R18): the API token, and a credential a request carries (a transfer token),
/// wherever they appear, and links that look like invitations or carry credentials (sign-up, reset, token, code, key or
/// signature links).
/// </summary>
/// <remarks>
/// Secrets are looked for in what a person would read, not only in the raw characters: the text is decoded once
/// (JSON escapes such as <c>\u002B</c> and <c>\/</c>, percent-encoding, HTML character references) with a map back
/// to the raw text, and every match in the decoded text blanks the raw characters it came from. A body cut short by a
/// size limit may end in the first part of the token; <see cref="Redact(string?, bool)"/> blanks that too.
/// </remarks>
internal sealed class SecretRedactor
{
    public const string Redacted = "***";
    public const string RedactedLink = "[redacted link]";

    /// <summary>The shortest tail of a cut text that is blanked when it starts the token: shorter ones say nothing.</summary>
    private const int ShortestPartialToken = 4;

    private static readonly Regex Links = new(
        @"https?://[^\s""'<>]+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    private static readonly Regex SecretLink = new(
        @"invit|token|secret|password|passwd|reset|signup|sign-up|register|activat|welcome|onboard|[?&](code|key|sig|signature|auth|ticket)=",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    private readonly string[] _secrets;

    public SecretRedactor(string token)
        : this(new[] { token })
    {
    }

    private SecretRedactor(string[] secrets)
    {
        _secrets = Array.FindAll(secrets, secret => !string.IsNullOrEmpty(secret));
    }

    /// <summary>A redactor that also blanks <paramref name="secret"/> (a credential one request carries), or this one.</summary>
    public SecretRedactor With(string? secret)
    {
        if (string.IsNullOrEmpty(secret) || Array.IndexOf(_secrets, secret) >= 0)
        {
            return this;
        }

        var secrets = new string[_secrets.Length + 1];
        _secrets.CopyTo(secrets, 0);
        secrets[_secrets.Length] = secret!;
        return new SecretRedactor(secrets);
    }

    /// <summary>The text with every secret blanked.</summary>
    /// <param name="text">Text from outside: an error body, a message, a field name.</param>
    /// <param name="truncated">The text was cut short, so its end may hold the start of the token.</param>
    public string? Redact(string? text, bool truncated = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var view = DecodedView.Of(text!);
        var spans = new List<(int Start, int End)>();
        AddTokenSpans(view, spans);
        if (truncated)
        {
            AddPartialTokenSpan(view, spans);
        }

        var links = new List<(int Start, int End)>();
        foreach (Match link in Links.Matches(view.Text))
        {
            if (SecretLink.IsMatch(link.Value))
            {
                links.Add(view.Raw(link.Index, link.Index + link.Length));
            }
        }

        return spans.Count == 0 && links.Count == 0 ? text : Blank(text!, spans, links);
    }

    private void AddTokenSpans(DecodedView view, List<(int Start, int End)> spans)
    {
        foreach (var secret in _secrets)
        {
            var at = 0;
            while ((at = view.Text.IndexOf(secret, at, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                spans.Add(view.Raw(at, at + secret.Length));
                at += secret.Length;
            }
        }
    }

    private void AddPartialTokenSpan(DecodedView view, List<(int Start, int End)> spans)
    {
        foreach (var secret in _secrets)
        {
            var shortest = Math.Min(ShortestPartialToken, secret.Length - 1);
            for (var length = Math.Min(secret.Length - 1, view.Text.Length); length >= Math.Max(1, shortest); length--)
            {
                var start = view.Text.Length - length;
                if (string.Compare(view.Text, start, secret, 0, length, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    spans.Add(view.Raw(start, view.Text.Length));
                    break;
                }
            }
        }
    }

    /// <summary>Replaces the raw spans, merging any that overlap; a span that touches a link becomes the link marker.</summary>
    private static string Blank(string text, List<(int Start, int End)> tokens, List<(int Start, int End)> links)
    {
        var all = new List<(int Start, int End, bool Link)>(tokens.Count + links.Count);
        tokens.ForEach(span => all.Add((span.Start, span.End, false)));
        links.ForEach(span => all.Add((span.Start, span.End, true)));
        all.Sort((a, b) => a.Start.CompareTo(b.Start));

        var result = new StringBuilder(text.Length);
        var position = 0;
        for (var i = 0; i < all.Count; i++)
        {
            var (start, end, link) = all[i];
            while (i + 1 < all.Count && all[i + 1].Start < end)
            {
                end = Math.Max(end, all[i + 1].End);
                link |= all[i + 1].Link;
                i++;
            }

            if (start < position)
            {
                start = position;
            }

            result.Append(text, position, start - position).Append(link ? RedactedLink : Redacted);
            position = Math.Max(position, end);
        }

        return result.Append(text, position, text.Length - position).ToString();
    }

    /// <summary>Text as a reader sees it, with the raw range each of its characters came from.</summary>
    private sealed class DecodedView
    {
        private readonly List<int> _starts;
        private readonly List<int> _ends;

        private DecodedView(string text, List<int> starts, List<int> ends)
        {
            Text = text;
            _starts = starts;
            _ends = ends;
        }

        public string Text { get; }

        /// <summary>The raw range behind decoded characters <paramref name="start"/> to <paramref name="end"/> (exclusive).</summary>
        public (int Start, int End) Raw(int start, int end) => (_starts[start], _ends[end - 1]);

        public static DecodedView Of(string raw)
        {
            var text = new StringBuilder(raw.Length);
            var starts = new List<int>(raw.Length);
            var ends = new List<int>(raw.Length);
            var i = 0;
            while (i < raw.Length)
            {
                var (value, length) = DecodeAt(raw, i);
                text.Append(value);
                starts.Add(i);
                ends.Add(i + length);
                i += length;
            }

            return new DecodedView(text.ToString(), starts, ends);
        }

        /// <summary>The character at <paramref name="i"/> after one level of decoding, and how many raw characters it took.</summary>
        private static (char Value, int Length) DecodeAt(string raw, int i)
        {
            var c = raw[i];
            if (c == '\\' && i + 1 < raw.Length)
            {
                var next = raw[i + 1];
                if (next == 'u' && TryHex(raw, i + 2, 4, out var code))
                {
                    return ((char)code, 6);
                }

                var simple = next switch
                {
                    '/' => '/',
                    '\\' => '\\',
                    '"' => '"',
                    '\'' => '\'',
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    'b' => '\b',
                    'f' => '\f',
                    _ => '\0',
                };
                return simple == '\0' ? (c, 1) : (simple, 2);
            }

            if (c == '%' && TryHex(raw, i + 1, 2, out var escaped))
            {
                return ((char)escaped, 3);
            }

            if (c == '&' && TryEntity(raw, i, out var entity, out var entityLength))
            {
                return (entity, entityLength);
            }

            return (c, 1);
        }

        private static bool TryEntity(string raw, int i, out char value, out int length)
        {
            value = '\0';
            length = 0;
            var semicolon = raw.IndexOf(';', i + 1, Math.Min(10, raw.Length - i - 1));
            if (semicolon < 0)
            {
                return false;
            }

            var name = raw.Substring(i + 1, semicolon - i - 1);
            length = semicolon - i + 1;
            if (name.Length > 1 && name[0] == '#')
            {
                int code;
                var parsed = name[1] is 'x' or 'X'
                    ? TryHex(name, 2, name.Length - 2, out code)
#if NET
                    : int.TryParse(name.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out code);
#else
                    : int.TryParse(name.Substring(1), NumberStyles.None, CultureInfo.InvariantCulture, out code);
#endif
                value = code is > 0 and <= char.MaxValue ? (char)code : '\uFFFD';
                return parsed;
            }

            value = name switch
            {
                "quot" => '"',
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "apos" => '\'',
                "sol" => '/',
                "colon" => ':',
                "plus" => '+',
                "equals" => '=',
                "quest" => '?',
                _ => '\0',
            };
            return value != '\0';
        }

        private static bool TryHex(string text, int start, int count, out int value)
        {
            value = 0;
            if (count <= 0 || count > 6 || start + count > text.Length)
            {
                return false;
            }

            for (var k = start; k < start + count; k++)
            {
                var digit = text[k] switch
                {
                    >= '0' and <= '9' => text[k] - '0',
                    >= 'a' and <= 'f' => text[k] - 'a' + 10,
                    >= 'A' and <= 'F' => text[k] - 'A' + 10,
                    _ => -1,
                };
                if (digit < 0)
                {
                    return false;
                }

                value = (value * 16) + digit;
            }

            return true;
        }
    }
}
