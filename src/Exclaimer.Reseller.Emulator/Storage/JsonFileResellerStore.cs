using System;
using System.Collections.Generic;
using System.IO;
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
/// the old one. The snapshot and the journal header are checksummed too, so a byte changed anywhere is reported.
/// </para>
/// <para>
/// Every read and write holds a lock file (<c>store.lock</c>), so two processes (two runbooks) never lose each
/// other's updates: a write always starts from the latest saved data. A process killed mid-write leaves at
/// most a torn last journal line, which is ignored, so the store loads with the state before that write. A
/// snapshot or journal that cannot be trusted is reported as <see cref="ResellerStoreException"/> with
/// <c>ErrorCode</c> <c>StoreCorrupt</c> and is never overwritten; <see cref="RecoverAsync"/> rebuilds the store
/// from what can still be read. Reading a store whose folder does not exist creates nothing; the folder, the
/// store's files and the outbox are readable by their owner only on Linux and macOS (R18).
/// </para>
/// </remarks>
public sealed class JsonFileResellerStore : ResellerStore
{
    /// <summary>The environment variable that overrides the default store folder.</summary>
    public const string DirectoryEnvironmentVariable = "EXCLAIMER_RESELLER_STORE";

    internal const string SnapshotFileName = "subscriptions.json";
    internal const string JournalFileName = "subscriptions.journal";
    internal const string LockFileName = "store.lock";

    private readonly StoreLock _lock;
    private readonly int _compactionThreshold;
    private readonly string _snapshotPath;
    private readonly string _journalPath;

    private readonly StoreTable _table = new();
    private bool _loaded;
    private long _generation;
    private (long Length, DateTime WriteTime) _snapshotStamp;
    private bool _journalCurrent;
    private long _journalOffset;
    private bool _journalNeedsNewline;
    private int _journalEntries;
    private int _snapshotCount;
    private bool _legacyFormat;
    private bool _olderFormat;
    private bool _sweptTemporaries;

