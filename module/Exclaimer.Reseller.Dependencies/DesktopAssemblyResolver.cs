using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace Exclaimer.Reseller.PowerShell.Dependencies;

/// <summary>
/// On Windows PowerShell 5.1 (.NET Framework) loads the module's dependencies from its dependencies folder when
/// the runtime cannot find them. .NET Framework keeps assemblies loaded from a path apart from those loaded by
/// name, so a different version loaded by another module does not collide with ours.
/// </summary>
internal sealed class DesktopAssemblyResolver : IDisposable
{
    private readonly string _folder;
    private readonly string _cmdlets;
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);

    public DesktopAssemblyResolver(string folder, AssemblyName cmdlets)
    {
        _folder = folder;
        _cmdlets = cmdlets.Name ?? string.Empty;
        foreach (var path in Directory.EnumerateFiles(folder, "*.dll"))
        {
            _names.Add(Path.GetFileNameWithoutExtension(path));
        }

        AppDomain.CurrentDomain.AssemblyResolve += Resolve;
    }

    public void Dispose() => AppDomain.CurrentDomain.AssemblyResolve -= Resolve;

    private Assembly? Resolve(object? sender, ResolveEventArgs args)
    {
        var name = new AssemblyName(args.Name).Name;
        if (name is null || !_names.Contains(name) || !IsOurs(args.RequestingAssembly))
        {
            return null;
        }

        return Assembly.LoadFrom(Path.Combine(_folder, name + ".dll"));
    }

    // Answer the module and its dependencies only; .NET Framework may not say who asked, and then the name decides.
    private bool IsOurs(Assembly? requester) =>
        requester is null
        || string.Equals(requester.GetName().Name, _cmdlets, StringComparison.OrdinalIgnoreCase)
        || (!requester.IsDynamic && string.Equals(Path.GetDirectoryName(requester.Location), _folder, StringComparison.OrdinalIgnoreCase));
}
