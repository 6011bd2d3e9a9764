namespace Exclaimer.Reseller.Sdk;

/// <summary>The subscription, user or route does not exist (HTTP 404).</summary>
public class ResellerNotFoundException : ResellerException
{
    /// <summary>Creates the exception.</summary>
    public ResellerNotFoundException(string errorCode, string message)
        : base(404, errorCode, message)
    {
    }

    internal static ResellerNotFoundException Subscription(string subscriptionId) =>
        new("SubscriptionNotFound", $"No subscription has the id '{subscriptionId}'.") { Target = subscriptionId };
}
