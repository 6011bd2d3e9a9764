using System;
using Exclaimer.Reseller.Sdk.LocalEngine.Invitations;
using Exclaimer.Reseller.Sdk.Storage;
using Microsoft.Extensions.Logging;

namespace Exclaimer.Reseller.Sdk.LocalEngine;

/// <summary>Configures the local engine behind a <see cref="LocalTransport"/>.</summary>
public sealed class LocalEngineOptions
{
    /// <summary>
    /// Where subscriptions are kept. <see langword="null"/>: a <see cref="JsonFileResellerStore"/> in its default
    /// folder. The transport disposes a store it created, never one given here.
    /// </summary>
    public ResellerStore? Store { get; set; }

    /// <summary>
    /// Delivers customer invitations (R6). <see langword="null"/>: an <see cref="OutboxInvitationSender"/> writing
    /// <c>.eml</c> files into the <c>outbox</c> folder beside a file store, or an <see cref="InMemoryInvitationSender"/>
    /// with an <see cref="InMemoryResellerStore"/>. Any other store needs a sender given here.
    /// </summary>
    public InvitationSender? InvitationSender { get; set; }

    /// <summary>The clock for trials, archive dates and invitations (R7). Default: the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Receives the engine's log. Secrets are never logged (R18).</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// The reseller's admin address: it owns subscriptions without customer access (R4), as the Cloud API
    /// needs an owner for every subscription. When <see langword="null"/>, such subscriptions have no owner
    /// until users are added.
    /// </summary>
    public string? ResellerAdminEmail { get; set; }

    /// <summary>The country used to pick a data centre when a new subscription gives neither (R3). Default <c>GB</c>, as the Cloud API's default currency is GBP.</summary>
    public string DefaultCountryCode { get; set; } = "GB";

    /// <summary>The portal whose pages starting a subscription points at (R12).</summary>
    public Uri PortalUri { get; set; } = new("https://portal.exclaimer.com/", UriKind.Absolute);
}
