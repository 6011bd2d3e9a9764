using Microsoft.Extensions.Logging;

namespace Exclaimer.Reseller.Emulator.Engine;

/// <summary>The emulator's log events. They carry ids, names and counts, never an invitation link or a token (R18).</summary>
internal static partial class EngineLog
{
    [LoggerMessage(1, LogLevel.Information, "Created subscription {SubscriptionId} ({Sku}, {UserCount} users).")]
    public static partial void Created(ILogger logger, string subscriptionId, string sku, int userCount);

    [LoggerMessage(2, LogLevel.Information, "Started subscription {SubscriptionId} with {Deployment}.")]
    public static partial void Started(ILogger logger, string subscriptionId, string deployment);

    [LoggerMessage(3, LogLevel.Information, "Subscription {SubscriptionId} was {Action}.")]
    public static partial void Changed(ILogger logger, string subscriptionId, string action);

    [LoggerMessage(4, LogLevel.Information, "Added a user with roles {Roles} to subscription {SubscriptionId}.")]
    public static partial void UserAdded(ILogger logger, string roles, string subscriptionId);

    [LoggerMessage(5, LogLevel.Information, "Removed a user from subscription {SubscriptionId}.")]
    public static partial void UserRemoved(ILogger logger, string subscriptionId);

    [LoggerMessage(6, LogLevel.Information, "Sent the invitation for subscription {SubscriptionId} to the customer contact.")]
    public static partial void InvitationSent(ILogger logger, string subscriptionId);

    [LoggerMessage(7, LogLevel.Warning, "The invitation for subscription {SubscriptionId} could not be sent ({ErrorType}); send it again later.")]
    public static partial void InvitationFailed(ILogger logger, string subscriptionId, string errorType);

    [LoggerMessage(8, LogLevel.Warning, "The invitation outcome for subscription {SubscriptionId} could not be recorded ({ErrorCode}).")]
    public static partial void InvitationNotRecorded(ILogger logger, string subscriptionId, string? errorCode);

    [LoggerMessage(9, LogLevel.Error, "{Method} {Path} failed inside the emulator; answered 500.")]
    public static partial void Failed(ILogger logger, string method, string path, System.Exception exception);

    [LoggerMessage(10, LogLevel.Warning, "The emulator's store failed for {Method} {Path} ({ErrorCode}); answered 500.")]
    public static partial void StoreFailed(ILogger logger, string method, string path, string? errorCode);

    [LoggerMessage(11, LogLevel.Information, "Stored {Kind} {Id}.")]
    public static partial void DirectoryChanged(ILogger logger, string kind, string id);

    [LoggerMessage(12, LogLevel.Information, "Created MSP subscription {SubscriptionId} ({Sku}).")]
    public static partial void MspCreated(ILogger logger, string subscriptionId, string sku);
}
