using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.Loader;

namespace Exclaimer.Reseller.PowerShell.LoadContext;

/// <summary>
/// Keeps the module's dependencies (the SDK, System.IO.Hashing, Polly...) in a load context of their own, so another
/// module that loaded a different version of one of them first cannot break this module, and this module cannot
/// break it.
/// </summary>
/// <remarks>
/// The cmdlet assembly itself is loaded by PowerShell into the default context. Its references to the
/// dependencies folder are not found there, so the default context's <see cref="AssemblyLoadContext.Resolving"/>
/// event hands them to this context; everything they reference is then loaded here first
/// (<see cref="Load"/>). Only assemblies that the runtime or PowerShell itself ship, at the version asked for or
/// newer, are shared with the default context: their types (Span, IAsyncEnumerable, TimeProvider) cross the
/// boundary between the module and the SDK and must be the same types on both sides.
/// </remarks>
public sealed class DependencyLoadContext : AssemblyLoadContext
{
    private static readonly Dictionary<string, DependencyLoadContext> Contexts = new(StringComparer.Ordinal);

    private readonly string _dependencyFolder;
    private readonly Dictionary<string, string> _platformAssemblies;
    private readonly HashSet<string> _moduleReferences;

    private DependencyLoadContext(string dependencyFolder, string moduleAssemblyPath)
        : base("Exclaimer.Reseller", isCollectible: false)
    {
        _dependencyFolder = dependencyFolder;
        _platformAssemblies = PlatformAssemblies();
        _moduleReferences = new HashSet<string>(
            ReferencedNames(moduleAssemblyPath).Where(name => File.Exists(PathOf(name))),
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Starts resolving the module's references to its dependencies folder in a private load context.
    /// Called by the module each time it is imported on PowerShell 7; dispose the result when it is removed.
    /// </summary>
    /// <param name="dependencyFolder">The module's <c>dependencies</c> folder.</param>
    /// <param name="moduleAssemblyPath">The cmdlet assembly, not yet loaded, whose references to that folder are redirected here.</param>
    /// <returns>Stops the redirection.</returns>
    public static IDisposable Attach(string dependencyFolder, string moduleAssemblyPath)
    {
        ArgumentNullException.ThrowIfNull(dependencyFolder);
        ArgumentNullException.ThrowIfNull(moduleAssemblyPath);
        lock (Contexts)
        {
            // One context per module for the life of the process: the module assembly cannot be unloaded, so a
            // re-import after Remove-Module must find the dependencies it already loaded, not a second copy.
            var folder = Path.GetFullPath(dependencyFolder);
            if (!Contexts.TryGetValue(folder, out var context))
            {
                context = new DependencyLoadContext(folder, moduleAssemblyPath);
                Contexts.Add(folder, context);
            }

            Default.Resolving += context.ResolveForModule;
            return new Detach(context);
        }
    }

    /// <inheritdoc />
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var name = assemblyName.Name;
        if (name is null || SharedWithPlatform(assemblyName))
        {
            return null;
        }

        var path = PathOf(name);
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }

    // The default context asks only for what it cannot find itself; answer only for the module's own references
    // (the SDK, the entry point), never for another module's request that happens to share a name.
    private Assembly? ResolveForModule(AssemblyLoadContext requester, AssemblyName assemblyName) =>
        assemblyName.Name is { } name && _moduleReferences.Contains(name)
            ? LoadFromAssemblyName(assemblyName)
            : null;

    private bool SharedWithPlatform(AssemblyName assemblyName)
    {
        if (!_platformAssemblies.TryGetValue(assemblyName.Name!, out var path))
        {
            return false;
        }

        // Read the shipped version only for names asked for: reading every platform assembly would slow the import.
        var shipped = AssemblyName.GetAssemblyName(path).Version;
        return assemblyName.Version is null || (shipped is not null && shipped >= assemblyName.Version);
    }

    private string PathOf(string assemblyName) => Path.Combine(_dependencyFolder, assemblyName + ".dll");

    // Read from the file's metadata: loading the cmdlet assembly to ask it would load it before the redirection is in place.
    private static List<string> ReferencedNames(string assemblyPath)
    {
        using var file = File.OpenRead(assemblyPath);
        using var pe = new PEReader(file);
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences
            .Select(handle => metadata.GetString(metadata.GetAssemblyReference(handle).Name))
            .ToList();
    }

    // The trusted platform assemblies by simple name: the runtime's and PowerShell's own, which no other module can replace.
    private static Dictionary<string, string> PlatformAssemblies()
    {
        var shipped = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
        foreach (var path in list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            shipped[Path.GetFileNameWithoutExtension(path)] = path;
        }

        return shipped;
    }

    private sealed class Detach : IDisposable
    {
        private DependencyLoadContext? _context;

        public Detach(DependencyLoadContext context) => _context = context;

        public void Dispose()
        {
            if (_context is { } context)
            {
                Default.Resolving -= context.ResolveForModule;
                _context = null;
            }
        }
    }
}
