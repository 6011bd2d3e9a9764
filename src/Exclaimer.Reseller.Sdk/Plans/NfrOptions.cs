namespace Exclaimer.Reseller.Sdk;

/// <summary>
/// Makes a subscription not for resale, or a standard one again (R19; <c>PUT .../nfr</c>). Only partners whose account
/// supports not-for-resale licences may; the API refuses others (403).
/// </summary>
public sealed class NfrOptions
{
    /// <summary><see langword="true"/>: not for resale; <see langword="false"/>: back to a standard subscription.</summary>
    public bool NotForResale { get; set; }

    /// <summary>The number of not-for-resale users: required with <see cref="NotForResale"/>, refused without it.</summary>
    public int? NfrUserCount { get; set; }
}
