using System;
using System.Text.Json.Serialization.Metadata;

namespace Exclaimer.Reseller.Sdk.Pipeline;

/// <summary>
/// The state one call carries through its attempts: what is sent, what is expected back, how many attempts were
/// made and when the call began, from which the overall timeout's remaining budget is read.
/// </summary>
internal sealed class CloudApiCall
{
    private readonly ClientSettings _settings;
    private readonly long _started;

    public CloudApiCall(ClientSettings settings, CloudApiRequest request, JsonTypeInfo? responseType)
    {
        _settings = settings;
        _started = settings.TimeProvider.GetTimestamp();
        Request = request;
        ResponseType = responseType;
    }

    public CloudApiRequest Request { get; }

    public JsonTypeInfo? ResponseType { get; }

    public int Attempts { get; set; }

    /// <summary>A first attempt's transient failure, handed once to the retry pipeline as its own first outcome.</summary>
    public Polly.Outcome<CloudApiReply>? Replay { get; set; }

    public Polly.Outcome<CloudApiReply>? TakeReplay()
    {
        var replay = Replay;
        Replay = null;
        return replay;
    }

    /// <summary>What is left of <see cref="ClientSettings.OverallTimeout"/>, or <see langword="null"/> when there is none.</summary>
    public TimeSpan? Remaining => _settings.OverallTimeout is { } overall
        ? overall - _settings.TimeProvider.GetElapsedTime(_started)
        : null;

    public bool IsOutOfTime => Remaining is { } left && left <= TimeSpan.Zero;

    /// <summary>Set when the client's throttle already knows no attempt can be made in time: the call is not retried.</summary>
    public bool NoMoreAttempts { get; set; }

    /// <summary>
    /// How long the next attempt may take: the attempt timeout, cut to what is left of the overall one.
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for no limit; zero when the overall time is spent.
    /// </summary>
    public TimeSpan AttemptBudget()
    {
        var attempt = _settings.AttemptTimeout ?? System.Threading.Timeout.InfiniteTimeSpan;
        if (Remaining is not { } left)
        {
            return attempt;
        }

        if (left <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        return attempt == System.Threading.Timeout.InfiniteTimeSpan || left < attempt ? left : attempt;
    }
}
