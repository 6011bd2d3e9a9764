using System.Management.Automation;
using Exclaimer.Reseller.PowerShell.Connection;

namespace Exclaimer.Reseller.PowerShell.Commands;

/// <summary>
/// <c>Get-ResellerContext</c>: shows where the cmdlets send their calls (the local store's folder, or the Cloud API
/// endpoint with a masked token). Writes nothing when not connected.
/// </summary>
[Cmdlet(VerbsCommon.Get, "ResellerContext")]
[OutputType(typeof(ResellerContext))]
public sealed class GetResellerContextCommand : PSCmdlet
{
    /// <summary>Writes the context.</summary>
    protected override void EndProcessing()
    {
        if (ResellerSession.Current is { } connection)
        {
            WriteObject(connection.Context);
        }
        else
        {
            WriteVerbose("Not connected: run Connect-ResellerAccount.");
        }
    }
}
