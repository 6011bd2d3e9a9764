using System;
using System.Text.RegularExpressions;

namespace Exclaimer.Reseller.Sdk.Rules;

/// <summary>A list query turned into one test per subscription (R2, R16).</summary>
internal sealed class SubscriptionFilter
{
    private const RegexOptions WildcardOptions = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline;

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private readonly bool _archived;
    private readonly string? _customerName;
    private readonly SubscriptionStatus? _status;
    private readonly Product? _product;
    private readonly bool? _inTrial;
    private readonly DateTimeOffset? _trialEndsBefore;
    private readonly string? _domain;
    private readonly DataCenter? _dataCenter;
    private readonly bool _overageOnly;
    private readonly string? _resellerId;

    private SubscriptionFilter(bool archived, string? customerName, SubscriptionStatus? status, Product? product, bool? inTrial)
    {
        _archived = archived;
        _customerName = string.IsNullOrEmpty(customerName) ? null : Wildcard(customerName!);
        _status = status;
        _product = product;
        _inTrial = inTrial;
    }

    private SubscriptionFilter(SubscriptionQuery query)
        : this(archived: false, query.CustomerName, query.Status, KnownProduct(query.Product), query.InTrial)
    {
        _trialEndsBefore = query.TrialEndsBefore;
        _domain = string.IsNullOrWhiteSpace(query.Domain) ? null : Wildcard(query.Domain!.Trim());
        _dataCenter = query.DataCenter == Sdk.DataCenter.Unknown
            ? throw ResellerValidationException.Invalid("DataCenter", "R2", "filter on EU, UK, US, AUS, CAN, DE or IND")
            : query.DataCenter;
        _overageOnly = query.OverageOnly;
        _resellerId = string.IsNullOrWhiteSpace(query.ResellerId) ? null : DirectoryRules.Id(query.ResellerId, "ResellerId");
    }

    /// <summary>
    /// The filter field that needs what only the emulator reports (a subscription's domain or data centre), or
    /// <see langword="null"/>: over the Cloud API such a filter could only match nothing, so it is refused instead.
    /// </summary>
    public string? NeedsEmulatorField => _domain is not null ? "Domain" : _dataCenter is not null ? "DataCenter" : null;

    /// <summary>The part of the filter the server applies itself: the query string after the paging (R2).</summary>
    public string ServerQuery(bool activeOnly) =>
        (activeOnly ? "&ActiveOnly=true" : string.Empty)
        + (_overageOnly ? "&OverageOnly=true" : string.Empty)
        + (_resellerId is null ? string.Empty : "&ResellerID=" + Uri.EscapeDataString(_resellerId));

    public static SubscriptionFilter For(SubscriptionQuery query)
    {
        if (query.Status is { } status && status is not (SubscriptionStatus.Active or SubscriptionStatus.Suspended))
        {
            throw ResellerValidationException.Invalid("Status", "R16", $"the overview holds Active and Suspended subscriptions; {status} ones are in the archive");
        }

        return new SubscriptionFilter(query);
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
        && (_customerName is null || IsLike(subscription.CustomerName, _customerName))
        && (_trialEndsBefore is null || (subscription.InTrial && subscription.TrialEndDate < _trialEndsBefore))
        && (_domain is null || (subscription.Domain is { } domain && IsLike(domain, _domain)))
        && (_dataCenter is null || subscription.DataCenter == _dataCenter)
        && (!_overageOnly || subscription.Overage > 0)
        && (_resellerId is null || string.Equals(subscription.ResellerId, _resellerId, StringComparison.OrdinalIgnoreCase));

    private static Product? KnownProduct(Product? product) =>
        product == Product.Unknown
            ? throw ResellerValidationException.Invalid("Product", "R2", "filter on Microsoft365 or GoogleWorkspace")
            : product;

    /// <summary>
    /// PowerShell-style wildcards: <c>*</c> and <c>?</c>; no wildcard means an exact, case-insensitive match. The pattern is
    /// kept as text and matched through <see cref="Regex"/>'s static methods, whose cache keeps it parsed: a listing made
    /// again and again (a runbook polling the overview) does not build the expression each time.
    /// </summary>
    private static string Wildcard(string pattern) =>
        "^" + Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\?", ".") + "$";

    private static bool IsLike(string text, string wildcard) => Regex.IsMatch(text, wildcard, WildcardOptions, MatchTimeout);
}
