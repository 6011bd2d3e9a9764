using System;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace Exclaimer.Reseller.Emulator.Tests.Storage;

/// <summary>Starts the StoreWorker program (built beside the tests) as a separate process.</summary>
internal static class StoreWorker
{
    public static Process Start(params string[] arguments)
    {
        var worker = Path.Combine(AppContext.BaseDirectory, "Exclaimer.Reseller.Sdk.StoreWorker.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(worker);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("The store worker did not start.");
    }

    public static string[] Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToArray();
}
