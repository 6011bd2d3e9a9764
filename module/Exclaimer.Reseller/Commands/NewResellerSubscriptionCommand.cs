using System.Globalization;
using System.Management.Automation;
using Exclaimer.Reseller.PowerShell.Binding;
using Exclaimer.Reseller.PowerShell.Completion;
using Exclaimer.Reseller.PowerShell.Hosting;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Commands;

/// <summary>
/// <c>New-ResellerSubscription</c>: creates a customer subscription (R3-R9) with its trial, one per
/// pipeline object, so <c>Import-Csv customers.csv | New-ResellerSubscription</c> onboards a whole list. With your own
/// <c>-SubscriptionId</c> a re-run creates nothing new: each existing id is a <c>SubscriptionAlreadyExists</c> error (R9).
/// The billing currency is chosen here once and for all: the prompt names it, and the first create without
/// <c>-Currency</c> after each connect warns that it bills in GBP, the Cloud API's default.
/// </summary>
[Cmdlet(VerbsCommon.New, "ResellerSubscription", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(Subscription))]
public sealed class NewResellerSubscriptionCommand : ResellerChangeCmdlet
{
    /// <summary>Microsoft365 or GoogleWorkspace.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateSet(nameof(Sdk.Product.Microsoft365), nameof(Sdk.Product.GoogleWorkspace))]
    public Product Product { get; set; }

    /// <summary>The customer's company name.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("CompanyName")]
    [AllowEmptyString]
    public string CustomerName { get; set; } = string.Empty;

    /// <summary>The number of users.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public int UserCount { get; set; }

    /// <summary>The customer's mail domain.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    public string? Domain { get; set; }

    /// <summary>Your own id for the subscription (R9).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    public string? SubscriptionId { get; set; }

    /// <summary>The customer's country, which picks the data centre when none is given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    public string? CountryCode { get; set; }

    /// <summary>The data centre.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    public DataCenter? DataCenter { get; set; }

    /// <summary>The tier; Standard when not given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    public Tier? Tier { get; set; }

    /// <summary>Lets the customer edit their own signatures (R5, R6).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [FlexibleBoolean]
    public SwitchParameter AllowCustomerEditing { get; set; }

    /// <summary>The customer contact's name.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    public string? ContactName { get; set; }

    /// <summary>The customer contact's email address.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    public string? ContactEmail { get; set; }

    /// <summary>Starts as a full subscription instead of a trial (R7).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [FlexibleBoolean]
    public SwitchParameter SkipTrial { get; set; }

    /// <summary>The trial's length in days, 1 to 365; 14 when not given (R7). Not with <see cref="SkipTrial"/>.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    public int? TrialDays { get; set; }

    /// <summary>
    /// The billing currency: USD, GBP, EUR, AUD or CAD. It can never be changed afterwards; GBP, the Cloud API's default,
    /// when not given (R3).
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    [ArgumentCompleter(typeof(CurrencyCompleter))]
    public string? Currency { get; set; }

    /// <summary>Your own user id for the subscription's owner (the Cloud API's <c>UserID</c>).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    public string? OwnerUserId { get; set; }

    /// <summary>A billing group the Cloud API keeps for billing (it does not report it back).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    public string? BillingGroup { get; set; }

    /// <summary>The currency the Cloud API bills in when a create gives none (R3).</summary>
    private const string DefaultCurrency = "GBP";

    /// <summary>The trial's length when a create gives none (R7).</summary>
    private const int DefaultTrialDays = 14;

    private protected override string ProgressActivity => "Creating customer subscriptions";

    /// <summary>Creates one subscription.</summary>
    protected override void ProcessRecord()
    {
        var target = SubscriptionId ?? CustomerName;
        ShowProgress(target);
        var options = new CreateSubscriptionOptions
        {
            Product = Product,
            CustomerName = CustomerName,
            UserCount = UserCount,
            Domain = Domain,
            SubscriptionId = SubscriptionId,
            CountryCode = CountryCode,
            DataCenter = DataCenter,
            Tier = Tier,
            AllowCustomerEditing = AllowCustomerEditing,
            ContactName = ContactName,
            ContactEmail = ContactEmail,
            SkipTrial = SkipTrial,
            TrialDays = TrialDays,
            Currency = Currency,
            OwnerUserId = OwnerUserId,
            BillingGroup = BillingGroup,
        };
        ForItem(target, () =>
        {
            // Every check the create makes before it writes runs before the prompt, so a row that would fail is an
            // error under -WhatIf too, with the id the create would give (R17).
            Client.ValidateCreateSubscription(options);
            if (WhatIfInEffect && SubscriptionId is not null)
            {
                RefuseTakenId(SubscriptionId.Trim());
            }

            // The currency can never change afterwards, so the prompt and the what-if line always say which it is.
            var action = string.Format(
                CultureInfo.CurrentCulture,
                "Create a {0} subscription for {1} users{2}, billed in {3}; the currency cannot be changed later",
                Product,
                UserCount,
                SkipTrial ? string.Empty : string.Format(CultureInfo.CurrentCulture, " with a {0}-day trial", TrialDays ?? DefaultTrialDays),
                Currency is null ? DefaultCurrency + " (the default)" : Currency.Trim().ToUpperInvariant());
            var what = SubscriptionId is null ? $"A new subscription ({CustomerName.Trim()})" : SubscriptionTarget(SubscriptionId.Trim(), CustomerName.Trim());
            if (!ShouldProcess(what, action))
            {
                return;
            }

            if (Currency is null)
            {
                WarnOfDefaultCurrency(CustomerName.Trim());
            }

            CallThen(SubscriptionId, (client, token) => client.CreateSubscriptionAsync(options, token), WriteResult);
        });
    }

    /// <summary>
    /// Once per connection, the first create without -Currency says that it bills in GBP for good: once, so a long CSV of
    /// customers billed in pounds is not a wall of warnings, and after each connect, so a new session is told again.
    /// </summary>
    private void WarnOfDefaultCurrency(string customerName)
    {
        var connection = Connection;
        if (connection.WarnedOfDefaultCurrency)
        {
            return;
        }

        connection.WarnedOfDefaultCurrency = true;
        WriteWarning(
            $"No -Currency was given, so '{customerName}' is billed in {DefaultCurrency}, the Cloud API's default, and its currency cannot be changed later. "
            + "Give -Currency (USD, EUR, AUD, CAD or GBP) for every customer not billed in pounds sterling. This warning is shown once per connection.");
    }

    /// <summary>
    /// What the create finds in its write under -WhatIf: an id that is taken is a conflict (R9). A store that holds
    /// nothing yet has no ids to take, and is not read, so the -WhatIf run creates no folder or lock file.
    /// </summary>
    private void RefuseTakenId(string subscriptionId)
    {
        if (Connection.HoldsNothing)
        {
            return;
        }

        Subscription existing;
        try
        {
            existing = Call((client, token) => client.GetSubscriptionAsync(subscriptionId, token));
        }
        catch (ResellerNotFoundException)
        {
            return;
        }

        throw new ResellerConflictException(
            ResellerErrorCodes.SubscriptionAlreadyExists,
            $"A subscription with the id '{existing.SubscriptionId}' already exists (customer '{existing.CustomerName}'), so it would not be created (R9).",
            existing.SubscriptionId);
    }
}
