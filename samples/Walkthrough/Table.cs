using System;
using System.Globalization;
using System.Text;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.Samples.Walkthrough;

/// <summary>
/// Prints subscriptions the way the portal's overview shows them (customer, users, status), row by row as
/// the pages arrive: a list is never loaded whole (R2).
/// </summary>
internal static class Table
{
    private static readonly CompositeFormat Row = CompositeFormat.Parse("  {0,-24} {1,6}  {2,-10} {3,-16} {4,-8} {5}");

    public static async Task PrintAsync(AsyncPageable<Subscription> subscriptions)
    {
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, Row, "Customer", "Users", "Status", "Product", "In trial", "Subscription id"));
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, Row, new string('-', 24), "-----", "------", "-------", "--------", "---------------"));
        var rows = 0;
        await foreach (var s in subscriptions)
        {
            var customer = s.CustomerName.Length > 24 ? string.Concat(s.CustomerName.AsSpan(0, 23), "…") : s.CustomerName;
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, Row, customer, s.UserCount, s.Status, s.Product, s.InTrial ? "yes" : "no", s.SubscriptionId));
            rows++;
        }

        if (rows == 0)
        {
            Console.WriteLine("  (none)");
        }
    }
}
