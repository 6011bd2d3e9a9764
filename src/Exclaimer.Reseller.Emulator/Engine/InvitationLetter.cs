using System;
using System.Security.Cryptography;
using Exclaimer.Reseller.Emulator.Invitations;
using Exclaimer.Reseller.Emulator.Storage;

namespace Exclaimer.Reseller.Emulator.Engine;

/// <summary>Writes the invitation a customer with access receives (R6), with a fresh single-purpose link.</summary>
internal static class InvitationLetter
{
    public static InvitationMessage Compose(StoredSubscriptionDetails subscription, Uri portal, DateTimeOffset now)
    {
        var product = ResellerEngine.ProductOf(subscription) == ContractValues.GoogleWorkspace ? "Signatures for Google Workspace" : "Signatures for Microsoft 365";
        var link = new Uri(portal, "invitations/accept?token=" + NewToken());
        var body =
            $"Hello {subscription.ContactName},\r\n\r\n" +
            $"You have been invited to manage the email signatures of {subscription.Name} with Exclaimer {product}.\r\n\r\n" +
            "Follow this link, enter your contact details and create a secure password:\r\n" +
            $"{link}\r\n\r\n" +
            $"Your username is your email address: {subscription.ContactEmail}\r\n\r\n" +
            "You will be able to create and edit your signatures. Billing stays with your reseller.\r\n";
        return new InvitationMessage(
            subscription.SubscriptionId,
            subscription.ContactEmail!,
            subscription.ContactName,
            $"You're invited to Exclaimer {product}",
            body,
            link,
            now);
    }

    private static string NewToken()
    {
        var bytes = new byte[32];
        using (var random = RandomNumberGenerator.Create())
        {
            random.GetBytes(bytes);
        }

        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
