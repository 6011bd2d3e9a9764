using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using Exclaimer.Reseller.Sdk.Testing;

namespace Exclaimer.Reseller.Sdk.CloudApi.Tests.Rules;

/// <summary>
/// R21 with R17: a claim spends its token, so once the server has said yes the claim is never reported as failed: a
/// read-back that fails returns the claimed subscription from what the claim knows, and says so in the log.
/// </summary>
public sealed class R21_ClaimReadBackTests
{
    [Fact]
    public async Task R21_R17_a_claim_the_server_accepted_is_returned_even_when_reading_it_back_fails()
    {
        var logs = new CapturingLoggerFactory();
        var handler = new ScriptedHandler(request => request.Method == HttpMethod.Post
            ? ScriptedHandler.Json("{\"SubscriptionID\":\"claimed-7\"}")
            : ScriptedHandler.Json("{\"Message\":\"Service unavailable\"}", HttpStatusCode.ServiceUnavailable));
        using var client = handler.Client(logs: logs);

        var claimed = await client.ClaimSubscriptionTransferAsync(new ClaimTransferOptions { TransferToken = "d41d8cd98f00b204e9800998ecf8427e", ResellerId = "R-55782", CustomerId = "U-ABC-592" });

        Assert.Equal("claimed-7", claimed.SubscriptionId);
        Assert.Equal("R-55782", claimed.ResellerId);
        Assert.Equal("U-ABC-592", claimed.CustomerId);
        Assert.False(claimed.PendingTransfer);
        Assert.Equal(new[] { "POST /1.0/subscriptions/transfer/claim", "GET /1.0/subscriptions/claimed-7" }, handler.Requests.Select(r => r.Split('?')[0].Replace("/exclaimerapi", string.Empty, StringComparison.Ordinal)));
        Assert.Contains(logs.Lines, line => line.Contains("claimed-7", StringComparison.Ordinal) && line.Contains("claimed by transfer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task R21_R17_the_fallback_keeps_the_reseller_and_customer_the_claim_added()
    {
        var handler = new ScriptedHandler(request => request.Method == HttpMethod.Post
            ? ScriptedHandler.Json("{\"SubscriptionID\":\"claimed-8\"}")
            : ScriptedHandler.Json("{\"Message\":\"Service unavailable\"}", HttpStatusCode.ServiceUnavailable));
        using var client = handler.Client();

        var claimed = await client.ClaimSubscriptionTransferAsync(new ClaimTransferOptions
        {
            TransferToken = "d41d8cd98f00b204e9800998ecf8427e",
            Reseller = new SetResellerOptions { ResellerId = "R-new", CompanyName = "Northwind Resale", CountryCode = "GB" },
            Customer = new SetCustomerOptions { CustomerId = "U-new", CompanyName = "Contoso", CountryCode = "NL" },
        });

        Assert.Equal("claimed-8", claimed.SubscriptionId);
        Assert.Equal("R-new", claimed.ResellerId);
        Assert.Equal("U-new", claimed.CustomerId);
    }
}
