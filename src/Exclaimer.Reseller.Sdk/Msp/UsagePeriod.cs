using System;

namespace Exclaimer.Reseller.Sdk;

/// <summary>
/// The days a usage report covers, first and last included (the Cloud API's <c>DateFrom</c> and <c>DateTo</c>, sent as
/// <c>YYYY-MM-DD</c>; only the date part is used).
/// </summary>
public sealed record UsagePeriod
{
    /// <summary>Creates a period from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    /// <exception cref="ArgumentException"><paramref name="from"/> is after <paramref name="to"/>.</exception>
    public UsagePeriod(DateTime from, DateTime to)
    {
        if (from.Date > to.Date)
        {
            throw new ArgumentException($"The period starts on {from:yyyy-MM-dd}, after it ends on {to:yyyy-MM-dd}.", nameof(from));
        }

        From = from.Date;
        To = to.Date;
    }

    /// <summary>The first day.</summary>
    public DateTime From { get; }

    /// <summary>The last day.</summary>
    public DateTime To { get; }

    /// <summary>The calendar month that holds <paramref name="day"/>.</summary>
    public static UsagePeriod MonthOf(DateTime day) =>
        new(new DateTime(day.Year, day.Month, 1), new DateTime(day.Year, day.Month, DateTime.DaysInMonth(day.Year, day.Month)));
}
