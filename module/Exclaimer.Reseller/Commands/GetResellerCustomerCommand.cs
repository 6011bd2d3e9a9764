using System.Management.Automation;
using Exclaimer.Reseller.PowerShell.Hosting;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Commands;

/// <summary>
/// <c>Get-ResellerCustomer</c>: the reseller's customers, with their subscription and user counts where the service
/// knows them, streamed a page at a time (R2).
/// </summary>
[Cmdlet(VerbsCommon.Get, "ResellerCustomer")]
[OutputType(typeof(Customer))]
public sealed class GetResellerCustomerCommand : ResellerCmdlet
{
    /// <summary>Only customers whose company name matches, with wildcards.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("CompanyName")]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string? CustomerName { get; set; }

    /// <summary>Writes the customers.</summary>
    protected override void ProcessRecord()
    {
        var pattern = CustomerName is null ? null : new WildcardPattern(CustomerName, WildcardOptions.IgnoreCase);
        ForItem(CustomerName, () =>
        {
            foreach (var customer in Walk((client, token) => client.GetCustomersAsync(token)))
            {
                if (pattern is null || pattern.IsMatch(customer.CompanyName))
                {
                    WriteResult(customer);
                }
            }
        });
    }
}
