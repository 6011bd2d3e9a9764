using System;
using System.Text.RegularExpressions;

namespace Exclaimer.Reseller.Sdk.Rules;

/// <summary>A list query turned into one test per subscription (R2, R16).</summary>
internal sealed class SubscriptionFilter
{
    private readonly bool _archived;
    private readonly string? _customerName;
    private readonly SubscriptionStatus? _status;
    private readonly Product? _product;
    private readonly bool? _inTrial;

    private SubscriptionFilter(bool archived, string? customerName, SubscriptionStatus? status, Product? product, bool? inTrial)
    {
        _archived = archived;
        _customerName = string.IsNullOrEmpty(customerName) ? null : Wildcard(customerName!);
        _status = status;
        _product = product;
        _inTrial = inTrial;
    }

    public static SubscriptionFilter For(SubscriptionQuery query)
    {
        if (query.Status is { } status && status is not (SubscriptionStatus.Active or SubscriptionStatus.Suspended))
        {
            throw ResellerValidationException.Invalid("Status", "R16", $"the overview holds Active and Suspended subscriptions; {status} ones are in the archive");
        }

        return new SubscriptionFilter(archived: false, query.CustomerName, query.Status, KnownProduct(query.Product), query.InTrial);
    }

    public static SubscriptionFilter For(ArchiveQuery query)
    {
        if (query.Status is { } status && status is not (SubscriptionStatus.Cancelled or SubscriptionStatus.Ended))
        {
            throw ResellerValidationException.Invalid("Status", "R16", $"the archive holds Cancelled and Ended subscriptions; {status} ones are in the overview");
        }

        return new SubscriptionFilter(archived: true, query.CustomerName, query.Status, KnownProduct(query.Product), inTrial: null);
    }

    public bool Matches(Subscription subscription) =>
        subscription.IsArchived == _archived
        && (_status is null || subscription.Status == _status)
        && (_product is null || subscription.Product == _product)
        && (_inTrial is null || subscription.InTrial == _inTrial)
        && (_customerName is null || Regex.IsMatch(subscription.CustomerName, _customerName, WildcardOptions, MatchTimeout));

    private static Product? KnownProduct(Product? product) =>
        product == Product.Unknown
            ? throw ResellerValidationException.Invalid("Product", "R2", "filter on Microsoft365 or GoogleWorkspace")
            : product;

    private const RegexOptions WildcardOptions = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline;

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// PowerShell-style wildcards: <c>*</c> and <c>?</c>; no wildcard means an exact, case-insensitive match. Matched through
    /// <see cref="Regex"/>'s static methods, whose cache keeps the parsed pattern: a listing per page (a runbook polling
    /// the overview, a PowerShell filter) no longer builds the expression again each time.
    /// </summary>
    private static string Wildcard(string pattern) =>
        "^" + Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\?", ".") + "$";
}
