using System;

namespace Exclaimer.Reseller.Emulator.Invitations;

/// <summary>
/// The invitation email a customer with access receives (R6). <see cref="Body"/> and <see cref="AcceptLink"/>
/// hold the invitation link, a secret: <see cref="ToString"/> leaves them out, so logging a message never
/// leaks it (R18).
/// </summary>
public sealed class InvitationMessage
{
    /// <summary>Creates a message.</summary>
    public InvitationMessage(string subscriptionId, string toAddress, string? toName, string subject, string body, Uri acceptLink, DateTimeOffset date)
    {
        SubscriptionId = subscriptionId;
        ToAddress = toAddress;
        ToName = toName;
        Subject = subject;
        Body = body;
        AcceptLink = acceptLink;
        Date = date;
    }

    /// <summary>The subscription the invitation is for.</summary>
    public string SubscriptionId { get; }

    /// <summary>The customer contact's address; it becomes their username.</summary>
    public string ToAddress { get; }

    /// <summary>The customer contact's name.</summary>
    public string? ToName { get; }

    /// <summary>The subject line.</summary>
    public string Subject { get; }

    /// <summary>The plain-text body, including the link. Secret.</summary>
    public string Body { get; }

    /// <summary>The link the customer follows to set their password. Secret.</summary>
    public Uri AcceptLink { get; }

    /// <summary>When the message was made.</summary>
    public DateTimeOffset Date { get; }

    /// <summary>Describes the message without its link.</summary>
    public override string ToString() => $"Invitation for subscription '{SubscriptionId}' to {ToAddress}";
}
