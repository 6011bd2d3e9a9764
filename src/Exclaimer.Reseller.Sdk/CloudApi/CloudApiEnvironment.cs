namespace Exclaimer.Reseller.Sdk.CloudApi;

/// <summary>Which Exclaimer Cloud API a <see cref="CloudApiTransport"/> calls, by name.</summary>
public enum CloudApiEnvironment
{
    /// <summary>Production: <c>https://cloudapi.exclaimer.com</c>.</summary>
    Live = 0,

    /// <summary>Development and testing: <c>https://sandbox-cloudapi.exclaimer.com</c>. Live tokens do not work here, nor sandbox tokens on live.</summary>
    Sandbox = 1,
}
