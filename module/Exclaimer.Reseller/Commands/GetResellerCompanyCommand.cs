using System;
using System.Management.Automation;
using Exclaimer.Reseller.PowerShell.Hosting;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Commands;

/// <summary>
/// <c>Get-ResellerCompany</c>: the resellers below your partner account (R22; the Cloud API's <c>GET /1.0/resellers</c>),
/// streamed a page at a time, by company name with wildcards or by id.
/// </summary>
[Cmdlet(VerbsCommon.Get, "ResellerCompany")]
[OutputType(typeof(ResellerCompany))]
public sealed class GetResellerCompanyCommand : ResellerCmdlet
{
    /// <summary>Only resellers whose company name matches, with wildcards.</summary>
    [Parameter(Position = 0)]
    [Alias("ResellerName")]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string? CompanyName { get; set; }

    /// <summary>Only the resellers with these ids.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[]? ResellerId { get; set; }

    /// <summary>Writes the resellers.</summary>
    protected override void ProcessRecord()
    {
        var pattern = CompanyName is null ? null : new WildcardPattern(CompanyName, WildcardOptions.IgnoreCase);
        var ids = ResellerId;
        ForItem(CompanyName, () =>
        {
            foreach (var reseller in Walk((client, token) => client.GetResellersAsync(token)))
            {
                if ((pattern is null || pattern.IsMatch(reseller.CompanyName))
                    && (ids is null || Array.Exists(ids, id => string.Equals(id.Trim(), reseller.ResellerId, StringComparison.OrdinalIgnoreCase))))
                {
                    WriteResult(reseller);
                }
            }
        });
    }
}
