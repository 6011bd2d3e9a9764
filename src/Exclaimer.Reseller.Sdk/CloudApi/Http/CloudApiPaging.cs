using System.Globalization;
using Exclaimer.Reseller.Sdk.Serialization;

namespace Exclaimer.Reseller.Sdk.CloudApi.Http;

/// <summary>
/// Paging over the Cloud API's <c>ContinuationToken</c> (R2). The first page asks <c>Page=1&amp;PageSize=n</c>,
/// because a <c>ContinuationToken</c> of 0 would give the default 50 items; every later page echoes the returned
/// token, which carries the page size, until the API stops returning one.
/// </summary>
internal static class CloudApiPaging
{
    public static string Query(string? continuationToken, int pageSize)
    {
        if (continuationToken is null)
        {
            return "Page=1&PageSize=" + pageSize.ToString(CultureInfo.InvariantCulture);
        }

        // The token is opaque but the API's are numbers; refuse anything that could smuggle in another parameter.
        if (continuationToken.Length > 100 || !UrlToken.IsValid(continuationToken))
        {
            throw ResellerValidationException.Invalid("ContinuationToken", "R2", "pass back a token from an earlier page unchanged");
        }

        return "ContinuationToken=" + continuationToken;
    }

    /// <summary>The token for the next page, or <see langword="null"/> at the end. A token of 0 or one that does not move means the end, never a loop.</summary>
    public static string? Next(string? sent, string? received) =>
        string.IsNullOrEmpty(received) || received == "0" || received == sent ? null : received;
}
