using System;
using System.Globalization;
using System.IO;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Emulator.Storage;

namespace Exclaimer.Reseller.Emulator.Invitations;

/// <summary>
/// Writes each invitation as an RFC 5322 <c>.eml</c> file into an outbox folder instead of sending it, so a
/// user can open exactly what would be sent. The message is composed by <see cref="MailMessage"/> and written
/// to a staging folder first, then moved into the outbox whole, so a reader never sees half a file. On Linux and
/// macOS the outbox and each message are readable by their owner only (R18).
/// </summary>
public sealed class OutboxInvitationSender : InvitationSender
{
    /// <summary>Creates a sender.</summary>
    /// <param name="outboxDirectory">The outbox folder; created when needed.</param>
    /// <param name="fromAddress">The sender address on the messages.</param>
    public OutboxInvitationSender(string outboxDirectory, string fromAddress = "Exclaimer <no-reply@exclaimer.com>")
    {
        if (string.IsNullOrWhiteSpace(outboxDirectory))
        {
            throw new ArgumentException("An outbox folder is required.", nameof(outboxDirectory));
        }

        OutboxDirectory = Path.GetFullPath(outboxDirectory);
        FromAddress = new MailAddress(fromAddress);
    }

    /// <summary>The outbox folder.</summary>
    public string OutboxDirectory { get; }

    /// <summary>The sender address.</summary>
    public MailAddress FromAddress { get; }

    /// <inheritdoc />
    public override Task SendAsync(InvitationMessage message, CancellationToken cancellationToken)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var staging = Path.Combine(OutboxDirectory, ".staging", Guid.NewGuid().ToString("N"));
        // Every folder it creates, the staging one included, is readable by its owner only (R18).
        OwnerOnly.CreateDirectory(staging);
        try
        {
            using (var mail = Compose(message))
            using (var pickup = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = staging })
            {
                pickup.Send(mail);
            }

            var written = Directory.GetFiles(staging, "*.eml");
            if (written.Length != 1)
            {
                throw new IOException($"The invitation for '{message.SubscriptionId}' was not written to the outbox.");
            }

            // SmtpClient gives the file the default mode; no one else can reach it in the private staging folder,
            // and it is made private before it moves into the outbox, since the invitation link is a secret.
            OwnerOnly.Restrict(written[0]);
            File.Move(written[0], UniqueOutboxPath(message));
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }

        return Task.CompletedTask;
    }

    private MailMessage Compose(InvitationMessage message)
    {
        var mail = new MailMessage(FromAddress, new MailAddress(message.ToAddress, message.ToName ?? string.Empty, Encoding.UTF8))
        {
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            Body = message.Body,
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = TransferEncoding.QuotedPrintable,
        };
        mail.Headers.Add("X-Exclaimer-Subscription", message.SubscriptionId);
        return mail;
    }

    private string UniqueOutboxPath(InvitationMessage message)
    {
        var stem = message.Date.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + SafeFileName(message.SubscriptionId);
        var path = Path.Combine(OutboxDirectory, stem + ".eml");
        for (var n = 2; File.Exists(path); n++)
        {
            path = Path.Combine(OutboxDirectory, stem + "-" + n.ToString(CultureInfo.InvariantCulture) + ".eml");
        }

        return path;
    }

    private static string SafeFileName(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }

        return builder.ToString();
    }
}
