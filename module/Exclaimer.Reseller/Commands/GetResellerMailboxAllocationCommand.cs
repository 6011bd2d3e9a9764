using System.Management.Automation;
using Exclaimer.Reseller.PowerShell.Hosting;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Commands;

/// <summary>
/// <c>Get-ResellerMailboxAllocation</c>: an Elite-programme MSP's mailbox allocation, how much of it the current
/// subscriptions license and what is left (R23). Other partners get <c>Forbidden</c>.
/// </summary>
[Cmdlet(VerbsCommon.Get, "ResellerMailboxAllocation")]
[OutputType(typeof(MailboxAllocation))]
public sealed class GetResellerMailboxAllocationCommand : ResellerCmdlet
{
    /// <summary>Writes the allocation.</summary>
    protected override void ProcessRecord() =>
        ForItem(null, () => WriteResult(Call((client, token) => client.GetMailboxAllocationAsync(token))));
}
