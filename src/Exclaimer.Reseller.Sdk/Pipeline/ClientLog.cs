using Microsoft.Extensions.Logging;

namespace Exclaimer.Reseller.Sdk.Pipeline;

/// <summary>
/// The client's log events. They carry methods, paths, statuses, ids and timings; never a header,
/// a body, the token or an invitation link (R18).
/// </summary>
internal static partial class ClientLog
{
    [LoggerMessage(101, LogLevel.Debug, "{Method} {Path} answered {Status} in {ElapsedMs} ms (attempt {Attempt}).")]
    public static partial void Answered(ILogger logger, string method, string path, int status, long elapsedMs, int attempt);

    [LoggerMessage(102, LogLevel.Warning, "{Method} {Path} failed transiently ({Reason}); retry {Retry} of {MaxRetries} in {DelayMs} ms.")]
    public static partial void Retrying(ILogger logger, string method, string path, string reason, int retry, int maxRetries, long delayMs);

    [LoggerMessage(103, LogLevel.Information, "{Method} {Path} failed with {Status} after {Attempts} attempt(s).")]
    public static partial void Failed(ILogger logger, string method, string path, int status, int attempts);

    [LoggerMessage(104, LogLevel.Information, "Created subscription {SubscriptionId} ({Sku}, {UserCount} users).")]
    public static partial void Created(ILogger logger, string subscriptionId, string sku, int userCount);

    [LoggerMessage(105, LogLevel.Information, "Subscription {SubscriptionId} was created by an earlier attempt whose answer was lost; it was read back, not created again (R9).")]
    public static partial void CreateConfirmed(ILogger logger, string subscriptionId);

    [LoggerMessage(106, LogLevel.Warning, "Subscription {SubscriptionId} was {Action}, but reading it back failed ({ErrorCode}); the result holds what the call sent.")]
    public static partial void ReadBackFailed(ILogger logger, string subscriptionId, string action, string? errorCode);

    [LoggerMessage(107, LogLevel.Information, "Subscription {SubscriptionId} was {Action}.")]
    public static partial void Changed(ILogger logger, string subscriptionId, string action);

    [LoggerMessage(108, LogLevel.Information, "Subscription {SubscriptionId}: the Cloud API has no call for the connection; it is made in the portal (R11, R12).")]
    public static partial void StartIsInPortal(ILogger logger, string subscriptionId);

    [LoggerMessage(111, LogLevel.Information, "Started subscription {SubscriptionId} with {Deployment}.")]
    public static partial void Started(ILogger logger, string subscriptionId, DeploymentOptions deployment);

    [LoggerMessage(109, LogLevel.Warning, "Subscription {SubscriptionId}: the user count was changed but the name was not; the user count was set back to {UserCount} (R17).")]
    public static partial void UpdateRolledBack(ILogger logger, string subscriptionId, int userCount);

    [LoggerMessage(110, LogLevel.Error, "Subscription {SubscriptionId}: the user count was changed but the name was not, and setting the user count back to {UserCount} failed too ({ErrorCode}).")]
    public static partial void UpdateRollbackFailed(ILogger logger, string subscriptionId, int userCount, string? errorCode);

    [LoggerMessage(112, LogLevel.Information, "Subscription {SubscriptionId}: proposed an SPF record for {Domain} at {DnsLookups} DNS lookups, counted against DNS (current record from DNS: {FromDns}).")]
    public static partial void SpfProposed(ILogger logger, string subscriptionId, string domain, int dnsLookups, bool fromDns);

    [LoggerMessage(113, LogLevel.Warning, "{Method} {Path} was throttled (429, {InARow} in a row): the client sends nothing for {PauseMs} ms, then one request at a time until one gets through.")]
    public static partial void ClientThrottled(ILogger logger, string method, string path, long pauseMs, int inARow);
}
