using System.Management.Automation;
using Exclaimer.Reseller.PowerShell.Connection;

namespace Exclaimer.Reseller.PowerShell.Hosting;

/// <summary>Closes the connection (and so the local store's files) when the module is removed.</summary>
public sealed class ModuleLifetime : IModuleAssemblyCleanup
{
    /// <summary>Called by PowerShell when the module is removed.</summary>
    /// <param name="psModuleInfo">The module being removed.</param>
    public void OnRemove(PSModuleInfo psModuleInfo) => ResellerSession.Disconnect();
}
