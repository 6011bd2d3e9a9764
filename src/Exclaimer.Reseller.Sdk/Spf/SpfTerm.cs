namespace Exclaimer.Reseller.Sdk.Spf;

/// <summary>One space-separated term of an SPF record: a mechanism or a modifier (RFC 7208 section 4.6.1).</summary>
internal abstract class SpfTerm
{
    /// <summary>Keeps the term's text.</summary>
    /// <param name="text">The term exactly as written.</param>
    protected SpfTerm(string text) => Text = text;

    /// <summary>The term exactly as written, case and macros included, so an edit leaves it untouched.</summary>
    public string Text { get; }

    /// <summary>The DNS lookups evaluating this term costs (RFC 7208 section 4.6.4), nested ones of known includes counted.</summary>
    public abstract int DnsLookups { get; }

    /// <summary>Classifies and checks one term.</summary>
    /// <param name="text">A term without spaces, e.g. <c>~all</c>, <c>include:_spf.google.com</c> or <c>exp=explain.%{d}</c>.</param>
    /// <exception cref="SpfRecordException">The term breaks the grammar of RFC 7208 section 12.</exception>
    public static SpfTerm Parse(string text)
    {
        // A term is a modifier when "=" follows its name directly, before any ":" or "/" (section 4.6.1);
        // the name characters are those of a modifier name, which covers every mechanism name too.
        int nameStart = text.Length > 0 && IsQualifier(text[0]) ? 1 : 0;
        int nameEnd = nameStart;
        while (nameEnd < text.Length && IsNameCharacter(text[nameEnd], nameEnd == nameStart))
        {
            nameEnd++;
        }

        string name = text[nameStart..nameEnd];
        string rest = text[nameEnd..];
        if (name.Length > 0 && rest.Length > 0 && rest[0] == '=')
        {
            if (nameStart > 0)
            {
                throw new SpfRecordException("4.6.1", $"'{text}' puts a qualifier on a modifier; only mechanisms take one");
            }

            return SpfModifier.Parse(text, name, rest[1..]);
        }

        return SpfMechanism.Parse(text, name, rest);
    }

    /// <summary>The qualifiers <c>+ - ~ ?</c> a mechanism may start with.</summary>
    private static bool IsQualifier(char c) => c == '+' || c == '-' || c == '~' || c == '?';

    /// <summary>Checks a character of <c>name = ALPHA *( ALPHA / DIGIT / "-" / "_" / "." )</c>.</summary>
    private static bool IsNameCharacter(char c, bool first) =>
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
        || (!first && ((c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'));
}
