using System.Linq;

namespace Exclaimer.Reseller.Sdk.Serialization;

/// <summary>
/// Text that may travel as one segment of a URL path or a query value unescaped: letters, digits, '-', '_' and '.'.
/// One check for subscription ids, the API segment and continuation tokens.
/// </summary>
internal static class UrlToken
{
    public const string Allowed = "letters, digits, '-', '_' and '.'";

    public static bool IsValid(string text) =>
        text.Length > 0 && text.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' or '.');
}
