using System;
using System.Management.Automation;
using Exclaimer.Reseller.PowerShell.Output;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Hosting;

/// <summary>
/// A subscription piped from <c>Get-ResellerSubscription</c> into a change: its own properties bound to the change's
/// parameters by name too (UserCount, Tier, ResellerId...). A value that only repeats what was listed is not a change,
/// so it is never sent back, and a change someone made since the listing is never undone (R17).
/// </summary>
internal sealed class PipedSubscription
{
    private readonly PSObject _listed;

    private PipedSubscription(PSObject listed)
    {
        _listed = listed;
    }

    /// <summary>The piped subscription, or <see langword="null"/> when what was piped is not one (a CSV row, an id).</summary>
    public static PipedSubscription? Of(PSObject? input) => OutputView.Is<Subscription>(input) ? new PipedSubscription(input!) : null;

    /// <summary>The listed value of <paramref name="property"/>, as the output has it (enums as names).</summary>
    public object? Listed(string property)
    {
        var value = _listed.Properties[property]?.Value;
        return value is PSObject wrapped ? wrapped.BaseObject : value;
    }

    /// <summary>
    /// Whether <paramref name="given"/> only repeats the listed <paramref name="property"/>. Text is compared exactly (a
    /// customer name with other capitals is a rename) unless <paramref name="ignoreCase"/> (a SKU).
    /// </summary>
    public bool Repeats(string property, object? given, bool ignoreCase = false)
    {
        var listed = Listed(property);
        return given switch
        {
            null => listed is null,
            string text => listed is string same && string.Equals(text, same, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal),
            Enum named => listed is string name && string.Equals(named.ToString(), name, StringComparison.OrdinalIgnoreCase),
            _ => Equals(given, listed),
        };
    }
}
