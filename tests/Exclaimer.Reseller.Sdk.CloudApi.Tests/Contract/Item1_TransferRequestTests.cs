using System;
using System.Linq;

namespace Exclaimer.Reseller.Sdk.CloudApi.Tests.Contract;

/// <summary>Issue 11, items 1 and 6: transfers (R21), request by request against the contract.</summary>
public sealed class Item1_TransferRequestTests : IDisposable
{
    private readonly FakeCloudApi _api = new();
    private readonly CloudApiClient _sdk;

    public Item1_TransferRequestTests()
    {
        _sdk = new CloudApiClient(_api);
        _api.Add("contoso");
    }

    public void Dispose()
    {
        _sdk.Dispose();
        _api.Dispose();
    }

    [Fact]
    public async Task R21_a_transfer_starts_with_a_bodyless_POST_transfer_and_the_example_gives_the_token()
    {
        _api.Stub("POST", "/1.0/subscriptions/contoso/transfer", 200, Fixtures.Read("initiate-transfer.json"));

        var transfer = await _sdk.Client.InitiateSubscriptionTransferAsync("contoso");

        RequestAssert.Exact(_api.Requests.Single(), "POST", "/exclaimerapi/1.0/subscriptions/contoso/transfer");
        Assert.Equal(new SubscriptionTransfer { SubscriptionId = "contoso", TransferToken = "27sfPOh6bR0ium66SMCr5sdPLdyQxC" }, transfer);
    }

    [Fact]
    public async Task R21_an_answer_without_a_token_is_InvalidResponse_never_an_empty_token()
    {
        _api.Stub("POST", "/1.0/subscriptions/contoso/transfer", 200, "{}");

        var error = await Assert.ThrowsAsync<ResellerException>(() => _sdk.Client.InitiateSubscriptionTransferAsync("contoso"));

        Assert.Equal(ResellerErrorCodes.InvalidResponse, error.ErrorCode);
    }

    [Fact]
    public async Task R21_a_transfer_is_cancelled_with_a_bodyless_PUT_transfer_cancel_then_one_GET()
    {
        _api.Stub("PUT", "/1.0/subscriptions/contoso/transfer/cancel");

        var subscription = await _sdk.Client.CancelSubscriptionTransferAsync("contoso");

        RequestAssert.Exact(_api.RequestsTo("PUT", "/1.0/subscriptions/contoso/transfer/cancel").Single(), "PUT", "/exclaimerapi/1.0/subscriptions/contoso/transfer/cancel");
        Assert.Equal("contoso", subscription.SubscriptionId);
    }

    [Fact]
    public async Task R21_a_claim_with_only_the_token_sends_only_the_token_as_the_contract_example()
    {
        _api.Stub("POST", "/1.0/subscriptions/transfer/claim", 200, "{\"SubscriptionID\":\"contoso\"}");

        var claimed = await _sdk.Client.ClaimSubscriptionTransferAsync(new ClaimTransferOptions { TransferToken = "e0c2669f107745b1bf1253332b4ca205" });

        RequestAssert.Exact(_api.RequestsTo("POST", "/1.0/subscriptions/transfer/claim").Single(), "POST", "/exclaimerapi/1.0/subscriptions/transfer/claim", body: "{\"TransferToken\":\"e0c2669f107745b1bf1253332b4ca205\"}");
        Assert.Equal("contoso", claimed.SubscriptionId);
    }

