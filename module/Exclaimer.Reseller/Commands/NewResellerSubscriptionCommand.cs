using System.Globalization;
using System.Management.Automation;
using Exclaimer.Reseller.PowerShell.Binding;
using Exclaimer.Reseller.PowerShell.Hosting;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Commands;

/// <summary>
/// <c>New-ResellerSubscription</c>: creates a customer subscription (R3-R9) with its 14-day trial, one per
/// pipeline object, so <c>Import-Csv customers.csv | New-ResellerSubscription</c> onboards a whole list. With your own
/// <c>-SubscriptionId</c> a re-run creates nothing new: each existing id is a <c>SubscriptionAlreadyExists</c> error (R9).
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

            var action = string.Format(
                CultureInfo.CurrentCulture,
                "Create a {0} subscription for {1} users{2}",
                Product,
                UserCount,
                SkipTrial ? string.Empty : " with a 14-day trial");
            var what = SubscriptionId is null ? $"A new subscription ({CustomerName.Trim()})" : SubscriptionTarget(SubscriptionId.Trim(), CustomerName.Trim());
            if (!ShouldProcess(what, action))
            {
                return;
            }

            CallThen(SubscriptionId, (client, token) => client.CreateSubscriptionAsync(options, token), WriteResult);
        });
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
