using System.Threading;
using System.Threading.Tasks;

namespace Exclaimer.Reseller.Emulator.Invitations;

/// <summary>Delivers the local engine's invitation emails (R6). Implement it to send through your own mail system.</summary>
public abstract class InvitationSender
{
    /// <summary>Delivers one invitation. Throw if it cannot be delivered; the subscription then shows the invitation as <c>Failed</c>, which asks for a resend.</summary>
    public abstract Task SendAsync(InvitationMessage message, CancellationToken cancellationToken);
}
