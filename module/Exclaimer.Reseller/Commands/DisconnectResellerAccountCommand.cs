using System.Management.Automation;
using Exclaimer.Reseller.PowerShell.Connection;

namespace Exclaimer.Reseller.PowerShell.Commands;

/// <summary><c>Disconnect-ResellerAccount</c>: closes the current connection; the other cmdlets then need a new <c>Connect-ResellerAccount</c>.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "ResellerAccount")]
[OutputType(typeof(void))]
public sealed class DisconnectResellerAccountCommand : PSCmdlet
{
    /// <summary>Disconnects.</summary>
    protected override void EndProcessing()
    {
        WriteVerbose(ResellerSession.Disconnect()
            ? "Disconnected from the reseller account."
            : "There was no connection to close.");
    }
}
