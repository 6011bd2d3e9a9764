using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace Exclaimer.Reseller.Sdk.Benchmarks.CloudApi;

/// <summary>
/// <see cref="LoopbackCloudApi"/> in a child process, as a real API never shares the caller's process: the server's
/// threads, allocations and collections then stay out of the process the SDK and its baseline are measured in.
/// The child is this benchmark program run with <see cref="Argument"/>; it prints its address and stops when its
/// standard input closes, so it never outlives the benchmark even if the benchmark is killed.
/// </summary>
public sealed class LoopbackCloudApiProcess : IDisposable
{
    public const string Argument = "--loopback-cloud-api";

    private readonly Process _process;

    private LoopbackCloudApiProcess(Process process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public static async Task<LoopbackCloudApiProcess> StartAsync()
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };

        // Under the dotnet host the program is the assembly; as an apphost it is the process itself.
        if (Environment.ProcessPath!.EndsWith("dotnet", StringComparison.OrdinalIgnoreCase)
            || Environment.ProcessPath.EndsWith("dotnet.exe", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(LoopbackCloudApiProcess).Assembly.Location);
        }

        start.ArgumentList.Add(Argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("The loopback Cloud API process did not start.");
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        if (!Uri.TryCreate(line, UriKind.Absolute, out var endpoint))
        {
            process.Kill();
            throw new InvalidOperationException($"The loopback Cloud API process printed '{line}' instead of its address.");
        }

        return new LoopbackCloudApiProcess(process, endpoint);
    }

    /// <summary>The child's side: serve until standard input closes.</summary>
    public static async Task ServeAsync()
    {
        await using var server = await LoopbackCloudApi.StartAsync();
        Console.WriteLine(server.Endpoint);
        await Console.In.ReadToEndAsync();
    }

    public void Dispose()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(10_000))
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
