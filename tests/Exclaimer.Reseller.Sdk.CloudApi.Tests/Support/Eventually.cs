using System;
using System.Diagnostics;

namespace Exclaimer.Reseller.Sdk.CloudApi.Tests.Support;

/// <summary>Waits, in real time and briefly, for something another thread does.</summary>
internal static class Eventually
{
    public static async Task True(Func<bool> condition, string what, int timeoutMs = 20000)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.ElapsedMilliseconds > timeoutMs)
            {
                throw new TimeoutException("Timed out waiting until " + what);
            }

            await Task.Delay(5);
        }
    }
}
