using System.Threading;
using System.Threading.Tasks;

namespace Exclaimer.Reseller.Sdk.LocalEngine.Invitations;

/// <summary>Delivers the local engine's invitation emails (R6). Implement it to send through your own mail system.</summary>
public abstract class InvitationSender
{
    /// <summary>Delivers one invitation. Throw if it cannot be delivered; the subscription then shows <see cref="InvitationStatus.Failed"/>.</summary>
    public abstract Task SendAsync(InvitationMessage message, CancellationToken cancellationToken);
}