    [Fact]
    public async Task R21_a_claim_with_an_id_and_existing_or_new_reseller_and_customer_sends_the_contract_s_fields()
    {
        // The example answer's id is the one read back, whichever id was asked for.
        _api.Add("Subscription-CVZ-996");
        _api.Stub("POST", "/1.0/subscriptions/transfer/claim", 200, Fixtures.Read("claim-transfer-specified.json"));

        await _sdk.Client.ClaimSubscriptionTransferAsync(new ClaimTransferOptions { TransferToken = "6a5dad1dd73904c1cb6830cef161710", SubscriptionId = "Subscription-PPX-394", ResellerId = "R-55782", CustomerId = "U-ABC-592" });
        await _sdk.Client.ClaimSubscriptionTransferAsync(new ClaimTransferOptions
        {
            TransferToken = "37a5dad1dd73904c1cb6830cef16171",
            SubscriptionId = "Subscription-DFU-292",
            Reseller = new SetResellerOptions { ResellerId = "R-55555", CompanyName = "Resellers & Co.", CountryCode = "GBR" },
            Customer = new SetCustomerOptions { CustomerId = "U-ABC-321", CompanyName = "Users Ltd", CountryCode = "GBR" },
        });

        var posts = _api.RequestsTo("POST", "/1.0/subscriptions/transfer/claim");
        RequestAssert.Exact(posts[0], "POST", "/exclaimerapi/1.0/subscriptions/transfer/claim", body: "{\"TransferToken\":\"6a5dad1dd73904c1cb6830cef161710\",\"SubscriptionID\":\"Subscription-PPX-394\",\"ResellerID\":\"R-55782\",\"EndUserID\":\"U-ABC-592\"}");
        RequestAssert.Exact(
            posts[1],
            "POST",
            "/exclaimerapi/1.0/subscriptions/transfer/claim",
            body: "{\"TransferToken\":\"37a5dad1dd73904c1cb6830cef16171\",\"SubscriptionID\":\"Subscription-DFU-292\",\"Reseller\":{\"ResellerID\":\"R-55555\",\"CompanyName\":\"Resellers \\u0026 Co.\",\"CountryCode\":\"GBR\"},\"EndUser\":{\"EndUserID\":\"U-ABC-321\",\"CompanyName\":\"Users Ltd\",\"CountryCode\":\"GBR\"}}");
    }

    [Fact]
    public async Task R21_the_claim_answer_s_generated_id_is_the_one_read_back()
    {
        _api.Add("77dmEGy5yE5apa38WMXt8udALobQoS");
        _api.Stub("POST", "/1.0/subscriptions/transfer/claim", 200, Fixtures.Read("claim-transfer-auto-generated.json"));

        var claimed = await _sdk.Client.ClaimSubscriptionTransferAsync(new ClaimTransferOptions { TransferToken = "t-1" });

        Assert.Equal("77dmEGy5yE5apa38WMXt8udALobQoS", claimed.SubscriptionId);
        Assert.Single(_api.RequestsTo("GET", "/1.0/subscriptions/77dmEGy5yE5apa38WMXt8udALobQoS"));
    }

    [Theory]
    [InlineData("ResellerID", ResellerErrorCodes.ResellerNotFound)]
    [InlineData("resellerId", ResellerErrorCodes.ResellerNotFound)]
    [InlineData("EndUserID", ResellerErrorCodes.CustomerNotFound)]
    public async Task R21_R22_a_claim_naming_both_a_reseller_and_a_customer_says_which_one_is_unknown_in_any_case(string field, string code)
    {
        _api.Stub("POST", "/1.0/subscriptions/transfer/claim", 404, "{\"Message\":\"Not found\",\"Field\":\"" + field + "\"}");

        var error = await Assert.ThrowsAsync<ResellerNotFoundException>(() => _sdk.Client.ClaimSubscriptionTransferAsync(new ClaimTransferOptions { TransferToken = "d41d8cd98f00b204e9800998ecf8427e", ResellerId = "R-1", CustomerId = "U-1" }));

        Assert.Equal(code, error.ErrorCode);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    public async Task R21_a_refused_token_is_TransferTokenRefused_with_the_server_s_words(int status)
    {
        _api.Stub("POST", "/1.0/subscriptions/transfer/claim", status, "{\"Message\":\"The transfer token has already been used.\"}");

        var error = await Assert.ThrowsAsync<ResellerConflictException>(() => _sdk.Client.ClaimSubscriptionTransferAsync(new ClaimTransferOptions { TransferToken = "d41d8cd98f00b204e9800998ecf8427e" }));

        Assert.Equal(ResellerErrorCodes.TransferTokenRefused, error.ErrorCode);
        Assert.Contains("already been used", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R21_a_claim_that_names_both_an_existing_and_a_new_reseller_is_refused_before_the_token_is_sent()
    {
        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => _sdk.Client.ClaimSubscriptionTransferAsync(new ClaimTransferOptions
        {
            TransferToken = "t",
            ResellerId = "R-1",
            Reseller = new SetResellerOptions { ResellerId = "R-2", CompanyName = "Two", CountryCode = "GB" },
        }));
        var missing = await Assert.ThrowsAsync<ResellerValidationException>(() => _sdk.Client.ClaimSubscriptionTransferAsync(new ClaimTransferOptions()));

        Assert.Equal("Reseller", error.FieldName);
        Assert.Equal("TransferToken", missing.FieldName);
        Assert.Empty(_api.Requests);
    }
}