    /// <summary>Opens (or, on the first write, creates) the store in the configured folder.</summary>
    /// <param name="options">The folder and timings; <see langword="null"/> for the defaults.</param>
    public JsonFileResellerStore(JsonFileStoreOptions? options = null)
    {
        options ??= new JsonFileStoreOptions();
        DirectoryPath = Path.GetFullPath(options.DirectoryPath ?? DefaultDirectory);
        var lockTimeout = options.LockTimeout == Timeout.InfiniteTimeSpan || options.LockTimeout > TimeSpan.Zero
            ? options.LockTimeout
            : throw new ArgumentOutOfRangeException(nameof(options), options.LockTimeout, "LockTimeout must be positive, or Timeout.InfiniteTimeSpan to wait as long as it takes.");
        _compactionThreshold = Math.Max(1, options.CompactionThreshold);
        _snapshotPath = Path.Combine(DirectoryPath, SnapshotFileName);
        _journalPath = Path.Combine(DirectoryPath, JournalFileName);
        _lock = new StoreLock(DirectoryPath, new[] { _snapshotPath, _journalPath }, lockTimeout);
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
                    StoreErrors.Unavailable,
                    DirectoryEnvironmentVariable,
                    $"There is no per-user data folder on this machine; set {DirectoryEnvironmentVariable} to the folder the store should use.");
            }

            return Path.Combine(localData, "Exclaimer", "Reseller");
        }
    }

    /// <summary>The store's folder.</summary>
    public string DirectoryPath { get; }

    /// <inheritdoc />
    /// <remarks>A store whose folder does not exist yet reads as empty, and nothing is created.</remarks>
    public override async Task<TResult> ReadAsync<TResult>(Func<IResellerStoreView, TResult> read, CancellationToken cancellationToken)
    {
        if (read is null)
        {
            throw new ArgumentNullException(nameof(read));
        }

        using (var lease = await _lock.AcquireAsync(write: false, cancellationToken).ConfigureAwait(false))
        {
            if (lease.NothingOnDisk)
            {
                Forget();
            }
            else
            {
                RefreshOrThrow();
            }

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

        using (await _lock.AcquireAsync(write: true, cancellationToken).ConfigureAwait(false))
        {
            RefreshOrThrow();
            var transaction = new StoreTransaction(_table);
            var result = write(transaction);
            if (transaction.PutCount == 0)
            {
                return result;
            }

            if (!_sweptTemporaries)
            {
                SweepTemporaries();
            }

            Append(transaction);
            transaction.CommitTo(_table);

            // Fold the journal in once it outgrows the threshold and the snapshot, so the cost stays amortized; a store
            // in an older format is folded at once, so from now on it is in the current one (every byte checksummed,
            // and marked as holding the end user and reseller tables an older SDK would drop).
            if (_olderFormat || _journalEntries >= Math.Max(_compactionThreshold, _snapshotCount))
            {
                Compact();
            }

            return result;
        }
    }

    /// <summary>
    /// Rebuilds a store that gives <c>StoreCorrupt</c> from everything in it that can still be read. First its
    /// files are copied, byte for byte, into a dated folder inside the store's folder
    /// (<c>damaged-&lt;UTC time&gt;</c>), so nothing is lost by the rebuild. A store that loads is left as it is.
    /// </summary>
    /// <remarks>
    /// What is kept: the snapshot, or the subscriptions that can still be read from it, then every journal line
    /// that passes its checksum, in order. A store written by a newer version of the SDK is refused, not rebuilt.
    /// </remarks>
    /// <param name="cancellationToken">Stops the wait for the store's lock.</param>
    /// <returns>What was damaged, kept and lost.</returns>
    /// <exception cref="ResellerStoreException">The store was written by a newer SDK, or it cannot be written.</exception>
    public async Task<StoreRecoveryReport> RecoverAsync(CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(DirectoryPath))
        {
            return StoreRecoveryReport.Undamaged(0);
        }

        using (await _lock.AcquireAsync(write: true, cancellationToken).ConfigureAwait(false))
        {
            try
            {
                _loaded = false;
                RefreshOrThrow();
                return StoreRecoveryReport.Undamaged(_table.Subscriptions.Count);
            }
            catch (ResellerStoreException ex) when (ex.ErrorCode == StoreErrors.Corrupt)
            {
                // Rebuilt below.
            }

            StoreRecoveryReport report;
            try
            {
                report = StoreRecovery.Rebuild(DirectoryPath, _snapshotPath, _journalPath, DateTime.UtcNow);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw StoreErrors.WriteFailed(DirectoryPath, DirectoryPath, ex, "The store was not rebuilt; the files it had are still there.");
            }

            // The rebuilt store must load like any other, or the recovery has not done its job.
            _loaded = false;
            RefreshOrThrow();
            return report;
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _lock.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>What is on disk is gone (the folder or the files are not there): start again from empty.</summary>
    private void Forget()
    {
        _table.Clear();
        _loaded = false;
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
            _loaded = false;
            throw StoreErrors.Unreadable(DirectoryPath, ex);
        }
        catch (ResellerStoreException)
        {
            _loaded = false;
            throw;
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
        if (header.Generation != _generation || !_journalCurrent || journal.Length < _journalOffset || (_journalNeedsNewline && journal.Length != _journalOffset))
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
        _journalNeedsNewline = false;
        _journalEntries = 0;

        var snapshot = ReadSnapshot();
        _generation = snapshot.Generation;
        _legacyFormat = snapshot.Version == StoreFormat.Legacy;
        _olderFormat = snapshot.Version < StoreFormat.CurrentVersion;
        _table.Load(snapshot);
        _snapshotCount = _table.Count;

        if (File.Exists(_journalPath))
        {
            using var journal = OpenJournalForRead();
            var header = ReadHeader(journal);
            if (header.Generation > _generation)
            {
                throw StoreErrors.Damaged(_journalPath, $"the journal belongs to generation {header.Generation} but the snapshot is generation {_generation}, so the snapshot is older than the changes after it");
            }

            // An older journal was already folded into the snapshot by a compaction that stopped before
            // replacing it: its changes are in the snapshot, and the next write starts a fresh journal.
            if (header.Generation == _generation)
            {
                _legacyFormat |= header.Version == StoreFormat.Legacy;
                _olderFormat |= header.Version < StoreFormat.CurrentVersion;
                _journalCurrent = true;
                _journalOffset = journal.Position;
                ReadEntries(journal, _journalOffset);
            }
        }
        else if (snapshot.Version != StoreFormat.Legacy && (snapshot.Generation != 0 || snapshot.Subscriptions.Count != 0))
        {
            // Only a brand-new store is ever without a journal (its first write stopped between the two files);
            // once a snapshot holds data, its journal is replaced, never removed.
            throw StoreErrors.Damaged(_journalPath, "the journal is missing, so the changes saved after the snapshot are missing too");
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
                throw StoreErrors.Damaged(_snapshotPath, "the snapshot is missing but a journal of later changes exists");
            }

            return new StoreSnapshot();
        }

        byte[] bytes;
        try
        {
            bytes = ReadAllBytes(_snapshotPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw StoreErrors.Unreadable(_snapshotPath, ex);
        }

        return SnapshotFormat.Parse(bytes, _snapshotPath);
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
            throw StoreErrors.Unreadable(_journalPath, ex);
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
            throw StoreErrors.Damaged(_journalPath, "its header line is incomplete");
        }

        return JournalFormat.ParseHeader(new ReadOnlySpan<byte>(line.GetBuffer(), 0, (int)line.Length), _journalPath);
    }

    /// <summary>
    /// Reads the journal's lines from <paramref name="offset"/>. A complete line that fails its checksum is
    /// corruption. A last line without its newline is a write that never finished (the writer died), and is not
    /// applied; unless it is a whole entry that only lacks the newline, since that may be a saved write whose
    /// newline was lost, and applying it is right in both cases.
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

            Apply(JournalFormat.ParseEntry(new ReadOnlySpan<byte>(buffer, start, i - start), offset + start, _journalPath));
            start = i + 1;
        }

        _journalOffset = offset + start;
        var tail = new ReadOnlySpan<byte>(buffer, start, read - start);
        if (tail.Length == 0)
        {
            return;
        }

        if (JournalFormat.TryParseEntry(tail, out var whole))
        {
            Apply(whole);
            _journalOffset = offset + read;
            _journalNeedsNewline = true;
        }
        else if (JournalFormat.TryParseEntry(tail.Slice(0, tail.Length - 1), out _))
        {
            // A torn write is a prefix of its line, so it never holds a whole entry and then a stray byte.
            throw StoreErrors.Damaged(_journalPath, $"the entry at byte {offset + start} has a damaged line end");
        }
    }

    private void Apply(StoreChange change)
    {
        _table.Apply(change);
        _journalEntries += change.Count;
    }

    private void Append(StoreTransaction transaction)
    {
        // One buffer, one write: a newline first, used only when the last saved entry lost its own.
        var lines = new MemoryStream();
        lines.WriteByte((byte)'\n');
        JournalFormat.WriteEntry(lines, transaction.ToChange());

        FileStream? journal = null;
        var start = 1;
        try
        {
            if (!_journalCurrent)
            {
                StartJournal(_generation);
            }

            start = _journalNeedsNewline ? 0 : 1;
            journal = new FileStream(_journalPath, FileMode.Open, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete, 1);

            // Bytes past the last entry are a write whose process died before finishing it. They were never
            // acknowledged, so they are dropped before this write goes after the last entry.
            if (journal.Length != _journalOffset)
            {
                journal.SetLength(_journalOffset);
            }

            journal.Position = _journalOffset;
            journal.Write(lines.GetBuffer(), start, (int)lines.Length - start);
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

            throw StoreErrors.WriteFailed(DirectoryPath, _journalPath, ex, "The change was not saved; nothing was changed.");
        }
        finally
        {
            journal?.Dispose();
        }

        _journalOffset += lines.Length - start;
        _journalNeedsNewline = false;
        _journalEntries += transaction.PutCount;
    }

    /// <summary>Folds the journal into a new snapshot. The changes are already safe in the journal, so a failure here loses nothing.</summary>
    private void Compact()
    {
        var snapshot = _table.ToSnapshot(_generation + 1);
        try
        {
            SweepTemporaries();
            AtomicFile.Write(_snapshotPath, stream => SnapshotFormat.Write(stream, snapshot));
            _generation = snapshot.Generation;
            _snapshotCount = _table.Count;
            _snapshotStamp = SnapshotStamp();
            _journalCurrent = false;
            StartJournal(_generation);
            _olderFormat = false;
            if (_legacyFormat)
            {
                _legacyFormat = false;
                _lock.RestrictLockFile();
            }
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
        var header = JournalFormat.Header(generation);
        if (!File.Exists(_snapshotPath))
        {
            // A new store: write its (empty) snapshot first, so the folder always has one to check.
            AtomicFile.Write(_snapshotPath, stream => SnapshotFormat.Write(stream, new StoreSnapshot { Generation = generation }));
            _snapshotStamp = SnapshotStamp();
        }

        AtomicFile.Write(_journalPath, stream => stream.Write(header, 0, header.Length));
        _journalCurrent = true;
        _journalOffset = header.Length;
        _journalNeedsNewline = false;
        _journalEntries = 0;
    }

    /// <summary>Removes temporary files a killed writer left. This writer holds the lock, so no live writer owns them.</summary>
    private void SweepTemporaries()
    {
        try
        {
            AtomicFile.SweepTemporaries(DirectoryPath, SnapshotFileName, JournalFileName);
            _sweptTemporaries = true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _ = ex; // Left for the next writer; they take space, not data.
        }
    }

    private (long Length, DateTime WriteTime) SnapshotStamp()
    {
        var info = new FileInfo(_snapshotPath);
        return info.Exists ? (info.Length, info.LastWriteTimeUtc) : (-1, default);
    }

    private static byte[] ReadAllBytes(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
        var bytes = new byte[stream.Length];
        var read = 0;
        while (read < bytes.Length)
        {
            var n = stream.Read(bytes, read, bytes.Length - read);
            if (n == 0)
            {
                return bytes.AsSpan(0, read).ToArray();
            }

            read += n;
        }

        return bytes;
    }
}
