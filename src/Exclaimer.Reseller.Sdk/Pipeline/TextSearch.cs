using System;

namespace Exclaimer.Reseller.Sdk.Pipeline;

/// <summary>Case-insensitive search on both targets (netstandard2.0 has no <c>Contains(string, StringComparison)</c>).</summary>
internal static class TextSearch
{
    public static bool ContainsIgnoringCase(string? text, string value) =>
#if NET
        text is not null && text.Contains(value, StringComparison.OrdinalIgnoreCase);
#else
        text is not null && text.IndexOf(value, StringComparison.OrdinalIgnoreCase) >= 0;
#endif
}
