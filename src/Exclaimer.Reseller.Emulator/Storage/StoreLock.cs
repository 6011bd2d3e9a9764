using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Exclaimer.Reseller.Emulator.Storage;

/// <summary>
/// Who may touch the store's files: one call at a time in this process (a gate), and across processes the lock
/// file <c>store.lock</c>, a writer alone and readers together (flock on Unix, share modes on Windows). A reader
/// opens it read-only, so a store on a read-only file system can still be read, and creates nothing where there
/// is no store yet.
/// </summary>
internal sealed class StoreLock : IDisposable
{
    private const string NothingChanged = "Nothing was changed.";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _folder;
    private readonly string _lockPath;
    private readonly string[] _storeFiles;
    private readonly TimeSpan _timeout;

    /// <param name="folder">The store's folder.</param>
    /// <param name="storeFiles">The files whose presence means there is a store to guard.</param>
    /// <param name="timeout">How long to wait for another holder, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    public StoreLock(string folder, string[] storeFiles, TimeSpan timeout)
    {
        _folder = folder;
        _lockPath = Path.Combine(folder, JsonFileResellerStore.LockFileName);
        _storeFiles = storeFiles;
        _timeout = timeout;
    }

    /// <summary>
    /// Waits for the store. A writer gets the folder created (owner-only) and the lock alone. A read-only or
    /// full file system fails at once: waiting would not help.
    /// </summary>
    public async Task<Lease> AcquireAsync(bool write, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        if (!await _gate.WaitAsync(_timeout, cancellationToken).ConfigureAwait(false))
        {
            throw StoreErrors.LockedFor(_folder, _timeout, null);
        }

        try
        {
            if (write)
            {
                CreateFolder();
            }
            else if (!Directory.Exists(_folder))
            {
                return new Lease(null, _gate, nothingOnDisk: true);
            }

            var delay = 1;
            while (true)
            {
                try
                {
                    return write ? new Lease(OpenForWrite(), _gate) : OpenForRead();
                }
                catch (IOException ex) when (StoreErrors.IsReadOnlyFileSystem(ex) || StoreErrors.IsDiskFull(ex))
                {
                    throw StoreErrors.WriteFailed(_folder, _lockPath, ex, write ? NothingChanged : "Nothing was read.");
                }
                catch (IOException ex) when (_timeout == Timeout.InfiniteTimeSpan || clock.Elapsed < _timeout)
                {
                    _ = ex; // Held by another process: wait and try again.
                    await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                    delay = Math.Min(delay * 2, 25);
                }
                catch (IOException ex)
                {
                    throw StoreErrors.LockedFor(_folder, _timeout, ex);
                }
                catch (UnauthorizedAccessException ex)
                {
                    throw write ? StoreErrors.WriteFailed(_folder, _lockPath, ex, NothingChanged) : StoreErrors.Unreadable(_lockPath, ex);
                }
            }
        }
        catch
        {
            _gate.Release();
            throw;
        }
    }

    /// <summary>Format version 1 made its lock file readable by everyone; it holds nothing, so this is tidiness.</summary>
    public void RestrictLockFile()
    {
        try
        {
            OwnerOnly.Restrict(_lockPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _ = ex; // Another user's lock file: the lock still works.
        }
    }

    public void Dispose() => _gate.Dispose();

    private void CreateFolder()
    {
        try
        {
            OwnerOnly.CreateDirectory(_folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw StoreErrors.WriteFailed(_folder, _folder, ex, NothingChanged);
        }
    }

    /// <summary>Exclusive, and created (owner-only) when missing.</summary>
    private FileStream OpenForWrite()
    {
        try
        {
            return new FileStream(_lockPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
        }
        catch (FileNotFoundException)
        {
            // The first write to this folder: create the lock below.
        }

        var created = new FileStream(_lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
        RestrictLockFile(); // It never holds content, so restricting it right after it is made is enough.
        return created;
    }

    private Lease OpenForRead()
    {
        try
        {
            return new Lease(new FileStream(_lockPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None), _gate);
        }
        catch (FileNotFoundException)
        {
            // No lock file: see below.
        }

        // A folder the store never wrote to reads as empty, and gets nothing.
        if (Array.TrueForAll(_storeFiles, file => !File.Exists(file)))
        {
            return new Lease(null, _gate, nothingOnDisk: true);
        }

        // Store files without a lock (copied, or the lock deleted): make one, so no writer can interleave.
        try
        {
            return new Lease(OpenForWrite(), _gate);
        }
        catch (IOException ex) when (StoreErrors.IsReadOnlyFileSystem(ex))
        {
            _ = ex;
            return new Lease(null, _gate); // Nothing can change a read-only file system under this read.
        }
    }

    /// <summary>Holds the gate and, unless there is nothing on disk to guard, the lock file.</summary>
    internal sealed class Lease : IDisposable
    {
        private readonly FileStream? _lockFile;
        private readonly SemaphoreSlim _gate;

        public Lease(FileStream? lockFile, SemaphoreSlim gate, bool nothingOnDisk = false)
        {
            _lockFile = lockFile;
            _gate = gate;
            NothingOnDisk = nothingOnDisk;
        }

        /// <summary>The folder or its store files do not exist: the store is empty, and a reader creates nothing.</summary>
        public bool NothingOnDisk { get; }

        public void Dispose()
        {
            _lockFile?.Dispose();
            _gate.Release();
        }
    }
}
