using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Exclaimer.Reseller.Sdk.Pipeline;

/// <summary>
/// A read-only view of a response body that fails once more than a limit has been read, so a body that is too large,
/// or one that never ends, costs at most the limit in memory (<see cref="ResellerClientOptions.MaxResponseSize"/>).
/// </summary>
internal sealed class BoundedReadStream : Stream
{
    private readonly Stream _inner;
    private readonly long _limit;
    private long _read;

    public BoundedReadStream(Stream inner, long limit)
    {
        _inner = inner;
        _limit = limit;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(_inner.Read(buffer, offset, count));

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
#if NET
        Count(await _inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken).ConfigureAwait(false));
#else
        Count(await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false));
#endif

#if NET
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));
#endif

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(int read)
    {
        _read += read;
        return _read > _limit ? throw new LimitExceededException() : read;
    }

    /// <summary>The body passed the limit. Not an <see cref="IOException"/>: it is no transient failure to retry.</summary>
    internal sealed class LimitExceededException : Exception
    {
        public LimitExceededException()
            : base("The response body is larger than the limit.")
        {
        }
    }
}
