namespace Exclaimer.Reseller.Emulator;

/// <summary>
/// Which kind of Exclaimer partner the emulator answers as (<see cref="EmulatorOptions.PartnerKind"/>). The real API
/// knows it from the token; some operations and fields depend on it.
/// </summary>
public enum EmulatorPartnerKind
{
    /// <summary>
    /// A Marketplace partner, as the emulator has always answered: <c>Reseller.Domain</c> is optional on a create, and the
    /// MSP operations (<c>/1.0/msp/...</c>) are refused with 403.
    /// </summary>
    Marketplace = 0,

    /// <summary>A reseller outside the Marketplace: a create needs <c>Reseller.Domain</c>; the MSP operations are refused with 403.</summary>
    Reseller,

    /// <summary>
    /// A Managed Service Provider: the MSP operations answer, and every subscription is Pro (the SKUs <c>EXCL-M-PRO</c>
    /// and <c>EXCL-G-PRO</c>, the tier <c>ExclaimerPro</c>), as the API allows MSPs. With
    /// <see cref="EmulatorOptions.MailboxAllocation"/>, an MSP on the Elite programme.
    /// </summary>
    Msp,
}
