using System;
using System.Diagnostics;
using System.Reflection;
using System.Threading.Tasks;

namespace Exclaimer.Reseller.Sdk.Pipeline;

/// <summary>
/// The client's traces, as the Azure SDK makes them: a span per client operation (<c>ResellerClient.CreateSubscription</c>,
/// kind Internal) and, below it, a span per HTTP attempt (kind Client, OpenTelemetry's HTTP client conventions). Nothing
/// is built unless someone listens to <see cref="ResellerClient.ActivitySourceName"/>; no span carries the token, a
/// header, a body or an invitation link (R18).
/// </summary>
internal static class ClientTracing
{
    /// <summary>The OpenTelemetry convention's placeholder for a query value that is not known to be safe.</summary>
    public const string Redacted = "REDACTED";

    public static readonly ActivitySource Source = new(ResellerClient.ActivitySourceName, VersionOf(typeof(ClientTracing).Assembly));

    /// <summary>Whether anyone listens: checked before anything is built, so an untraced call pays one field read.</summary>
    public static bool IsEnabled => Source.HasListeners();

    /// <summary>
    /// Starts an operation span, or returns <see langword="null"/> when nobody listens, the listener does not sample it,
    /// or an operation of a client is already under way: an operation that calls another (a create that reads back what
    /// it made) is one span, with every HTTP attempt below it, as Azure.Core suppresses nested client spans.
    /// </summary>
    public static Activity? StartOperation(string name)
    {
        if (!Source.HasListeners() || IsOperation(Activity.Current))
        {
            return null;
        }

        return Source.StartActivity(name, ActivityKind.Internal);
    }

    /// <summary>
    /// Runs an operation under its span: started inside this wrapper, so it is current for the operation's HTTP attempts and
    /// never left current for the caller. Call it only when <see cref="IsEnabled"/>: untraced, the operation runs as it is,
    /// with no extra async layer (docs/benchmarks.md).
    /// </summary>
    public static async Task<T> OperationAsync<TState, T>(string name, SecretRedactor redactor, TState state, Func<TState, Task<T>> call)
    {
        using var activity = StartOperation(name);
        try
        {
            return await call(state).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Failed(activity, ex, redactor);
            throw;
        }
    }

    /// <inheritdoc cref="OperationAsync{TState, T}(string, SecretRedactor, TState, Func{TState, Task{T}})"/>
    public static async Task OperationAsync<TState>(string name, SecretRedactor redactor, TState state, Func<TState, Task> call)
    {
        using var activity = StartOperation(name);
        try
        {
            await call(state).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Failed(activity, ex, redactor);
            throw;
        }
    }

    /// <summary>Records a failure on a span: its status, <c>error.type</c> and an <c>exception</c> event, all redacted (R18).</summary>
    public static void Failed(Activity? activity, Exception exception, SecretRedactor? redactor)
    {
        if (activity is null || !activity.IsAllDataRequested)
        {
            return;
        }

        var message = redactor is null ? exception.Message : redactor.Redact(exception.Message);
        var type = exception.GetType().FullName;
        activity.SetTag("error.type", exception is ResellerException { ErrorCode: { Length: > 0 } code } ? code : type);
        activity.SetStatus(ActivityStatusCode.Error, message);
        activity.AddEvent(new ActivityEvent("exception", tags: new ActivityTagsCollection
        {
            ["exception.type"] = type,
            ["exception.message"] = message,
            ["exception.stacktrace"] = exception.StackTrace,
        }));
    }

    /// <summary>
    /// The address as <c>url.full</c>: scheme, host, port and path (the client never puts user info in it), and the query
    /// with every value the client does not know to be harmless replaced by <see cref="Redacted"/>.
    /// </summary>
    public static string FullUrl(Uri address)
    {
        var query = address.Query;
        var withoutQuery = address.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        if (query.Length <= 1)
        {
            return withoutQuery;
        }

        var parameters = query.Substring(1).Split('&');
        for (var i = 0; i < parameters.Length; i++)
        {
            var equals = parameters[i].IndexOf('=');
            var name = equals < 0 ? parameters[i] : parameters[i].Substring(0, equals);
            if (equals >= 0 && !IsPagingParameter(name))
            {
                parameters[i] = name + "=" + Redacted;
            }
        }

        return withoutQuery + "?" + string.Join("&", parameters);
    }

    private static bool IsOperation(Activity? activity) =>
        activity is not null && ReferenceEquals(activity.Source, Source) && activity.Kind == ActivityKind.Internal;

    /// <summary>The paging parameters the client sends (Cloud API contract); anything else is not the client's and is redacted.</summary>
    private static bool IsPagingParameter(string name) =>
        name.Equals("Page", StringComparison.OrdinalIgnoreCase)
        || name.Equals("PageSize", StringComparison.OrdinalIgnoreCase)
        || name.Equals("ContinuationToken", StringComparison.OrdinalIgnoreCase)
        || name.Equals("ActiveOnly", StringComparison.OrdinalIgnoreCase);

    private static string? VersionOf(Assembly assembly)
    {
        // "0.1.0+<commit>" (the informational version) becomes "0.1.0".
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var plus = version?.IndexOf('+') ?? -1;
        return plus < 0 ? version : version!.Substring(0, plus);
    }
}
