using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk.Rules;
using Exclaimer.Reseller.Emulator.Invitations;
using Exclaimer.Reseller.Emulator.Storage;
using Exclaimer.Reseller.Sdk.Tests.Support;

namespace Exclaimer.Reseller.Sdk.Tests.Rules;

public sealed class R06_R18_InvitationTests : IDisposable
{
    private readonly TestEngine _engine = new();

    public void Dispose() => _engine.Dispose();

    [Fact]
    public async Task R6_customer_access_sends_an_invitation_with_a_link_and_the_username()
    {
        var created = await _engine.CreateAsync(TestEngine.NewWithAccess("fabrikam"));

        var message = Assert.Single(_engine.Invitations.Sent);
        Assert.Equal("anna@fabrikam.example", message.ToAddress);
        Assert.Equal("Anna de Vries", message.ToName);
        Assert.Contains(message.AcceptLink.ToString(), message.Body, StringComparison.Ordinal);
        Assert.Contains("Your username is your email address: anna@fabrikam.example", message.Body, StringComparison.Ordinal);
        Assert.Contains("Google Workspace", message.Subject, StringComparison.Ordinal);
        Assert.Equal(InvitationStatus.Pending, created.InvitationStatus);
        Assert.True(created.AllowCustomerEditing);
    }

    [Fact]
    public async Task R6_the_customer_is_the_owner_with_their_email_as_username()
    {
        var created = await _engine.CreateAsync(TestEngine.NewWithAccess("fabrikam"));

        var owner = Assert.Single(await _engine.Client.GetSubscriptionUsersAsync("fabrikam").ToListAsync());
        Assert.True(owner.IsOwner);
        Assert.Equal("anna@fabrikam.example", owner.EmailAddress);
        Assert.Equal(owner.UserId, created.OwnerUserId);
    }

    [Fact]
    public async Task R6_a_pending_invitation_can_be_sent_again_with_a_new_link()
    {
        await _engine.CreateAsync(TestEngine.NewWithAccess("fabrikam"));
        _engine.Clock.Advance(TimeSpan.FromDays(2));

        var resent = await _engine.Client.ResendInvitationAsync("fabrikam");

        Assert.Equal(InvitationStatus.Pending, resent.Status);
        Assert.Equal(2, resent.SendCount);
        Assert.Equal(TestEngine.Now.AddDays(2), resent.SentDate);
        Assert.Equal(2, _engine.Invitations.Sent.Count);
        Assert.NotEqual(_engine.Invitations.Sent[0].AcceptLink, _engine.Invitations.Sent[1].AcceptLink);
    }

    [Fact]
    public async Task R4_R6_there_is_no_invitation_to_resend_without_customer_access()
    {
        await _engine.CreateAsync(TestEngine.NewM365("reseller-managed"));

        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => _engine.Client.ResendInvitationAsync("reseller-managed"));

        Assert.Equal("NoCustomerAccess", error.ErrorCode);
        Assert.Equal("R4", error.Rule);
        Assert.Empty(_engine.Invitations.Sent);
    }

    [Fact]
    public async Task R6_a_failed_send_keeps_the_subscription_and_shows_Failed_until_resent()
    {
        var flaky = new FlakySender();
        using var engine = new TestEngine(sender: flaky);

        var created = await engine.CreateAsync(TestEngine.NewWithAccess("fabrikam"));

        Assert.Equal(InvitationStatus.Failed, created.InvitationStatus);
        Assert.Equal(InvitationStatus.Failed, (await engine.Client.GetSubscriptionAsync("fabrikam")).InvitationStatus);
        flaky.Fail = false;
        var resent = await engine.Client.ResendInvitationAsync("fabrikam");
        Assert.Equal(InvitationStatus.Pending, resent.Status);
        Assert.Equal(InvitationStatus.Pending, (await engine.Client.GetSubscriptionAsync("fabrikam")).InvitationStatus);
    }

    [Fact]
    public async Task R6_the_default_sender_writes_an_RFC5322_eml_into_the_outbox_beside_the_file_store()
    {
        using var folder = new TempDirectory();
        using (var client = Exclaimer.Reseller.Emulator.ResellerEmulator.CreateEmbeddedClient(folder.Path))
        {
            await client.CreateSubscriptionAsync(TestEngine.NewWithAccess("fabrikam", customer: "Fabrikam Bäckerei"));
        }

        var file = Assert.Single(Directory.GetFiles(Path.Combine(folder.Path, "outbox"), "*.eml"));
        Assert.Contains("fabrikam", Path.GetFileName(file), StringComparison.Ordinal);
        var text = await File.ReadAllTextAsync(file);
        Assert.Contains("To: ", text, StringComparison.Ordinal);
        Assert.Contains("<anna@fabrikam.example>", text, StringComparison.Ordinal);
        Assert.Contains("Subject: ", text, StringComparison.Ordinal);
        Assert.Contains("MIME-Version: 1.0", text, StringComparison.Ordinal);
        Assert.Contains("X-Exclaimer-Subscription: fabrikam", text, StringComparison.Ordinal);
        Assert.Contains("invitations/accept?token=3D", text, StringComparison.Ordinal);
        Assert.Empty(Directory.GetDirectories(Path.Combine(folder.Path, "outbox", ".staging")));
    }

    [Fact]
    public async Task R18_the_invitation_link_never_reaches_the_log_the_store_or_ToString()
    {
        using var folder = new TempDirectory();
        var sender = new InMemoryInvitationSender();
        using var store = new JsonFileResellerStore(new JsonFileStoreOptions { DirectoryPath = folder.Path });
        using var engine = new TestEngine(store, sender);

        await engine.CreateAsync(TestEngine.NewWithAccess("fabrikam"));
        await engine.Client.ResendInvitationAsync("fabrikam");

        Assert.Equal(2, sender.Sent.Count);
        var storeText = string.Concat(Directory.GetFiles(folder.Path).Select(File.ReadAllText));
        foreach (var message in sender.Sent)
        {
            var token = message.AcceptLink.Query;
            Assert.True(token.Length > 20);
            Assert.DoesNotContain(engine.Logs.Lines, line => line.Contains(token, StringComparison.Ordinal));
            Assert.DoesNotContain(token, storeText, StringComparison.Ordinal);
            Assert.DoesNotContain(token, message.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(token, (await engine.Client.GetSubscriptionAsync("fabrikam")).ToString(), StringComparison.Ordinal);
        }

        Assert.Contains(engine.Logs.Lines, line => line.Contains("Sent the invitation for subscription fabrikam", StringComparison.Ordinal));
    }

    private sealed class FlakySender : InvitationSender
    {
        public bool Fail { get; set; } = true;

        public override Task SendAsync(InvitationMessage message, CancellationToken cancellationToken) =>
            Fail ? throw new IOException("mail server down") : Task.CompletedTask;
    }
}
