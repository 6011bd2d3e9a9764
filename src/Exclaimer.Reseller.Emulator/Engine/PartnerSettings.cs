using System;

namespace Exclaimer.Reseller.Emulator.Engine;

/// <summary>What the emulator knows of the partner it answers as: the real API knows it from the token (R24).</summary>
internal sealed record PartnerSettings(EmulatorPartnerKind Kind, int? MailboxAllocation)
{
    public static readonly PartnerSettings Default = new(EmulatorPartnerKind.Marketplace, null);

    public bool IsMsp => Kind == EmulatorPartnerKind.Msp;

    public static PartnerSettings From(EmulatorOptions options)
    {
        if (options.PartnerKind is not (EmulatorPartnerKind.Marketplace or EmulatorPartnerKind.Reseller or EmulatorPartnerKind.Msp))
        {
            throw new ArgumentException("EmulatorOptions.PartnerKind must be Marketplace, Reseller or Msp.", nameof(options));
        }

        if (options.MailboxAllocation is { } allocation)
        {
            if (options.PartnerKind != EmulatorPartnerKind.Msp)
            {
                throw new ArgumentException("EmulatorOptions.MailboxAllocation is for an MSP on the Elite programme: set PartnerKind to Msp too.", nameof(options));
            }

            if (allocation < 0)
            {
                throw new ArgumentException("EmulatorOptions.MailboxAllocation cannot be negative.", nameof(options));
            }
        }

        return new PartnerSettings(options.PartnerKind, options.MailboxAllocation);
    }
}
