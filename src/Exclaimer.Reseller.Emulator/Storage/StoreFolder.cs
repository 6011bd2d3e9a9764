using System.IO;

namespace Exclaimer.Reseller.Emulator.Storage;

/// <summary>
/// Creates the folders the local engine writes to (the store and its outbox). On Linux and macOS a new folder is
/// readable by its owner only (0700): the outbox holds invitation links, which are secrets (R18).
/// </summary>
internal static class StoreFolder
{
    public static void Create(string path)
    {
        if (Directory.Exists(path))
        {
            return;
        }

#if NET
        if (!System.OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return;
        }
#endif
        Directory.CreateDirectory(path);
    }
}
