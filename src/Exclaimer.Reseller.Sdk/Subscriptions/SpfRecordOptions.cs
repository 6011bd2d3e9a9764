namespace Exclaimer.Reseller.Sdk;

/// <summary>What the SPF step needs (R14): the sending domain and the record it has now.</summary>
public sealed class SpfRecordOptions
{
    /// <summary>The sending domain, e.g. <c>contoso.com</c>. Required.</summary>
    public string? Domain { get; set; }

    /// <summary>The domain's current SPF record, as published; <see langword="null"/> when it has none.</summary>
    public string? CurrentRecord { get; set; }

    /// <summary>
    /// The subscription's data centre, which picks the include. The local engine knows it and refuses a
    /// different one; the Cloud API does not report it, so over the Cloud API it is required.
    /// </summary>
    public DataCenter? DataCenter { get; set; }
}
