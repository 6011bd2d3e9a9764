using System;
using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;

namespace Exclaimer.Reseller.PowerShell.Hosting;

/// <summary>
/// The progress bar of a long pipeline (thousands of CSV rows): how many items are done (finished, not merely
/// started, when rows run concurrently) and which one is next.
/// It appears only once the command has run for a moment and is redrawn a few times a second, so short
/// commands show nothing and long ones do not spend their time drawing.
/// </summary>
internal sealed class PipelineProgress
{
    private const long RedrawMilliseconds = 250;

    private readonly Cmdlet _cmdlet;
    private readonly string _activity;
    private readonly int _activityId;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastDrawn;
    private int _started;
    private int _shownDone;
    private string? _item;
    private int? _total;
    private bool _shown;

    public PipelineProgress(Cmdlet cmdlet, string activity)
    {
        _cmdlet = cmdlet;
        _activity = activity;
        _activityId = activity.GetHashCode() & 0x7FFF;
    }

    /// <summary>Reports the next item; call on the pipeline thread before working on it.</summary>
    /// <param name="item">The item about to be worked on.</param>
    /// <param name="total">How many items there are, when known.</param>
    /// <param name="inFlight">How many earlier items are still in flight: they are not done yet.</param>
    public void Next(string item, int? total, int inFlight)
    {
        _item = item;
        _total = total;
        Draw(_started - inFlight);
        _started++;
    }

    /// <summary>Reports that an item in flight finished; call on the pipeline thread.</summary>
    /// <param name="inFlight">How many items are still in flight.</param>
    public void Finished(int inFlight) => Draw(_started - inFlight);

    private void Draw(int done)
    {
        var now = _clock.ElapsedMilliseconds;
        if (now - _lastDrawn < RedrawMilliseconds || _item is null)
        {
            return;
        }

        // Never backwards: a row counted while the next one was being prepared stays counted.
        done = _shownDone = Math.Max(_shownDone, done);
        _lastDrawn = now;
        _shown = true;
        var status = _total is { } count
            ? string.Format(CultureInfo.CurrentCulture, "{0} of {1} done", done, count)
            : string.Format(CultureInfo.CurrentCulture, "{0} done", done);
        _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, status)
        {
            CurrentOperation = _item,
            PercentComplete = _total is { } all && all > 0 ? Math.Min(100, done * 100 / all) : -1,
        });
    }

    /// <summary>Removes the bar, if it was shown.</summary>
    public void Complete()
    {
        if (_shown)
        {
            _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, "Done") { RecordType = ProgressRecordType.Completed });
            _shown = false;
        }
    }
}
