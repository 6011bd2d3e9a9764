using System.Management.Automation;
using Exclaimer.Reseller.PowerShell.Hosting;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Commands;

/// <summary>
/// <c>Set-ResellerCompany</c>: adds a reseller below your partner account under your own id, or updates the one with that
/// id (R22; the Cloud API's <c>PUT /1.0/resellers</c>), so subscriptions can be grouped by the reseller that sells them
/// (<c>Move-ResellerSubscription -ResellerId</c>). Every field is required: the API replaces the reseller as a whole.
/// </summary>
[Cmdlet(VerbsCommon.Set, "ResellerCompany", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(ResellerCompany))]
public sealed class SetResellerCompanyCommand : ResellerChangeCmdlet
{
    /// <summary>Your own id for the reseller.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string ResellerId { get; set; } = string.Empty;

    /// <summary>The reseller's company name.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ResellerName")]
    [ValidateNotNullOrEmpty]
    public string CompanyName { get; set; } = string.Empty;

    /// <summary>The reseller's country, ISO 3166-1 (alpha-2, alpha-3 or numeric).</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string CountryCode { get; set; } = string.Empty;

    /// <summary>Writes each reseller as the server now holds it.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private protected override string ProgressActivity => "Setting resellers";

    /// <summary>Adds or updates one reseller.</summary>
    protected override void ProcessRecord()
    {
        var id = ResellerId.Trim();
        ShowProgress(id);
        var options = new SetResellerOptions { ResellerId = ResellerId, CompanyName = CompanyName, CountryCode = CountryCode };
        ForItem(id, () =>
        {
            if (!ShouldProcess($"Reseller '{id}'", $"Add or update it as '{CompanyName.Trim()}' ({CountryCode.Trim()})"))
            {
                return;
            }


            // Keyed by the reseller's id: two rows about one reseller run one after the other, in input order.
            CallThen(id, (client, token) => client.SetResellerAsync(options, token), PassThru.IsPresent ? WriteResult : null);
        });
    }
}
