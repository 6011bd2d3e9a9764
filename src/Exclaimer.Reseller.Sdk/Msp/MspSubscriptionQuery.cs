namespace Exclaimer.Reseller.Sdk;

/// <summary>What the MSP subscription calls report besides the subscription (R24).</summary>
public sealed class MspSubscriptionQuery
{
    /// <summary>Report <see cref="MspSubscription.TotalMailboxes"/> (the Cloud API's <c>IncludeUsage</c>).</summary>
    public bool IncludeUsage { get; set; }

    /// <summary>
    /// The days the usage covers; <see langword="null"/> for the previous calendar month. Only with
    /// <see cref="IncludeUsage"/>: a period without it would be ignored, so it is refused.
    /// </summary>
    public UsagePeriod? Period { get; set; }
}
