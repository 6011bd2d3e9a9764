using System.Collections.Generic;

namespace Exclaimer.Reseller.PowerShell.Completion;

/// <summary>Completes <c>-Currency</c> with the currencies the Cloud API bills in (R3).</summary>
public sealed class CurrencyCompleter : FixedValuesCompleter
{
    private static readonly string[] Currencies = { "GBP", "USD", "EUR", "AUD", "CAD" };

    private protected override IReadOnlyList<string> Values => Currencies;
}
