using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace Exclaimer.Reseller.PowerShell.Dependencies;

/// <summary>
/// Loads the module's dependencies from its <c>dependencies</c> folder, apart from whatever other modules loaded:
/// a private AssemblyLoadContext on PowerShell 7, an assembly resolver on Windows PowerShell 5.1. PowerShell imports
/// this nested module before the cmdlets, so the redirection is in place before any cmdlet type is loaded.
/// </summary>
public sealed class DependencyIsolation : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private const string FolderName = "dependencies";

    private const string LoadContextAssembly = "Exclaimer.Reseller.PowerShell.LoadContext";
    private const string LoadContextType = "Exclaimer.Reseller.PowerShell.LoadContext.DependencyLoadContext";

    private const string CmdletAssembly = "Exclaimer.Reseller.PowerShell";

    private static readonly object Gate = new();
    private static IDisposable? s_attached;

    /// <summary>Called by PowerShell when the module is imported: starts redirecting.</summary>
    public void OnImport()
    {
        lock (Gate)
        {
            s_attached ??= Attach();
        }
    }

    /// <summary>Called by PowerShell when the module is removed: stops redirecting.</summary>
    /// <param name="psModuleInfo">The module being removed.</param>
    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        lock (Gate)
        {
            s_attached?.Dispose();
            s_attached = null;
        }
    }

    private static IDisposable Attach()
    {
        var moduleFolder = Path.GetDirectoryName(typeof(DependencyIsolation).Assembly.Location) ?? string.Empty;
        var dependencyFolder = Path.Combine(moduleFolder, FolderName);
        var cmdlets = new AssemblyName(CmdletAssembly);
        return RunsOnDotNetCore()
            ? AttachLoadContext(moduleFolder, dependencyFolder, Path.Combine(moduleFolder, CmdletAssembly + ".dll"))
            : new DesktopAssemblyResolver(dependencyFolder, cmdlets);
    }

    // AssemblyLoadContext lives in the core library on .NET (PowerShell 7) and does not exist on .NET Framework.
    private static bool RunsOnDotNetCore() =>
        typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext", throwOnError: false) is not null;

    // The load context is compiled for .NET in an assembly of its own (netstandard2.0 has no AssemblyLoadContext);
    // this one call is the only place the module reaches it.
    private static IDisposable AttachLoadContext(string moduleFolder, string dependencyFolder, string cmdletAssemblyPath)
    {
        var loader = Assembly.LoadFrom(Path.Combine(moduleFolder, LoadContextAssembly + ".dll"));
        var attach = loader.GetType(LoadContextType, throwOnError: true)!.GetMethod("Attach", BindingFlags.Public | BindingFlags.Static)
            ?? throw new MissingMethodException(LoadContextType, "Attach");
        return (IDisposable)attach.Invoke(null, new object[] { dependencyFolder, cmdletAssemblyPath })!;
    }
}
