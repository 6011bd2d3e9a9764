using System.Collections.Generic;
using Exclaimer.Reseller.Sdk.Spf;

namespace Exclaimer.Reseller.Sdk;

/// <summary>What the SPF step needs (R14): the sending domain and, optionally, the record it has now and where to ask DNS.</summary>
public sealed class SpfRecordOptions
{
    /// <summary>The sending domain, e.g. <c>contoso.com</c>; default the mail domain the subscription was created for.</summary>
    public string? Domain { get; set; }

    /// <summary>
    /// The domain's current SPF record, for a check before DNS changes; it wins over what DNS publishes.
    /// <see langword="null"/> or blank (the default): the record is read from DNS. Only a domain that does not exist or
    /// publishes no SPF record is taken to have none; more than one record, a failed lookup or a timeout is an error.
    /// </summary>
    public string? CurrentRecord { get; set; }

    /// <summary>
    /// The subscription's data centre, which picks the include. The local engine knows it and refuses a
    /// different one; the Cloud API does not report it, so over the Cloud API it is required.
    /// </summary>
    public DataCenter? DataCenter { get; set; }

    /// <summary>
    /// The DNS servers to ask for this call, in order. Empty (the default): the client's
    /// (<see cref="ResellerClientOptions.Dns"/>), which default to the machine's own resolvers.
    /// </summary>
    public IList<SpfNameServer> NameServers { get; } = new List<SpfNameServer>();
}
