using System;
using System.IO;

namespace Exclaimer.Reseller.Emulator.Storage;

/// <summary>
/// Creates the local engine's folders (the store, its outbox) and files readable by their owner only on Linux and
/// macOS, in every build: folders 0700, files 0600, each from the moment it exists, so no other user can open one
/// even briefly. The outbox holds invitation links, which are secrets (R18). On Windows, files under the user's
/// profile are private by their ACL, and .NET's defaults are used.
/// </summary>
internal static class OwnerOnly
{
    public const int FolderMode = 0x1C0; // 0700
    public const int FileMode = 0x180; // 0600

    /// <summary>
    /// Creates the folder and any missing parents, each readable by its owner only. A folder that already exists
    /// is left as it is: the user may have chosen it, and the files the store puts in it are private anyway.
    /// </summary>
    public static void CreateDirectory(string path)
    {
        if (!UnixLibC.IsAvailable)
        {
            Directory.CreateDirectory(path);
            return;
        }

        path = Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar);
        if (path.Length == 0 || Directory.Exists(path))
        {
            return;
        }

        var parent = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(parent))
        {
            CreateDirectory(parent!);
        }

        UnixLibC.MakeDirectory(path, FolderMode);
    }

    /// <summary>
    /// Creates and opens a new, empty file named <c>&lt;target&gt;.&lt;random&gt;.tmp</c> beside
    /// <paramref name="target"/>, readable by its owner only, to be written and then renamed over the target.
    /// </summary>
    public static FileStream CreateTemporaryFile(string target, out string path)
    {
        const int bufferSize = 1 << 16;
        if (UnixLibC.IsAvailable)
        {
            return UnixLibC.CreateUniqueFile(target + ".", ".tmp", bufferSize, out path);
        }

        path = target + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp";
        return new FileStream(path, System.IO.FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize);
    }

    /// <summary>
    /// Makes a file that other code created (the lock file, a message written by <c>SmtpClient</c>) readable by
    /// its owner only. Callers make sure no content is in it yet, or that no other user can reach its folder.
    /// </summary>
    public static void Restrict(string path)
    {
        if (UnixLibC.IsAvailable)
        {
            UnixLibC.ChangeMode(path, FileMode);
        }
    }
}
