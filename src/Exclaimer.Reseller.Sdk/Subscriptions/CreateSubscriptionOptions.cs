namespace Exclaimer.Reseller.Sdk;

/// <summary>What a new customer subscription needs (R3-R9). Required: <see cref="Product"/>,
/// <see cref="CustomerName"/> and <see cref="UserCount"/>.</summary>
public sealed class CreateSubscriptionOptions
{
    /// <summary>Signatures for Microsoft 365 or for Google Workspace. Required.</summary>
    public Product Product { get; set; }

    /// <summary>The customer's company name, shown in the overview (R2). Required; at most 100 characters.</summary>
    public string? CustomerName { get; set; }

    /// <summary>The number of users in the customer's company. Required; at least 1.</summary>
    public int UserCount { get; set; }

    /// <summary>
    /// Your own id for the subscription (at most 50 characters: letters, digits, '-', '_' and '.').
    /// Creating with an id that already exists is a conflict, never a second subscription (R9): give one in
    /// runbooks so a re-run is safe. When omitted an id is generated.
    /// </summary>
    public string? SubscriptionId { get; set; }

    /// <summary>The customer's mail domain, e.g. <c>contoso.com</c>. The Cloud API requires it; the SPF step uses it.</summary>
    public string? Domain { get; set; }

    /// <summary>The customer's country (ISO 3166-1 alpha-2 or alpha-3). It picks the data centre when
    /// <see cref="DataCenter"/> is not given; when both are missing the client's default country is used.</summary>
    public string? CountryCode { get; set; }

    /// <summary>The data centre; defaults from the customer's country, as the Cloud API does (R3).</summary>
    public DataCenter? DataCenter { get; set; }

    /// <summary>The tier; <see cref="Sdk.Tier.Standard"/> when not given (R3, an assumption).</summary>
    public Tier? Tier { get; set; }

    /// <summary>
    /// "Can customers edit signatures?" (R5). When set, <see cref="ContactName"/> and <see cref="ContactEmail"/>
    /// are required and the customer receives an invitation email (R6). When not set the reseller designs the
    /// signatures and the customer gets no login and no email (R4).
    /// </summary>
    public bool AllowCustomerEditing { get; set; }

    /// <summary>The customer contact's name (required with <see cref="AllowCustomerEditing"/>).</summary>
    public string? ContactName { get; set; }

    /// <summary>The customer contact's email address, their username (required with <see cref="AllowCustomerEditing"/>).</summary>
    public string? ContactEmail { get; set; }

    /// <summary>Start as a full subscription instead of the automatic 14-day trial (R7).</summary>
    public bool SkipTrial { get; set; }

    /// <summary>
    /// The trial's length in days, 1 to 365 (R7; the Cloud API's <c>TrialDays</c>); 14 when not given. Not with
    /// <see cref="SkipTrial"/>, which has no trial.
    /// </summary>
    public int? TrialDays { get; set; }

    /// <summary>
    /// The billing currency: <c>USD</c>, <c>GBP</c>, <c>EUR</c>, <c>AUD</c> or <c>CAD</c> (R3). <b>It cannot be changed once
    /// the subscription exists</b>, and when it is not given the Cloud API bills in <b>GBP</b>: give it for any customer
    /// who is not billed in pounds sterling.
    /// </summary>
    public string? Currency { get; set; }

    /// <summary>
    /// Your own user id for the subscription's owner (A-Z, a-z, 0-9, '-' and '_'; at most 100 characters), reported as
    /// <see cref="Subscription.OwnerUserId"/>; the server generates one when left out.
    /// </summary>
    public string? OwnerUserId { get; set; }

    /// <summary>A label to group subscriptions by in billing (the Cloud API's <c>BillingGroup</c>; at most 100 characters).</summary>
    public string? BillingGroup { get; set; }
}
