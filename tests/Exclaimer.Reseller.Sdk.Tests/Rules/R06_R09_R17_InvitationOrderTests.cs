using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Emulator.Invitations;
using Exclaimer.Reseller.Sdk.Tests.Support;

namespace Exclaimer.Reseller.Sdk.Tests.Rules;

/// <summary>
/// The order of a create with customer access on the local engine: save the subscription, send the invitation,
/// record the outcome. What a caller sees when something stops between those steps.
/// </summary>
public sealed class R06_R09_R17_InvitationOrderTests
{
    [Fact]
    public async Task R6_the_stored_invitation_shows_Failed_until_the_sender_has_sent_it()
    {
        using var store = new ScriptedStore();
        var sender = new WatchingSender();
        using var engine = new TestEngine(store, sender);
        sender.DuringSend = () => store.ReadAsync(view => Enum.Parse<InvitationStatus>(view.Find("fabrikam")!.Subscription.InvitationStatus!), CancellationToken.None);

        var created = await engine.CreateAsync(TestEngine.NewWithAccess("fabrikam"));

        // A process that stopped inside the send would leave Failed behind, which asks for a resend.
        Assert.Equal(InvitationStatus.Failed, sender.StatusDuringSend);
        Assert.Equal(InvitationStatus.Pending, created.InvitationStatus);
        Assert.Equal(InvitationStatus.Pending, (await engine.Client.GetSubscriptionAsync("fabrikam")).InvitationStatus);
    }

    [Fact]
    public async Task R9_R17_a_caller_who_cancels_once_the_subscription_is_saved_leaves_it_whole_with_exactly_one_invitation()
    {
        using var store = new ScriptedStore();
        var sender = new WatchingSender();
        using var engine = new TestEngine(store, sender);
        using var cancel = new CancellationTokenSource();
        store.AfterWrite = number =>
        {
            if (number == 1)
            {
                cancel.Cancel();
            }
        };

        // Over HTTP the caller's cancellation may win the race with the answer: then it is told it cancelled, and the
        // server has made the subscription whole all the same; a re-run finds it (R9).
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => engine.Client.CreateSubscriptionAsync(TestEngine.NewWithAccess("fabrikam"), cancel.Token));
        var created = await engine.Client.GetSubscriptionAsync("fabrikam");
        var rerun = await Assert.ThrowsAsync<ResellerConflictException>(() => engine.Client.CreateSubscriptionAsync(TestEngine.NewWithAccess("fabrikam")));

        Assert.True(cancel.IsCancellationRequested);
        Assert.Equal(InvitationStatus.Pending, created.InvitationStatus);
        Assert.Equal(ResellerErrorCodes.SubscriptionAlreadyExists, rerun.ErrorCode);
        Assert.Equal(1, sender.Sends);
        Assert.False(sender.TokenWasCancelled);
        Assert.Single(await engine.Client.GetSubscriptionsAsync().ToListAsync());

        // A re-run of the same create is a conflict, never a second subscription or a second invitation.
        var error = await Assert.ThrowsAsync<ResellerConflictException>(() => engine.CreateAsync(TestEngine.NewWithAccess("fabrikam")));
        Assert.Equal("SubscriptionAlreadyExists", error.ErrorCode);
        Assert.Equal(1, sender.Sends);
    }

    [Fact]
    public async Task R17_an_invitation_sent_but_not_recorded_does_not_fail_the_create_and_is_logged()
    {
        using var store = new ScriptedStore { FailWrite = number => number == 2 };
        var sender = new WatchingSender();
        using var engine = new TestEngine(store, sender);

        var created = await engine.CreateAsync(TestEngine.NewWithAccess("fabrikam"));

        Assert.Equal(1, sender.Sends);

        // The store still says Failed, so the reseller is offered a resend rather than told it went out; the client
        // reports what the server holds.
        Assert.Equal(InvitationStatus.Failed, created.InvitationStatus);
        var stored = await engine.Client.GetSubscriptionAsync("fabrikam");
        Assert.Equal(InvitationStatus.Failed, stored.InvitationStatus);
        Assert.Contains(
            engine.Logs.Lines,
            line => line.Contains("The invitation outcome for subscription fabrikam could not be recorded (StoreUnavailable)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task R17_a_create_whose_save_fails_sends_no_invitation_and_leaves_nothing()
    {
        using var store = new ScriptedStore { FailWrite = number => number == 1 };
        var sender = new WatchingSender();
        using var engine = new TestEngine(store, sender);

        var error = await Assert.ThrowsAsync<ResellerStoreException>(() => engine.CreateAsync(TestEngine.NewWithAccess("fabrikam")));

        Assert.Equal("StoreUnavailable", error.ErrorCode);
        Assert.Equal(0, sender.Sends);
        Assert.Empty(await engine.Client.GetSubscriptionsAsync().ToListAsync());
    }

    private sealed class WatchingSender : InvitationSender
    {
        public Func<Task<InvitationStatus>>? DuringSend { get; set; }

        public InvitationStatus? StatusDuringSend { get; private set; }

        public int Sends { get; private set; }

        public bool TokenWasCancelled { get; private set; }

        public override async Task SendAsync(InvitationMessage message, CancellationToken cancellationToken)
        {
            TokenWasCancelled |= cancellationToken.IsCancellationRequested;
            if (DuringSend is not null)
            {
                StatusDuringSend = await DuringSend().ConfigureAwait(false);
            }

            Sends++;
        }
    }
}
