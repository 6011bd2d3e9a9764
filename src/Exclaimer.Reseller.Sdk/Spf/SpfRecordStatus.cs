namespace Exclaimer.Reseller.Sdk.Spf;

/// <summary>What reading a domain's SPF record from DNS found (RFC 7208 section 4.4 and 4.5).</summary>
public enum SpfRecordStatus
{
    /// <summary>Exactly one SPF record: <see cref="SpfRecordLookup.Record"/> holds it.</summary>
    Found,

    /// <summary>The domain exists but publishes no SPF record; check_host gives <c>none</c>.</summary>
    NoRecord,

    /// <summary>The domain does not exist (NXDOMAIN); check_host gives <c>none</c>.</summary>
    NoSuchDomain,

    /// <summary>More than one SPF record: check_host gives <c>permerror</c> (RFC 7208 section 4.5), whatever they say.</summary>
    MoreThanOneRecord,

    /// <summary>DNS did not answer in time or failed; check_host gives <c>temperror</c>. This does not mean there is no record.</summary>
    TemporaryError,
}
