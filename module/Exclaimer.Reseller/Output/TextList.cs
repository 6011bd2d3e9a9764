using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Exclaimer.Reseller.PowerShell;

/// <summary>
/// A list in the cmdlets' output (a user's <c>Roles</c>) that reads as text where PowerShell makes text of it:
/// <c>Export-Csv</c> writes <c>Admin;Editor</c>, not the list's type name. It is still a list everywhere else: it
/// enumerates, <c>-contains</c> works, views show <c>{Admin, Editor}</c> and <c>ConvertTo-Json</c> writes an array.
/// </summary>
public sealed class TextList : ReadOnlyCollection<object>
{
    /// <summary>The separator in the text form; ';' because ',' separates CSV columns.</summary>
    public const string Separator = ";";

    /// <summary>Creates the list.</summary>
    /// <param name="items">The items, in order.</param>
    public TextList(IList<object> items)
        : base(items)
    {
    }

    /// <summary>The items joined by <see cref="Separator"/>, e.g. <c>Admin;Editor</c>.</summary>
    public override string ToString() => string.Join(Separator, this);
}
