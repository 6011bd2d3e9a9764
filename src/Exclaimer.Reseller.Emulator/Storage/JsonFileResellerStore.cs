using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Hashing;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.Emulator.Storage;

/// <summary>
/// The embedded default store: JSON files in one folder, safe across crashes and across processes.
/// </summary>
/// <remarks>
/// <para>
/// The folder holds a snapshot (<c>subscriptions.json</c>) and a journal of the changes made since
/// (<c>subscriptions.journal</c>, one checksummed JSON line per change). A write appends one line and flushes
/// it to disk, so its cost does not grow with the number of subscriptions; once the journal is long enough it
/// is folded into a new snapshot, written to a temporary file in the same folder, flushed, then renamed over
/// the old one.
/// </para>
/// <para>
/// Every read and write holds a lock file (<c>store.lock</c>), so two processes (two runbooks) never lose each
/// other's updates: a write always starts from the latest saved data. A process killed mid-write leaves at
/// most a torn last journal line, which is ignored, so the store loads with the state before that write. A
/// snapshot or journal that cannot be read is reported as <see cref="ResellerStoreException"/> and is never
/// overwritten.
/// </para>
/// </remarks>
public sealed class JsonFileResellerStore : ResellerStore
{
    /// <summary>The environment variable that overrides the default store folder.</summary>
    public const string DirectoryEnvironmentVariable = "EXCLAIMER_RESELLER_STORE";

    internal const string SnapshotFileName = "subscriptions.json";
    internal const string JournalFileName = "subscriptions.journal";
    internal const string LockFileName = "store.lock";

    private static readonly JsonSerializerOptions WriteOptions = StoreJsonContext.Default.Options;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeSpan _lockTimeout;
    private readonly int _compactionThreshold;
    private readonly string _snapshotPath;
    private readonly string _journalPath;
    private readonly string _lockPath;

    private readonly SubscriptionTable _table = new();
    private bool _loaded;
    private long _generation;
    private (long Length, DateTime WriteTime) _snapshotStamp;
    private bool _journalCurrent;
    private long _journalOffset;
    private int _journalEntries;
    private int _snapshotCount;

    /// <summary>Opens (or, on the first write, creates) the store in the configured folder.</summary>
    /// <param name="options">The folder and timings; <see langword="null"/> for the defaults.</param>
    public JsonFileResellerStore(JsonFileStoreOptions? options = null)
    {
        options ??= new JsonFileStoreOptions();
        DirectoryPath = Path.GetFullPath(options.DirectoryPath ?? DefaultDirectory);
        _lockTimeout = options.LockTimeout == Timeout.InfiniteTimeSpan || options.LockTimeout > TimeSpan.Zero
            ? options.LockTimeout
            : throw new ArgumentOutOfRangeException(nameof(options), options.LockTimeout, "LockTimeout must be positive, or Timeout.InfiniteTimeSpan to wait as long as it takes.");
        _compactionThreshold = Math.Max(1, options.CompactionThreshold);
        _snapshotPath = Path.Combine(DirectoryPath, SnapshotFileName);
        _journalPath = Path.Combine(DirectoryPath, JournalFileName);
        _lockPath = Path.Combine(DirectoryPath, LockFileName);
    }

    /// <summary>
    /// The folder used when none is configured: <c>EXCLAIMER_RESELLER_STORE</c> when set, else
    /// <c>Exclaimer/Reseller</c> under the user's local application data (<c>%LOCALAPPDATA%</c> on Windows,
    /// <c>~/.local/share</c> on Linux, <c>~/Library/Application Support</c> on macOS).
    /// </summary>
    public static string DefaultDirectory
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable(DirectoryEnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(fromEnvironment))
            {
                return fromEnvironment!;
            }

            var localData = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            if (string.IsNullOrEmpty(localData))
            {
                throw new ResellerStoreException(
                    "StoreUnavailable",
                    DirectoryEnvironmentVariable,
                    $"There is no per-user data folder on this machine; set {DirectoryEnvironmentVariable} to the folder the store should use.");
            }

