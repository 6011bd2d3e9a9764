namespace Exclaimer.Reseller.Sdk.Spf;

/// <summary>
/// The result of an SPF check (RFC 7208 section 2.6). <see cref="SpfCheckResult.ResultName"/> gives the
/// lower-case name the RFC and Received-SPF headers use.
/// </summary>
public enum SpfResult
{
    /// <summary><c>none</c>: the domain has no SPF record, or is not a domain name that can have one.</summary>
    None,

    /// <summary><c>neutral</c>: the record makes no statement about the address.</summary>
    Neutral,

    /// <summary><c>pass</c>: the address may send for the domain.</summary>
    Pass,

    /// <summary><c>fail</c>: the address may not send for the domain.</summary>
    Fail,

    /// <summary><c>softfail</c>: the address is probably not allowed to send for the domain.</summary>
    SoftFail,

    /// <summary><c>temperror</c>: DNS did not answer in time or failed; checking again later may give a result.</summary>
    TempError,

    /// <summary><c>permerror</c>: the published records cannot be evaluated: a syntax error, two records, over a limit.</summary>
    PermError,
}
