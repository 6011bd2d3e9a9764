using System.Globalization;

namespace Exclaimer.Reseller.Sdk.LocalEngine;

/// <summary>
/// The local engine's continuation token: the position in creation order to resume from. Positions are
/// stable because nothing is ever deleted (R15), so paging never skips or repeats an item.
/// </summary>
internal static class PagePosition
{
    public static int Parse(string? continuationToken)
    {
        if (string.IsNullOrEmpty(continuationToken))
        {
            return 0;
        }

        return int.TryParse(continuationToken, NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            ? position
            : throw ResellerValidationException.Invalid("ContinuationToken", "R2", "pass back a token from an earlier page unchanged");
    }

    public static string? Next(int position, int count) =>
        position < count ? position.ToString(CultureInfo.InvariantCulture) : null;
}
