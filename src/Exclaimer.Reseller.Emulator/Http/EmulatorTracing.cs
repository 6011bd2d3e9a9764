using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Reflection;

namespace Exclaimer.Reseller.Emulator.Http;

/// <summary>
/// The emulator's side of a trace: a span per request it answers (kind Server, OpenTelemetry's HTTP server conventions),
/// so an in-process trace shows the client's attempt and the server's work below it. Only when someone listens to
/// <see cref="ResellerEmulator.ActivitySourceName"/>; never a header, a body or a query value (R18).
/// </summary>
internal static class EmulatorTracing
{
    public static readonly ActivitySource Source = new(
        ResellerEmulator.ActivitySourceName,
        typeof(EmulatorTracing).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0]);

    public static Activity? Start(HttpRequestMessage request)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity(request.Method.Method, ActivityKind.Server);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("http.request.method", request.Method.Method);
            activity.SetTag("url.path", request.RequestUri?.AbsolutePath);
        }

        return activity;
    }

    /// <summary>The answer's status; a 5xx marks the span failed (a 4xx is the caller's error, not the server's).</summary>
    public static void Answered(Activity? activity, int status)
    {
        if (activity is not { IsAllDataRequested: true })
        {
            return;
        }

        activity.SetTag("http.response.status_code", status);
        if (status >= 500)
        {
            activity.SetTag("error.type", status.ToString(CultureInfo.InvariantCulture));
            activity.SetStatus(ActivityStatusCode.Error);
        }
    }
}
