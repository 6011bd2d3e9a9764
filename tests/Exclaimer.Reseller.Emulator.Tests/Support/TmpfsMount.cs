using System;
using System.Diagnostics;
using System.IO;

namespace Exclaimer.Reseller.Sdk.Tests.Support;

/// <summary>
/// A real tmpfs mounted on a test's folder: a read-only file system, or a disk that fills, as the store meets
/// them in the field. Needs Linux and the right to mount (root, as on CI); tests that need it skip otherwise.
/// </summary>
internal sealed class TmpfsMount : IDisposable
{
    private static readonly Lazy<string?> Unavailable = new(Probe);

    private TmpfsMount(string path) => Path = path;

    /// <summary>Why mounting is not possible here, or <see langword="null"/> when it is.</summary>
    public static string? WhyUnavailable => Unavailable.Value;

    public string Path { get; }

    /// <summary>Mounts a tmpfs with <paramref name="options"/> (such as <c>size=64k</c> or <c>ro</c>) on the existing folder <paramref name="path"/>.</summary>
    public static TmpfsMount On(string path, string options)
    {
        Run("mount", "-t", "tmpfs", "-o", options, "tmpfs", path);
        return new TmpfsMount(path);
    }

    /// <summary>Changes the mount's options in place, files kept: <c>ro</c>, <c>rw</c>, <c>size=1m</c>.</summary>
    public void Remount(string options) => Run("mount", "-o", "remount," + options, Path);

    /// <summary>Unmounts. A mount something still holds open is detached anyway, so none is left behind, and the test fails.</summary>
    public void Dispose()
    {
        try
        {
            Run("umount", Path);
        }
        catch (InvalidOperationException)
        {
            Run("umount", "--lazy", Path);
            throw;
        }
    }

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "mounting a tmpfs needs Linux";
        }

        var probe = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "exclaimer-reseller-tests", "mount-probe-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(probe);
        try
        {
            using (On(probe, "size=16k"))
            {
            }

            return null;
        }
        catch (InvalidOperationException ex)
        {
            return "this user cannot mount a tmpfs (run as root, as CI does): " + ex.Message;
        }
        finally
        {
            Directory.Delete(probe);
        }
    }

    private static void Run(string command, params string[] arguments)
    {
        var info = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(info) ?? throw new InvalidOperationException($"{command} did not start.");
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{command} {string.Join(' ', arguments)} failed: {error.Trim()}");
            }
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"{command} cannot be run: {ex.Message}", ex);
        }
    }
}

/// <summary>A fact that needs a tmpfs mount; skipped, with the reason, where mounting is not possible.</summary>
internal sealed class MountFactAttribute : FactAttribute
{
    public MountFactAttribute()
    {
        if (TmpfsMount.WhyUnavailable is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A fact about Unix file modes; skipped on Windows, where files under the profile are private by their ACL.</summary>
internal sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Unix file modes do not apply on Windows";
        }
    }
}

/// <summary>A fact about Linux itself (such as <c>/proc</c>); skipped elsewhere.</summary>
internal sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "this checks Linux's own view of the process (/proc)";
        }
    }
}
