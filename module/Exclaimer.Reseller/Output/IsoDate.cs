using System;
using System.Globalization;
using System.Management.Automation;
using System.Reflection;

namespace Exclaimer.Reseller.PowerShell.Output;

/// <summary>
/// A date in the cmdlets' output that reads as ISO 8601 wherever PowerShell makes text of it (<c>Export-Csv</c>, views):
/// <c>2026-12-01T09:30:00Z</c>, in UTC, the same on every machine whatever its culture. It is still the date everywhere
/// else: <c>-lt (Get-Date)</c>, <c>-is [datetimeoffset]</c>, date arithmetic and <c>ConvertTo-Json</c> see the value itself.
/// </summary>
/// <remarks>
/// A <see cref="PSObject"/> around the value with a <c>ToString</c> code method: PowerShell asks an object's extended
/// <c>ToString</c> first when it makes text of it, and unwraps it for everything else. A culture's own format
/// (<c>12/01/2026 09:30:00 +00:00</c>, <c>01.12.2026 ...</c>) would read differently, or not at all, on another machine.
/// </remarks>
public static class IsoDate
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    private static readonly MethodInfo AsText = typeof(IsoDate).GetMethod(nameof(ToText), BindingFlags.Public | BindingFlags.Static)!;

    /// <summary>The ISO 8601 text of the date an output object holds; called by PowerShell as the object's <c>ToString</c>.</summary>
    /// <param name="instance">The output value.</param>
    public static string ToText(PSObject instance) =>
        instance?.BaseObject is DateTimeOffset moment ? Text(moment) : instance?.BaseObject?.ToString() ?? string.Empty;

    /// <summary>The ISO 8601 text of <paramref name="moment"/>, in UTC: <c>2026-12-01T09:30:00Z</c>.</summary>
    internal static string Text(DateTimeOffset moment) => moment.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>The output form of <paramref name="moment"/>.</summary>
    internal static PSObject Of(DateTimeOffset moment)
    {
        var value = new PSObject(moment);
        value.Methods.Add(new PSCodeMethod("ToString", AsText));
        return value;
    }
}
