using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Exclaimer.Reseller.Emulator.Invitations;

/// <summary>Keeps invitations in memory instead of sending them: for tests, and for integrators who send mail themselves.</summary>
public sealed class InMemoryInvitationSender : InvitationSender
{
    private readonly ConcurrentQueue<InvitationMessage> _sent = new();

    /// <summary>Every message "sent", oldest first.</summary>
    public IReadOnlyList<InvitationMessage> Sent => _sent.ToArray();

    /// <inheritdoc />
    public override Task SendAsync(InvitationMessage message, CancellationToken cancellationToken)
    {
        _sent.Enqueue(message);
        return Task.CompletedTask;
    }
}
