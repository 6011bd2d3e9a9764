using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Exclaimer.Reseller.Emulator;
using Exclaimer.Reseller.Emulator.Invitations;
using Exclaimer.Reseller.Emulator.Storage;
using Exclaimer.Reseller.Sdk.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Exclaimer.Reseller.Sdk.Tests.Support;

/// <summary>
/// A client over the in-process emulator with an in-memory store, a fake clock and captured invitations and logs: the
/// client's input rules and the emulator's server rules, through the one contract, with no socket.
/// </summary>
internal sealed class TestEngine : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    /// <param name="store">The store; default a new in-memory one.</param>
    /// <param name="sender">The invitation sender; default one that keeps the messages.</param>
    /// <param name="resellerAdminEmail">The reseller's admin address.</param>
    /// <param name="configure">Sets more client options, e.g. the SPF step's DNS servers.</param>
    /// <param name="partner">The kind of partner the emulator answers as.</param>
    /// <param name="mailboxAllocation">The MSP's mailbox allocation, if any.</param>
    /// <param name="apiToken">The token the emulator requires (and the client sends); default none required.</param>
    public TestEngine(ResellerStore? store = null, InvitationSender? sender = null, string? resellerAdminEmail = "admin@reseller.example", Action<ResellerClientOptions>? configure = null, EmulatorPartnerKind partner = EmulatorPartnerKind.Marketplace, int? mailboxAllocation = null, string? apiToken = null)
    {
        ApiToken = apiToken;
        Store = store ?? new InMemoryResellerStore();
        Invitations = sender as InMemoryInvitationSender ?? new InMemoryInvitationSender();
        Emulator = new ResellerEmulator(new EmulatorOptions
        {
            Store = Store,
            InvitationSender = sender ?? Invitations,
            TimeProvider = Clock,
            LoggerFactory = Logs,
            PartnerKind = partner,
            MailboxAllocation = mailboxAllocation,
            ApiToken = apiToken,
        });
        Client = Emulator.CreateClient(options =>
        {
            options.ResellerAdminEmail = resellerAdminEmail;
            options.PageSize = 10;
            options.LoggerFactory = Logs;

            // A server fault surfaces at once, instead of after backoff.
            options.Retry.MaxRetries = 0;
            configure?.Invoke(options);
        });
    }

    public FakeTimeProvider Clock { get; } = new(Now);

    /// <summary>The token the emulator requires, or <see langword="null"/>.</summary>
    public string? ApiToken { get; }

    public CapturingLoggerFactory Logs { get; } = new();

    public ResellerStore Store { get; }

    public InMemoryInvitationSender Invitations { get; }

    public ResellerEmulator Emulator { get; }

    public ResellerClient Client { get; }

    /// <summary>A Microsoft 365 subscription; the customer's domain follows their name, so each customer is one end user.</summary>
    public static CreateSubscriptionOptions NewM365(string id, string customer = "Contoso Ltd", int users = 25) =>
        new() { Product = Product.Microsoft365, CustomerName = customer, UserCount = users, SubscriptionId = id, Domain = DomainOf(customer) };

    /// <summary>"Contoso Ltd" becomes <c>contoso-ltd.example</c>.</summary>
    public static string DomainOf(string customer)
    {
        var label = new string(customer.ToLowerInvariant().Select(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '-').ToArray()).Trim('-');
        while (label.Contains("--", StringComparison.Ordinal))
        {
            label = label.Replace("--", "-", StringComparison.Ordinal);
        }

        label = label.Length > 40 ? label.Substring(0, 40).Trim('-') : label;
        return (label.Length == 0 ? "customer" : label) + ".example";
    }

    public static CreateSubscriptionOptions NewWithAccess(string id, string customer = "Fabrikam BV") =>
        new()
        {
            Product = Product.GoogleWorkspace,
            CustomerName = customer,
            UserCount = 10,
            SubscriptionId = id,
            Domain = DomainOf(customer),
            AllowCustomerEditing = true,
            ContactName = "Anna de Vries",
            ContactEmail = "anna@fabrikam.example",
        };

    public Task<Subscription> CreateAsync(CreateSubscriptionOptions options) => Client.CreateSubscriptionAsync(options);

    /// <summary>
    /// Tells the emulator, which serves no mail, what mail a subscription has seen: its usage extension
    /// (<c>PUT _emulator/1.0/subscriptions/{id}/usage</c>, docs/emulator.md).
    /// </summary>
    public async Task<HttpResponseMessage> SetUsageAsync(string subscriptionId, int serverSide, int clientSide, string? sendersJson = null)
    {
        using var http = RawHttpClient();
        var body = $"{{\"MailboxCount\":{serverSide},\"ClientSideMailboxCount\":{clientSide}{(sendersJson is null ? string.Empty : ",\"Senders\":" + sendersJson)}}}";
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await http.PutAsync(new Uri("_emulator/1.0/subscriptions/" + Uri.EscapeDataString(subscriptionId) + "/usage", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        return response;
    }

    /// <summary>A raw request to the emulator, for what the client refuses to send (the emulator's own checks at the HTTP level).</summary>
    public async Task<(int Status, string Body)> SendRawAsync(HttpMethod method, string pathBelowSegment, string? json = null)
    {
        using var http = RawHttpClient();
        using var request = new HttpRequestMessage(method, new Uri(pathBelowSegment, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private HttpClient RawHttpClient()
    {
        var http = new HttpClient(Emulator.Handler, disposeHandler: false) { BaseAddress = new Uri("http://localhost/exclaimerapi/") };
        if (ApiToken is not null)
        {
            http.DefaultRequestHeaders.Add("ExAPIToken", ApiToken);
        }

        return http;
    }

    public void Dispose()
    {
        Client.Dispose();
        Emulator.Dispose();
        Store.Dispose();
    }
}
