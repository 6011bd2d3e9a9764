using System;
using System.Management.Automation;
using Exclaimer.Reseller.PowerShell.Errors;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Hosting;

/// <summary>The <c>-From</c>/<c>-To</c> pair of the MSP usage cmdlets (R24): both or neither, the first day not after the last.</summary>
internal static class UsagePeriods
{
    /// <summary>The period given, or <see langword="null"/>; stops the command when only one end is given or they are the wrong way round.</summary>
    public static UsagePeriod? Of(ResellerCmdlet cmdlet, DateTime? from, DateTime? to)
    {
        if (from is null && to is null)
        {
            return null;
        }

        ResellerValidationException? refusal = null;
        if (from is null || to is null)
        {
            var missing = from is null ? "From" : "To";
            refusal = new ResellerValidationException(missing, "R24", $"{missing} is required with {(from is null ? "To" : "From")}: a usage period has a first and a last day (R24).", ResellerErrorCodes.MissingField);
        }
        else if (from.Value.Date > to.Value.Date)
        {
            refusal = new ResellerValidationException("From", "R24", $"From ({from.Value:yyyy-MM-dd}) is after To ({to.Value:yyyy-MM-dd}): the period's first day comes first (R24).");
        }

        if (refusal is not null)
        {
            cmdlet.StopWith(refusal);
        }

        return new UsagePeriod(from!.Value, to!.Value);
    }
}
