using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Exclaimer.Reseller.Emulator.Storage;
using Exclaimer.Reseller.Sdk.Tests.Support;

namespace Exclaimer.Reseller.Sdk.Tests.Rules;

/// <summary>
/// R21: the transfer handshake over the emulator. The token claims once; a cancelled transfer claims nothing; a claim
/// with only the token changes nothing but the pending state; a claim refused for its input keeps the token.
/// </summary>
public sealed class R21_TransferTests : IDisposable
{
    private readonly TestEngine _engine = new();

    public R21_TransferTests()
    {
        _engine.CreateAsync(TestEngine.NewM365("contoso")).GetAwaiter().GetResult();
        _engine.Client.AddSubscriptionUserAsync("contoso", "ed@contoso.example", new[] { SubscriptionRole.Editor }).GetAwaiter().GetResult();
    }

    public void Dispose() => _engine.Dispose();

    [Fact]
    public async Task R21_a_started_transfer_shows_as_pending_and_gives_a_token()
    {
        var transfer = await _engine.Client.InitiateSubscriptionTransferAsync("contoso");

        Assert.Equal("contoso", transfer.SubscriptionId);
        Assert.Matches("^[A-Za-z0-9]{30}$", transfer.TransferToken);
        Assert.True((await _engine.Client.GetSubscriptionAsync("contoso")).PendingTransfer);
    }

    [Fact]
    public async Task R21_a_self_claim_with_only_the_token_changes_nothing_but_the_pending_state()
    {
        var before = await _engine.Client.GetSubscriptionAsync("contoso");
        var transfer = await _engine.Client.InitiateSubscriptionTransferAsync("contoso");

        var claimed = await _engine.Client.ClaimSubscriptionTransferAsync(new ClaimTransferOptions { TransferToken = transfer.TransferToken });

        Assert.Equal(before with { PendingTransfer = false }, claimed);
        Assert.Equal(2, (await _engine.Client.GetSubscriptionUsersAsync("contoso").ToListAsync()).Count);
    }

