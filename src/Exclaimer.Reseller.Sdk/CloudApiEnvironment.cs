namespace Exclaimer.Reseller.Sdk;

/// <summary>Which Exclaimer Cloud API a <see cref="ResellerClient"/> calls, by name (<see cref="ResellerClientOptions.Environment"/>).</summary>
public enum CloudApiEnvironment
{
    /// <summary>Production: <c>https://cloudapi.exclaimer.com</c>.</summary>
    Live = 0,

    /// <summary>Development and testing: <c>https://sandbox-cloudapi.exclaimer.com</c>. Live tokens do not work here, nor sandbox tokens on live.</summary>
    Sandbox = 1,
}
