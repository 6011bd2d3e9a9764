using System;
using System.Diagnostics;
using System.IO;
using System.Reflection;
using System.Threading.Tasks;

namespace Exclaimer.Reseller.Conformance.Tests;

/// <summary>
/// The <c>exclaimer-emulator</c> tool as its own process on a free loopback port, run from its build folder beside the
/// repository's other outputs, with a store in a temporary folder.
/// </summary>
public sealed class StandaloneEmulator : IAsyncDisposable
{
    private StandaloneEmulator(Process process, Uri endpoint, string store, string firstLine)
    {
        Process = process;
        Endpoint = endpoint;
        StoreFolder = store;
        FirstLine = firstLine;
    }

    public Process Process { get; }

    /// <summary>The address it printed, with its API segment: <c>http://127.0.0.1:&lt;port&gt;/exclaimerapi</c>.</summary>
    public Uri Endpoint { get; }

    public string StoreFolder { get; }

    /// <summary>The first line of its standard output.</summary>
    public string FirstLine { get; }

    /// <summary>What it wrote to standard error, read once it has exited.</summary>
    public string ErrorOutput { get; private set; } = string.Empty;

    /// <summary>The tool's entry assembly, from the build folder of src/Exclaimer.Reseller.Emulator.Tool (same configuration as the tests).</summary>
    public static string ToolPath
    {
        get
        {
            var configuration = typeof(StandaloneEmulator).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
            var root = AppContext.BaseDirectory;
            while (root is not null && !File.Exists(Path.Combine(root, "Exclaimer.Reseller.Sdk.sln")))
            {
                root = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar));
            }

            return Path.Combine(root ?? throw new InvalidOperationException("The repository root was not found above the test folder."), "src", "Exclaimer.Reseller.Emulator.Tool", "bin", configuration, "net10.0", "exclaimer-emulator.dll");
        }
    }

    public static async Task<StandaloneEmulator> StartAsync(params string[] arguments)
    {
        var store = Path.Combine(Path.GetTempPath(), "exclaimer-conformance", Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(ToolPath);
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add("0");
        start.ArgumentList.Add("--store");
        start.ArgumentList.Add(store);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("exclaimer-emulator did not start.");
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2));
        if (line is null || !line.StartsWith("Listening on ", StringComparison.Ordinal))
        {
            process.Kill();
            throw new InvalidOperationException($"exclaimer-emulator printed '{line}' first; its errors: {await process.StandardError.ReadToEndAsync()}");
        }

        return new StandaloneEmulator(process, new Uri(line.Substring("Listening on ".Length)), store, line);
    }

    /// <summary>Asks it to stop as a service manager would (SIGTERM), and waits for it to exit.</summary>
    public async Task<int> StopAsync()
    {
        if (!Process.HasExited)
        {
            using (var kill = Process.Start("kill", "-TERM " + Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                await kill!.WaitForExitAsync();
            }

            await Process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        }

        ErrorOutput = await Process.StandardError.ReadToEndAsync();
        return Process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync();
        }

        Process.Dispose();
        try
        {
            Directory.Delete(StoreFolder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