    [Fact]
    public async Task R21_a_transfer_token_claims_once()
    {
        var transfer = await _engine.Client.InitiateSubscriptionTransferAsync("contoso");
        await _engine.Client.ClaimSubscriptionTransferAsync(new ClaimTransferOptions { TransferToken = transfer.TransferToken });

        var again = await Assert.ThrowsAsync<ResellerConflictException>(() => _engine.Client.ClaimSubscriptionTransferAsync(new ClaimTransferOptions { TransferToken = transfer.TransferToken }));

        Assert.Equal(ResellerErrorCodes.TransferTokenRefused, again.ErrorCode);
        Assert.Contains("used", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R21_a_claim_after_a_cancel_is_refused_and_cancelling_again_is_safe()
    {
        var transfer = await _engine.Client.InitiateSubscriptionTransferAsync("contoso");

        var cancelled = await _engine.Client.CancelSubscriptionTransferAsync("contoso");
        var again = await _engine.Client.CancelSubscriptionTransferAsync("contoso");
        var claim = await Assert.ThrowsAsync<ResellerConflictException>(() => _engine.Client.ClaimSubscriptionTransferAsync(new ClaimTransferOptions { TransferToken = transfer.TransferToken }));

        Assert.False(cancelled.PendingTransfer);
        Assert.Equal(cancelled, again);
        Assert.Equal(ResellerErrorCodes.TransferTokenRefused, claim.ErrorCode);
        Assert.Contains("cancelled", claim.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R21_starting_again_gives_a_new_token_and_the_old_one_claims_nothing()
    {
        var first = await _engine.Client.InitiateSubscriptionTransferAsync("contoso");
        var second = await _engine.Client.InitiateSubscriptionTransferAsync("contoso");

        await Assert.ThrowsAsync<ResellerConflictException>(() => _engine.Client.ClaimSubscriptionTransferAsync(new ClaimTransferOptions { TransferToken = first.TransferToken }));
        var claimed = await _engine.Client.ClaimSubscriptionTransferAsync(new ClaimTransferOptions { TransferToken = second.TransferToken });

        Assert.NotEqual(first.TransferToken, second.TransferToken);
        Assert.False(claimed.PendingTransfer);
    }

    [Fact]
    public async Task R21_a_claim_with_a_new_id_moves_the_subscription_with_its_users_and_the_old_id_answers_no_more()
    {
        var transfer = await _engine.Client.InitiateSubscriptionTransferAsync("contoso");

        var moved = await _engine.Client.ClaimSubscriptionTransferAsync(new ClaimTransferOptions { TransferToken = transfer.TransferToken, SubscriptionId = "contoso-2026" });

        Assert.Equal("contoso-2026", moved.SubscriptionId);
        Assert.Equal("Contoso Ltd", moved.CustomerName);
        Assert.Equal(2, (await _engine.Client.GetSubscriptionUsersAsync("contoso-2026").ToListAsync()).Count);
        await Assert.ThrowsAsync<ResellerNotFoundException>(() => _engine.Client.GetSubscriptionAsync("contoso"));
        Assert.Equal(new[] { "contoso-2026" }, (await _engine.Client.GetSubscriptionsAsync().ToListAsync()).Select(s => s.SubscriptionId));

        // A claim that names an id, like any claimant's, gives the subscription no customer it does not name.
        Assert.Null(moved.CustomerId);
    }

    [Fact]
    public async Task R21_a_claim_attaches_a_reseller_and_customer_it_adds_under_a_new_id_and_a_refused_claim_keeps_the_token()
    {
        var transfer = await _engine.Client.InitiateSubscriptionTransferAsync("contoso");

        var unknown = await Assert.ThrowsAsync<ResellerNotFoundException>(() => _engine.Client.ClaimSubscriptionTransferAsync(new ClaimTransferOptions { TransferToken = transfer.TransferToken, ResellerId = "R-404" }));
        var claimed = await _engine.Client.ClaimSubscriptionTransferAsync(new ClaimTransferOptions
        {
            TransferToken = transfer.TransferToken,
            Reseller = new SetResellerOptions { ResellerId = "R-55555", CompanyName = "Resellers & Co.", CountryCode = "GB" },
            Customer = new SetCustomerOptions { CustomerId = "U-ABC-321", CompanyName = "Users Ltd", CountryCode = "GB" },
        });

        Assert.Equal(ResellerErrorCodes.ResellerNotFound, unknown.ErrorCode);
        Assert.Equal(("R-55555", "U-ABC-321"), (claimed.ResellerId!, claimed.CustomerId!));

        // A claim with details but no id gets a generated one, as any claimant's does (openapi.json).
        Assert.Matches("^[A-Za-z0-9]{30}$", claimed.SubscriptionId);
        await Assert.ThrowsAsync<ResellerNotFoundException>(() => _engine.Client.GetSubscriptionAsync("contoso"));
        Assert.Contains(await _engine.Client.GetResellersAsync().ToListAsync(), r => r.ResellerId == "R-55555");
        Assert.Contains(await _engine.Client.GetCustomersAsync().ToListAsync(), c => c.CustomerId == "U-ABC-321" && c.SubscriptionCount == 1);
    }

    [Fact]
    public async Task R21_R18_the_store_keeps_no_transfer_token_only_its_hash()
    {
        using var folder = new TempDirectory();
        using var engine = new TestEngine(new JsonFileResellerStore(new JsonFileStoreOptions { DirectoryPath = folder.Path }));
        await engine.CreateAsync(TestEngine.NewM365("contoso"));

        var transfer = await engine.Client.InitiateSubscriptionTransferAsync("contoso");

        var files = string.Concat(Directory.GetFiles(folder.Path).Select(File.ReadAllText));
        Assert.DoesNotContain(transfer.TransferToken, files, StringComparison.Ordinal);
        Assert.Contains("TokenHash", files, StringComparison.Ordinal);
    }
}
