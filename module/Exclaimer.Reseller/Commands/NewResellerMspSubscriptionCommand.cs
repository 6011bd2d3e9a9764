using System.Globalization;
using System.Management.Automation;
using Exclaimer.Reseller.PowerShell.Binding;
using Exclaimer.Reseller.PowerShell.Hosting;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Commands;

/// <summary>
/// <c>New-ResellerMspSubscription</c>: creates a Managed Service Provider subscription (R24; the Cloud API's
/// <c>POST /1.0/msp/subscriptions</c>): Pro only and billed by usage, so it takes no user count, tier or owner. With your
/// own <c>-SubscriptionId</c> a re-run creates nothing new (R9). <c>-CustomerId</c> and <c>-ResellerId</c> add or update
/// the customer and the reseller the subscription goes to, with their country.
/// </summary>
[Cmdlet(VerbsCommon.New, "ResellerMspSubscription", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(MspSubscription))]
public sealed class NewResellerMspSubscriptionCommand : ResellerChangeCmdlet
{
    /// <summary>The subscription's name, the customer's company.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string CustomerName { get; set; } = string.Empty;

    /// <summary>Where the subscription's data and mail processing live.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public DataCenter DataCenter { get; set; }

    /// <summary>Your own id for the subscription (R9); generated when left out.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    public string? SubscriptionId { get; set; }

    /// <summary>The product; Microsoft365 when not given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    public Product? Product { get; set; }

    /// <summary>Your id for the customer, added or updated with -CustomerName and -CountryCode.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    public string? CustomerId { get; set; }

    /// <summary>The customer's country (ISO 3166-1), with -CustomerId.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    public string? CountryCode { get; set; }

    /// <summary>Your id for the reseller that sells the subscription, added or updated with -ResellerName and -ResellerCountryCode.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    public string? ResellerId { get; set; }

    /// <summary>The reseller's company name, with -ResellerId.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    public string? ResellerName { get; set; }

    /// <summary>The reseller's country (ISO 3166-1), with -ResellerId.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    public string? ResellerCountryCode { get; set; }

    private protected override string ProgressActivity => "Creating MSP subscriptions";

    /// <summary>Creates one MSP subscription.</summary>
    protected override void ProcessRecord()
    {
        var name = CustomerName.Trim();
        var id = SubscriptionId?.Trim();
        ShowProgress(id ?? name);
        ForItem(id ?? name, () =>
        {
            // A customer or reseller is added or updated only when its id is given; the SDK says what else it needs (R17).
            var options = new CreateMspSubscriptionOptions
            {
                CustomerName = CustomerName,
                DataCenter = DataCenter,
                SubscriptionId = SubscriptionId,
                Product = Product,
                Customer = CustomerId is null && CountryCode is null ? null : new SetCustomerOptions { CustomerId = CustomerId, CompanyName = CustomerName, CountryCode = CountryCode },
                Reseller = ResellerId is null && ResellerName is null && ResellerCountryCode is null ? null : new SetResellerOptions { ResellerId = ResellerId, CompanyName = ResellerName, CountryCode = ResellerCountryCode },
            };
            var what = id is null ? $"A new MSP subscription ({name})" : SubscriptionTarget(id, name);
            var action = string.Format(CultureInfo.CurrentCulture, "Create a Pro {0} MSP subscription in {1}, billed by usage", options.Product ?? Sdk.Product.Microsoft365, DataCenter);
            if (!ShouldProcess(what, action))
            {
                return;
            }

            CallThen(id, (client, token) => client.CreateMspSubscriptionAsync(options, token), WriteResult);
        });
    }
}
