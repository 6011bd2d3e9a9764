using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace Exclaimer.Reseller.PowerShell.Binding;

/// <summary>
/// Binds a list written as text, <c>Admin;Editor</c> (how <c>Export-Csv</c> writes a user's roles, see
/// <see cref="TextList"/>), as its items, so an exported file imports again:
/// <c>Import-Csv users.csv | Set-ResellerSubscriptionUser</c>. Commas separate items too, as PowerShell's own enum
/// parsing does.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class TextListAttribute : ArgumentTransformationAttribute
{
    private static readonly char[] Separators = { ';', ',' };

    /// <inheritdoc />
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        IEnumerable<object?> items = value switch
        {
            string text => new[] { text },
            IEnumerable list => list.Cast<object?>(),
            _ => Array.Empty<object?>(),
        };
        var all = items.Select(item => item is PSObject inner ? inner.BaseObject : item).ToList();
        if (!all.Any(item => item is string text && text.IndexOfAny(Separators) >= 0))
        {
            return inputData;
        }

        // Blank parts are dropped, so "Admin;" is Admin; a cell with nothing in it is left to [BlankAsNull].
        return all.SelectMany(item => item is string text
                ? text.Split(Separators, StringSplitOptions.RemoveEmptyEntries).Select(part => part.Trim()).Where(part => part.Length > 0).Cast<object>()
                : new[] { item! })
            .ToArray();
    }
}
