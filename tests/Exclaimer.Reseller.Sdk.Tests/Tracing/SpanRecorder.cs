using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Exclaimer.Reseller.Emulator;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Exclaimer.Reseller.Sdk.Tests.Tracing;

/// <summary>
/// The client's and the emulator's spans as an OpenTelemetry exporter receives them. Each call runs under its own root
/// span and only its own trace is read back, as other tests trace at the same time.
/// </summary>
internal sealed class SpanRecorder : IDisposable
{
    public static readonly ActivitySource TestSource = new("Exclaimer.Reseller.Sdk.Tests.Tracing");

    private readonly List<Activity> _exported = new();
    private readonly TracerProvider _tracing;

    public SpanRecorder()
    {
        _tracing = OpenTelemetry.Sdk.CreateTracerProviderBuilder()
            .AddSource(TestSource.Name, ResellerClient.ActivitySourceName, ResellerEmulator.ActivitySourceName)
            .SetSampler(new AlwaysOnSampler())
            .AddInMemoryExporter(_exported)
            .Build()!;
    }

    public void Dispose() => _tracing.Dispose();

    /// <summary>Runs <paramref name="calls"/> under a root span of its own and returns the spans of its trace, root included.</summary>
    public async Task<List<Activity>> TraceAsync(Func<Task> calls)
    {
        ActivityTraceId trace;
        using (var root = TestSource.StartActivity("test")!)
        {
            trace = root.TraceId;
            await calls();
        }

        _tracing.ForceFlush();
        lock (_exported)
        {
            return _exported.Where(s => s.TraceId == trace).OrderBy(s => s.StartTimeUtc).ToList();
        }
    }

    /// <summary>The client's operation spans (kind Internal).</summary>
    public static List<Activity> Operations(IEnumerable<Activity> spans) =>
        spans.Where(s => s.Kind == ActivityKind.Internal && s.Source.Name == ResellerClient.ActivitySourceName).ToList();

    /// <summary>The client's HTTP attempt spans (kind Client), in the order they started.</summary>
    public static List<Activity> ClientSpans(IEnumerable<Activity> spans) =>
        spans.Where(s => s.Kind == ActivityKind.Client).OrderBy(s => s.StartTimeUtc).ToList();

    /// <summary>Every text a span gives an exporter: its name, status, tags, events and their tags, and baggage.</summary>
    public static IEnumerable<string> Texts(Activity span)
    {
        yield return span.DisplayName;
        yield return span.StatusDescription ?? string.Empty;
        foreach (var tag in span.TagObjects)
        {
            yield return tag.Key + "=" + tag.Value;
        }

        foreach (var item in span.Baggage)
        {
            yield return item.Key + "=" + item.Value;
        }

        foreach (var e in span.Events)
        {
            yield return e.Name;
            foreach (var tag in e.Tags)
            {
                yield return tag.Key + "=" + tag.Value;
            }
        }
    }
}
