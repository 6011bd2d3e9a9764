using System;
using Exclaimer.Reseller.Emulator.Invitations;
using Exclaimer.Reseller.Emulator.Storage;
using Microsoft.Extensions.Logging;

namespace Exclaimer.Reseller.Emulator;

/// <summary>Configures a <see cref="ResellerEmulator"/>: where it keeps its data, how invitations go out, and which token it requires.</summary>
public sealed class EmulatorOptions
{
    /// <summary>
    /// Where subscriptions are kept. <see langword="null"/>: a <see cref="JsonFileResellerStore"/> in its default folder
    /// (<see cref="JsonFileResellerStore.DefaultDirectory"/>). The emulator disposes a store it created, never one given here.
    /// </summary>
    public ResellerStore? Store { get; set; }

    /// <summary>
    /// Delivers customer invitations (R6). <see langword="null"/>: an <see cref="OutboxInvitationSender"/> writing
    /// <c>.eml</c> files into the <c>outbox</c> folder beside a file store, or an <see cref="InMemoryInvitationSender"/>
    /// with an <see cref="InMemoryResellerStore"/>. Any other store needs a sender given here.
    /// </summary>
    public InvitationSender? InvitationSender { get; set; }

    /// <summary>
    /// The <c>ExAPIToken</c> every request must carry; a request without it gets 401, as from the real API.
    /// <see langword="null"/> (the default): any token, or none, is accepted.
    /// </summary>
    public string? ApiToken { get; set; }

    /// <summary>The path segment the contract is served under: <c>exclaimerapi</c>, as the real API's.</summary>
    public string ApiSegment { get; set; } = "exclaimerapi";

    /// <summary>The clock for trials, archive dates and invitations (R7). Default: the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Receives the emulator's log. Secrets are never logged (R18).</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The portal whose pages a start points at (R12) and invitation links lead to.</summary>
    public Uri PortalUri { get; set; } = new("https://portal.exclaimer.com/", UriKind.Absolute);

    /// <summary>
    /// Which kind of partner the emulator answers as: <see cref="EmulatorPartnerKind.Marketplace"/> (the default),
    /// <see cref="EmulatorPartnerKind.Reseller"/> or <see cref="EmulatorPartnerKind.Msp"/>. The MSP operations answer only
    /// for an MSP; for any other partner they are refused with 403, as by the real API (R24).
    /// </summary>
    public EmulatorPartnerKind PartnerKind { get; set; } = EmulatorPartnerKind.Marketplace;

    /// <summary>
    /// The mailbox allocation of an MSP on the Elite programme (<c>GET /1.0/mailbox-allocation</c>): the licensed mailboxes
    /// of all its current subscriptions must stay within it (R23). <see langword="null"/> (the default): not on the
    /// programme, and the allocation call is refused with 403. Needs <see cref="PartnerKind"/> <see cref="EmulatorPartnerKind.Msp"/>.
    /// </summary>
    public int? MailboxAllocation { get; set; }
}
