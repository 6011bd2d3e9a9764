using System;
using Exclaimer.Reseller.Sdk.Transport;
using Microsoft.Extensions.Logging;

namespace Exclaimer.Reseller.Sdk;

/// <summary>Configures a <see cref="ResellerClient"/>.</summary>
public class ResellerClientOptions
{
    /// <summary>The largest page the client asks for; the Cloud API serves at most 200 items a page.</summary>
    public const int MaxPageSize = 200;

    private int _pageSize = 50;

    /// <summary>
    /// Where calls go. <see langword="null"/> (the default) means the embedded default: the local engine on
    /// its JSON file store at <see cref="Storage.JsonFileResellerStore.DefaultDirectory"/>, with invitations
    /// written to the outbox folder beside it. No server, no token.
    /// </summary>
    public ResellerTransport? Transport { get; set; }

    /// <summary>How many items a page holds when the caller gives no hint; 1 to <see cref="MaxPageSize"/>, default 50.</summary>
    public int PageSize
    {
        get => _pageSize;
        set => _pageSize = value is >= 1 and <= MaxPageSize
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"PageSize must be between 1 and {MaxPageSize}.");
    }

    /// <summary>Receives the client's log; the embedded default transport logs through it too. Secrets are never logged (R18).</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
