namespace Exclaimer.Reseller.Sdk;

/// <summary>The credentials were missing, invalid, or do not allow the call (HTTP 401 or 403).</summary>
public class ResellerAuthenticationException : ResellerException
{
    /// <summary>Creates the exception.</summary>
    public ResellerAuthenticationException(int status, string errorCode, string message)
        : base(status, errorCode, message)
    {
    }
}
