using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Output;

/// <summary>
/// What the cmdlets write for an SDK model: a PowerShell object with the model's type name first (so the views,
/// the type extensions and <c>Get-Member</c> know it as before) and the model's properties under their own names,
/// with enum values as their names, lists as <see cref="TextList"/>s and dates as <see cref="IsoDate"/>s.
/// </summary>
/// <remarks>
/// Why not the model itself: <c>ConvertTo-Json</c> reads a .NET object's properties by reflection and writes enums as
/// numbers (<c>"Status": 1</c>), and <c>Export-Csv</c> writes a list as its type name. A types.ps1xml member can only
/// add a property, never replace one the type has, so the values must already be in the form those cmdlets export.
/// Property names and order are the model's, so nothing that reads them by name changes.
/// </remarks>
internal static class OutputView
{
    private static readonly Assembly Sdk = typeof(Subscription).Assembly;
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    /// <summary>The output form of <paramref name="value"/>: SDK models become views; anything else is written as it is.</summary>
    public static object? For(object? value) =>
        value switch
        {
            null => null,
            Enum named => named.ToString(),
            DateTimeOffset moment => IsoDate.Of(moment),
            string or PSObject => value,
            IDictionary => value,
            IEnumerable list => new TextList(list.Cast<object?>().Select(item => For(item)!).ToList()),
            _ when IsModel(value.GetType()) => View(value),
            _ => value,
        };

    /// <summary>
    /// Whether <paramref name="value"/> is the output form of an SDK model of type <typeparamref name="T"/>, also after
    /// <c>Select-Object -First</c>, which puts a type name of its own in front.
    /// </summary>
    public static bool Is<T>(PSObject? value) =>
        value is not null && (value.BaseObject is T || value.TypeNames.Contains(typeof(T).FullName!));

    /// <summary>
    /// The output form of <paramref name="model"/> with one property put first that the model does not carry itself, e.g.
    /// the <c>SubscriptionId</c> a mailbox count is of, so the object pipes on by property name and exports as one row.
    /// </summary>
    public static PSObject For(object model, string leadingName, object? leadingValue)
    {
        var view = new PSObject();
        view.Properties.Add(new PSNoteProperty(leadingName, For(leadingValue)));
        return View(model, view);
    }

    private static PSObject View(object model, PSObject? view = null)
    {
        var type = model.GetType();
        view ??= new PSObject();
        foreach (var property in Properties.GetOrAdd(type, Readable))
        {
            if (view.Properties[property.Name] is not null)
            {
                continue;
            }

            var value = property.GetValue(model);
            var shown = For(value);
            if (shown is PSObject nested && value is not null && IsModel(value.GetType()))
            {
                // A model inside a model (NfrDetails) reads as one cell wherever it becomes text; a top-level one keeps
                // PowerShell's own text.
                ModelText.Attach(nested);
            }

            view.Properties.Add(new PSNoteProperty(property.Name, shown));
        }

        view.TypeNames.Insert(0, type.FullName!);
        return view;
    }

    private static bool IsModel(Type type) => type.Assembly == Sdk && type.IsClass;

    private static PropertyInfo[] Readable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.GetMethod is { IsPublic: true } && property.GetIndexParameters().Length == 0)
            .ToArray();
}
