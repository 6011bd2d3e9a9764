using System.Management.Automation;
using Exclaimer.Reseller.PowerShell.Hosting;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Commands;

/// <summary>
/// <c>Set-ResellerCustomer</c>: adds a customer under your own id, or updates the one with that id (R22; the Cloud API's
/// <c>PUT /1.0/end-users</c>), so <c>Import-Csv customers.csv | Set-ResellerCustomer</c> keeps a list in step. Every
/// field is required: the API replaces the customer as a whole.
/// </summary>
[Cmdlet(VerbsCommon.Set, "ResellerCustomer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(Customer))]
public sealed class SetResellerCustomerCommand : ResellerChangeCmdlet
{
    /// <summary>Your own id for the customer.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string CustomerId { get; set; } = string.Empty;

    /// <summary>The customer's company name.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("CustomerName")]
    [ValidateNotNullOrEmpty]
    public string CompanyName { get; set; } = string.Empty;

    /// <summary>The customer's country, ISO 3166-1 (alpha-2, alpha-3 or numeric).</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string CountryCode { get; set; } = string.Empty;

    /// <summary>Writes each customer as the server now holds it.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private protected override string ProgressActivity => "Setting customers";

    /// <summary>Adds or updates one customer.</summary>
    protected override void ProcessRecord()
    {
        var id = CustomerId.Trim();
        ShowProgress(id);
        var options = new SetCustomerOptions { CustomerId = CustomerId, CompanyName = CompanyName, CountryCode = CountryCode };
        ForItem(id, () =>
        {
            if (!ShouldProcess($"Customer '{id}'", $"Add or update it as '{CompanyName.Trim()}' ({CountryCode.Trim()})"))
            {
                return;
            }


            // Keyed by the customer's id: two rows about one customer run one after the other, in input order.
            CallThen(id, (client, token) => client.SetCustomerAsync(options, token), PassThru.IsPresent ? WriteResult : null);
        });
    }
}
