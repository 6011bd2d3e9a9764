namespace Exclaimer.Reseller.Sdk;

/// <summary>One sender's signature usage in an MSP subscription (R24; <c>GET .../senders/json</c>).</summary>
public sealed record MspSender
{
    /// <summary>The sender's user id (the Cloud API spells it <c>UserId</c> here).</summary>
    public string? UserId { get; init; }

    /// <summary>The sender's address.</summary>
    public string Sender { get; init; } = string.Empty;

    /// <summary>Messages in all.</summary>
    public int Total { get; init; }

    /// <summary>Messages signed server-side.</summary>
    public int ImprintedServer { get; init; }

    /// <summary>Messages signed in the cloud.</summary>
    public int ImprintedCloud { get; init; }

    /// <summary>Messages signed on premises.</summary>
    public int ImprintedOnPremises { get; init; }

    /// <summary>Messages signed in Outlook.</summary>
    public int Outlook { get; init; }

    /// <summary>Messages signed in Gmail.</summary>
    public int Gmail { get; init; }
}
