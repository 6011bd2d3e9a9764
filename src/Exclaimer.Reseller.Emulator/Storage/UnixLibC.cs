using System;
using System.ComponentModel;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Exclaimer.Reseller.Emulator.Storage;

/// <summary>
/// The few libc calls the store needs on Linux and macOS, used by both builds: netstandard2.0 (what the PowerShell
/// module loads) has no <c>UnixFileMode</c>, and one code path for both is one code path to test. Callers check
/// <see cref="IsAvailable"/> first. Only functions with fixed arguments are called: <c>open</c> with a mode is
/// variadic, which P/Invoke cannot call correctly on every platform (macOS on Arm passes varargs on the stack).
/// </summary>
internal static class UnixLibC
{
    private const int EEXIST = 17;

    /// <summary>Linux or macOS.</summary>
    public static bool IsAvailable { get; } =
        RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || RuntimeInformation.IsOSPlatform(OSPlatform.OSX);

    /// <summary>
    /// O_CLOEXEC, as .NET opens every file: without it a child process started meanwhile inherits the file and
    /// keeps it open. Its value differs between the two systems; O_RDONLY is 0 on both.
    /// </summary>
    private static int CloseOnExec { get; } = RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? 0x1000000 : 0x80000;

    /// <summary>Creates one folder with <paramref name="mode"/> (less the umask); <see langword="false"/> if it already exists.</summary>
    public static bool MakeDirectory(string path, int mode)
    {
        if (mkdir(Bytes(path), (uint)mode) == 0)
        {
            return true;
        }

        var errno = Marshal.GetLastWin32Error();
        return errno == EEXIST ? false : throw Failure(errno, path);
    }

    /// <summary>Sets a file's or folder's mode.</summary>
    public static void ChangeMode(string path, int mode)
    {
        if (chmod(Bytes(path), (uint)mode) != 0)
        {
            throw Failure(Marshal.GetLastWin32Error(), path);
        }
    }

    /// <summary>
    /// Creates a new file named <paramref name="prefix"/> + six random characters + <paramref name="suffix"/>, mode
    /// 0600 (less the umask) from the moment it exists, and opens it for reading and writing.
    /// </summary>
    public static FileStream CreateUniqueFile(string prefix, string suffix, int bufferSize, out string path)
    {
        var template = Bytes(prefix + "XXXXXX" + suffix);
        var fd = mkostemps(template, Encoding.UTF8.GetByteCount(suffix), CloseOnExec);
        if (fd < 0)
        {
            throw Failure(Marshal.GetLastWin32Error(), prefix + "XXXXXX" + suffix);
        }

        path = Encoding.UTF8.GetString(template, 0, template.Length - 1);
        return new FileStream(new SafeFileHandle((IntPtr)fd, ownsHandle: true), FileAccess.ReadWrite, bufferSize);
    }

    /// <summary>Flushes a folder's entries to disk, so a rename in it survives a power cut.</summary>
    public static void SyncDirectory(string path)
    {
        // Without O_CREAT, open takes no mode, so the fixed two-argument signature is right.
        var fd = open(Bytes(path), CloseOnExec);
        if (fd < 0)
        {
            throw Failure(Marshal.GetLastWin32Error(), path);
        }

        try
        {
            if (fsync(fd) != 0)
            {
                throw Failure(Marshal.GetLastWin32Error(), path);
            }
        }
        finally
        {
            _ = close(fd);
        }
    }

    /// <summary>The exception .NET itself throws for an errno: access denied as such, the rest as IOException with the errno as HResult.</summary>
    private static Exception Failure(int errno, string path)
    {
        var message = $"{new Win32Exception(errno).Message} : '{path}'";
        return errno is 1 or 13 ? new UnauthorizedAccessException(message) : new IOException(message, errno);
    }

    private static byte[] Bytes(string path) => Encoding.UTF8.GetBytes(path + "\0");

    [DllImport("libc", SetLastError = true)]
    private static extern int mkdir(byte[] path, uint mode);

    [DllImport("libc", SetLastError = true)]
    private static extern int chmod(byte[] path, uint mode);

    [DllImport("libc", SetLastError = true)]
    private static extern int mkostemps(byte[] template, int suffixLength, int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int open(byte[] path, int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int fsync(int fd);

    [DllImport("libc", SetLastError = true)]
    private static extern int close(int fd);
}