            return Path.Combine(localData, "Exclaimer", "Reseller");
        }
    }

    /// <summary>The store's folder.</summary>
    public string DirectoryPath { get; }

    /// <inheritdoc />
    public override async Task<TResult> ReadAsync<TResult>(Func<IResellerStoreView, TResult> read, CancellationToken cancellationToken)
    {
        if (read is null)
        {
            throw new ArgumentNullException(nameof(read));
        }

        using (await AcquireAsync(cancellationToken).ConfigureAwait(false))
        {
            RefreshOrThrow();
            return read(_table);
        }
    }

    /// <inheritdoc />
    public override async Task<TResult> WriteAsync<TResult>(Func<IResellerStoreTransaction, TResult> write, CancellationToken cancellationToken)
    {
        if (write is null)
        {
            throw new ArgumentNullException(nameof(write));
        }

        using (await AcquireAsync(cancellationToken).ConfigureAwait(false))
        {
            RefreshOrThrow();
            var transaction = new StoreTransaction(_table);
            var result = write(transaction);
            if (transaction.Puts.Count == 0)
            {
                return result;
            }

            Append(transaction);
            transaction.CommitTo(_table);
            // Fold the journal in once it outgrows the threshold and the snapshot, so the cost stays amortized.
            if (_journalEntries >= Math.Max(_compactionThreshold, _snapshotCount))
            {
                Compact();
            }

            return result;
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gate.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task<IDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        if (!await _gate.WaitAsync(_lockTimeout, cancellationToken).ConfigureAwait(false))
        {
            throw Locked(null);
        }

        try
        {
            CreateDirectory();
            var delay = 1;
            while (true)
            {
                try
                {
                    // FileShare.None is an exclusive lock: LockFileEx on Windows, flock on Unix.
                    var lockFile = new FileStream(_lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
                    return new Lease(lockFile, _gate);
                }
                catch (IOException ex) when (_lockTimeout == Timeout.InfiniteTimeSpan || clock.Elapsed < _lockTimeout)
                {
                    _ = ex;
                    await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                    delay = Math.Min(delay * 2, 25);
                }
                catch (IOException ex)
                {
                    throw Locked(ex);
                }
                catch (UnauthorizedAccessException ex)
                {
                    throw Unreadable(_lockPath, ex);
                }
            }
        }
        catch
        {
            _gate.Release();
            throw;
        }
    }

    private void CreateDirectory()
    {
        try
        {
            StoreFolder.Create(DirectoryPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ResellerStoreException("StoreUnavailable", DirectoryPath, $"The store folder '{DirectoryPath}' cannot be created: {ex.Message}", ex);
        }
    }

    /// <summary>Brings the in-memory table up to what is on disk, reading only what changed since the last call.</summary>
    private void RefreshOrThrow()
    {
        try
        {
            Refresh();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(DirectoryPath, ex);
        }
    }

    private void Refresh()
    {
        var stamp = SnapshotStamp();
        if (!_loaded || stamp != _snapshotStamp)
        {
            Load(stamp);
            return;
        }

        if (!File.Exists(_journalPath))
        {
            if (_journalCurrent)
            {
                Load(stamp);
            }

            return;
        }

        using var journal = OpenJournalForRead();
        var header = ReadHeader(journal);
        if (header.Generation != _generation || !_journalCurrent || journal.Length < _journalOffset)
        {
            journal.Dispose();
            Load(stamp);
            return;
        }

        ReadEntries(journal, _journalOffset);
    }

    private void Load((long Length, DateTime WriteTime) stamp)
    {
        _loaded = false;
        _table.Clear();
        _journalCurrent = false;
        _journalOffset = 0;
        _journalEntries = 0;

        var snapshot = ReadSnapshot();
        _generation = snapshot.Generation;
        _snapshotCount = snapshot.Subscriptions.Count;
        foreach (var subscription in snapshot.Subscriptions)
        {
            _table.Put(subscription);
        }

        if (File.Exists(_journalPath))
        {
            using var journal = OpenJournalForRead();
            var header = ReadHeader(journal);
            if (header.Generation > _generation)
            {
                throw Corrupt(_journalPath, $"the journal belongs to generation {header.Generation} but the snapshot is generation {_generation}, so the snapshot is older than the changes after it", null);
            }

            // An older journal was already folded into the snapshot by a compaction that stopped before
            // replacing it: its changes are in the snapshot, and the next write starts a fresh journal.
            if (header.Generation == _generation)
            {
                _journalCurrent = true;
                _journalOffset = journal.Position;
                ReadEntries(journal, _journalOffset);
            }
        }

        _snapshotStamp = stamp;
        _loaded = true;
    }

    private StoreSnapshot ReadSnapshot()
    {
        if (!File.Exists(_snapshotPath))
        {
            if (File.Exists(_journalPath))
            {
                throw Corrupt(_snapshotPath, "the snapshot is missing but a journal of later changes exists", null);
            }

            return new StoreSnapshot();
        }

        StoreSnapshot? snapshot;
        try
        {
            using var stream = new FileStream(_snapshotPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
            snapshot = JsonSerializer.Deserialize(stream, StoreJsonContext.Default.StoreSnapshot);
        }
        catch (JsonException ex)
        {
            throw Corrupt(_snapshotPath, $"it is not complete, valid JSON ({ex.Message})", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(_snapshotPath, ex);
        }

        if (snapshot is null || snapshot.Format != StoreSnapshot.FormatName || snapshot.Subscriptions is null)
        {
            throw Corrupt(_snapshotPath, "it is not an Exclaimer reseller store snapshot", null);
        }

        if (snapshot.Version != 1)
        {
            throw Corrupt(_snapshotPath, $"it was written by a newer version of the SDK (format version {snapshot.Version})", null);
        }

        return snapshot;
    }

    private FileStream OpenJournalForRead()
    {
        try
        {
            // A small buffer: every call reads the header line, and new entries are read in one block.
            return new FileStream(_journalPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 512);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(_journalPath, ex);
        }
    }

    /// <summary>Reads the header line; leaves the stream just after it.</summary>
    private JournalHeader ReadHeader(FileStream journal)
    {
        var line = new MemoryStream();
        int b;
        while ((b = journal.ReadByte()) >= 0 && b != '\n')
        {
            line.WriteByte((byte)b);
            if (line.Length > 4096)
            {
                break;
            }
        }

        if (b != '\n')
        {
            throw Corrupt(_journalPath, "its header line is incomplete", null);
        }

        try
        {
            var header = JsonSerializer.Deserialize(line.ToArray(), StoreJsonContext.Default.JournalHeader);
            if (header is { Format: JournalHeader.FormatName, Version: 1 })
            {
                return header;
            }
        }
        catch (JsonException ex)
        {
            throw Corrupt(_journalPath, $"its header line is not valid ({ex.Message})", ex);
        }

        throw Corrupt(_journalPath, "its header line is not an Exclaimer reseller journal header of a version this SDK reads", null);
    }

    /// <summary>
    /// Reads the journal's complete lines from <paramref name="offset"/>. A last line without its newline is
    /// a write that never finished (the writer died): it is not applied. A complete line that fails its
    /// checksum is corruption.
    /// </summary>
    private void ReadEntries(FileStream journal, long offset)
    {
        journal.Position = offset;
        var remaining = journal.Length - offset;
        if (remaining <= 0)
        {
            return;
        }

        var buffer = new byte[remaining];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = journal.Read(buffer, read, buffer.Length - read);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        var start = 0;
        for (var i = 0; i < read; i++)
        {
            if (buffer[i] != (byte)'\n')
            {
                continue;
            }

            foreach (var change in ParseEntry(buffer, start, i - start, offset + start))
            {
                _table.Put(change);
                _journalEntries++;
            }

            start = i + 1;
        }

        _journalOffset = offset + start;
    }

    /// <summary>One line is one whole write: every change it made, so a write is replayed entirely or not at all.</summary>
    private List<StoredSubscription> ParseEntry(byte[] buffer, int start, int length, long position)
    {
        // "<crc32 as 8 hex digits> <json array of the write's changes>"
        if (length < 10 || buffer[start + 8] != (byte)' ')
        {
            throw Corrupt(_journalPath, $"the entry at byte {position} is malformed", null);
        }

        var json = new ReadOnlySpan<byte>(buffer, start + 9, length - 9);
        var expected = Encoding.ASCII.GetString(buffer, start, 8);
        if (!string.Equals(expected, Checksum(json), StringComparison.OrdinalIgnoreCase))
        {
            throw Corrupt(_journalPath, $"the entry at byte {position} fails its checksum", null);
        }

        List<StoredSubscription>? changes;
        try
        {
            changes = JsonSerializer.Deserialize(json, StoreJsonContext.Default.ListStoredSubscription);
        }
        catch (JsonException ex)
        {
            throw Corrupt(_journalPath, $"the entry at byte {position} is not valid JSON ({ex.Message})", ex);
        }

        if (changes is null || changes.Count == 0 || changes.Exists(change => change is null || string.IsNullOrEmpty(change.Id)))
        {
            throw Corrupt(_journalPath, $"the entry at byte {position} has no subscription", null);
        }

        return changes;
    }

    private void Append(StoreTransaction transaction)
    {
        var lines = new MemoryStream();
        var json = JsonSerializer.SerializeToUtf8Bytes(new List<StoredSubscription>(transaction.Puts), StoreJsonContext.Default.ListStoredSubscription);
        var prefix = Encoding.ASCII.GetBytes(Checksum(json) + " ");
        lines.Write(prefix, 0, prefix.Length);
        lines.Write(json, 0, json.Length);
        lines.WriteByte((byte)'\n');

        FileStream? journal = null;
        try
        {
            if (!_journalCurrent)
            {
                StartJournal(_generation);
            }

            journal = new FileStream(_journalPath, FileMode.Open, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete, 1);

            // Bytes past the last complete line are a write whose process died before finishing it. They were
            // never acknowledged, so they are dropped before this write goes after the last complete line.
            if (journal.Length != _journalOffset)
            {
                journal.SetLength(_journalOffset);
            }

            journal.Position = _journalOffset;
            journal.Write(lines.GetBuffer(), 0, (int)lines.Length);
            journal.Flush(flushToDisk: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Leave no half-written change behind (R17): cut the journal back to where this write started.
            try
            {
                journal?.SetLength(_journalOffset);
                journal?.Flush(flushToDisk: true);
            }
            catch (IOException)
            {
                // The torn line is ignored on the next load anyway.
            }

            throw new ResellerStoreException("StoreUnavailable", _journalPath, $"The change could not be saved to '{_journalPath}': {ex.Message} Nothing was changed.", ex);
        }
        finally
        {
            journal?.Dispose();
        }

        _journalOffset += lines.Length;
        _journalEntries += transaction.Puts.Count;
    }

    /// <summary>Folds the journal into a new snapshot. The changes are already safe in the journal, so a failure here loses nothing.</summary>
    private void Compact()
    {
        var snapshot = new StoreSnapshot { Generation = _generation + 1 };
        snapshot.Subscriptions.AddRange(_table.Subscriptions);
        try
        {
            WriteAtomically(_snapshotPath, stream => JsonSerializer.Serialize(stream, snapshot, StoreJsonContext.Default.StoreSnapshot));
            _generation = snapshot.Generation;
            _snapshotCount = snapshot.Subscriptions.Count;
            _snapshotStamp = SnapshotStamp();
            _journalCurrent = false;
            StartJournal(_generation);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Leave the state to be re-read from disk on the next call, whatever step failed.
            _loaded = false;
        }
    }

    /// <summary>Starts an empty journal for a snapshot generation, replacing any older journal atomically.</summary>
    private void StartJournal(long generation)
    {
        var header = JsonSerializer.SerializeToUtf8Bytes(new JournalHeader { Generation = generation }, StoreJsonContext.Default.JournalHeader);
        if (!File.Exists(_snapshotPath))
        {
            // A new store: write its (empty) snapshot first, so the folder always has one to check.
            WriteAtomically(_snapshotPath, stream => JsonSerializer.Serialize(stream, new StoreSnapshot { Generation = generation }, StoreJsonContext.Default.StoreSnapshot));
            _snapshotStamp = SnapshotStamp();
        }

        WriteAtomically(_journalPath, stream =>
        {
            stream.Write(header, 0, header.Length);
            stream.WriteByte((byte)'\n');
        });
        _journalCurrent = true;
        _journalOffset = header.Length + 1;
        _journalEntries = 0;
    }

    /// <summary>Writes a file the crash-safe way: a temporary file in the same folder, flushed to disk, then renamed over the target.</summary>
    private static void WriteAtomically(string path, Action<Stream> write)
    {
        var temporary = path + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

#if NET
            File.Move(temporary, path, overwrite: true);
#else
            if (File.Exists(path))
            {
                File.Replace(temporary, path, destinationBackupFileName: null);
            }
            else
            {
                File.Move(temporary, path);
            }
#endif
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private (long Length, DateTime WriteTime) SnapshotStamp()
    {
        var info = new FileInfo(_snapshotPath);
        return info.Exists ? (info.Length, info.LastWriteTimeUtc) : (-1, default);
    }

    private static string Checksum(ReadOnlySpan<byte> data) => Crc32.HashToUInt32(data).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _ = ex;
        }
    }

    private ResellerStoreException Locked(Exception? inner) =>
        new("StoreLocked", DirectoryPath, $"The store '{DirectoryPath}' stayed locked by another process for {_lockTimeout.TotalSeconds:0.#} seconds. Try again when it has finished.", inner);

    private static ResellerStoreException Corrupt(string path, string reason, Exception? inner) =>
        new("StoreCorrupt", path, $"The store file '{path}' cannot be loaded: {reason}. It has been left untouched; restore it from a backup, or move it away to start an empty store.", inner);

    private static ResellerStoreException Unreadable(string path, Exception inner) =>
        new("StoreUnavailable", path, $"The store file '{path}' cannot be read: {inner.Message}", inner);

    private sealed class Lease : IDisposable
    {
        private readonly FileStream _lockFile;
        private readonly SemaphoreSlim _gate;

        public Lease(FileStream lockFile, SemaphoreSlim gate)
        {
            _lockFile = lockFile;
            _gate = gate;
        }

        public void Dispose()
        {
            _lockFile.Dispose();
            _gate.Release();
        }
    }
}
