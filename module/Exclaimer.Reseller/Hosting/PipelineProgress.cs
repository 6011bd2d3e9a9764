using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;

namespace Exclaimer.Reseller.PowerShell.Hosting;

/// <summary>
/// The progress bar of a long pipeline (thousands of CSV rows): how many items are done and which one is next.
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
    private int _done;
    private bool _shown;

    public PipelineProgress(Cmdlet cmdlet, string activity)
    {
        _cmdlet = cmdlet;
        _activity = activity;
        _activityId = activity.GetHashCode() & 0x7FFF;
    }

    /// <summary>Reports the next item; call on the pipeline thread before working on it.</summary>
    public void Next(string item, int? total = null)
    {
        var now = _clock.ElapsedMilliseconds;
        if (now - _lastDrawn >= RedrawMilliseconds)
        {
            _lastDrawn = now;
            _shown = true;
            var status = total is { } count
                ? string.Format(CultureInfo.CurrentCulture, "{0} of {1} done", _done, count)
                : string.Format(CultureInfo.CurrentCulture, "{0} done", _done);
            _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, status)
            {
                CurrentOperation = item,
                PercentComplete = total is { } all && all > 0 ? _done * 100 / all : -1,
            });
        }

        _done++;
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
